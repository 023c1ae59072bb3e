using BenchmarkDotNet.Attributes;
using Parallax.Engine;
using Parallax.Ingestion;

namespace Parallax.Benchmarks;

/// <summary>
/// The whole ingest of a folder into a fresh store, as `parallax ingest --no-analyze` does it: read, extract, clean,
/// language, fingerprint, duplicate checks and store (FTS index, band keys), with the inputs read on every core (in
/// input order) while one thread stores. `profile-ingest` (see <see cref="IngestProfile"/>) gives the CPU time per
/// stage, which a shared machine distorts far less than wall time.
/// Inputs: the 2,225 BBC News text files and the 120 HTML pages of the extraction set (copied to a temporary folder).
/// Articles per second = inputs / mean.
/// dotnet run -c Release --project bench/Parallax.Benchmarks -- --filter '*IngestStoreBenchmarks*'
/// </summary>
public class IngestStoreBenchmarks
{
    private string _work = string.Empty;
    private string _db = string.Empty;

    [Params("bbc-text", "html-pages")]
    public string Inputs { get; set; } = "bbc-text";

    public string InputFolder => Path.Combine(_work, Inputs);

    [GlobalSetup]
    public void Setup()
    {
        _work = Path.Combine(Path.GetTempPath(), "parallax-bench-ingest");
        var text = Path.Combine(_work, "bbc-text");
        var html = Path.Combine(_work, "html-pages");
        if (!Directory.Exists(text))
        {
            Directory.CreateDirectory(text);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(BenchPaths.Data, "unlabeled-news", "bbc"), "*.txt", SearchOption.AllDirectories))
            {
                var category = Path.GetFileName(Path.GetDirectoryName(file))!;
                File.Copy(file, Path.Combine(text, category + "_" + Path.GetFileName(file)), overwrite: true);
            }
        }

        if (!Directory.Exists(html))
        {
            Directory.CreateDirectory(html);
            foreach (var file in Directory.EnumerateFiles(Path.Combine(BenchPaths.Data, "article-extraction", "html"), "*.html.gz"))
            {
                File.Copy(file, Path.Combine(html, Path.GetFileName(file)), overwrite: true);
            }
        }

        Console.WriteLine($"// {Inputs}: {Directory.GetFiles(InputFolder).Length} inputs");
    }

    [IterationSetup]
    public void FreshStore()
    {
        _db = Path.Combine(_work, "bench-" + Guid.NewGuid().ToString("N")[..8] + ".db");
    }

    [Benchmark]
    public int Ingest()
    {
        using var engine = ParallaxEngine.Open(_db, new EngineOptions { AnalyzeOnIngest = false });
        return engine.Ingest([InputFolder], new ReadOptions { Encoding = null }).Stored;
    }

    [IterationCleanup]
    public void DropStore()
    {
        foreach (var f in new[] { _db, _db + "-wal", _db + "-shm" })
        {
            File.Delete(f);
        }
    }
}
