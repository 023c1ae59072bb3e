using System.Diagnostics;
using Parallax.Core;
using Parallax.Nlp.Gazetteers;

namespace Parallax.Nlp.Entities;

public sealed record NerTrainingOptions
{
    public int Epochs { get; init; } = 12;

    public int Seed { get; init; } = 1;

    public WordClusters? Clusters { get; init; }

    public bool UseGazetteer { get; init; } = true;

    /// <summary>Free text stored in the model (the command, the data).</summary>
    public string Description { get; init; } = string.Empty;

    public Action<string>? Log { get; init; }
}

/// <summary>
/// Trains <see cref="NerModel"/>: an averaged perceptron, greedy left-to-right decoding with the model's own
/// previous predictions as history (as at prediction time), documents shuffled each epoch. When dev data is given,
/// the epoch with the best dev F1 is kept.
/// </summary>
public static class NerTrainer
{
    public static NerModel Train(IReadOnlyList<ConllDocument> train, IReadOnlyList<ConllDocument>? dev, NerTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(options);
        var gazetteer = options.UseGazetteer ? Gazetteer.Default : null;
        var weights = new Weights();
        var context = new NerContext();
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(options.Seed);
        var goldTags = train.Select(d => d.GoldTags()).ToArray();
        NerModel? best = null;
        double bestF1 = -1;
        int bestEpoch = 0;
        var clock = Stopwatch.StartNew();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            random.Shuffle(order);
            int errors = 0, tokens = 0;
            foreach (int d in order)
            {
                var doc = train[d].Document;
                var tokenLayer = doc.Get(Layers.Tokens).Tokens;
                var sentences = doc.Get(Layers.Sentences).Sentences;
                var gold = goldTags[d];
                var predicted = new byte[tokenLayer.Length];
                context.Prepare(doc.Text, tokenLayer, sentences, gazetteer, options.Clusters);
                NerModel.Decode(context, sentences, predicted, [], weights.Score, (features, i, pred) =>
                {
                    weights.Tick();
                    tokens++;
                    if (pred != gold[i])
                    {
                        errors++;
                        weights.Update(features, gold[i], pred);
                    }
                });
            }

            var model = weights.ToModel(options.Clusters, gazetteer, options.Description);
            string devText = string.Empty;
            if (dev is not null)
            {
                var scores = NerEvaluator.Evaluate(model, dev);
                devText = $", dev P {scores.Overall.Precision:F4} R {scores.Overall.Recall:F4} F1 {scores.Overall.F1:F4}";
                if (scores.Overall.F1 > bestF1)
                {
                    bestF1 = scores.Overall.F1;
                    best = model;
                    bestEpoch = epoch;
                }
            }
            else
            {
                best = model;
                bestEpoch = epoch;
            }

            options.Log?.Invoke($"epoch {epoch}: train token errors {errors}/{tokens} ({100.0 * errors / Math.Max(1, tokens):F2}%), features {model.FeatureCount}{devText}, {clock.Elapsed.TotalSeconds:F0}s");
        }

        options.Log?.Invoke($"kept epoch {bestEpoch}" + (bestF1 >= 0 ? $" (dev F1 {bestF1:F4})" : string.Empty));
        return best!;
    }

    /// <summary>Perceptron weights with averaging (w - wa / c).</summary>
    private sealed class Weights
    {
        private readonly Dictionary<uint, int> _rows = new(1 << 20);
        private float[] _w = new float[(1 << 20) * NerTags.Count];
        private float[] _wa = new float[(1 << 20) * NerTags.Count];
        private long _c = 1;

        public void Tick() => _c++;

        public void Score(ReadOnlySpan<uint> features, Span<float> scores)
        {
            scores.Clear();
            foreach (uint f in features)
            {
                if (_rows.TryGetValue(f, out int r))
                {
                    var row = _w.AsSpan(r * NerTags.Count, NerTags.Count);
                    for (int t = 0; t < NerTags.Count; t++)
                    {
                        scores[t] += row[t];
                    }
                }
            }
        }

        public void Update(ReadOnlySpan<uint> features, int gold, int predicted)
        {
            foreach (uint f in features)
            {
                if (!_rows.TryGetValue(f, out int r))
                {
                    r = _rows.Count;
                    _rows[f] = r;
                    if ((r + 1) * NerTags.Count > _w.Length)
                    {
                        Array.Resize(ref _w, _w.Length * 2);
                        Array.Resize(ref _wa, _wa.Length * 2);
                    }
                }

                int b = r * NerTags.Count;
                _w[b + gold] += 1;
                _wa[b + gold] += _c;
                _w[b + predicted] -= 1;
                _wa[b + predicted] -= _c;
            }
        }

        public NerModel ToModel(WordClusters? clusters, Gazetteer? gazetteer, string metadata)
        {
            var keys = new List<uint>(_rows.Count);
            var averaged = new List<float>(_rows.Count * NerTags.Count);
            Span<float> row = stackalloc float[NerTags.Count];
            foreach (var (key, r) in _rows)
            {
                float max = 0;
                for (int t = 0; t < NerTags.Count; t++)
                {
                    int i = (r * NerTags.Count) + t;
                    row[t] = (float)(_w[i] - (_wa[i] / _c));
                    max = Math.Max(max, Math.Abs(row[t]));
                }

                if (max < 1e-3f)
                {
                    continue; // updates that cancelled out, or too small to matter
                }

                keys.Add(key);
                foreach (var x in row)
                {
                    averaged.Add(x);
                }
            }

            return new NerModel(keys, [.. averaged], clusters, gazetteer, metadata);
        }
    }
}

/// <summary>Scores a model on CoNLL documents (gold tokens and sentences).</summary>
public static class NerEvaluator
{
    public static NerScores Evaluate(NerModel model, IReadOnlyList<ConllDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(documents);
        var results = new (IReadOnlyList<(int, int, EntityType)>, IReadOnlyList<(int, int, EntityType)>, int)[documents.Count];
        Parallel.For(0, documents.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, d =>
        {
            var doc = documents[d].Document;
            var mentions = model.Recognize(doc);
            var predicted = mentions.Select(m => (m.FirstToken, m.FirstToken + m.TokenCount, m.Type)).ToList();
            results[d] = (documents[d].Gold, predicted, doc.Get(Layers.Tokens).Count);
        });
        return NerScores.Compute(results);
    }
}
