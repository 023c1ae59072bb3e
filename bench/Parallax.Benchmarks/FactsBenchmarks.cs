using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Parallax.Core;
using Parallax.Nlp;
using Parallax.Nlp.Dates;
using Parallax.Nlp.Numbers;
using Parallax.Nlp.Roles;

namespace Parallax.Benchmarks;

/// <summary>
/// The fact components (quantities, times, roles) on real news: the two samples and the 58 newsplease-5w1h articles,
/// already tokenized and split (only the fact components are timed). Tokens per second = <see cref="Tokens"/> / mean.
/// Roles get a stand-in entity layer (every run of two capitalised words is a PERSON) so their cost is measured
/// before the NER model exists.
/// dotnet run -c Release --project bench/Parallax.Benchmarks -- --filter '*FactsBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class FactsBenchmarks
{
    private Document[] _docs = [];

    public int Tokens { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var texts = new List<(string Text, DateTimeOffset? Published)>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(BenchPaths.Samples, "tillerson-china-2017"), "*.txt"))
        {
            texts.Add((File.ReadAllText(f), new DateTimeOffset(2017, 9, 30, 12, 0, 0, TimeSpan.Zero)));
        }

        var newsplease = Path.Combine(BenchPaths.Data, "newsplease-5w1h");
        if (Directory.Exists(newsplease))
        {
            foreach (var f in Directory.EnumerateFiles(newsplease, "*.json").Order(StringComparer.Ordinal))
            {
                using var json = JsonDocument.Parse(File.ReadAllText(f));
                var text = json.RootElement.GetProperty("text").GetString() ?? string.Empty;
                DateTimeOffset? published = DateTimeOffset.TryParse(json.RootElement.TryGetProperty("date_publish", out var d) ? d.GetString() : null, out var p) ? p : null;
                texts.Add((text, published));
            }
        }

        var pipeline = NlpPipeline.CreateDefault();
        _docs = texts.Select(t =>
        {
            var doc = pipeline.Run(new Document(t.Text, new DocumentInfo { Published = t.Published }));
            return doc.With(Layers.Entities, StandInPeople(doc));
        }).ToArray();
        Tokens = _docs.Sum(d => d.Get(Layers.Tokens).Count);
        Console.WriteLine($"// {_docs.Length} documents, {Tokens} tokens");
    }

    private static EntityLayer StandInPeople(Document doc)
    {
        var tokens = doc.Get(Layers.Tokens);
        var mentions = new List<EntityMention>();
        for (int i = 0; i + 1 < tokens.Count; i++)
        {
            var a = tokens[i];
            var b = tokens[i + 1];
            if (a.Kind == TokenKind.Word && b.Kind == TokenKind.Word && char.IsUpper(doc.Text[a.Start]) && char.IsUpper(doc.Text[b.Start]))
            {
                mentions.Add(new EntityMention(new TextRange(a.Start, b.End), EntityType.Person, i, 2, 1f));
                i++;
            }
        }

        return new EntityLayer([.. mentions]);
    }

    [Benchmark]
    public int Quantities()
    {
        int n = 0;
        foreach (var d in _docs)
        {
            n += QuantityComponent.Extract(d).Length;
        }

        return n;
    }

    [Benchmark]
    public int Times()
    {
        int n = 0;
        foreach (var d in _docs)
        {
            n += TimeComponent.Extract(d).Length;
        }

        return n;
    }

    [Benchmark]
    public int Roles()
    {
        int n = 0;
        foreach (var d in _docs)
        {
            n += RoleComponent.Extract(d).Roles.Count;
        }

        return n;
    }

    [Benchmark]
    public int AllThree() => Quantities() + Times() + Roles();
}
