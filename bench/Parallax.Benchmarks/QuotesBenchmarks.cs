using BenchmarkDotNet.Attributes;
using Parallax.Core;
using Parallax.Nlp;
using Parallax.Nlp.Quotes;

namespace Parallax.Benchmarks;

/// <summary>
/// The quote component alone (tokens, sentences and an entity layer are made once beforehand) over the first 40
/// PolNeAR dev articles, or the samples when the data is absent. Tokens per second = <see cref="Tokens"/> / mean time.
/// dotnet run -c Release --project bench/Parallax.Benchmarks -- --filter '*Quotes*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class QuotesBenchmarks
{
    private Document[] _docs = [];
    private readonly QuoteComponent _component = new();

    /// <summary>Total tokens processed by one invocation.</summary>
    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var dev = Path.Combine(BenchPaths.Data, "polnear", "dev", "text");
        var files = Directory.Exists(dev)
            ? Directory.GetFiles(dev, "*.txt").Order(StringComparer.Ordinal).Take(40).ToArray()
            : Directory.GetFiles(Path.Combine(BenchPaths.Samples, "tillerson-china-2017"), "*.txt");
        var pipeline = NlpPipeline.CreateDefault();
        _docs = files.Select(f =>
        {
            var doc = pipeline.Run(new Document(File.ReadAllText(f)));
            return doc.Has(Layers.Entities) ? doc : doc.With(Layers.Entities, new EntityLayer([]));
        }).ToArray();
        Tokens = _docs.Sum(d => d.Get(Layers.Tokens).Count);
        Console.WriteLine($"// {_docs.Length} documents, {Tokens} tokens per invocation");
    }

    [Benchmark]
    public int Quotes()
    {
        var n = 0;
        foreach (var doc in _docs)
        {
            n += _component.Process(doc, CancellationToken.None).Get(Layers.Quotes).Quotes.Length;
        }

        return n;
    }
}

/// <summary>
/// Loading the built-in attribution model (Brotli-decompressing the embedded resource and building its tables), as
/// every <c>parallax analyze</c> does once.
/// dotnet run -c Release --project bench/Parallax.Benchmarks -- --filter '*QuotesModelLoad*' --job short --inProcess
/// </summary>
[MemoryDiagnoser]
public class QuotesModelLoadBenchmarks
{
    [Benchmark]
    public int LoadModel()
    {
        using var stream = typeof(AttributionModel).Assembly.GetManifestResourceStream(AttributionModel.ResourceName)!;
        return AttributionModel.Load(stream, "built-in attribution model").FeatureCount;
    }
}
