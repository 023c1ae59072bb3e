namespace Parallax.Stories.Alignment;

/// <summary>
/// The classifier behind <see cref="ParaphraseModel"/>: gradient-boosted trees and a logistic regression over the same
/// pair features, their log-odds averaged. The trees catch interactions and thresholds, the linear model is steadier
/// on the many weak, correlated overlap measures; together they score better than either alone. Both explain
/// themselves, so the ensemble does too: each feature's contribution is the mean of its two contributions.
/// </summary>
public sealed class PairClassifier
{
    public PairClassifier(GradientBoostedTrees trees, LogisticRegression linear)
    {
        if (trees.FeatureCount != linear.FeatureCount)
        {
            throw new ArgumentException("The trees and the linear model must read the same features.", nameof(linear));
        }

        Trees = trees;
        Linear = linear;
    }

    public GradientBoostedTrees Trees { get; }

    public LogisticRegression Linear { get; }

    public int FeatureCount => Trees.FeatureCount;

    /// <summary>The log-odds of "paraphrase".</summary>
    public float Raw(ReadOnlySpan<float> features) => 0.5f * (Trees.Raw(features) + Linear.Raw(features));

    public float Probability(ReadOnlySpan<float> features) => GradientBoostedTrees.Sigmoid(Raw(features));

    /// <summary>Adds each feature's contribution to the log-odds into <paramref name="contributions"/>; returns the log-odds.</summary>
    public float Explain(ReadOnlySpan<float> features, Span<float> contributions)
    {
        Span<float> trees = stackalloc float[contributions.Length];
        trees.Clear();
        float raw = Trees.Explain(features, trees);
        for (int j = 0; j < contributions.Length; j++)
        {
            contributions[j] += 0.5f * trees[j];
        }

        return 0.5f * (raw + Linear.Explain(features, contributions, 0.5f));
    }

    /// <summary>Trains both models on the same rows. This is the only training path: the product model and every cross-validation fold use it.</summary>
    public static PairClassifier Train(float[][] rows, bool[] labels, BoostingOptions? options = null, CancellationToken cancellationToken = default)
    {
        var trees = GradientBoostedTrees.Train(rows, labels, options ?? new BoostingOptions(), cancellationToken);
        var linear = LogisticRegression.Train(rows, labels, LogisticRegression.DefaultL2, cancellationToken);
        return new PairClassifier(trees, linear);
    }

    public void Write(BinaryWriter w)
    {
        Trees.Write(w);
        Linear.Write(w);
    }

    public static PairClassifier Read(BinaryReader r) => new(GradientBoostedTrees.Read(r), LogisticRegression.Read(r));
}
