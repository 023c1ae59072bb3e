using Microsoft.Data.Sqlite;
using Parallax.Core;
using Parallax.Testing;

namespace Parallax.Storage.Tests;

public class ArticleStoreTests
{
    private static ArticleDraft Draft(string text, string? url = null, string title = "A title") => new()
    {
        Text = text,
        Title = title,
        Url = url,
        Format = "text",
        Origin = new InputOrigin("test.txt"),
        Source = "Test Outlet",
        Published = new DateTimeOffset(2017, 9, 30, 8, 0, 0, TimeSpan.Zero),
        Cleaning = new CleaningLayer([new TextRange(0, text.Length)], []),
    };

    private static TestFingerprint Fp(string hash, ulong[]? minhash = null, long[]? bands = null) =>
        new(hash, minhash ?? [1, 2, 3, 4], bands ?? []);

    [Fact]
    public void A_new_store_is_at_the_latest_schema_in_wal_mode()
    {
        using var dir = RepoPaths.TempDir();
        using var store = ArticleStore.Open(dir.File("p.db"));
        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        using var c = new SqliteConnection($"Data Source={dir.File("p.db")}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string)cmd.ExecuteScalar()!);
    }

    [Fact]
    public void An_article_round_trips_with_its_text_untouched_and_its_cleaning_layer()
    {
        using var dir = RepoPaths.TempDir();
        var text = "Title line\n\n  Body with “curly quotes” and trailing spaces  \n\nComments are closed.\n";
        const string body = "Body with “curly quotes” and trailing spaces";
        int b = text.IndexOf(body, StringComparison.Ordinal);
        int n = text.IndexOf("Comments", StringComparison.Ordinal);
        var draft = Draft(text) with
        {
            Cleaning = new CleaningLayer(
                [new TextRange(b, b + body.Length)],
                [new Exclusion(new TextRange(0, 10), ExclusionKind.Title, "first-line"), new Exclusion(new TextRange(n, n + 20), ExclusionKind.CommentNotice, "comments-closed")]),
            Authors = ["A. Writer", "B. Writer"],
        };
        long id;
        using (var store = ArticleStore.Open(dir.File("p.db")))
        {
            id = store.Add(draft, Fp("h1")).Id;
        }

        using var reopened = ArticleStore.Open(dir.File("p.db"));
        var article = reopened.GetArticle(id)!;
        Assert.Equal(text, article.Text);
        Assert.Equal(draft.Cleaning, article.Cleaning, new CleaningComparer());
        Assert.Equal(["A. Writer", "B. Writer"], article.Authors);
        Assert.Equal(draft.Published, article.Published);
        Assert.Equal("Body with “curly quotes” and trailing spaces", article.Body);
    }

    [Fact]
    public void The_same_url_is_stored_once_even_with_tracking_parameters()
    {
        using var dir = RepoPaths.TempDir();
        using var store = ArticleStore.Open(dir.File("p.db"));
        var first = store.Add(Draft("one", "https://www.example.com/news/a?id=7"), Fp("h1"));
        var again = store.Add(Draft("one, edited", "http://example.com/news/a/?utm_source=x&id=7#top"), Fp("h2"));
        Assert.Equal(AddOutcome.Stored, first.Outcome);
        Assert.Equal(AddOutcome.Duplicate, again.Outcome);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal("same url", again.Reason);
        Assert.Equal(1, store.CountArticles());
    }

    [Fact]
    public void The_same_content_under_another_url_is_stored_once()
    {
        using var dir = RepoPaths.TempDir();
        using var store = ArticleStore.Open(dir.File("p.db"));
        store.Add(Draft("same", "https://a.example/1"), Fp("same-hash"));
        var again = store.Add(Draft("same", "https://b.example/2"), Fp("same-hash"));
        Assert.Equal(AddOutcome.Duplicate, again.Outcome);
        Assert.Equal("same content", again.Reason);
    }

    [Fact]
    public void A_near_duplicate_is_stored_and_linked_to_the_first_copy()
    {
        using var dir = RepoPaths.TempDir();
        using var store = ArticleStore.Open(dir.File("p.db"));
        var sig = Enumerable.Range(0, 64).Select(i => (ulong)i).ToArray();
        var near = sig.Select((v, i) => i < 8 ? v + 1000 : v).ToArray(); // 56/64 slots equal
        var far = sig.Select(v => v + 5000).ToArray();
        var a = store.Add(Draft("wire story on site A"), Fp("a", sig, [11, 12, 13]));
        var b = store.Add(Draft("wire story on site B"), Fp("b", near, [11, 99]));
        var c = store.Add(Draft("wire story on site C"), Fp("c", near, [99]));
        var d = store.Add(Draft("another story"), Fp("d", far, [11]));
        Assert.Equal(AddOutcome.StoredAsCopy, b.Outcome);
        Assert.Equal(a.Id, b.CopyOf);
        Assert.Equal(56.0 / 64, b.Similarity!.Value, 3);
        Assert.Equal(a.Id, c.CopyOf); // a copy of a copy points at the first one
        Assert.Equal(AddOutcome.Stored, d.Outcome);
        Assert.Equal(a.Id, store.GetArticle(b.Id)!.CopyOf);
    }

    [Fact]
    public void Search_ranks_title_matches_first_and_returns_snippets()
    {
        using var dir = RepoPaths.TempDir();
        using var store = ArticleStore.Open(dir.File("p.db"));
        var body = store.Add(Draft("Nothing here about it. Later, the talks in Beijing were held.", title: "Other news"), Fp("1")).Id;
        var title = store.Add(Draft("Talks were held in Beijing on Saturday.", title: "Beijing talks"), Fp("2")).Id;
        store.Add(Draft("Unrelated text about football.", title: "Sport"), Fp("3"));
        var hits = store.Search("beijing talks");
        Assert.Equal([title, body], hits.Select(h => h.Id));
        Assert.Contains("[", hits[0].Snippet, StringComparison.Ordinal);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Theory]
    [InlineData("\"unterminated phrase")]
    [InlineData("NEAR(a b)")]
    [InlineData("a AND OR NOT")]
    [InlineData("-dash ^caret :colon")]
    [InlineData("***")]
    [InlineData("")]
    public void Search_never_fails_on_what_a_person_types(string query)
    {
        using var dir = RepoPaths.TempDir();
        using var store = ArticleStore.Open(dir.File("p.db"));
        store.Add(Draft("Near a dash and a caret: colon."), Fp("1"));
        _ = store.Search(query);
    }

    [Fact]
    public void Phrase_and_prefix_queries_work()
    {
        using var dir = RepoPaths.TempDir();
        using var store = ArticleStore.Open(dir.File("p.db"));
        var a = store.Add(Draft("Kim Jong Un met officials."), Fp("1")).Id;
        store.Add(Draft("Un officials met Kim."), Fp("2"));
        Assert.Equal([a], store.Search("\"kim jong un\"").Select(h => h.Id));
        Assert.Equal([a], store.Search("jon*").Select(h => h.Id));
    }

    [Fact]
    public void A_store_from_a_newer_parallax_is_refused_with_a_clear_error()
    {
        using var dir = RepoPaths.TempDir();
        var path = dir.File("p.db");
        using (var c = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 999";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.Throws<ParallaxException>(() => ArticleStore.Open(path));
        Assert.Equal(ErrorCodes.StoreSchemaTooNew, ex.Code);
        Assert.Contains("999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_a_clear_error()
    {
        var ex = Assert.Throws<ParallaxException>(() => ArticleStore.Open("/nonexistent-folder-xyz/p.db"));
        Assert.Equal(ErrorCodes.StoreOpen, ex.Code);
    }

    [Fact]
    public void Grouped_writes_are_visible_after_commit_and_a_failed_article_leaves_no_rows()
    {
        using var dir = RepoPaths.TempDir();
        using (var store = ArticleStore.Open(dir.File("p.db")))
        {
            using var scope = store.BeginWrites(commitEvery: 2);
            store.Add(Draft("first"), Fp("1", bands: [1]));
            // a draft whose title is null violates NOT NULL after the FTS-independent checks: this article fails
            Assert.ThrowsAny<Exception>(() => store.Add(Draft("second") with { Title = null! }, Fp("2", bands: [2])));
            store.Add(Draft("third"), Fp("3", bands: [3]));
        }

        using var c = new SqliteConnection($"Data Source={dir.File("p.db")};Pooling=False");
        c.Open();
        Assert.Equal(2L, Scalar(c, "SELECT count(*) FROM articles"));
        Assert.Equal(2L, Scalar(c, "SELECT count(*) FROM articles_fts"));
        Assert.Equal(0L, Scalar(c, "SELECT count(*) FROM article_bands WHERE band_key = 2"));
    }

    [Fact]
    public void Full_text_rows_of_a_group_commit_with_their_articles_and_a_search_inside_the_group_finds_them()
    {
        using var dir = RepoPaths.TempDir();
        using (var store = ArticleStore.Open(dir.File("p.db")))
        {
            using var scope = store.BeginWrites(commitEvery: 3);
            store.Add(Draft("Rex Tillerson met Xi Jinping in Beijing on Saturday.", title: "Tillerson in Beijing"), Fp("1"));
            store.Add(Draft("The council approved the budget."), Fp("2"));
            // not committed yet, but a search in the same connection sees it
            var hit = Assert.Single(store.Search("Xi Jinping"));
            Assert.Contains("[Xi] [Jinping]", hit.Snippet, StringComparison.Ordinal);
            store.Add(Draft("A third article about the bridge."), Fp("3")); // the group of 3 commits here
            store.Add(Draft("A fourth article, left in the open group."), Fp("4"));

            // another connection sees the committed group only, each article with its full-text row
            using var c = new SqliteConnection($"Data Source={dir.File("p.db")};Pooling=False");
            c.Open();
            Assert.Equal(3L, Scalar(c, "SELECT count(*) FROM articles"));
            Assert.Equal(3L, Scalar(c, "SELECT count(*) FROM articles_fts"));
            Assert.Equal(0L, Scalar(c, "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles_fts f WHERE f.rowid = a.id)"));
        }

        using var after = ArticleStore.Open(dir.File("p.db"));
        Assert.Equal(4L, after.CountArticles());
        Assert.Single(after.Search("fourth"));
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return (long)cmd.ExecuteScalar()!;
    }

    private sealed class CleaningComparer : IEqualityComparer<CleaningLayer?>
    {
        public bool Equals(CleaningLayer? x, CleaningLayer? y) =>
            x is not null && y is not null && x.Paragraphs.SequenceEqual(y.Paragraphs) && x.Excluded.SequenceEqual(y.Excluded);

        public int GetHashCode(CleaningLayer? obj) => 0;
    }
}
