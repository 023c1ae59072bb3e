using System.Runtime.CompilerServices;

namespace Parallax.Nlp.Quotes;

/// <summary>
/// A linear-chain model over a small label set: hashed features (32-bit keys, 0 = none) each carry one weight per
/// label, and a label-to-label transition table (row <see cref="Labels"/> holds the start weights). Decoded with
/// Viterbi under a per-position mask of allowed labels. Read-only after construction; thread-safe.
/// </summary>
internal sealed class LinearChain
{
    private readonly ulong[] _slots;   // open addressing: key in the low 32 bits (0 = empty), row in the high 32
    private readonly float[] _weights; // rows of Labels
    private readonly int _mask;

    public LinearChain(int labels, IReadOnlyList<uint> keys, float[] weights, float[] transitions)
    {
        if (weights.Length != keys.Count * labels || transitions.Length != (labels + 1) * labels)
        {
            throw new ArgumentException("weights must hold keys.Count * labels entries and transitions (labels + 1) * labels");
        }

        Labels = labels;
        var cap = 1;
        while (cap < keys.Count * 2)
        {
            cap <<= 1;
        }

        _slots = new ulong[cap];
        _mask = cap - 1;
        for (var r = 0; r < keys.Count; r++)
        {
            var slot = (int)(Mix(keys[r]) & (uint)_mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = keys[r] | ((ulong)(uint)r << 32);
        }

        _weights = weights;
        Transitions = transitions;
        FeatureCount = keys.Count;
    }

    public int Labels { get; }

    public int FeatureCount { get; }

    /// <summary>(Labels + 1) x Labels: [previous, current]; previous = Labels is the start.</summary>
    public float[] Transitions { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Mix(uint k) => k * 0x9E3779B1u;

    /// <summary>A copy without the rows whose largest absolute weight is at most <paramref name="threshold"/>.</summary>
    public LinearChain Pruned(float threshold)
    {
        var keys = new List<uint>();
        var weights = new List<float>();
        foreach (var (key, row) in Rows())
        {
            var max = 0f;
            foreach (var x in row.Span)
            {
                max = Math.Max(max, Math.Abs(x));
            }

            if (max > threshold)
            {
                keys.Add(key);
                weights.AddRange(row.Span);
            }
        }

        return new LinearChain(Labels, keys, [.. weights], Transitions);
    }

    /// <summary>The weighted average <paramref name="count"/>/(count+1) x <paramref name="average"/> + 1/(count+1) x <paramref name="other"/> (keys united).</summary>
    public static LinearChain Average(LinearChain average, LinearChain other, int count)
    {
        var a = (float)count / (count + 1);
        var b = 1f / (count + 1);
        var rows = new SortedDictionary<uint, float[]>();
        foreach (var (key, row) in average.Rows())
        {
            var r = new float[average.Labels];
            for (var l = 0; l < r.Length; l++)
            {
                r[l] = a * row.Span[l];
            }

            rows[key] = r;
        }

        foreach (var (key, row) in other.Rows())
        {
            if (!rows.TryGetValue(key, out var r))
            {
                r = new float[average.Labels];
                rows[key] = r;
            }

            for (var l = 0; l < r.Length; l++)
            {
                r[l] += b * row.Span[l];
            }
        }

        var transitions = new float[average.Transitions.Length];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = (a * average.Transitions[i]) + (b * other.Transitions[i]);
        }

        var keys = new List<uint>(rows.Count);
        var weights = new float[rows.Count * average.Labels];
        foreach (var (key, r) in rows)
        {
            r.CopyTo(weights, keys.Count * average.Labels);
            keys.Add(key);
        }

        return new LinearChain(average.Labels, keys, weights, transitions);
    }

    /// <summary>The rows in key order (for saving).</summary>
    public IEnumerable<(uint Key, ReadOnlyMemory<float> Row)> Rows()
    {
        var rows = new List<(uint Key, int Row)>(FeatureCount);
        foreach (var slot in _slots)
        {
            if (slot != 0)
            {
                rows.Add(((uint)slot, (int)(slot >> 32)));
            }
        }

        rows.Sort((a, b) => a.Key.CompareTo(b.Key));
        foreach (var (key, row) in rows)
        {
            yield return (key, new ReadOnlyMemory<float>(_weights, row * Labels, Labels));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Row(uint key)
    {
        var slot = (int)(Mix(key) & (uint)_mask);
        while (true)
        {
            var entry = _slots[slot];
            var k = (uint)entry;
            if (k == key)
            {
                return (int)(entry >> 32);
            }

            if (k == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>Adds the weights of <paramref name="features"/> to <paramref name="scores"/> (one entry per label).</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        var w = _weights.AsSpan();
        var labels = Labels;
        foreach (var f in features)
        {
            var r = Row(f);
            if (r < 0)
            {
                continue;
            }

            var row = w.Slice(r * labels, labels);
            for (var l = 0; l < labels; l++)
            {
                scores[l] += row[l];
            }
        }
    }

    /// <summary>
    /// Viterbi over <paramref name="n"/> positions: <paramref name="emissions"/> holds n x labels scores,
    /// <paramref name="allowed"/> a bit mask of the labels allowed at each position (0 = all), <paramref name="valid"/>
    /// which transitions are possible ([previous, current], previous = labels for the start). Writes the best labels.
    /// </summary>
    public static float Viterbi(int labels, int n, ReadOnlySpan<float> emissions, ReadOnlySpan<int> allowed, ReadOnlySpan<float> transitions, ReadOnlySpan<bool> valid, Span<byte> output)
        => Viterbi(labels, n, emissions, [], allowed, transitions, valid, output);

    /// <summary>Viterbi with observation-dependent transitions: <paramref name="edges"/> holds n x labels x labels scores ([position, previous, current]; position 0 unused), or is empty. Returns the best path's score.</summary>
    public static float Viterbi(int labels, int n, ReadOnlySpan<float> emissions, ReadOnlySpan<float> edges, ReadOnlySpan<int> allowed, ReadOnlySpan<float> transitions, ReadOnlySpan<bool> valid, Span<byte> output)
    {
        var hasEdges = edges.Length > 0;
        if (n == 0)
        {
            return 0;
        }

        var delta = n * labels <= 2048 ? stackalloc float[n * labels] : new float[n * labels];
        var back = n * labels <= 2048 ? stackalloc byte[n * labels] : new byte[n * labels];
        for (var l = 0; l < labels; l++)
        {
            delta[l] = Allowed(allowed[0], l) && valid[(labels * labels) + l]
                ? emissions[l] + transitions[(labels * labels) + l]
                : float.NegativeInfinity;
        }

        for (var i = 1; i < n; i++)
        {
            for (var l = 0; l < labels; l++)
            {
                var best = float.NegativeInfinity;
                var arg = 0;
                if (Allowed(allowed[i], l))
                {
                    for (var p = 0; p < labels; p++)
                    {
                        if (!valid[(p * labels) + l])
                        {
                            continue;
                        }

                        var s = delta[((i - 1) * labels) + p] + transitions[(p * labels) + l];
                        if (hasEdges)
                        {
                            s += edges[(((i * labels) + p) * labels) + l];
                        }

                        if (s > best)
                        {
                            best = s;
                            arg = p;
                        }
                    }
                }

                delta[(i * labels) + l] = best + emissions[(i * labels) + l];
                back[(i * labels) + l] = (byte)arg;
            }
        }

        var last = 0;
        var top = float.NegativeInfinity;
        for (var l = 0; l < labels; l++)
        {
            if (delta[((n - 1) * labels) + l] > top)
            {
                top = delta[((n - 1) * labels) + l];
                last = l;
            }
        }

        for (var i = n - 1; i >= 0; i--)
        {
            output[i] = (byte)last;
            last = back[(i * labels) + last];
        }

        return top;
    }

    /// <summary>The score of the path that keeps one label throughout.</summary>
    public static float PathScore(int labels, int n, ReadOnlySpan<float> emissions, ReadOnlySpan<float> edges, ReadOnlySpan<float> transitions, int label)
    {
        if (n == 0)
        {
            return 0;
        }

        var s = transitions[(labels * labels) + label] + emissions[label];
        for (var i = 1; i < n; i++)
        {
            s += transitions[(label * labels) + label] + emissions[(i * labels) + label];
            if (edges.Length > 0)
            {
                s += edges[(((i * labels) + label) * labels) + label];
            }
        }

        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Allowed(int mask, int label) => mask == 0 || (mask & (1 << label)) != 0;
}

/// <summary>
/// Trains a <see cref="LinearChain"/> as an averaged structured perceptron (Collins 2002): decode with the current
/// weights, and where the best sequence differs from the gold one, add the gold features and subtract the predicted.
/// </summary>
internal sealed class LinearChainTrainer
{
    private readonly Dictionary<uint, int> _rowOf = [];
    private float[] _w = new float[4096];
    private float[] _u = new float[4096]; // sum of c * update, for averaging
    private readonly float[] _tw;
    private readonly float[] _tu;
    private int _c = 1;

    public LinearChainTrainer(int labels)
    {
        Labels = labels;
        _tw = new float[(labels + 1) * labels];
        _tu = new float[(labels + 1) * labels];
    }

    public int Labels { get; }

    public float[] Transitions => _tw;

    /// <summary>Counts one training instance (for averaging).</summary>
    public void Tick() => _c++;

    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        foreach (var f in features)
        {
            if (f != 0 && _rowOf.TryGetValue(f, out var r))
            {
                var row = _w.AsSpan(r * Labels, Labels);
                for (var l = 0; l < Labels; l++)
                {
                    scores[l] += row[l];
                }
            }
        }
    }

    public void Update(ReadOnlySpan<uint> features, int label, float delta)
    {
        foreach (var f in features)
        {
            if (f == 0)
            {
                continue;
            }

            if (!_rowOf.TryGetValue(f, out var r))
            {
                r = _rowOf.Count;
                _rowOf[f] = r;
                if ((r + 1) * Labels > _w.Length)
                {
                    Array.Resize(ref _w, _w.Length * 2);
                    Array.Resize(ref _u, _u.Length * 2);
                }
            }

            _w[(r * Labels) + label] += delta;
            _u[(r * Labels) + label] += _c * delta;
        }
    }

    public void UpdateTransition(int previous, int label, float delta)
    {
        var i = (previous * Labels) + label;
        _tw[i] += delta;
        _tu[i] += _c * delta;
    }

    /// <summary>The averaged weights; rows whose largest absolute weight is below <paramref name="prune"/> are dropped.</summary>
    public LinearChain ToModel(float prune = 0f)
    {
        var keys = new List<uint>(_rowOf.Count);
        var weights = new List<float>(_rowOf.Count * Labels);
        var row = new float[Labels];
        foreach (var (key, r) in _rowOf)
        {
            var max = 0f;
            for (var l = 0; l < Labels; l++)
            {
                row[l] = _w[(r * Labels) + l] - (_u[(r * Labels) + l] / _c);
                max = Math.Max(max, Math.Abs(row[l]));
            }

            if (max <= prune)
            {
                continue;
            }

            keys.Add(key);
            weights.AddRange(row);
        }

        var t = new float[_tw.Length];
        for (var i = 0; i < t.Length; i++)
        {
            t[i] = _tw[i] - (_tu[i] / _c);
        }

        return new LinearChain(Labels, keys, [.. weights], t);
    }
}
