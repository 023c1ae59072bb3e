using Dapper;

namespace Parallax.Storage;

/// <summary>An entity as resolved within one story, to record store-wide.</summary>
/// <param name="Key">The normalised key under which the same entity is found in every story ("P:rex tillerson").</param>
public sealed record EntityRecord(
    string Key,
    string Name,
    string Type,
    string? Country,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<(long Article, int Start, int End, string Text)> Mentions,
    IReadOnlyList<(long Article, string Role, string Outlet)> Roles);

/// <summary>A quote to record, with the key of its speaker's entity when resolved.</summary>
public sealed record QuoteRecord(long Article, string? EntityKey, string? Speaker, string? Cue, string Content, bool Direct, int Start, int End, string Resolution);

public sealed record EntitySummary(long Id, string Name, string Type, string? Country, int Mentions, int Articles, int Stories, IReadOnlyList<string> Aliases);

public sealed record EntityRoleRow(string Role, IReadOnlyList<string> Outlets, IReadOnlyList<long> Articles);

public sealed record EntityStoryRow(long Id, string Headline, int Mentions);

public sealed record EntityQuoteRow(long Article, string Outlet, string? Cue, string Content, bool Direct, int Start, int End);

public sealed record EntityDetail(
    long Id,
    string Name,
    string Type,
    string? Country,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<EntityRoleRow> Roles,
    IReadOnlyList<EntityStoryRow> Stories,
    IReadOnlyList<EntityQuoteRow> Quotes,
    int Mentions);

