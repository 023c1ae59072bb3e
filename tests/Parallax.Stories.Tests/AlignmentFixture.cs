using Parallax.Core;
using Parallax.Nlp;
using Parallax.Stories.Alignment;
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
    }

    public ParaphraseModel Model { get; }

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
