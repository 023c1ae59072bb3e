namespace Parallax.Storage;

/// <summary>
/// The schema, as an ordered list of migrations. The store's version is <c>PRAGMA user_version</c>; opening a store
/// applies the missing migrations in one transaction each. Never edit a released migration: add a new one.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<(int Version, string Name, string Sql)> All =
    [
        (1, "articles, full-text index, near-duplicate bands", """
            CREATE TABLE articles (
                id              INTEGER PRIMARY KEY,
                title           TEXT NOT NULL,
                source          TEXT,
                source_domain   TEXT,
                url             TEXT,
                canonical_url   TEXT,
                url_key         TEXT,
                published       TEXT,
                authors         TEXT NOT NULL DEFAULT '[]',
                language        TEXT,
                format          TEXT NOT NULL,
                origin          TEXT NOT NULL,
                extractor       TEXT,
                text            TEXT NOT NULL,
                cleaning        TEXT,
                content_hash    TEXT NOT NULL,
                signature       BLOB,
                shingle_count   INTEGER NOT NULL DEFAULT 0,
                copy_of         INTEGER REFERENCES articles(id),
                copy_similarity REAL,
                ingested_at     TEXT NOT NULL
            );
            CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash);
            CREATE UNIQUE INDEX articles_url_key ON articles(url_key) WHERE url_key IS NOT NULL;
            CREATE INDEX articles_published ON articles(published);
            CREATE INDEX articles_copy_of ON articles(copy_of) WHERE copy_of IS NOT NULL;

            CREATE TABLE article_raw (
                article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                raw        TEXT NOT NULL
            );

            CREATE TABLE article_bands (
                band_key   INTEGER NOT NULL,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                PRIMARY KEY (band_key, article_id)
            ) WITHOUT ROWID;

            CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, tokenize = 'porter unicode61 remove_diacritics 2');

            CREATE TABLE ingest_failures (
                id        INTEGER PRIMARY KEY,
                origin    TEXT NOT NULL,
                code      TEXT NOT NULL,
                reason    TEXT NOT NULL,
                failed_at TEXT NOT NULL
            );
            """),
        (2, "annotation layers per article", """
            CREATE TABLE article_layers (
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                layer      TEXT NOT NULL,
                component  TEXT NOT NULL,
                data       TEXT NOT NULL,
                PRIMARY KEY (article_id, layer)
            );
            """),
        (3, "stories: placements with their explanation, merges, and the clusterer's saved state", """
            CREATE TABLE stories (
                id              INTEGER PRIMARY KEY,
                headline        TEXT NOT NULL,
                merged_into     INTEGER REFERENCES stories(id),
                created_at      TEXT NOT NULL,
                updated_at      TEXT NOT NULL
            );
            CREATE TABLE story_articles (
                article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                story_id    INTEGER NOT NULL REFERENCES stories(id),
                score       REAL,
                decision    TEXT NOT NULL,
                explanation TEXT NOT NULL,
                placed_at   TEXT NOT NULL
            );
            CREATE INDEX story_articles_story ON story_articles(story_id);
            CREATE TABLE story_merges (
                id          INTEGER PRIMARY KEY,
                into_story  INTEGER NOT NULL,
                absorbed    INTEGER NOT NULL,
                article_id  INTEGER,
                explanation TEXT NOT NULL,
                merged_at   TEXT NOT NULL
            );
            CREATE TABLE engine_state (
                name       TEXT PRIMARY KEY,
                version    INTEGER NOT NULL,
                data       BLOB NOT NULL,
                saved_at   TEXT NOT NULL
            );
            """),
        (4, "entities across the store: canonical entities, aliases, mentions, roles with provenance, quotes", """
            CREATE TABLE entities (
                id      INTEGER PRIMARY KEY,
                key     TEXT NOT NULL UNIQUE,
                name    TEXT NOT NULL,
                type    TEXT NOT NULL,
                country TEXT
            );
            CREATE TABLE entity_aliases (
                entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                alias     TEXT NOT NULL,
                PRIMARY KEY (entity_id, alias)
            );
            CREATE TABLE entity_mentions (
                entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                start      INTEGER NOT NULL,
                end        INTEGER NOT NULL,
                text       TEXT NOT NULL,
                PRIMARY KEY (article_id, start)
            );
            CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id);
            CREATE TABLE entity_roles (
                entity_id  INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                role       TEXT NOT NULL,
                outlet     TEXT NOT NULL,
                PRIMARY KEY (entity_id, article_id, role)
            );
            CREATE INDEX entity_roles_article ON entity_roles(article_id);
            CREATE TABLE quotes (
                id         INTEGER PRIMARY KEY,
                article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                entity_id  INTEGER REFERENCES entities(id) ON DELETE SET NULL,
                speaker    TEXT,
                cue        TEXT,
                content    TEXT NOT NULL,
                direct     INTEGER NOT NULL,
                start      INTEGER NOT NULL,
                end        INTEGER NOT NULL,
                resolution TEXT NOT NULL
            );
            CREATE INDEX quotes_article ON quotes(article_id);
            CREATE INDEX quotes_entity ON quotes(entity_id);
            """),
        (5, "story moves: revised placements of recent articles (moved to a better story, or split off into a new one)", """
            CREATE TABLE story_moves (
                id          INTEGER PRIMARY KEY,
                article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                from_story  INTEGER NOT NULL,
                to_story    INTEGER NOT NULL,
                trigger_article INTEGER,
                split       INTEGER NOT NULL,
                explanation TEXT NOT NULL,
                moved_at    TEXT NOT NULL
            );
            CREATE INDEX story_moves_from ON story_moves(from_story);
            CREATE INDEX story_moves_to ON story_moves(to_story);
            """),
    ];

    public static int Latest => All[^1].Version;
}
