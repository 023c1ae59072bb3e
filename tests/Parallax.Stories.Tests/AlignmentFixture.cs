using Parallax.Core;
using Parallax.Nlp;
using Parallax.Stories.Alignment;
using Parallax.Stories.Briefs;
using Parallax.Stories.Claims;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>The embedded paraphrase model and the two sample articles, loaded once for all alignment tests.</summary>
public sealed class AlignmentFixture
{
    public AlignmentFixture()
    {
        Model = ParaphraseModel.LoadEmbedded();
        var pipeline = NlpPipeline.CreateDefault();
        Samples = Directory.GetFiles(RepoPaths.TillersonSample, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => pipeline.Run(new Document(File.ReadAllText(f))))
            .ToArray();
        _brief = new(BuildBrief);
    }

    public ParaphraseModel Model { get; }

    /// <summary>The brief of the two samples with <see cref="ParaphraseClaimScorer"/> plugged in, and every unit pair it scored.</summary>
    public (StoryBrief Brief, IReadOnlyList<(ClaimUnit A, ClaimUnit B, ClaimContext Context)> Pairs) SampleBrief => _brief.Value;

    private Lazy<(StoryBrief, IReadOnlyList<(ClaimUnit, ClaimUnit, ClaimContext)>)> _brief = null!;

    private (StoryBrief, IReadOnlyList<(ClaimUnit, ClaimUnit, ClaimContext)>) BuildBrief()
    {
        var scorer = new RecordingScorer(new ParaphraseClaimScorer(Model));
        var articles = Samples.Select((doc, i) => new StoryArticle(
            new Article
            {
                Id = i + 1,
                Title = doc.Text[..doc.Text.IndexOf('\n', StringComparison.Ordinal)],
                Source = i == 0 ? "Al Jazeera" : "Second outlet",
                Format = "text",
                Origin = "sample" + i,
                Text = doc.Text,
                ContentHash = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            doc)).ToList();
        var brief = new StoryAnalyzer(scorer).Analyze("tillerson", articles);
        return (brief, scorer.Pairs);
    }

    private sealed class RecordingScorer(IClaimScorer inner) : IClaimScorer
    {
        public List<(ClaimUnit, ClaimUnit, ClaimContext)> Pairs { get; } = [];

        public double Score(ClaimUnit a, ClaimUnit b, ClaimContext context)
        {
            Pairs.Add((a, b, context));
            return inner.Score(a, b, context);
        }
    }

    /// <summary>The Al Jazeera (0) and the second outlet's (1) articles, tokenised and split into sentences.</summary>
    public Document[] Samples { get; }

    /// <summary>The sentence of a sample that starts with <paramref name="start"/>.</summary>
    public int Sentence(int article, string start)
    {
        var doc = Samples[article];
        var sentences = doc.Get(Layers.Sentences);
        for (int i = 0; i < sentences.Count; i++)
        {
            if (doc[sentences[i].Range].StartsWith(start, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No sentence starting '{start}' in sample {article}.");
    }
}

[CollectionDefinition(Name)]
public sealed class AlignmentCollection : ICollectionFixture<AlignmentFixture>
{
    public const string Name = "alignment";
}
