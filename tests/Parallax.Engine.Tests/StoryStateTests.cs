using Microsoft.Data.Sqlite;
using Parallax.Engine;
using Parallax.Ingestion;
using Parallax.Testing;

namespace Parallax.Engine.Tests;

/// <summary>
/// The story clusterer's state lives in the store: a new process resumes from the snapshot (or, when it cannot be
/// used, by replaying) and places new articles exactly as one long-lived process does, revisions included.
/// </summary>
public class StoryStateTests : IClassFixture<StoryStateTests.Runs>
{
    private readonly Runs _runs;

    public StoryStateTests(Runs runs) => _runs = runs;

    /// <summary>
    /// The news-please articles (real, dated, several events that split and move) in two batches over three stores:
    /// one engine for both batches; one engine per batch (the second resumes from the snapshot); and one per batch
    /// with the snapshot damaged before the second (it replays).
    /// </summary>
    public sealed class Runs : IDisposable
    {
        public Runs()
        {
            var files = Directory.GetFiles(RepoPaths.DataFile("newsplease-5w1h"), "*.json").Order(StringComparer.Ordinal).ToArray();
            First = files[..40];
            Second = files[40..];

            using (var engine = ParallaxEngine.Open(LongLived))
            {
                engine.Ingest(First, new ReadOptions());
                engine.Ingest(Second, new ReadOptions());
                Consistency = Disagreements(engine);
            }

            using (var engine = ParallaxEngine.Open(Resumed))
            {
                engine.Ingest(First, new ReadOptions());
                FirstResume = engine.ClustererResume;
            }

            File.Copy(Resumed, Replayed);
            using (var engine = ParallaxEngine.Open(Resumed))
            {
                engine.Ingest(Second, new ReadOptions());
                SecondResume = engine.ClustererResume;
            }

            using (var db = Open(Replayed))
            using (var damage = db.CreateCommand())
            {
                damage.CommandText = "UPDATE engine_state SET data = substr(data, 1, length(data) / 2) WHERE name = $name";
                damage.Parameters.AddWithValue("$name", ParallaxEngine.ClustererStateName);
                Assert.Equal(1, damage.ExecuteNonQuery());
            }

            using (var engine = ParallaxEngine.Open(Replayed))
            {
                engine.Ingest(Second, new ReadOptions());
                ReplayResume = engine.ClustererResume;
                ReplayNote = engine.ClustererResumeNote;
            }
        }

        public TempDir Dir { get; } = RepoPaths.TempDir();

        public string LongLived => Dir.File("long-lived.db");

        public string Resumed => Dir.File("resumed.db");

        public string Replayed => Dir.File("replayed.db");

        public string[] First { get; }

        public string[] Second { get; }

        public ClustererResume FirstResume { get; }

        public ClustererResume SecondResume { get; }

        public ClustererResume ReplayResume { get; }

        public string? ReplayNote { get; }

        /// <summary>Articles whose stored story is not the one the long-lived clusterer has them in.</summary>
        public List<string> Consistency { get; }

        public void Dispose() => Dir.Dispose();
    }

    private static SqliteConnection Open(string path)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    private static List<string> Rows(string path, string sql)
    {
        using var db = Open(path);
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            var cells = new string[r.FieldCount];
            for (int i = 0; i < cells.Length; i++)
            {
                cells[i] = r.IsDBNull(i) ? "null" : Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
            }

            rows.Add(string.Join(" | ", cells));
        }

