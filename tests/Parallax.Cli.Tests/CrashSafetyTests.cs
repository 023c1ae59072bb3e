using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

/// <summary>Killing the process during an ingest loses nothing that was committed and leaves no half-written article.</summary>
public class CrashSafetyTests
{
    [Fact]
    public void A_killed_ingest_leaves_only_whole_articles_and_a_rerun_completes_it()
    {
        using var dir = RepoPaths.TempDir();
        var input = dir.File("many.jsonl");
        const int total = 20000;
        WriteArticles(input, total);
        var db = dir.File("p.db");

        using (var process = CliRunner.Start(["ingest", input, "--no-analyze", "--db", db], dir.Path))
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var watch = Stopwatch.StartNew();
            long stored = 0;
            while (watch.Elapsed < TimeSpan.FromMinutes(3) && !process.HasExited)
            {
                Thread.Sleep(100);
                stored = Count(db, "SELECT count(*) FROM articles");
                if (stored >= 300)
                {
                    break;
                }
            }

            Assert.False(process.HasExited, "the ingest finished before it could be killed; make the input larger");
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        long afterKill = Count(db, "SELECT count(*) FROM articles");
        Assert.InRange(afterKill, 300, total - 1);
        Assert.Equal("ok", Scalar(db, "PRAGMA integrity_check"));
        // every stored article is whole: its full-text row and its band keys are there
        Assert.Equal(afterKill, Count(db, "SELECT count(*) FROM articles_fts"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles_fts f WHERE f.rowid = a.id)"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM articles a WHERE a.shingle_count >= 8 AND NOT EXISTS (SELECT 1 FROM article_bands b WHERE b.article_id = a.id)"));
        Assert.Equal(0, Count(db, "SELECT count(*) FROM article_bands b WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = b.article_id)"));

        var rerun = CliRunner.Run(["ingest", input, "--no-analyze", "--db", db], dir.Path, timeout: TimeSpan.FromMinutes(10));
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.Equal(total, Count(db, "SELECT count(*) FROM articles"));
        Assert.Contains($"{afterKill} duplicate", rerun.Stderr, StringComparison.Ordinal);
    }

    /// <summary>Distinct articles in news-please JSON Lines, each with its own URL and body.</summary>
    private static void WriteArticles(string path, int count)
    {
        string[] subjects = ["The minister", "The council", "A spokesman", "The company", "Officials", "The court", "Rescuers", "The agency"];
        string[] verbs = ["announced", "rejected", "approved", "delayed", "questioned", "confirmed", "reviewed", "postponed"];
        string[] objects = ["the budget", "a new bridge", "the merger", "the election results", "a trade deal", "the inquiry", "the report", "a ceasefire"];
        var rng = new Random(7);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        for (int i = 0; i < count; i++)
        {
            var body = new StringBuilder();
            for (int s = 0; s < 6; s++)
            {
                body.Append(subjects[rng.Next(subjects.Length)]).Append(' ').Append(verbs[rng.Next(verbs.Length)]).Append(' ')
                    .Append(objects[rng.Next(objects.Length)]).Append(" on day ").Append(rng.Next(1, 100000)).Append(" in district ").Append(i).Append(". ");
            }

            w.Write("{\"title\": \"Report number ");
            w.Write(i);
            w.Write("\", \"maintext\": \"");
            w.Write(body.ToString().TrimEnd());
            w.Write("\", \"url\": \"https://example.com/news/");
            w.Write(i);
            w.Write("\", \"source_domain\": \"example.com\", \"date_publish\": \"2020-01-01 10:00:00\"}\n");
        }
    }

    private static long Count(string db, string sql) => Convert.ToInt64(Scalar(db, sql), System.Globalization.CultureInfo.InvariantCulture);

    private static object Scalar(string db, string sql)
    {
        if (!File.Exists(db))
        {
            return 0L;
        }

        using var c = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        c.Open();
        using (var timeout = c.CreateCommand())
        {
            timeout.CommandText = "PRAGMA busy_timeout = 5000";
            timeout.ExecuteNonQuery();
        }

        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        try
        {
            return cmd.ExecuteScalar() ?? 0L;
        }
        catch (SqliteException)
        {
            return 0L; // not created yet
        }
    }
}
