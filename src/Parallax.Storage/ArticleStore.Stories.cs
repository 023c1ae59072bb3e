using Parallax.Core;
using Dapper;

namespace Parallax.Storage;

/// <summary>A story as listed: its headline, size, outlets and time span.</summary>
public sealed record StoryRow(long Id, string Headline, int Articles, IReadOnlyList<string> Outlets, DateTimeOffset? First, DateTimeOffset? Last);

/// <summary>Where an article was placed and why.</summary>
public sealed record PlacementRow(long ArticleId, long StoryId, double? Score, string Decision, string Explanation, DateTimeOffset PlacedAt);

/// <summary>A revised placement: an article moved from one story to another (or split off into a new one) when a later article arrived.</summary>
public sealed record MoveRow(long ArticleId, long From, long To, long? TriggeredBy, bool Split, string Explanation, DateTimeOffset MovedAt);

public sealed partial class ArticleStore
{
    /// <summary>Records an article's placement (replacing an earlier one) and creates or renames its story as needed.</summary>
    public void SavePlacement(long articleId, long storyId, string headline, double? score, string decision, string explanationJson)
    {
        var now = FormatTime(DateTimeOffset.UtcNow);
        _connection.Execute(
            """
            INSERT INTO stories (id, headline, created_at, updated_at) VALUES (@storyId, @headline, @now, @now)
            ON CONFLICT(id) DO UPDATE SET headline = excluded.headline, updated_at = excluded.updated_at, merged_into = NULL;
            INSERT INTO story_articles (article_id, story_id, score, decision, explanation, placed_at)
            VALUES (@articleId, @storyId, @score, @decision, @explanationJson, @now)
            ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, score = excluded.score, decision = excluded.decision,
                explanation = excluded.explanation, placed_at = excluded.placed_at;
            """,
            new { articleId, storyId, headline, score, decision, explanationJson, now },
            _transaction);
    }

    /// <summary>Records that <paramref name="absorbed"/> was merged into <paramref name="into"/>: its articles move.</summary>
    public void SaveMerge(long into, long absorbed, long? articleId, string explanationJson)
    {
        var now = FormatTime(DateTimeOffset.UtcNow);
        _connection.Execute(
            """
            UPDATE story_articles SET story_id = @into WHERE story_id = @absorbed;
            UPDATE stories SET merged_into = @into, updated_at = @now WHERE id = @absorbed;
            INSERT INTO story_merges (into_story, absorbed, article_id, explanation, merged_at) VALUES (@into, @absorbed, @articleId, @explanationJson, @now);
            """,
            new { into, absorbed, articleId, explanationJson, now },
            _transaction);
    }

    /// <summary>Records that a placed article moved between stories (the placement itself is replaced with <see cref="SavePlacement"/>).</summary>
    public void SaveMove(long articleId, long from, long to, long? triggeredBy, bool split, string explanationJson) =>
        _connection.Execute(
            """
            INSERT INTO story_moves (article_id, from_story, to_story, trigger_article, split, explanation, moved_at)
            VALUES (@articleId, @from, @to, @triggeredBy, @split, @explanationJson, @now)
            """,
            new { articleId, from, to, triggeredBy, split = split ? 1 : 0, explanationJson, now = FormatTime(DateTimeOffset.UtcNow) },
            _transaction);

    /// <summary>Moves an already placed article to another story, keeping its placement's explanation (a copy that follows its original).</summary>
    public void ReassignPlacement(long articleId, long storyId) =>
        _connection.Execute("UPDATE story_articles SET story_id = @storyId WHERE article_id = @articleId AND story_id <> @storyId", new { articleId, storyId }, _transaction);

    /// <summary>
    /// Moves into or out of a story or any story merged into it, oldest first.
    /// </summary>
    public IReadOnlyList<MoveRow> Moves(long storyId) =>
        _connection.Query<(long ArticleId, long From, long To, long? Trigger, long Split, string Explanation, string MovedAt)>(
                """
                WITH RECURSIVE family(id) AS (SELECT @storyId UNION SELECT s.id FROM stories s JOIN family f ON s.merged_into = f.id)
                SELECT article_id, from_story, to_story, trigger_article, split, explanation, moved_at FROM story_moves
                WHERE from_story IN (SELECT id FROM family) OR to_story IN (SELECT id FROM family)
                ORDER BY id
                """,
                new { storyId },
                _transaction)
            .Select(r => new MoveRow(r.ArticleId, r.From, r.To, r.Trigger, r.Split != 0, r.Explanation, ParseTime(r.MovedAt) ?? default))
            .ToList();

    /// <summary>Stored articles that are copies of <paramref name="articleId"/>.</summary>
    public IReadOnlyList<long> CopiesOf(long articleId) =>
        _connection.Query<long>("SELECT id FROM articles WHERE copy_of = @articleId ORDER BY id", new { articleId }, _transaction).ToList();

