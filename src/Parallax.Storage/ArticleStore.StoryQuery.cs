using System.Globalization;
using Dapper;

namespace Parallax.Storage;

/// <summary>Which stories to list: every filter is optional and they combine (AND).</summary>
/// <param name="Text">Words (or "a phrase") that an article of the story must contain, as in <see cref="ArticleStore.Search"/>.</param>
/// <param name="Entity">An entity's id, or a name or alias (exact, case-insensitive), that an article of the story mentions.</param>
/// <param name="Outlet">An outlet's name or domain (exact, case-insensitive) that published an article of the story.</param>
/// <param name="From">The story has an article published on or after this day.</param>
/// <param name="To">The story has an article published on or before this day.</param>
public sealed record StoryQuery(string? Text = null, string? Entity = null, string? Outlet = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>A page of stories and how many match in all.</summary>
public sealed record StoryMatches(int Total, IReadOnlyList<StoryRow> Stories);

public sealed partial class ArticleStore
{
    /// <summary>Current stories (not merged away) matching <paramref name="query"/>, biggest and most recent first.</summary>
    public StoryMatches FindStories(StoryQuery query, int limit = 50, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(query);
        var match = string.IsNullOrWhiteSpace(query.Text) ? null : ToFtsQuery(query.Text);
        if (match is { Length: 0 })
        {
            return new StoryMatches(0, []); // only punctuation: nothing can match
        }

        var entity = string.IsNullOrWhiteSpace(query.Entity) ? null : query.Entity.Trim();
        long? entityId = entity is not null && long.TryParse(entity, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var args = new
        {
            match,
            entity,
            entityId,
            outlet = string.IsNullOrWhiteSpace(query.Outlet) ? null : query.Outlet.Trim(),
            from = query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            toExclusive = query.To?.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            limit,
            offset,
        };

        // published is stored as yyyy-MM-ddTHH:mm:ssZ, so day bounds compare as strings
        const string where = """
            s.merged_into IS NULL
            AND (@match IS NULL OR s.id IN (
                SELECT sa1.story_id FROM story_articles sa1
                WHERE sa1.article_id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @match)))
            AND (@outlet IS NULL OR s.id IN (
                SELECT sa2.story_id FROM story_articles sa2 JOIN articles a2 ON a2.id = sa2.article_id
                WHERE a2.source = @outlet COLLATE NOCASE OR a2.source_domain = @outlet COLLATE NOCASE))
            AND (@entity IS NULL OR s.id IN (
                SELECT sa3.story_id FROM story_articles sa3 JOIN entity_mentions m ON m.article_id = sa3.article_id
                WHERE m.entity_id = @entityId
                   OR m.entity_id IN (SELECT entity_id FROM entity_aliases WHERE alias = @entity COLLATE NOCASE)))
            AND (@from IS NULL OR s.id IN (
                SELECT sa4.story_id FROM story_articles sa4 JOIN articles a4 ON a4.id = sa4.article_id WHERE a4.published >= @from))
            AND (@toExclusive IS NULL OR s.id IN (
                SELECT sa5.story_id FROM story_articles sa5 JOIN articles a5 ON a5.id = sa5.article_id WHERE a5.published < @toExclusive))
            """;
        var total = _connection.ExecuteScalar<int>($"SELECT count(*) FROM stories s WHERE {where}", args, _transaction);
        if (total == 0)
        {
            return new StoryMatches(0, []);
        }

        var rows = ListStoryRows(where, args, "ORDER BY count(sa.article_id) DESC, max(a.published) DESC, s.id LIMIT @limit OFFSET @offset");
        return new StoryMatches(total, rows);
    }

    /// <summary>The outlets of the stored articles (source name, else domain), most articles first.</summary>
    public IReadOnlyList<string> ListOutlets(int limit = 500) =>
        _connection.Query<string>(
            """
            SELECT coalesce(source, source_domain) AS outlet FROM articles
            WHERE coalesce(source, source_domain) IS NOT NULL
            GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT @limit
            """,
            new { limit },
            _transaction).ToList();
}
