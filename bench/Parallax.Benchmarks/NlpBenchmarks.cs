using BenchmarkDotNet.Attributes;
using Parallax.Core;
using Parallax.Nlp;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Text;

namespace Parallax.Benchmarks;

/// <summary>
/// The language pipeline this area owns (tokens, sentences, entities) on real news text: the two sample articles
/// and 200 BBC News articles from the unlabelled-news set. Throughput in tokens per second = Tokens / mean time.
/// dotnet run -c Release --project bench/Parallax.Benchmarks -- --filter '*NlpBenchmarks*' --inProcess --iterationCount 15 --warmupCount 3
/// (--inProcess: on the shared 2-core machine the generated project's build can exceed BenchmarkDotNet's 2-minute timeout).
/// Measured 2026-11-23, one thread, load average ~22 on 2 cores: 74,345 tokens; tokens 12.5 ms (5.9 M tokens/s),
/// tokens+sentences 13.6 ms (5.5 M/s), tokens+sentences+entities 295 ms (252,000 tokens/s; target 100,000).
/// </summary>
[MemoryDiagnoser]
public class NlpBenchmarks
{
    private Document[] _documents = [];
    private Pipeline _full = null!;
    private Pipeline _text = null!;
    private Pipeline _everything = null!;

    /// <summary>Tokens in the benchmark corpus (printed at setup; divide by the mean time for tokens/s).</summary>
    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var texts = new List<string>();
        texts.AddRange(Directory.GetFiles(Path.Combine(BenchPaths.Samples, "tillerson-china-2017"), "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        var bbc = Path.Combine(BenchPaths.Data, "unlabeled-news", "bbc");
        if (Directory.Exists(bbc))
        {
            texts.AddRange(Directory.GetFiles(bbc, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(200).Select(File.ReadAllText));
        }

        _documents = texts.Select(t => new Document(t)).ToArray();
        _full = NlpPipeline.CreateDefault();
        _text = NlpPipeline.CreateTextOnly();
        _everything = NlpPipeline.CreateFull();
        Tokens = _documents.Sum(d => _text.Run(d).Get(Layers.Tokens).Count);
        Console.WriteLine($"// NlpBenchmarks: {_documents.Length} documents, {Tokens} tokens");
    }

    [Benchmark(Description = "tokens")]
    public int TokensOnly()
    {
        int n = 0;
        foreach (var d in _documents)
        {
            n += TokenizerComponent.Tokenize(d.Text, d.BodyParagraphs).Count;
        }

        return n;
    }

    [Benchmark(Description = "tokens+sentences")]
    public int TokensAndSentences()
    {
        int n = 0;
        foreach (var d in _documents)
        {
            n += _text.Run(d).Get(Layers.Sentences).Count;
        }

        return n;
    }

    [Benchmark(Baseline = true, Description = "tokens+sentences+entities")]
    public int FullPipeline()
    {
        int n = 0;
        foreach (var d in _documents)
        {
            n += _full.Run(d).Get(Layers.Entities).Count;
        }

        return n;
    }

    /// <summary>What the engine runs on every article: tokens, sentences, entities, quantities, times, roles, quotes.</summary>
    [Benchmark(Description = "whole pipeline (+quantities, times, roles, quotes)")]
    public int WholePipeline()
    {
        int n = 0;
        foreach (var d in _documents)
        {
            n += _everything.Run(d).Get(Layers.Quotes).Quotes.Length;
        }

        return n;
    }
}
