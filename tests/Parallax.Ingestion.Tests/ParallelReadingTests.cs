using System.Text;
using Parallax.Core;
using Parallax.Testing;

namespace Parallax.Ingestion.Tests;

/// <summary>Reading on several threads yields exactly what reading on one does, in the same order.</summary>
public class ParallelReadingTests
{
    [Fact]
    public void Reading_in_parallel_yields_the_one_thread_outcomes_in_input_order()
    {
        using var dir = RepoPaths.TempDir();
        // a mixed folder: the two samples, real pages of the extraction set, a JSON Lines file with a bad line,
        // an empty file and a binary one, in sub-folders so the walk order matters
        File.Copy(TestInputs.Sample000, dir.File("a_sample.txt"));
        Directory.CreateDirectory(dir.File("b"));
        File.Copy(TestInputs.Sample003, Path.Combine(dir.File("b"), "sample.txt"));
        var truth = RepoPaths.DataFile("article-extraction", "html");
        foreach (var (page, i) in Directory.GetFiles(truth, "*.html.gz").Order(StringComparer.Ordinal).Take(12).Select((p, i) => (p, i)))
        {
            File.Copy(page, Path.Combine(dir.File(i % 2 == 0 ? "b" : "."), "page" + i + ".html.gz"));
        }

        var lines = new StringBuilder();
        for (int i = 0; i < 150; i++)
        {
            lines.Append(i == 70 ? "{\"title\": \"cut short" : $"{{\"title\": \"Item {i}\", \"maintext\": \"The council approved the budget for district {i} on Monday after a long debate.\"}}").Append('\n');
        }

        File.WriteAllText(dir.File("c_items.jsonl"), lines.ToString());
        File.WriteAllText(dir.File("d_empty.txt"), string.Empty);
        File.WriteAllBytes(dir.File("e_binary.bin"), [0, 1, 2, 3, 0, 0, 255, 254, 0, 7]);

        var options = new ReadOptions();
        var one = InputReader.Read([dir.Path, TestInputs.Sample000], options).Select(Describe).ToList();
        var many = InputReader.ReadParallel([dir.Path, TestInputs.Sample000], options, workers: 3).Select(Describe).ToList();

        Assert.Equal(2 + 12 + 150 + 2 + 1, one.Count);
        Assert.Contains(one, o => o.StartsWith("failed", StringComparison.Ordinal) && o.Contains(":71", StringComparison.Ordinal));
        Assert.Equal(one, many);
    }

    [Fact]
    public void A_consumer_that_stops_early_stops_the_readers()
    {
        var paths = Enumerable.Repeat(TestInputs.Sample000, 200).ToList();
        var first = InputReader.ReadParallel(paths, new ReadOptions(), workers: 2).Take(3).ToList();
        Assert.Equal(3, first.Count);
        Assert.All(first, o => Assert.IsType<ArticleRead>(o));

        // the readers themselves: once the consumer stops, no item beyond the bounded window is expanded
        int expanded = 0;
        var taken = ParallelReading.Ordered(
                Enumerable.Range(0, 200),
                i => { Interlocked.Increment(ref expanded); return new[] { i }; },
                workers: 2,
                window: 4,
                perItem: 1,
                CancellationToken.None)
            .Take(3)
            .ToList();
        Assert.Equal([0, 1, 2], taken);
        Assert.InRange(Volatile.Read(ref expanded), 3, 3 + 4 + 2);
    }

    private static string Describe(ReadOutcome outcome) => outcome switch
    {
        ArticleRead a => $"read {a.Draft.Origin} {a.Draft.Title} {a.Draft.Language} {a.Fingerprint.ContentHash} {a.Draft.Cleaning?.Paragraphs.Count}",
        ReadFailure f => $"failed {f.Origin} {f.Code}",
        _ => outcome.ToString() ?? string.Empty,
    };
}
