using Parallax.Core;

namespace Parallax.Stories.Alignment;

/// <summary>Settings of <see cref="GradientBoostedTrees.Train"/>.</summary>
public sealed record BoostingOptions
{
    public int Trees { get; init; } = 400;

    public int MaxDepth { get; init; } = 4;

    public float LearningRate { get; init; } = 0.03f;

    public int MinLeafSamples { get; init; } = 20;

    public float L2 { get; init; } = 1f;

    /// <summary>Fraction of rows each tree sees.</summary>
    public float RowSample { get; init; } = 0.8f;

    /// <summary>Fraction of features each tree may split on.</summary>
    public float FeatureSample { get; init; } = 0.8f;

    public int MaxBins { get; init; } = 64;

    public int Seed { get; init; } = 17;

    /// <summary>Independently seeded ensembles whose scores are averaged (bagging of boosted models).</summary>
    public int Bags { get; init; } = 1;
}

/// <summary>
/// Gradient-boosted regression trees for binary classification (logistic loss, Newton leaf values), small and
/// dependency-free. Scoring explains itself: each split's change of the expected score is credited to its feature
/// (Saabas), so the contributions plus the bias add up to the raw score.
/// </summary>
public sealed class GradientBoostedTrees
{
    // A tree is stored flat: node k has Feature[k] (-1 for a leaf), Threshold[k] (go left when value <= threshold),
    // Left[k], Right[k], and Value[k] (the expected raw score of the samples reaching it, scaled by the learning rate).
    private readonly Tree[] _trees;

    private GradientBoostedTrees(int featureCount, float bias, Tree[] trees)
    {
        FeatureCount = featureCount;
        Bias = bias;
        _trees = trees;
    }

    public int FeatureCount { get; }

    public float Bias { get; }

    public int TreeCount => _trees.Length;

    private sealed record Tree(short[] Feature, float[] Threshold, short[] Left, short[] Right, float[] Value);

    /// <summary>The raw score (log-odds).</summary>
    public float Raw(ReadOnlySpan<float> features)
    {
        float score = Bias;
        foreach (var tree in _trees)
        {
            int k = 0;
            while (tree.Feature[k] >= 0)
            {
                k = features[tree.Feature[k]] <= tree.Threshold[k] ? tree.Left[k] : tree.Right[k];
            }

            score += tree.Value[k];
        }

        return score;
    }

    public float Probability(ReadOnlySpan<float> features) => Sigmoid(Raw(features));

    /// <summary>Adds each feature's contribution to the raw score into <paramref name="contributions"/>; returns the raw score.</summary>
    public float Explain(ReadOnlySpan<float> features, Span<float> contributions)
    {
        float score = Bias;
        foreach (var tree in _trees)
        {
            int k = 0;
            score += tree.Value[0];
            while (tree.Feature[k] >= 0)
            {
                int next = features[tree.Feature[k]] <= tree.Threshold[k] ? tree.Left[k] : tree.Right[k];
                contributions[tree.Feature[k]] += tree.Value[next] - tree.Value[k];
                score += tree.Value[next] - tree.Value[k];
                k = next;
            }
        }

        return score;
    }

    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    public static GradientBoostedTrees Train(float[][] rows, bool[] labels, BoostingOptions options, CancellationToken cancellationToken = default)
    {
        if (options.Bags <= 1)
        {
            return TrainOne(rows, labels, options, cancellationToken);
        }

        var models = new GradientBoostedTrees[options.Bags];
        for (int b = 0; b < options.Bags; b++)
        {
            models[b] = TrainOne(rows, labels, options with { Seed = options.Seed + (b * 1009) }, cancellationToken);
        }

        float scale = 1f / options.Bags;
        var trees = new List<Tree>();
        foreach (var model in models)
        {
            foreach (var tree in model._trees)
            {
                trees.Add(tree with { Value = [.. tree.Value.Select(v => v * scale)] });
            }
        }

        return new GradientBoostedTrees(models[0].FeatureCount, models[0].Bias, [.. trees]);
    }

