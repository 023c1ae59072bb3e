using Microsoft.AspNetCore.Http.HttpResults;
using Parallax.Engine;
using Parallax.Ingestion;
using Parallax.Storage;
using Parallax.Web.Api;
using Parallax.Web.Hosting;

namespace Parallax.Web.Pages;

/// <summary>The pages: each handler asks the engine, builds a page model and renders a component on the server.</summary>
public static class PageEndpoints
{
    private const int StoriesPerPage = 20;
    private const int ArticlesPerPage = 50;
    private const int EntitiesPerPage = 50;

    public static IEndpointRouteBuilder MapParallaxPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup(string.Empty).ExcludeFromDescription();
        pages.MapGet("/", StoryList);
        pages.MapGet("/stories/{id:long}", Story);
        pages.MapGet("/articles", ArticleList);
        pages.MapGet("/articles/{id:long}", Article);
        pages.MapGet("/entities", EntityList);
        pages.MapGet("/entities/{id}", Entity);
        pages.MapGet("/search", Search);
        pages.MapGet("/upload", UploadForm);
        pages.MapPost("/upload", Upload);
        // a page for any other GET outside the API, tried last; other methods and API paths get routing's own
        // 404, 405 or 415, written as problems (a fallback for every method would hide the 405s and 415s)
        endpoints.MapGet("{*path:regex(^(?!api(/|$)|openapi(/|$)).*$)}", NotFound).WithOrder(int.MaxValue).ExcludeFromDescription();
        return endpoints;
    }

    private static RazorComponentResult<T> Render<T>(object model, int status = StatusCodes.Status200OK)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        new(new Dictionary<string, object?> { ["Model"] = model }) { StatusCode = status };

    private static RazorComponentResult<NotFoundPage> Missing(string what) => Render<NotFoundPage>(what, StatusCodes.Status404NotFound);

    public static RazorComponentResult<StoryListPage> StoryList(ParallaxEngine engine, string? q, string? entity, string? outlet, string? from, string? to, int? offset)
    {
        var filters = new StoryFilters(q, entity, outlet, from, to);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (limit, skip) = ApiEndpoints.Paging(StoriesPerPage, offset, StoriesPerPage, errors);
        var fromDay = ApiEndpoints.Day(from, "from", errors);
        var toDay = ApiEndpoints.Day(to, "to", errors);
        var page = errors.Count == 0 ? engine.FindStories(new StoryQuery(q, entity, outlet, fromDay, toDay), limit, skip) : new StoryMatches(0, []);
        var model = new StoryListModel(filters, page, limit, skip, engine.ListOutlets(), errors.Values.SelectMany(v => v).ToList());
        return Render<StoryListPage>(model, errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static Results<RazorComponentResult<StoryPage>, RazorComponentResult<NotFoundPage>, RedirectHttpResult> Story(long id, ParallaxEngine engine, CancellationToken cancellationToken)
    {
        if (engine.Store.ResolveStory(id) is not long storyId)
        {
            return Missing($"There is no story {id}.");
        }

        if (storyId != id)
        {
            return TypedResults.Redirect($"/stories/{storyId}"); // merged into another story
        }

        var document = engine.BriefDocument([storyId], cancellationToken);
        if (document.Stories.Count == 0)
        {
            return Missing($"Story {id} has no articles.");
        }

        var articles = engine.Store.GetArticles(document.Stories[0].Articles);
        return Render<StoryPage>(StoryPageModel.Build(document, articles));
    }

    public static RazorComponentResult<ArticleListPage> ArticleList(ParallaxEngine engine, int? offset)
    {
        var skip = Math.Max(0, offset ?? 0);
        return Render<ArticleListPage>(new ArticleListModel(engine.Store.CountArticles(), ArticlesPerPage, skip, engine.Store.ListArticles(ArticlesPerPage, skip)));
    }

    public static Results<RazorComponentResult<ArticlePage>, RazorComponentResult<NotFoundPage>> Article(long id, ParallaxEngine engine, CancellationToken cancellationToken) =>
        engine.GetAnnotatedArticle(id, cancellationToken) is { } article
            ? Render<ArticlePage>(ArticlePageModel.Build(article))
            : Missing($"There is no article {id}.");

    public static RazorComponentResult<EntityListPage> EntityList(ParallaxEngine engine, string? q, string? type, int? offset)
    {
        var skip = Math.Max(0, offset ?? 0);
        var errors = new List<string>();
        string? kind = string.IsNullOrWhiteSpace(type) ? null : type.Trim().ToUpperInvariant();
        if (kind is not (null or "PERSON" or "ORG" or "LOC" or "MISC"))
        {
            errors.Add($"Unknown type '{type}'.");
            kind = null;
        }

        var list = engine.ListEntities(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), kind, EntitiesPerPage + 1, skip);
        var model = new EntityListModel(q, kind, EntitiesPerPage, skip, list.Count > EntitiesPerPage, list.Take(EntitiesPerPage).ToList(), errors);
        return Render<EntityListPage>(model, errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    public static Results<RazorComponentResult<EntityPage>, RazorComponentResult<NotFoundPage>> Entity(string id, ParallaxEngine engine) =>
        engine.GetEntity(id) is { } entity ? Render<EntityPage>(entity) : Missing($"There is no entity '{id}'.");

    public static RazorComponentResult<SearchPage> Search(ParallaxEngine engine, string? q) =>
        Render<SearchPage>(new SearchPageModel(q, string.IsNullOrWhiteSpace(q) ? [] : engine.Store.Search(q, 50)));

    public static RazorComponentResult<UploadPage> UploadForm(ParallaxWebOptions options) => Render<UploadPage>(UploadModel(options, null, null));

    public static async Task<RazorComponentResult<UploadPage>> Upload(HttpContext context, ParallaxEngine engine, ParallaxWebOptions options, WriteGate gate, CancellationToken cancellationToken)
    {
        if (WriteAccess.Check(context, options, formKey: null) is { StatusCode: StatusCodes.Status403Forbidden } crossSite)
        {
            return Render<UploadPage>(UploadModel(options, null, crossSite.ProblemDetails.Detail, StatusCodes.Status403Forbidden), StatusCodes.Status403Forbidden);
        }

        var (upload, problem) = await Uploads.ReadAsync(context.Request, options, cancellationToken);
        if (problem is not null)
        {
            var status = problem.StatusCode;
            return Render<UploadPage>(UploadModel(options, null, problem.ProblemDetails.Detail, status), status);
        }

        var key = context.Request.HasFormContentType ? context.Request.Form[WriteAccess.FormField].ToString() : null;
        if (WriteAccess.Check(context, options, key) is { } refused)
        {
            return Render<UploadPage>(UploadModel(options, null, refused.ProblemDetails.Detail, refused.StatusCode), refused.StatusCode);
        }

        var result = await gate.RunAsync(() => Uploads.Run(engine, upload!, cancellationToken), cancellationToken);
        var allFailed = result.Failed > 0 && result.Stored == 0 && result.Duplicates == 0;
        var code = allFailed ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK;
        return Render<UploadPage>(UploadModel(options, result, allFailed ? "No input could be read." : null, code), code);
    }

    private static UploadPageModel UploadModel(ParallaxWebOptions options, IngestResponse? result, string? error, int status = StatusCodes.Status200OK) =>
        new(!string.IsNullOrEmpty(options.ApiKey), InputFormats.Names, options.MaxInputBytes, options.MaxFiles, result, error, status);

    public static RazorComponentResult<NotFoundPage> NotFound() => Missing("There is no page at this address.");
}
