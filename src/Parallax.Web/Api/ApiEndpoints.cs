using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Parallax.Engine;
using Parallax.Storage;
using Parallax.Stories.Briefs;
using Parallax.Web.Hosting;

namespace Parallax.Web.Api;

/// <summary>The REST API under /api: stories (with their briefs), articles, entities, search, and ingest. HTTP only; the engine does the work.</summary>
public static class ApiEndpoints
{
    public const int MaxPage = 200;

    public static IEndpointRouteBuilder MapParallaxApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");

        var stories = api.MapGroup("/stories").WithTags("Stories");
        stories.MapGet(string.Empty, ListStories).WithName("ListStories").WithSummary("Stories, biggest and most recent first; filter by text, entity, outlet and date range.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        stories.MapGet("/{id:long}", GetStory).WithName("GetStory").WithSummary("The brief of one story (the brief JSON: articles and the story's facts, entities, quotes, numbers, timeline, coverage).")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var articles = api.MapGroup("/articles").WithTags("Articles");
        articles.MapGet(string.Empty, ListArticles).WithName("ListArticles").WithSummary("The stored articles, oldest first.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        articles.MapGet("/{id:long}", GetArticle).WithName("GetArticle").WithSummary("One article: its original text, body paragraphs and annotation layers (offsets into the original text).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        articles.MapPost(string.Empty, IngestArticles).WithName("IngestArticles")
            .WithSummary("Ingest uploaded inputs: multipart files (field 'files', optional fields format, source, published), or one input as the body (JSON, JSON Lines, text, HTML, feed) with those options in the query.")
            .Accepts<IFormFileCollection>("multipart/form-data", "application/json", "application/x-ndjson", "text/plain", "text/html", "application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireWriteAccess();

        var entities = api.MapGroup("/entities").WithTags("Entities");
        entities.MapGet(string.Empty, ListEntities).WithName("ListEntities").WithSummary("People, organisations, places across the store, most mentioned first; q matches names and aliases.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        entities.MapGet("/{id}", GetEntity).WithName("GetEntity").WithSummary("One entity, by id or by name or alias: aliases, roles with the outlets that gave them, stories, quotes.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/search", Search).WithTags("Search").WithName("Search").WithSummary("Full-text search over the articles (BM25), with snippets: words must all occur, \"a phrase\" in quotes, a trailing * for a prefix.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return endpoints;
    }

    public static Results<Ok<StoryList>, ProblemHttpResult> ListStories(
        ParallaxEngine engine, string? q, string? entity, string? outlet, string? from, string? to, int? limit, int? offset)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (take, skip) = Paging(limit, offset, 50, errors);
        var fromDate = Day(from, "from", errors);
        var toDate = Day(to, "to", errors);
        if (fromDate > toDate)
        {
            errors["to"] = ["'to' is before 'from'."];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var page = engine.FindStories(new StoryQuery(q, entity, outlet, fromDate, toDate), take, skip);
        return TypedResults.Ok(new StoryList(page.Total, take, skip, page.Stories));
    }

    public static Results<Ok<BriefDocument>, ProblemHttpResult> GetStory(long id, ParallaxEngine engine, CancellationToken cancellationToken)
    {
        if (engine.Store.ResolveStory(id) is not long storyId)
        {
            return Problems.NotFound($"There is no story {id}.");
        }

        return TypedResults.Ok(engine.BriefDocument([storyId], cancellationToken));
    }

    public static Results<Ok<ArticleList>, ProblemHttpResult> ListArticles(ParallaxEngine engine, int? limit, int? offset)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (take, skip) = Paging(limit, offset, 100, errors);
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        return TypedResults.Ok(new ArticleList(engine.Store.CountArticles(), take, skip, engine.Store.ListArticles(take, skip)));
    }

    public static Results<Ok<ArticleDetail>, ProblemHttpResult> GetArticle(long id, ParallaxEngine engine, CancellationToken cancellationToken) =>
        engine.GetAnnotatedArticle(id, cancellationToken) is { } article
            ? TypedResults.Ok(ArticleDetail.From(article))
            : Problems.NotFound($"There is no article {id}.");

    public static Results<Ok<EntityList>, ProblemHttpResult> ListEntities(ParallaxEngine engine, string? q, string? type, int? limit, int? offset)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (take, skip) = Paging(limit, offset, 100, errors);
        if (type is not null && type.ToUpperInvariant() is not ("PERSON" or "ORG" or "LOC" or "MISC"))
        {
            errors["type"] = [$"Unknown type '{type}'; use PERSON, ORG, LOC or MISC."];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var list = engine.ListEntities(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), type?.ToUpperInvariant(), take + 1, skip);
        return TypedResults.Ok(new EntityList(take, skip, list.Count > take, list.Take(take).ToList()));
    }

    public static Results<Ok<EntityDetail>, ProblemHttpResult> GetEntity(string id, ParallaxEngine engine) =>
        engine.GetEntity(id) is { } entity ? TypedResults.Ok(entity) : Problems.NotFound($"There is no entity '{id}'.");

    public static Results<Ok<SearchResults>, ProblemHttpResult> Search(ParallaxEngine engine, string? q, int? limit)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (take, _) = Paging(limit, 0, 20, errors);
        if (string.IsNullOrWhiteSpace(q))
        {
            errors["q"] = ["Say what to search for: ?q=words."];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        return TypedResults.Ok(new SearchResults(q!, engine.Store.Search(q!, take)));
    }

    public static async Task<Results<Ok<IngestResponse>, ProblemHttpResult>> IngestArticles(
        HttpRequest request, ParallaxEngine engine, ParallaxWebOptions options, WriteGate gate, CancellationToken cancellationToken)
    {
        var (upload, problem) = await Uploads.ReadAsync(request, options, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var response = await gate.RunAsync(() => Uploads.Run(engine, upload!, cancellationToken), cancellationToken);
        if (response.Failed > 0 && response.Stored == 0 && response.Duplicates == 0)
        {
            return Problems.Of(
                StatusCodes.Status422UnprocessableEntity,
                WebErrorCodes.AllInputsFailed,
                "No input could be read",
                string.Join(" ", response.Results.Select(r => $"{r.Input}: {r.Reason} [{r.Code}]")),
                new Dictionary<string, object?> { ["results"] = response.Results });
        }

        return TypedResults.Ok(response);
    }

    internal static (int Limit, int Offset) Paging(int? limit, int? offset, int defaultLimit, Dictionary<string, string[]> errors)
    {
        var take = limit ?? defaultLimit;
        var skip = offset ?? 0;
        if (take is < 1 or > MaxPage)
        {
            errors["limit"] = [$"'limit' must be between 1 and {MaxPage}."];
        }

        if (skip < 0)
        {
            errors["offset"] = ["'offset' must not be negative."];
        }

        return (take, skip);
    }

    internal static DateOnly? Day(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[name] = [$"'{name}' must be a day written yyyy-MM-dd, not '{value}'."];
        return null;
    }

    private static ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        Problems.BadRequest(string.Join(" ", errors.Values.SelectMany(v => v)), new Dictionary<string, object?> { ["errors"] = errors });
}
