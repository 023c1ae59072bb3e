using Parallax.Storage;
using Parallax.Web.Api;

namespace Parallax.Web.Pages;

/// <summary>The story list's filters as typed in the form (kept as text so the form shows what was typed).</summary>
public sealed record StoryFilters(string? Q, string? Entity, string? Outlet, string? From, string? To)
{
    public bool Any => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Entity) || !string.IsNullOrWhiteSpace(Outlet) || !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To);

    public IEnumerable<KeyValuePair<string, string?>> Query() =>
        new[] { ("q", Q), ("entity", Entity), ("outlet", Outlet), ("from", From), ("to", To) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => KeyValuePair.Create(p.Item1, p.Item2));
}

public sealed record StoryListModel(StoryFilters Filters, StoryMatches Page, int Limit, int Offset, IReadOnlyList<string> Outlets, IReadOnlyList<string> Errors);

public sealed record ArticleListModel(long Total, int Limit, int Offset, IReadOnlyList<ArticleSummary> Articles);

public sealed record EntityListModel(string? Q, string? Type, int Limit, int Offset, bool More, IReadOnlyList<EntitySummary> Entities, IReadOnlyList<string> Errors);

public sealed record SearchPageModel(string? Q, IReadOnlyList<SearchHit> Hits);

public sealed record UploadPageModel(bool NeedsKey, IReadOnlyList<string> Formats, long MaxInputBytes, int MaxFiles, IngestResponse? Result, string? Error, int Status = 200);

/// <summary>Links of a paged list: the same query with another offset.</summary>
public static class Paging
{
    public static string Link(string path, IEnumerable<KeyValuePair<string, string?>> query, int offset, int limit, int defaultLimit)
    {
        var all = query.ToList();
        if (offset > 0)
        {
            all.Add(KeyValuePair.Create("offset", (string?)offset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (limit != defaultLimit)
        {
            all.Add(KeyValuePair.Create("limit", (string?)limit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, all);
    }

    public static string EntityLink(string nameOrId) => "/entities/" + Uri.EscapeDataString(nameOrId);
}