public sealed partial class ArticleStore
{
    /// <summary>
    /// Replaces what the store knows of the entities and quotes of these articles with the given records: entities are
    /// matched across the store by key; names, aliases and types are kept up to date.
    /// </summary>
    public void SaveEntities(IReadOnlyCollection<long> articles, IReadOnlyList<EntityRecord> entities, IReadOnlyList<QuoteRecord> quotes)
    {
        bool own = _transaction is null;
        var tx = _transaction ?? _connection.BeginTransaction();
        try
        {
            var ids = System.Text.Json.JsonSerializer.Serialize(articles);
            _connection.Execute(
                """
                DELETE FROM entity_mentions WHERE article_id IN (SELECT value FROM json_each(@ids));
                DELETE FROM entity_roles WHERE article_id IN (SELECT value FROM json_each(@ids));
                DELETE FROM quotes WHERE article_id IN (SELECT value FROM json_each(@ids));
                """,
                new { ids },
                tx);
            var idOfKey = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var e in entities)
            {
                var id = _connection.ExecuteScalar<long>(
                    """
                    INSERT INTO entities (key, name, type, country) VALUES (@Key, @Name, @Type, @Country)
                    ON CONFLICT(key) DO UPDATE SET
                        name = CASE WHEN length(excluded.name) > length(entities.name) THEN excluded.name ELSE entities.name END,
                        type = excluded.type,
                        country = coalesce(excluded.country, entities.country);
                    SELECT id FROM entities WHERE key = @Key;
                    """,
                    new { e.Key, e.Name, e.Type, e.Country },
                    tx);
                idOfKey[e.Key] = id;
                foreach (var alias in e.Aliases.Append(e.Name))
                {
                    _connection.Execute("INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (@id, @alias)", new { id, alias }, tx);
                }

                foreach (var (article, start, end, text) in e.Mentions)
                {
                    _connection.Execute(
                        "INSERT OR REPLACE INTO entity_mentions (entity_id, article_id, start, end, text) VALUES (@id, @article, @start, @end, @text)",
                        new { id, article, start, end, text },
                        tx);
                }

                foreach (var (article, role, outlet) in e.Roles)
                {
                    _connection.Execute(
                        "INSERT OR IGNORE INTO entity_roles (entity_id, article_id, role, outlet) VALUES (@id, @article, @role, @outlet)",
                        new { id, article, role, outlet },
                        tx);
                }
            }

            foreach (var q in quotes)
            {
                long? entity = q.EntityKey is not null && idOfKey.TryGetValue(q.EntityKey, out var eid) ? eid : null;
                _connection.Execute(
                    """
                    INSERT INTO quotes (article_id, entity_id, speaker, cue, content, direct, start, end, resolution)
                    VALUES (@Article, @entity, @Speaker, @Cue, @Content, @Direct, @Start, @End, @Resolution)
                    """,
                    new { q.Article, entity, q.Speaker, q.Cue, q.Content, q.Direct, q.Start, q.End, q.Resolution },
                    tx);
            }

            if (own)
            {
                tx.Commit();
            }
        }
        finally
        {
            if (own)
            {
                tx.Dispose();
            }
        }
    }

    /// <summary>Entities by number of mentions; <paramref name="query"/> matches names and aliases (case-insensitive substring).</summary>
    public IReadOnlyList<EntitySummary> ListEntities(string? query = null, string? type = null, int limit = 100, int offset = 0)
    {
        var rows = _connection.Query<(long Id, string Name, string Type, string? Country, long Mentions, long Articles, long Stories, string? Aliases)>(
            """
            SELECT e.id, e.name, e.type, e.country,
                   (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = e.id) AS mentions,
                   (SELECT count(DISTINCT m.article_id) FROM entity_mentions m WHERE m.entity_id = e.id) AS articles,
                   (SELECT count(DISTINCT sa.story_id) FROM entity_mentions m JOIN story_articles sa ON sa.article_id = m.article_id WHERE m.entity_id = e.id) AS stories,
                   (SELECT group_concat(a.alias, '|') FROM entity_aliases a WHERE a.entity_id = e.id AND a.alias <> e.name) AS aliases
            FROM entities e
            WHERE (@query IS NULL OR EXISTS (SELECT 1 FROM entity_aliases a WHERE a.entity_id = e.id AND a.alias LIKE '%' || @query || '%'))
              AND (@type IS NULL OR e.type = @type)
              AND EXISTS (SELECT 1 FROM entity_mentions m WHERE m.entity_id = e.id)
            ORDER BY mentions DESC, e.name
            LIMIT @limit OFFSET @offset
            """,
            new { query, type, limit, offset },
            _transaction);
        return rows.Select(r => new EntitySummary(r.Id, r.Name, r.Type, r.Country, (int)r.Mentions, (int)r.Articles, (int)r.Stories,
            r.Aliases?.Split('|', StringSplitOptions.RemoveEmptyEntries) ?? [])).ToList();
    }

    /// <summary>One entity by id, or by name or alias (exact, case-insensitive; the most mentioned wins).</summary>
    public EntityDetail? GetEntity(string idOrName)
    {
        long? id = long.TryParse(idOrName, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? _connection.ExecuteScalar<long?>("SELECT id FROM entities WHERE id = @n", new { n }, _transaction)
            : null;
        id ??= _connection.ExecuteScalar<long?>(
            """
            SELECT e.id FROM entities e JOIN entity_aliases a ON a.entity_id = e.id
            WHERE a.alias = @idOrName COLLATE NOCASE
            ORDER BY (SELECT count(*) FROM entity_mentions m WHERE m.entity_id = e.id) DESC LIMIT 1
            """,
            new { idOrName },
            _transaction);
        if (id is not long eid)
        {
            return null;
        }

        var e = _connection.QuerySingle<(long Id, string Name, string Type, string? Country)>("SELECT id, name, type, country FROM entities WHERE id = @eid", new { eid }, _transaction);
        var aliases = _connection.Query<string>("SELECT alias FROM entity_aliases WHERE entity_id = @eid AND alias <> @name ORDER BY alias", new { eid, name = e.Name }, _transaction).ToList();
        var roles = _connection.Query<(string Role, string Outlet, long Article)>("SELECT role, outlet, article_id FROM entity_roles WHERE entity_id = @eid ORDER BY article_id", new { eid }, _transaction)
            .GroupBy(r => r.Role, StringComparer.OrdinalIgnoreCase)
            .Select(g => new EntityRoleRow(g.First().Role, g.Select(r => r.Outlet).Distinct().ToList(), g.Select(r => r.Article).Distinct().ToList()))
            .ToList();
        var stories = _connection.Query<(long Id, string Headline, long Mentions)>(
                """
                SELECT s.id, s.headline, count(*) FROM entity_mentions m
                JOIN story_articles sa ON sa.article_id = m.article_id JOIN stories s ON s.id = sa.story_id
                WHERE m.entity_id = @eid GROUP BY s.id ORDER BY count(*) DESC
                """,
                new { eid },
                _transaction)
            .Select(s => new EntityStoryRow(s.Id, s.Headline, (int)s.Mentions)).ToList();
        var quotes = _connection.Query<(long Article, string? Source, string? Domain, string? Cue, string Content, long Direct, long Start, long End)>(
                """
                SELECT q.article_id, a.source, a.source_domain, q.cue, q.content, q.direct, q.start, q.end
                FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.entity_id = @eid ORDER BY q.article_id, q.start
                """,
                new { eid },
                _transaction)
            .Select(q => new EntityQuoteRow(q.Article, q.Source ?? q.Domain ?? "unknown outlet", q.Cue, q.Content, q.Direct != 0, (int)q.Start, (int)q.End)).ToList();
        var mentions = _connection.ExecuteScalar<int>("SELECT count(*) FROM entity_mentions WHERE entity_id = @eid", new { eid }, _transaction);
        return new EntityDetail(e.Id, e.Name, e.Type, e.Country, aliases, roles, stories, quotes, mentions);
    }
}
