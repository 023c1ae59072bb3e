namespace Parallax.Stories.Alignment;

/// <summary>
/// L2-regularised logistic regression on standardised features (each feature centred, scaled by its standard deviation
/// and clipped to <see cref="Clip"/> deviations), fitted by Newton's method. Small, deterministic, and it explains
/// itself: each feature's contribution to the log-odds is its weight times its standardised value.
/// </summary>
public sealed class LogisticRegression
{
    /// <summary>Standardised values are clipped to this many standard deviations, so one extreme value cannot dominate.</summary>
    public const float Clip = 5f;

    /// <summary>Default L2 penalty per training row.</summary>
    public const double DefaultL2 = 1e-3;

    private readonly float[] _mean;
    private readonly float[] _scale;
    private readonly float[] _weights;

    private LogisticRegression(float[] mean, float[] scale, float[] weights, float bias)
    {
        _mean = mean;
        _scale = scale;
        _weights = weights;
        Bias = bias;
    }

    public int FeatureCount => _weights.Length;

    public float Bias { get; }

    /// <summary>The log-odds.</summary>
    public float Raw(ReadOnlySpan<float> features)
    {
        float score = Bias;
        for (int j = 0; j < _weights.Length; j++)
        {
            score += _weights[j] * Standard(j, features[j]);
        }

        return score;
    }

    /// <summary>Adds each feature's contribution to the log-odds into <paramref name="contributions"/> (scaled by <paramref name="scale"/>); returns the log-odds.</summary>
    public float Explain(ReadOnlySpan<float> features, Span<float> contributions, float scale = 1f)
    {
        float score = Bias;
        for (int j = 0; j < _weights.Length; j++)
        {
            float c = _weights[j] * Standard(j, features[j]);
            contributions[j] += scale * c;
            score += c;
        }

        return score;
    }

    private float Standard(int j, float value) => Math.Clamp((value - _mean[j]) * _scale[j], -Clip, Clip);

    /// <summary>Fits the model; <paramref name="l2"/> is the penalty on the squared weights per training row.</summary>
    public static LogisticRegression Train(float[][] rows, bool[] labels, double l2 = DefaultL2, CancellationToken cancellationToken = default)
    {
        int n = rows.Length;
        if (n == 0 || labels.Length != n)
        {
            throw new ArgumentException("Need as many labels as rows, and at least one row.", nameof(labels));
        }

        int d = rows[0].Length;
        var mean = new float[d];
        var scale = new float[d];
        for (int j = 0; j < d; j++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += rows[i][j];
            }

            double mu = sum / n, variance = 0;
            for (int i = 0; i < n; i++)
            {
                variance += (rows[i][j] - mu) * (rows[i][j] - mu);
            }

            double sd = Math.Sqrt(variance / n);
            mean[j] = (float)mu;
            scale[j] = sd > 1e-9 ? (float)(1 / sd) : 0f;
        }

        // design matrix with a constant column last
        int m = d + 1;
        var x = new double[n * m];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                x[(i * m) + j] = Math.Clamp((rows[i][j] - mean[j]) * scale[j], -Clip, Clip);
            }

            x[(i * m) + d] = 1;
        }

        var w = new double[m];
        var gradient = new double[m];
        var hessian = new double[m * m];
        for (int iteration = 0; iteration < 50; iteration++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Array.Clear(gradient);
            Array.Clear(hessian);
            for (int i = 0; i < n; i++)
            {
                var row = x.AsSpan(i * m, m);
                double s = 0;
                for (int j = 0; j < m; j++)
                {
                    s += w[j] * row[j];
                }

                double p = 1 / (1 + Math.Exp(-s));
                double error = p - (labels[i] ? 1 : 0);
                double v = Math.Max(p * (1 - p), 1e-9);
                for (int j = 0; j < m; j++)
                {
                    gradient[j] += error * row[j];
                    double vj = v * row[j];
                    for (int k = 0; k <= j; k++)
                    {
                        hessian[(j * m) + k] += vj * row[k];
                    }
                }
            }

            for (int j = 0; j < m; j++)
            {
                for (int k = 0; k < j; k++)
                {
                    hessian[(k * m) + j] = hessian[(j * m) + k];
                }

                double penalty = j < d ? l2 * n : 1e-9 * n;
                gradient[j] += j < d ? penalty * w[j] : 0;
                hessian[(j * m) + j] += penalty;
            }

            var step = SolveCholesky(hessian, gradient, m);
            double change = 0;
            for (int j = 0; j < m; j++)
            {
                w[j] -= step[j];
                change = Math.Max(change, Math.Abs(step[j]));
            }

            if (change < 1e-7)
            {
                break;
            }
        }

        var weights = new float[d];
        for (int j = 0; j < d; j++)
        {
            weights[j] = (float)w[j];
        }

        return new LogisticRegression(mean, scale, weights, (float)w[d]);
    }

    /// <summary>Solves A x = b for a symmetric positive definite A (row-major m x m).</summary>
    private static double[] SolveCholesky(double[] a, double[] b, int m)
    {
        var l = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = a[(i * m) + j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[(i * m) + k] * l[(j * m) + k];
                }

                l[(i * m) + j] = i == j ? Math.Sqrt(Math.Max(s, 1e-12)) : s / l[(j * m) + j];
            }
        }

        var y = new double[m];
        for (int i = 0; i < m; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++)
            {
                s -= l[(i * m) + k] * y[k];
            }

            y[i] = s / l[(i * m) + i];
        }

        var result = new double[m];
        for (int i = m - 1; i >= 0; i--)
        {
            double s = y[i];
            for (int k = i + 1; k < m; k++)
            {
                s -= l[(k * m) + i] * result[k];
            }

            result[i] = s / l[(i * m) + i];
        }

        return result;
    }

    public void Write(BinaryWriter w)
    {
        w.Write(_weights.Length);
        w.Write(Bias);
        for (int j = 0; j < _weights.Length; j++)
        {
            w.Write(_mean[j]);
            w.Write(_scale[j]);
            w.Write(_weights[j]);
        }
    }

    public static LogisticRegression Read(BinaryReader r)
    {
        int d = r.ReadInt32();
        if (d is < 0 or > 100_000)
        {
            throw new InvalidDataException($"Bad feature count {d}.");
        }

        float bias = r.ReadSingle();
        var mean = new float[d];
        var scale = new float[d];
        var weights = new float[d];
        for (int j = 0; j < d; j++)
        {
            mean[j] = r.ReadSingle();
            scale[j] = r.ReadSingle();
            weights[j] = r.ReadSingle();
        }

        return new LogisticRegression(mean, scale, weights, bias);
    }
}