        return rows;
    }

    private static List<string> Disagreements(ParallaxEngine engine)
    {
        var clusterer = engine.CurrentClusterer();
        var list = new List<string>();
        foreach (var a in engine.Store.AllArticles())
        {
            var stored = engine.Store.StoryOfArticle(a.Id);
            var held = clusterer.StoryOf(a.Id);
            if (stored != held || (stored is long s && engine.Store.ResolveStory(s) != s))
            {
                list.Add($"article {a.Id}: store {stored}, clusterer {held}");
            }
        }

        return list;
    }

    private static readonly string[] Tables =
    [
        "SELECT article_id, story_id, score, decision, explanation FROM story_articles ORDER BY article_id",
        "SELECT id, headline, merged_into FROM stories ORDER BY id",
        "SELECT into_story, absorbed, article_id, explanation FROM story_merges ORDER BY id",
        "SELECT article_id, from_story, to_story, trigger_article, split, explanation FROM story_moves ORDER BY id",
    ];

    [Fact]
    public void A_new_engine_resumes_from_the_snapshot_and_places_as_one_long_lived_engine()
    {
        Assert.Equal(ClustererResume.Fresh, _runs.FirstResume);
        Assert.Equal(ClustererResume.Snapshot, _runs.SecondResume);
        foreach (var sql in Tables)
        {
            Assert.Equal(Rows(_runs.LongLived, sql), Rows(_runs.Resumed, sql));
        }
    }

    [Fact]
    public void A_damaged_snapshot_falls_back_to_replay_with_the_same_placements()
    {
        Assert.Equal(ClustererResume.Replayed, _runs.ReplayResume);
        Assert.Contains("damaged", _runs.ReplayNote, StringComparison.Ordinal);
        foreach (var sql in Tables)
        {
            Assert.Equal(Rows(_runs.LongLived, sql), Rows(_runs.Replayed, sql));
        }

        // the replayed state was saved again: the next engine resumes from it
        using var engine = ParallaxEngine.Open(_runs.Replayed);
        Assert.Empty(Disagreements(engine));
        Assert.Equal(ClustererResume.Snapshot, engine.ClustererResume);
    }

    [Fact]
    public void Revised_placements_are_stored_and_the_store_agrees_with_the_clusterer()
    {
        Assert.Empty(_runs.Consistency);
        var moves = Rows(_runs.LongLived, "SELECT article_id, from_story, to_story, split FROM story_moves");
        Assert.NotEmpty(moves);
        Assert.Contains(moves, m => m.EndsWith("| 1", StringComparison.Ordinal));
        Assert.Contains(moves, m => m.EndsWith("| 0", StringComparison.Ordinal));

        // every moved article's placement says so, and names the story it is in now or the one it moved to
        var moved = Rows(_runs.LongLived, "SELECT count(*) FROM story_articles WHERE decision = 'Moved'");
        Assert.NotEqual("0", Assert.Single(moved));
    }

    [Fact]
    public void Moves_and_splits_are_explained_from_the_story_they_left_and_the_one_they_joined()
    {
        using var engine = ParallaxEngine.Open(_runs.LongLived);
        var split = Rows(_runs.LongLived, "SELECT from_story, to_story FROM story_moves WHERE split = 1 ORDER BY id DESC LIMIT 1")[0].Split(" | ").Select(long.Parse).ToArray();
        foreach (long story in split)
        {
            var lines = engine.Store.Moves(engine.Store.ResolveStory(story)!.Value).Select(m => StoryExplanationText.DescribeMove(m.Explanation)).ToList();
            Assert.Contains(lines, l => l.StartsWith("split: article ", StringComparison.Ordinal) && l.Contains($"when article", StringComparison.Ordinal));
        }

        var moved = engine.Store.Placements(engine.Store.ResolveStory(split[1])!.Value).Where(p => p.Decision == "Moved").ToList();
        Assert.NotEmpty(moved);
        Assert.All(moved, p => Assert.Matches("(moved from|split off) story [0-9]+", StoryExplanationText.Describe(p.Decision, p.Score, p.Explanation)));
    }

    [Fact]
    public void A_snapshot_of_another_format_version_is_not_used()
    {
        var copy = _runs.Dir.File("old-version.db");
        File.Copy(_runs.Resumed, copy);
        using (var db = Open(copy))
        using (var cmd = db.CreateCommand())
        {
            cmd.CommandText = "UPDATE engine_state SET version = 0";
            cmd.ExecuteNonQuery();
        }

        using var engine = ParallaxEngine.Open(copy);
        Assert.Empty(Disagreements(engine));
        Assert.Equal(ClustererResume.Replayed, engine.ClustererResume);
        Assert.Contains("version 0", engine.ClustererResumeNote, StringComparison.Ordinal);
    }
}
