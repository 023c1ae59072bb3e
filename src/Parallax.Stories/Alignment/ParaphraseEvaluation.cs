using Parallax.Nlp.Text;

namespace Parallax.Stories.Alignment;

/// <summary>Accuracy, precision, recall and F1 of the paraphrase class.</summary>
public sealed record ParaphraseMetrics(int Pairs, int TruePositives, int FalsePositives, int TrueNegatives, int FalseNegatives)
{
    public double Accuracy => Pairs == 0 ? 0 : (TruePositives + TrueNegatives) / (double)Pairs;

    public double Precision => TruePositives + FalsePositives == 0 ? 0 : TruePositives / (double)(TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : TruePositives / (double)(TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static ParaphraseMetrics From(IReadOnlyList<bool> gold, IReadOnlyList<bool> predicted)
    {
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            switch (gold[i], predicted[i])
            {
                case (true, true): tp++; break;
                case (false, true): fp++; break;
                case (false, false): tn++; break;
                default: fn++; break;
            }
        }

        return new ParaphraseMetrics(gold.Count, tp, fp, tn, fn);
    }
}

/// <summary>Measures paraphrase models: on a labelled file, and by K-fold cross-validation with a fixed seed.</summary>
public static class ParaphraseEvaluation
{
    public const int DefaultSeed = 20170930;

    /// <summary>The feature rows of the pairs (computed in parallel; each row depends on its pair only), and their analysed sentences.</summary>
    public static float[][] Features(IReadOnlyList<ParaphrasePair> pairs, ParaphraseLexicon lexicon, out SentenceView[] first, out SentenceView[] second, CancellationToken cancellationToken = default)
    {
        var rows = new float[pairs.Count][];
        var a = new SentenceView[pairs.Count];
        var b = new SentenceView[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            a[i] = View(pairs[i].Sentence1, lexicon);
            b[i] = View(pairs[i].Sentence2, lexicon);
            rows[i] = PairFeatures.Compute(a[i], b[i]);
        });
        first = a;
        second = b;
        return rows;
    }

    private static SentenceView View(string s, ParaphraseLexicon lexicon)
    {
        var tokens = Tokenizer.Tokenize(s);
        return new SentenceView(s, new Core.TextRange(0, s.Length), tokens, 0, tokens.Length, lexicon);
    }

    public static ParaphraseMetrics Evaluate(ParaphraseModel model, IReadOnlyList<ParaphrasePair> pairs, CancellationToken cancellationToken = default)
    {
        var predicted = new bool[pairs.Count];
        Parallel.For(0, pairs.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            predicted[i] = model.Probability(model.View(pairs[i].Sentence1), model.View(pairs[i].Sentence2)) >= model.Threshold;
        });
        return ParaphraseMetrics.From(pairs.Select(p => p.IsParaphrase).ToArray(), predicted);
    }

    /// <summary>
    /// K-fold cross-validation: pairs are shuffled once with <paramref name="seed"/> and dealt into K folds; each fold
    /// is predicted by a model trained on the other K-1 exactly as the product model is trained (<see cref="PairClassifier.Train"/>).
    /// Returns the pooled metrics over all pairs.
    /// </summary>
    public static ParaphraseMetrics CrossValidate(IReadOnlyList<ParaphrasePair> pairs, ParaphraseLexicon lexicon, int folds, BoostingOptions? options = null, int seed = DefaultSeed, CancellationToken cancellationToken = default) =>
        CrossValidate(pairs, lexicon, folds, out _, options, seed, cancellationToken);

    /// <summary>As above, also giving each pair's out-of-fold probability.</summary>
    public static ParaphraseMetrics CrossValidate(IReadOnlyList<ParaphrasePair> pairs, ParaphraseLexicon lexicon, int folds, out float[] probabilities, BoostingOptions? options = null, int seed = DefaultSeed, CancellationToken cancellationToken = default)
    {
        if (folds < 2 || folds > pairs.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), $"Folds must be between 2 and the number of pairs ({pairs.Count}).");
        }

        options ??= new BoostingOptions();
        var rows = Features(pairs, lexicon, out _, out _, cancellationToken);
        var labels = pairs.Select(p => p.IsParaphrase).ToArray();
        var order = Enumerable.Range(0, pairs.Count).ToArray();
        new Random(seed).Shuffle(order);
        var fold = new int[pairs.Count];
        for (int k = 0; k < order.Length; k++)
        {
            fold[order[k]] = k % folds;
        }

        var predicted = new bool[pairs.Count];
        var probability = new float[pairs.Count];
        Parallel.For(0, folds, new ParallelOptions { CancellationToken = cancellationToken }, f =>
        {
            var trainRows = new List<float[]>();
            var trainLabels = new List<bool>();
            for (int i = 0; i < rows.Length; i++)
            {
                if (fold[i] != f)
                {
                    trainRows.Add(rows[i]);
                    trainLabels.Add(labels[i]);
                }
            }

            var classifier = PairClassifier.Train([.. trainRows], [.. trainLabels], options, cancellationToken);
            for (int i = 0; i < rows.Length; i++)
            {
                if (fold[i] == f)
                {
                    probability[i] = classifier.Probability(rows[i]);
                    predicted[i] = probability[i] >= 0.5f;
                }
            }
        });

        probabilities = probability;
        return ParaphraseMetrics.From(labels, predicted);
    }
}