    private static GradientBoostedTrees TrainOne(float[][] rows, bool[] labels, BoostingOptions options, CancellationToken cancellationToken)
    {
        int n = rows.Length;
        if (n == 0 || labels.Length != n)
        {
            throw new ArgumentException("Need as many labels as rows, and at least one row.", nameof(labels));
        }

        int d = rows[0].Length;
        var binner = Binner.Fit(rows, options.MaxBins);
        var bins = new byte[d][];
        for (int j = 0; j < d; j++)
        {
            bins[j] = new byte[n];
            for (int r = 0; r < n; r++)
            {
                bins[j][r] = binner.Bin(j, rows[r][j]);
            }
        }

        int positives = labels.Count(l => l);
        float prior = Math.Clamp(positives / (float)n, 1e-3f, 1 - 1e-3f);
        float bias = MathF.Log(prior / (1 - prior));
        var raw = new float[n];
        Array.Fill(raw, bias);
        var grad = new float[n];
        var hess = new float[n];
        var random = new Random(options.Seed);
        var trees = new List<Tree>(options.Trees);
        var sampleRows = new List<int>(n);
        var features = new List<int>(d);
        for (int t = 0; t < options.Trees; t++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int r = 0; r < n; r++)
            {
                float p = Sigmoid(raw[r]);
                grad[r] = p - (labels[r] ? 1f : 0f);
                hess[r] = Math.Max(p * (1 - p), 1e-6f);
            }

            sampleRows.Clear();
            for (int r = 0; r < n; r++)
            {
                if (random.NextSingle() < options.RowSample)
                {
                    sampleRows.Add(r);
                }
            }

            features.Clear();
            for (int j = 0; j < d; j++)
            {
                if (random.NextSingle() < options.FeatureSample)
                {
                    features.Add(j);
                }
            }

            if (features.Count == 0)
            {
                features.Add(random.Next(d));
            }

            var tree = new TreeBuilder(bins, binner, grad, hess, options, features).Build([.. sampleRows]);
            trees.Add(tree);
            for (int r = 0; r < n; r++)
            {
                int k = 0;
                while (tree.Feature[k] >= 0)
                {
                    k = rows[r][tree.Feature[k]] <= tree.Threshold[k] ? tree.Left[k] : tree.Right[k];
                }

                raw[r] += tree.Value[k];
            }
        }

