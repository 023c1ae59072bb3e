using System.Globalization;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Parallax.Core;

namespace Parallax.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode with a versioned schema and an FTS5 index over title and body.
/// Every article is written in a transaction with its index rows, so a crash never leaves half an article.
/// Not thread-safe: open one per thread (opening is cheap once the schema is current).
/// </summary>
public sealed partial class ArticleStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _transaction;
    private int _pendingWrites;

    private ArticleStore(string path, SqliteConnection connection, StoreOptions options)
    {
        Path = path;
        _connection = connection;
        Options = options;
    }

    public string Path { get; }

    public StoreOptions Options { get; }

    public int SchemaVersion => _connection.ExecuteScalar<int>("PRAGMA user_version", transaction: _transaction);

    internal SqliteConnection Connection => _connection;

    internal SqliteTransaction? Transaction => _transaction;

    /// <summary>Opens (creating if needed) the store at <paramref name="path"/> and brings its schema up to date.</summary>
    public static ArticleStore Open(string path, StoreOptions? options = null)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir) && !Directory.Exists(dir))
        {
            throw new ParallaxException(ErrorCodes.StoreOpen, $"Cannot open the store {full}: folder {dir} does not exist.");
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            connection.Execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;");
            Migrate(connection, full);
        }
        catch (SqliteException ex)
        {
            connection.Dispose();
            throw new ParallaxException(ErrorCodes.StoreOpen, $"Cannot open the store {full}: {ex.Message}", ex);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new ArticleStore(full, connection, options ?? new StoreOptions());
    }

    private static void Migrate(SqliteConnection connection, string path)
    {
        var version = connection.ExecuteScalar<int>("PRAGMA user_version");
        if (version > Migrations.Latest)
        {
            throw new ParallaxException(
                ErrorCodes.StoreSchemaTooNew,
                $"The store {path} has schema version {version}, newer than this Parallax knows ({Migrations.Latest}). Use a newer Parallax.");
        }

        foreach (var (v, name, sql) in Migrations.All)
        {
            if (v <= version)
            {
                continue;
            }

            using var tx = connection.BeginTransaction();
            connection.Execute(sql, transaction: tx);
            connection.Execute($"PRAGMA user_version = {v}", transaction: tx);
            tx.Commit();
            _ = name;
        }
    }

    // ------------------------------------------------------------------ writes

    /// <summary>
    /// Starts grouping writes: every <paramref name="commitEvery"/> writes (and on <see cref="Commit"/> or dispose of the
    /// returned scope) the group is committed. A kill loses at most the uncommitted group, never part of an article.
    /// </summary>
    public WriteScope BeginWrites(int commitEvery = 256)
    {
        if (_transaction is not null)
        {
            throw new InvalidOperationException("Writes are already grouped.");
        }

        _transaction = _connection.BeginTransaction();
        _pendingWrites = 0;
        GroupSize = commitEvery;
        return new WriteScope(this);
    }

    public void Commit()
    {
        if (_transaction is null)
        {
            return;
        }

        _transaction.Commit();
        _transaction.Dispose();
        _transaction = _connection.BeginTransaction();
        _pendingWrites = 0;
    }

    private void EndWrites()
    {
        if (_transaction is null)
        {
            return;
        }

        _transaction.Commit();
        _transaction.Dispose();
        _transaction = null;
    }

    /// <summary>Groups writes until disposed; see <see cref="BeginWrites"/>.</summary>
    public sealed class WriteScope : IDisposable
    {
        private readonly ArticleStore _store;

        internal WriteScope(ArticleStore store) => _store = store;

        public void Commit() => _store.Commit();

        public void Dispose() => _store.EndWrites();
    }

    /// <summary>
    /// Stores an article unless the same URL or content is already there; links it as a copy when its near-duplicate
    /// signature matches a stored article's. Atomic: the article, its index rows and its bands go in together.
    /// </summary>
    public AddResult Add(ArticleDraft draft, IContentFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (_transaction is not null)
        {
            // a savepoint per article: a failure part-way rolls back this article only, not the group
            _transaction.Save("article");
            AddResult grouped;
            try
            {
                grouped = AddCore(draft, fingerprint);
                _transaction.Release("article");
            }
            catch
            {
                _transaction.Rollback("article");
                _transaction.Release("article");
                throw;
            }

            if (grouped.Outcome != AddOutcome.Duplicate && ++_pendingWrites >= _groupSize)
            {
                Commit();
            }

            return grouped;
        }

        _transaction = _connection.BeginTransaction();
        try
        {
            var result = AddCore(draft, fingerprint);
            _transaction.Commit();
            return result;
        }
        catch
        {
            _transaction.Rollback();
            throw;
        }
        finally
        {
            _transaction.Dispose();
            _transaction = null;
        }
    }

    private int _groupSize = 256;

    /// <summary>Sets how many writes a group holds before it is committed (see <see cref="BeginWrites"/>).</summary>
    public int GroupSize
    {
        get => _groupSize;
        set => _groupSize = Math.Max(1, value);
    }

    private AddResult AddCore(ArticleDraft draft, IContentFingerprint fingerprint)
    {
        var tx = _transaction;
        var urlKey = UrlKey.From(draft.CanonicalUrl) ?? UrlKey.From(draft.Url);
        if (urlKey is not null)
        {
            var byUrl = _connection.ExecuteScalar<long?>("SELECT id FROM articles WHERE url_key = @urlKey", new { urlKey }, tx);
            if (byUrl is long existing)
            {
                return new AddResult(AddOutcome.Duplicate, existing, Reason: "same url");
            }
        }

        var byHash = _connection.ExecuteScalar<long?>("SELECT id FROM articles WHERE content_hash = @h", new { h = fingerprint.ContentHash }, tx);
        if (byHash is long same)
        {
            return new AddResult(AddOutcome.Duplicate, same, Reason: "same content");
        }

        var (copyOf, similarity) = FindCopy(fingerprint);
        var body = draft.Body;
        var id = _connection.ExecuteScalar<long>(
            """
            INSERT INTO articles (title, source, source_domain, url, canonical_url, url_key, published, authors, language, format,
                                  origin, extractor, text, cleaning, content_hash, signature, shingle_count, copy_of, copy_similarity, ingested_at)
            VALUES (@Title, @Source, @SourceDomain, @Url, @CanonicalUrl, @urlKey, @published, @authors, @Language, @Format,
                    @origin, @Extractor, @Text, @cleaning, @hash, @signature, @shingles, @copyOf, @similarity, @now);
            SELECT last_insert_rowid();
            """,
            new
            {
                draft.Title,
                draft.Source,
                draft.SourceDomain,
                draft.Url,
                draft.CanonicalUrl,
                urlKey,
                published = FormatTime(draft.Published),
                authors = Json.Authors(draft.Authors),
                draft.Language,
                draft.Format,
                origin = draft.Origin.ToString(),
                draft.Extractor,
                draft.Text,
                cleaning = draft.Cleaning is null ? null : Json.Cleaning(draft.Cleaning),
                hash = fingerprint.ContentHash,
                signature = fingerprint.SignatureBytes(),
                shingles = fingerprint.ShingleCount,
                copyOf,
                similarity,
                now = FormatTime(DateTimeOffset.UtcNow),
            },
            tx);

        _connection.Execute("INSERT INTO articles_fts (rowid, title, body) VALUES (@id, @title, @body)", new { id, title = draft.Title, body }, tx);
        if (fingerprint.BandKeys.Count > 0)
        {
            _connection.Execute(
                "INSERT INTO article_bands (band_key, article_id) SELECT value, @id FROM json_each(@bands)",
                new { id, bands = System.Text.Json.JsonSerializer.Serialize(fingerprint.BandKeys) },
                tx);
        }

        if (Options.KeepRaw && draft.Raw is not null)
        {
            _connection.Execute("INSERT INTO article_raw (article_id, raw) VALUES (@id, @raw)", new { id, raw = draft.Raw }, tx);
        }

        return copyOf is long c
            ? new AddResult(AddOutcome.StoredAsCopy, id, c, similarity)
            : new AddResult(AddOutcome.Stored, id);
    }

    private (long? CopyOf, double? Similarity) FindCopy(IContentFingerprint fingerprint)
    {
        if (fingerprint.BandKeys.Count == 0)
        {
            return (null, null);
        }

        var candidates = _connection.Query<(long Id, byte[] Signature, long ShingleCount, string Hash, long? CopyOf)>(
            """
            SELECT a.id, a.signature, a.shingle_count, a.content_hash, a.copy_of FROM articles a
            WHERE a.id IN (SELECT article_id FROM article_bands WHERE band_key IN (SELECT value FROM json_each(@keys)) LIMIT 1000)
            ORDER BY a.id LIMIT 200
            """,
            new { keys = System.Text.Json.JsonSerializer.Serialize(fingerprint.BandKeys) },
            _transaction);
        long? best = null;
        double bestSimilarity = 0;
        foreach (var (id, signature, shingles, hash, copyOf) in candidates)
        {
            if (signature is null || fingerprint.CopySimilarity(signature, (int)shingles, hash) is not double s)
            {
                continue;
            }

            if (s > bestSimilarity || (s == bestSimilarity && (copyOf ?? id) < best))
            {
                best = copyOf ?? id; // link to the first of the copies, so a chain of copies counts as one voice
                bestSimilarity = s;
            }
        }

        return best is null ? (null, null) : (best, bestSimilarity);
    }

    public void RecordFailure(InputOrigin origin, string code, string reason)
    {
        _connection.Execute(
            "INSERT INTO ingest_failures (origin, code, reason, failed_at) VALUES (@origin, @code, @reason, @now)",
            new { origin = origin.ToString(), code, reason, now = FormatTime(DateTimeOffset.UtcNow) },
            _transaction);
    }

    // ------------------------------------------------------------------ reads

    public long CountArticles() => _connection.ExecuteScalar<long>("SELECT count(*) FROM articles", transaction: _transaction);

    public Article? GetArticle(long id)
    {
        var row = _connection.QuerySingleOrDefault<ArticleRow>("SELECT * FROM articles WHERE id = @id", new { id }, _transaction);
        return row?.ToArticle();
    }

    public IReadOnlyList<Article> GetArticles(IEnumerable<long> ids)
    {
        var list = ids.Distinct().ToArray();
        if (list.Length == 0)
        {
            return [];
        }

        return _connection.Query<ArticleRow>("SELECT * FROM articles WHERE id IN @list ORDER BY id", new { list }, _transaction)
            .Select(r => r.ToArticle())
            .ToList();
    }

    public IEnumerable<Article> AllArticles()
    {
        return _connection.Query<ArticleRow>("SELECT * FROM articles ORDER BY id", transaction: _transaction, buffered: false)
            .Select(r => r.ToArticle());
    }

    public string? GetRaw(long id) =>
        _connection.ExecuteScalar<string?>("SELECT raw FROM article_raw WHERE article_id = @id", new { id }, _transaction);

    public IReadOnlyList<ArticleSummary> ListArticles(int limit = 100, int offset = 0)
    {
        return _connection.Query<SummaryRow>(
                """
                SELECT id, title, source, url, published, language, format, copy_of AS CopyOf, length(text) AS BodyLength
                FROM articles ORDER BY coalesce(published, ingested_at), id LIMIT @limit OFFSET @offset
                """,
                new { limit, offset },
                _transaction)
            .Select(r => new ArticleSummary(r.Id, r.Title, r.Source, r.Url, ParseTime(r.Published), r.Language, r.Format, r.CopyOf, (int)r.BodyLength))
            .ToList();
    }

    /// <summary>
    /// Full-text search over title and body, ranked by BM25 (title weighted higher), with a snippet.
    /// Words are matched as given (all must occur); "double quotes" make a phrase; a trailing * a prefix.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit = 20)
    {
        var match = ToFtsQuery(query);
        if (match.Length == 0)
        {
            return [];
        }

        return _connection.Query<HitRow>(
                """
                SELECT a.id, a.title, a.source, a.published, bm25(articles_fts, 5.0, 1.0) AS score,
                       snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet
                FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                WHERE articles_fts MATCH @match
                ORDER BY score LIMIT @limit
                """,
                new { match, limit },
                _transaction)
            .Select(r => new SearchHit(r.Id, r.Title, r.Source, ParseTime(r.Published), -r.Score, r.Snippet))
            .ToList();
    }

    /// <summary>Turns what a person types into a safe FTS5 query: terms and "phrases" ANDed, each quoted.</summary>
    internal static string ToFtsQuery(string query)
    {
        var parts = new List<string>();
        var sb = new StringBuilder();
        bool inPhrase = false;
        void Flush()
        {
            var term = sb.ToString().Trim();
            sb.Clear();
            if (term.Length == 0)
            {
                return;
            }

            bool prefix = !inPhrase && term.EndsWith('*');
            term = term.TrimEnd('*');
            var words = Tokens(term);
            if (words.Count == 0)
            {
                return;
            }

            parts.Add("\"" + string.Join(' ', words) + "\"" + (prefix ? "*" : string.Empty));
        }

        foreach (var c in query)
        {
            if (c == '"')
            {
                Flush();
                inPhrase = !inPhrase;
            }
            else if (char.IsWhiteSpace(c) && !inPhrase)
            {
                Flush();
            }
            else
            {
                sb.Append(c);
            }
        }

        Flush();
        return string.Join(" AND ", parts);
    }

    private static List<string> Tokens(string s)
    {
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(c);
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        return words;
    }

    public IReadOnlyList<(string Origin, string Code, string Reason)> Failures(int limit = 100) =>
        _connection.Query<(string, string, string)>("SELECT origin, code, reason FROM ingest_failures ORDER BY id DESC LIMIT @limit", new { limit }, _transaction).ToList();

    // ------------------------------------------------------------------ helpers

    internal static string? FormatTime(DateTimeOffset? t) =>
        t?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static DateTimeOffset? ParseTime(string? s) =>
        s is null ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public void Dispose()
    {
        EndWrites();
        _connection.Dispose();
    }

    private sealed class SummaryRow
    {
        public long Id { get; set; }

        public string Title { get; set; } = string.Empty;

        public string? Source { get; set; }

        public string? Url { get; set; }

        public string? Published { get; set; }

        public string? Language { get; set; }

        public string Format { get; set; } = string.Empty;

        public long? CopyOf { get; set; }

        public long BodyLength { get; set; }
    }

    private sealed class HitRow
    {
        public long Id { get; set; }

        public string Title { get; set; } = string.Empty;

        public string? Source { get; set; }

        public string? Published { get; set; }

        public double Score { get; set; }

        public string Snippet { get; set; } = string.Empty;
    }

    private sealed class ArticleRow
    {
        public long Id { get; set; }

        public string Title { get; set; } = string.Empty;

        public string? Source { get; set; }

        public string? Source_Domain { get; set; }

        public string? Url { get; set; }

        public string? Canonical_Url { get; set; }

        public string? Published { get; set; }

        public string Authors { get; set; } = "[]";

        public string? Language { get; set; }

        public string Format { get; set; } = string.Empty;

        public string Origin { get; set; } = string.Empty;

        public string Text { get; set; } = string.Empty;

        public string? Cleaning { get; set; }

        public string Content_Hash { get; set; } = string.Empty;

        public long? Copy_Of { get; set; }

        public double? Copy_Similarity { get; set; }

        public string Ingested_At { get; set; } = string.Empty;

        public Article ToArticle() => new()
        {
            Id = Id,
            Title = Title,
            Source = Source,
            SourceDomain = Source_Domain,
            Url = Url,
            CanonicalUrl = Canonical_Url,
            Published = ParseTime(Published),
            Authors = Json.Authors(Authors),
            Language = Language,
            Format = Format,
            Origin = Origin,
            Text = Text,
            Cleaning = Cleaning is null ? null : Json.Cleaning(Cleaning),
            ContentHash = Content_Hash,
            CopyOf = Copy_Of,
            CopySimilarity = Copy_Similarity,
            IngestedAt = ParseTime(Ingested_At) ?? default,
        };
    }
}
