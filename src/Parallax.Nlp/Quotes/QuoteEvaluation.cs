using Parallax.Core;

namespace Parallax.Nlp.Quotes;

/// <summary>
/// Measures attribution extraction on a PolNeAR split: every article (one annotator per article, see
/// <see cref="PolnearCorpus.Read"/>) runs through the language pipeline and <see cref="QuoteExtractor"/>, and the
/// attributions are scored by <see cref="AttributionScorer"/>.
/// </summary>
public static class QuoteEvaluation
{
    /// <param name="dump">When given, one JSON line per article with the gold and predicted attributions (character offsets), for error analysis.</param>
    /// <param name="model">The attribution model to use with the rules (null: the rules alone).</param>
    public static AttributionScores Run(string directory, Pipeline pipeline, AttributionModel? model, TextWriter? dump = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var docs = PolnearCorpus.Read(directory);
        var scorer = new AttributionScorer();
        foreach (var gold in docs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var predicted = Predict(gold.Text, pipeline, model, gold.Article, cancellationToken);
            scorer.Add(gold.Text, gold.Attributions, predicted);
            Dump(dump, gold, predicted);
        }

        return scorer.Result();
    }

    /// <summary>One JSON line with the gold and predicted attributions of an article (character offsets).</summary>
    public static void Dump(TextWriter? dump, PolnearDocument gold, IReadOnlyList<GoldAttribution> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        dump?.WriteLine(System.Text.Json.JsonSerializer.Serialize(new
        {
            article = gold.Article,
            annotator = gold.Annotator,
            gold = gold.Attributions.Select(Offsets),
            predicted = predicted.Select(Offsets),
        }));
    }

    private static object Offsets(GoldAttribution a) => new
    {
        source = a.Source?.Parts.Select(p => new[] { p.Start, p.End }),
        cue = a.Cue.Parts.Select(p => new[] { p.Start, p.End }),
        content = a.Content.Parts.Select(p => new[] { p.Start, p.End }),
    };

    /// <summary>The attributions of one text in PolNeAR's shape (contents of direct quotes include their marks).</summary>
    public static IReadOnlyList<GoldAttribution> Predict(string text, Pipeline pipeline, AttributionModel? model, string? id = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var doc = pipeline.Run(new Document(text, new DocumentInfo { Id = id }), cancellationToken);
        var found = QuoteFinder.Find(doc.Text, doc.Get(Layers.Tokens), doc.Get(Layers.Sentences), doc.BodyParagraphs, doc.GetOrDefault(Layers.Entities), model);
        return ToPolnear(found);
    }

    /// <summary>
    /// Extracted attributions as PolNeAR marks them: a quote paragraph that only continues the previous speaker is
    /// one more part of that attribution's content (as PolNeAR annotates it).
    /// </summary>
    public static IReadOnlyList<GoldAttribution> ToPolnear(IReadOnlyList<ExtractedAttribution> found)
    {
        var result = new List<GoldAttribution>(found.Count);
        var index = new int[found.Count];
        for (var i = 0; i < found.Count; i++)
        {
            var a = found[i];
            index[i] = -1;
            if (a.Cue is { } cue)
            {
                index[i] = result.Count;
                result.Add(new GoldAttribution(
                    a.Source is { } s ? new BratSpan([s]) : null,
                    new BratSpan([cue]),
                    new BratSpan(a.ContentWithMarks)));
            }
            else if (a.ContinuesAttribution >= 0 && a.ContinuesAttribution < i && index[a.ContinuesAttribution] >= 0)
            {
                var target = index[a.ContinuesAttribution];
                index[i] = target;
                var parts = result[target].Content.Parts.Concat(a.ContentWithMarks).ToList();
                parts.Sort();
                result[target] = result[target] with { Content = new BratSpan(parts) };
            }
        }

        return result;
    }
}