    /// <summary>The ids of every placed article.</summary>
    public HashSet<long> PlacedArticleIds() =>
        _connection.Query<long>("SELECT article_id FROM story_articles", transaction: _transaction).ToHashSet();

    /// <summary>How many articles are placed, and the newest placed one.</summary>
    public (long Count, long? Newest) PlacedArticles() =>
        _connection.QuerySingle<(long, long?)>("SELECT count(*), max(article_id) FROM story_articles", transaction: _transaction);

    /// <summary>Current stories (not merged away), biggest and most recent first.</summary>
    public IReadOnlyList<StoryRow> ListStories(int limit = 100, int offset = 0) =>
        ListStoryRows("s.merged_into IS NULL", new { limit, offset }, "ORDER BY count(sa.article_id) DESC, max(a.published) DESC, s.id LIMIT @limit OFFSET @offset");

    public StoryRow? GetStory(long id) => ListStoryRows("s.id = @id", new { id }).FirstOrDefault();

    private List<StoryRow> ListStoryRows(string where, object args, string suffix = "") =>
        _connection.Query<(long Id, string Headline, long Articles, string? Outlets, string? First, string? Last)>(
                $"""
                SELECT s.id, s.headline, count(sa.article_id),
                       group_concat(DISTINCT coalesce(a.source, a.source_domain, 'unnamed outlet (' || a.origin || ')')), min(a.published), max(a.published)
                FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id
                WHERE {where}
                GROUP BY s.id
                {suffix}
                """,
                args,
                _transaction)
            .Select(r => new StoryRow(r.Id, r.Headline, (int)r.Articles, SplitOutlets(r.Outlets), ParseTime(r.First), ParseTime(r.Last)))
            .ToList();

    /// <summary>The story an id names now: follows merges.</summary>
    public long? ResolveStory(long id)
    {
        for (int hops = 0; hops < 64; hops++)
        {
            var row = _connection.QuerySingleOrDefault<(long Id, long? Into)?>("SELECT id, merged_into FROM stories WHERE id = @id", new { id }, _transaction);
            if (row is null)
            {
                return null;
            }

            if (row.Value.Into is not long into)
            {
                return id;
            }

            id = into;
        }

        return null;
    }

    public IReadOnlyList<long> StoryArticleIds(long storyId) =>
        _connection.Query<long>("SELECT article_id FROM story_articles WHERE story_id = @storyId ORDER BY article_id", new { storyId }, _transaction).ToList();

    public IReadOnlyList<PlacementRow> Placements(long storyId) =>
        _connection.Query<(long ArticleId, long StoryId, double? Score, string Decision, string Explanation, string PlacedAt)>(
                "SELECT article_id, story_id, score, decision, explanation, placed_at FROM story_articles WHERE story_id = @storyId ORDER BY placed_at, article_id",
                new { storyId },
                _transaction)
            .Select(r => new PlacementRow(r.ArticleId, r.StoryId, r.Score, r.Decision, r.Explanation, ParseTime(r.PlacedAt) ?? default))
            .ToList();

    public IReadOnlyList<(long Into, long Absorbed, long? Article, string Explanation)> Merges(long storyId) =>
        _connection.Query<(long, long, long?, string)>(
            "SELECT into_story, absorbed, article_id, explanation FROM story_merges WHERE into_story = @storyId ORDER BY id", new { storyId }, _transaction).ToList();

    public long? StoryOfArticle(long articleId) =>
        _connection.ExecuteScalar<long?>("SELECT story_id FROM story_articles WHERE article_id = @articleId", new { articleId }, _transaction);

    /// <summary>Ids of stored articles not yet placed in a story, in arrival order.</summary>
    public IReadOnlyList<long> UnplacedArticles() =>
        _connection.Query<long>(
            "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id) ORDER BY a.id",
            transaction: _transaction).ToList();

    /// <summary>Saves a named blob of engine state (e.g. the clusterer's index), replacing the previous one.</summary>
    public void SaveState(string name, int version, byte[] data) =>
        _connection.Execute(
            "INSERT INTO engine_state (name, version, data, saved_at) VALUES (@name, @version, @data, @now) ON CONFLICT(name) DO UPDATE SET version = excluded.version, data = excluded.data, saved_at = excluded.saved_at",
            new { name, version, data, now = FormatTime(DateTimeOffset.UtcNow) },
            _transaction);

    public (int Version, byte[] Data)? LoadState(string name) =>
        _connection.QuerySingleOrDefault<(int, byte[])?>("SELECT version, data FROM engine_state WHERE name = @name", new { name }, _transaction);

    private static string[] SplitOutlets(string? concatenated) =>
        concatenated is null
            ? []
            : concatenated.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(o => o.StartsWith("unnamed outlet (", StringComparison.Ordinal) ? Article.OutletOf(null, null, o[16..^1]) : o)
                .Distinct(StringComparer.Ordinal)
                .ToArray();
}
