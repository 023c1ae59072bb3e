using System.IO.Compression;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Parallax.Ingestion;

namespace Parallax.Benchmarks;

/// <summary>
/// Ingestion throughput: read + sniff + decode + extract + clean + language + fingerprint (everything but storage),
/// on the 120 pages of the article-extraction set and on 500 BBC news text files, in memory (no disk time).
/// One operation reads the whole set; pages/s = set size / mean.
/// Run: dotnet run -c Release --project bench/Parallax.Benchmarks -- --filter '*IngestBenchmarks*' --job short --inProcess
/// (in-process: on a busy machine BenchmarkDotNet's out-of-process build can pass its 2-minute timeout).
/// </summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private List<(string Name, byte[] Bytes)> _pages = [];
    private List<(string Name, byte[] Bytes)> _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        var dir = Path.Combine(BenchPaths.Data, "article-extraction");
        using var truth = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "ground-truth.json")));
        foreach (var entry in truth.RootElement.EnumerateObject())
        {
            using var file = File.OpenRead(Path.Combine(dir, "html", entry.Name + ".html.gz"));
            using var gz = new GZipStream(file, CompressionMode.Decompress);
            using var ms = new MemoryStream();
            gz.CopyTo(ms);
            _pages.Add((entry.Name + ".html", ms.ToArray()));
        }

        _texts = Directory.EnumerateFiles(Path.Combine(BenchPaths.Data, "unlabeled-news", "bbc"), "*.txt", SearchOption.AllDirectories)
            .Where(f => char.IsDigit(Path.GetFileName(f)[0]))
            .Order(StringComparer.Ordinal)
            .Take(500)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))
            .ToList();

        // warm the language models and the JIT once
        _ = Html();
        _ = Text();
    }

    public int HtmlPageCount => _pages.Count;

    [Benchmark(Description = "120 HTML pages, one thread")]
    public int Html() => ReadAll(_pages);

    [Benchmark(Description = "120 HTML pages, all cores")]
    public int HtmlParallel() => ReadAllParallel(_pages);

    [Benchmark(Description = "500 text articles, one thread")]
    public int Text() => ReadAll(_texts);

    [Benchmark(Description = "500 text articles, all cores")]
    public int TextParallel() => ReadAllParallel(_texts);

    private static int ReadAll(List<(string Name, byte[] Bytes)> inputs)
    {
        int articles = 0;
        foreach (var (name, bytes) in inputs)
        {
            foreach (var outcome in InputReader.ReadBytes(bytes, name, new ReadOptions()))
            {
                if (outcome is ArticleRead)
                {
                    articles++;
                }
            }
        }

        return articles;
    }

    private static int ReadAllParallel(List<(string Name, byte[] Bytes)> inputs)
    {
        int articles = 0;
        Parallel.ForEach(inputs, input =>
        {
            foreach (var outcome in InputReader.ReadBytes(input.Bytes, input.Name, new ReadOptions()))
            {
                if (outcome is ArticleRead)
                {
                    Interlocked.Increment(ref articles);
                }
            }
        });
        return articles;
    }
}