        return new GradientBoostedTrees(d, bias, [.. trees]);
    }

    private sealed class Binner
    {
        private readonly float[][] _thresholds; // per feature, ascending upper bounds of bins (bin b holds values <= t[b])

        private Binner(float[][] thresholds) => _thresholds = thresholds;

        public float Threshold(int feature, int bin) => _thresholds[feature][bin];

        public int BinCount(int feature) => _thresholds[feature].Length + 1;

        public static Binner Fit(float[][] rows, int maxBins)
        {
            int d = rows[0].Length;
            var thresholds = new float[d][];
            var values = new float[rows.Length];
            for (int j = 0; j < d; j++)
            {
                for (int r = 0; r < rows.Length; r++)
                {
                    values[r] = rows[r][j];
                }

                Array.Sort(values);
                var cuts = new List<float>();
                for (int b = 1; b < maxBins; b++)
                {
                    int idx = (int)((long)b * values.Length / maxBins);
                    if (idx <= 0 || idx >= values.Length)
                    {
                        continue;
                    }

                    float lo = values[idx - 1], hi = values[idx];
                    if (lo < hi)
                    {
                        float cut = lo + ((hi - lo) / 2);
                        if (cuts.Count == 0 || cut > cuts[^1])
                        {
                            cuts.Add(cut);
                        }
                    }
                    else
                    {
                        // many equal values: cut right after them if the next distinct value exists
                        int next = idx;
                        while (next < values.Length && values[next] == lo)
                        {
                            next++;
                        }

                        if (next < values.Length)
                        {
                            float cut = lo + ((values[next] - lo) / 2);
                            if (cuts.Count == 0 || cut > cuts[^1])
                            {
                                cuts.Add(cut);
                            }
                        }
                    }
                }

                thresholds[j] = [.. cuts];
            }

            return new Binner(thresholds);
        }

        public byte Bin(int feature, float value)
        {
            var t = _thresholds[feature];
            int lo = 0, hi = t.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (value <= t[mid])
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return (byte)lo;
        }
    }

    private sealed class TreeBuilder(byte[][] bins, Binner binner, float[] grad, float[] hess, BoostingOptions options, List<int> features)
    {
        private readonly List<short> _feature = [];
        private readonly List<float> _threshold = [];
        private readonly List<short> _left = [];
        private readonly List<short> _right = [];
        private readonly List<float> _value = [];

        public Tree Build(int[] rows)
        {
            Grow(rows, 0);
            return new Tree([.. _feature], [.. _threshold], [.. _left], [.. _right], [.. _value]);
        }

        private int Grow(int[] rows, int depth)
        {
            double g = 0, h = 0;
            foreach (int r in rows)
            {
                g += grad[r];
                h += hess[r];
            }

            int node = _feature.Count;
            _feature.Add(-1);
            _threshold.Add(0);
            _left.Add(-1);
            _right.Add(-1);
            _value.Add((float)(-g / (h + options.L2) * options.LearningRate));
            if (depth >= options.MaxDepth || rows.Length < 2 * options.MinLeafSamples)
            {
                return node;
            }

            double parentScore = g * g / (h + options.L2);
            double bestGain = 1e-6;
            int bestFeature = -1, bestBin = -1;
            Span<double> gh = stackalloc double[512];
            foreach (int j in features)
            {
                int binCount = binner.BinCount(j);
                var hg = gh[..binCount];
                var hh = gh.Slice(256, binCount);
                var hc = new int[binCount];
                hg.Clear();
                hh.Clear();
                var column = bins[j];
                foreach (int r in rows)
                {
                    int b = column[r];
                    hg[b] += grad[r];
                    hh[b] += hess[r];
                    hc[b]++;
                }

                double gl = 0, hl = 0;
                int cl = 0;
                for (int b = 0; b < binCount - 1; b++)
                {
                    gl += hg[b];
                    hl += hh[b];
                    cl += hc[b];
                    int cr = rows.Length - cl;
                    if (cl < options.MinLeafSamples)
                    {
                        continue;
                    }

                    if (cr < options.MinLeafSamples)
                    {
                        break;
                    }

                    double gr = g - gl, hr = h - hl;
                    double gain = (gl * gl / (hl + options.L2)) + (gr * gr / (hr + options.L2)) - parentScore;
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        bestFeature = j;
                        bestBin = b;
                    }
                }
            }

            if (bestFeature < 0)
            {
                return node;
            }

            var columnBest = bins[bestFeature];
            var left = new List<int>(rows.Length);
            var right = new List<int>(rows.Length);
            foreach (int r in rows)
            {
                (columnBest[r] <= bestBin ? left : right).Add(r);
            }

            _feature[node] = (short)bestFeature;
            _threshold[node] = binner.Threshold(bestFeature, bestBin);
            int l = Grow([.. left], depth + 1);
            int rr = Grow([.. right], depth + 1);
            _left[node] = (short)l;
            _right[node] = (short)rr;
            return node;
        }
    }

    // ------------------------------------------------------------ persistence

    public void Write(BinaryWriter w)
    {
        w.Write(FeatureCount);
        w.Write(Bias);
        w.Write(_trees.Length);
        foreach (var tree in _trees)
        {
            w.Write(tree.Feature.Length);
            for (int k = 0; k < tree.Feature.Length; k++)
            {
                w.Write(tree.Feature[k]);
                w.Write(tree.Threshold[k]);
                w.Write(tree.Left[k]);
                w.Write(tree.Right[k]);
                w.Write(tree.Value[k]);
            }
        }
    }

    public static GradientBoostedTrees Read(BinaryReader r)
    {
        int featureCount = r.ReadInt32();
        float bias = r.ReadSingle();
        int count = r.ReadInt32();
        if (count < 0 || count > 100_000)
        {
            throw new ParallaxException(ErrorCodes.ModelFormat, "Bad tree count in the model file.");
        }

        var trees = new Tree[count];
        for (int t = 0; t < count; t++)
        {
            int nodes = r.ReadInt32();
            var tree = new Tree(new short[nodes], new float[nodes], new short[nodes], new short[nodes], new float[nodes]);
            for (int k = 0; k < nodes; k++)
            {
                tree.Feature[k] = r.ReadInt16();
                tree.Threshold[k] = r.ReadSingle();
                tree.Left[k] = r.ReadInt16();
                tree.Right[k] = r.ReadInt16();
                tree.Value[k] = r.ReadSingle();
                if (tree.Feature[k] >= featureCount || (tree.Feature[k] >= 0 && (tree.Left[k] <= k || tree.Right[k] <= k || tree.Left[k] >= nodes || tree.Right[k] >= nodes)))
                {
                    throw new ParallaxException(ErrorCodes.ModelFormat, "Corrupt tree in the model file.");
                }
            }

            trees[t] = tree;
        }

        return new GradientBoostedTrees(featureCount, bias, trees);
    }
}
