using System.Text.Json;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

public class IngestCommandTests
{
    private static CliRunner.Result Run(TempDir dir, params string[] args) =>
        CliRunner.Run(args.Concat(["--db", dir.File("p.db")]), workingDirectory: dir.Path);

    [Fact]
    public void The_samples_are_ingested_listed_shown_and_searched()
    {
        using var dir = RepoPaths.TempDir();
        var ingest = Run(dir, "ingest", RepoPaths.TillersonSample, "--published", "2017-09-30");
        Assert.True(ingest.ExitCode == 0, ingest.Stderr);
        Assert.Contains("2 stored", ingest.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, ingest.Stdout);

        var list = Run(dir, "articles", "--json");
        Assert.Equal(0, list.ExitCode);
        using var articles = JsonDocument.Parse(list.Stdout);
        Assert.Equal(2, articles.RootElement.GetProperty("total").GetInt32());
        var titles = articles.RootElement.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ToList();
        Assert.Contains("Rex Tillerson in China for North Korea talks", titles);
        Assert.Contains("US´s Tillerson to focus on North Korea and trade during China visit", titles);

        var id = articles.RootElement.GetProperty("articles").EnumerateArray()
            .First(a => a.GetProperty("title").GetString()!.StartsWith("Rex", StringComparison.Ordinal)).GetProperty("id").GetInt64();
        var show = Run(dir, "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--json");
        Assert.Equal(0, show.ExitCode);
        using var article = JsonDocument.Parse(show.Stdout);
        var text = article.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("US Secretary of State Rex Tillerson will hold top-level talks", text, StringComparison.Ordinal);
        Assert.DoesNotContain("OPINION: Should you be worried", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Source: Al Jazeera", text, StringComparison.Ordinal);
        Assert.Contains("Al Jazeera", article.RootElement.GetProperty("source").GetString(), StringComparison.Ordinal);

        var search = Run(dir, "search", "trade surplus", "--json");
        Assert.Equal(0, search.ExitCode);
        using var hits = JsonDocument.Parse(search.Stdout);
        var hit = Assert.Single(hits.RootElement.GetProperty("hits").EnumerateArray());
        Assert.Contains("[", hit.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ingesting_the_same_files_twice_stores_them_once()
    {
        using var dir = RepoPaths.TempDir();
        Assert.Equal(0, Run(dir, "ingest", RepoPaths.TillersonSample, "--no-analyze").ExitCode);
        var again = Run(dir, "ingest", RepoPaths.TillersonSample, "--no-analyze", "--json");
        Assert.Equal(0, again.ExitCode);
        using var report = JsonDocument.Parse(again.Stdout);
        Assert.Equal(0, report.RootElement.GetProperty("stored").GetInt32());
        Assert.Equal(2, report.RootElement.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public void Bad_inputs_are_named_and_skipped_and_the_rest_is_stored_with_exit_code_1()
    {
        using var dir = RepoPaths.TempDir();
        var inputs = Directory.CreateDirectory(Path.Combine(dir.Path, "in")).FullName;
        File.Copy(Path.Combine(RepoPaths.TillersonSample, "000_8bd32afc6ad81d3d.txt"), Path.Combine(inputs, "good.txt"));
        File.WriteAllBytes(Path.Combine(inputs, "binary.bin"), [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0xFF, 0xFE, 0, 0]);
        File.WriteAllText(Path.Combine(inputs, "empty.txt"), string.Empty);
        File.WriteAllText(Path.Combine(inputs, "truncated.json"), "{\"title\": \"A story\", \"maintext\": \"It was cut");
        File.WriteAllText(Path.Combine(inputs, "lines.jsonl"),
            "{\"title\": \"First\", \"maintext\": \"The first article has enough words to be an article of its own, with a body.\", \"url\": \"https://example.com/1\"}\n" +
            "{\"title\": \"Broken\", \"maintext\": \n" +
            "{\"title\": \"Third\", \"maintext\": \"The third article also has enough words to be an article of its own here.\", \"url\": \"https://example.com/3\"}\n");

        var result = Run(dir, "ingest", inputs, "--no-analyze", "--json");
        Assert.Equal(1, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        Assert.Equal(3, report.RootElement.GetProperty("stored").GetInt32());
        var failures = report.RootElement.GetProperty("failures").EnumerateArray().Select(f => f.GetProperty("origin").GetString()!).ToList();
        Assert.Contains(failures, f => f.EndsWith("binary.bin", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.EndsWith("empty.txt", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.EndsWith("truncated.json", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.EndsWith("lines.jsonl:2", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ingest")]
    [InlineData("ingest", "x", "--published", "not-a-date")]
    [InlineData("ingest", "x", "--format", "pdf")]
    [InlineData("articles", "--no-such-option")]
    [InlineData("no-such-command")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        using var dir = RepoPaths.TempDir();
        var result = Run(dir, args);
        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual(string.Empty, result.Stderr);
    }

    [Fact]
    public void A_missing_input_is_a_failure_not_a_crash()
    {
        using var dir = RepoPaths.TempDir();
        var result = Run(dir, "ingest", Path.Combine(dir.Path, "nope.txt"), "--no-analyze");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nope.txt", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_is_read_with_a_dash()
    {
        using var dir = RepoPaths.TempDir();
        var text = File.ReadAllText(Path.Combine(RepoPaths.TillersonSample, "003_b954ae2e1036d3dd.txt"));
        var result = CliRunner.Run(["ingest", "-", "--no-analyze", "--source", "Test Wire", "--db", dir.File("p.db")], dir.Path, stdin: text);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var list = Run(dir, "articles", "--json");
        using var articles = JsonDocument.Parse(list.Stdout);
        var a = Assert.Single(articles.RootElement.GetProperty("articles").EnumerateArray());
        Assert.Equal("Test Wire", a.GetProperty("source").GetString());
    }
}
