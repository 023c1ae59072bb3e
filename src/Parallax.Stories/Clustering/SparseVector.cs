using System.Runtime.InteropServices;

namespace Parallax.Stories.Clustering;

/// <summary>An immutable sparse vector: term ids in ascending order with their weights.</summary>
internal readonly struct SparseVector(int[] ids, float[] weights)
{
    public static readonly SparseVector Empty = new([], []);

    public int[] Ids { get; } = ids;

    public float[] Weights { get; } = weights;

    public int Count => Ids.Length;

    public bool IsEmpty => Ids.Length == 0;

    /// <summary>Builds a vector from unsorted (id, weight) pairs with distinct ids, scaled to unit length.</summary>
    public static SparseVector Normalised(List<(int Id, float Weight)> pairs)
    {
        if (pairs.Count == 0)
        {
            return Empty;
        }

        var span = CollectionsMarshal.AsSpan(pairs);
        span.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        double norm = 0;
        foreach (var p in span)
        {
            norm += (double)p.Weight * p.Weight;
        }

        if (norm <= 0)
        {
            return Empty;
        }

        float inv = (float)(1 / Math.Sqrt(norm));
        var ids = new int[span.Length];
        var w = new float[span.Length];
        for (int i = 0; i < span.Length; i++)
        {
            ids[i] = span[i].Id;
            w[i] = span[i].Weight * inv;
        }

        return new SparseVector(ids, w);
    }

    internal void Write(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(Ids.Length);
        int previous = 0;
        for (int i = 0; i < Ids.Length; i++)
        {
            writer.Write7BitEncodedInt(Ids[i] - previous);
            previous = Ids[i];
            writer.Write(Weights[i]);
        }
    }

    internal static SparseVector Read(BinaryReader reader)
    {
        int n = reader.Read7BitEncodedInt();
        if (n == 0)
        {
            return Empty;
        }

        var ids = new int[n];
        var w = new float[n];
        int previous = 0;
        for (int i = 0; i < n; i++)
        {
            previous += reader.Read7BitEncodedInt();
            ids[i] = previous;
            w[i] = reader.ReadSingle();
        }

        return new SparseVector(ids, w);
    }

    public static double Dot(int[] aIds, float[] aW, int aCount, int[] bIds, float[] bW, int bCount)
    {
        double sum = 0;
        int i = 0, j = 0;
        while (i < aCount && j < bCount)
        {
            int x = aIds[i], y = bIds[j];
            if (x == y)
            {
                sum += (double)aW[i] * bW[j];
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return sum;
    }
}

/// <summary>
/// The running sum of unit vectors of a story's articles (its centroid, unnormalised), kept to at most
/// <c>cap</c> entries by dropping the smallest weights, so a story's size in memory and the cost of scoring against
/// it stay bounded however many articles join it.
/// </summary>
internal sealed class Centroid
{
    private int[] _ids = [];
    private float[] _w = [];
    private int _count;

    public int Count => _count;

    public double Norm { get; private set; }

    public int[] Ids => _ids;

    public float[] Weights => _w;

    public bool IsEmpty => _count == 0;

    /// <summary>Cosine between a unit vector and this centroid.</summary>
    public double Cosine(in SparseVector v) =>
        _count == 0 || v.IsEmpty || Norm <= 0 ? 0 : SparseVector.Dot(v.Ids, v.Weights, v.Count, _ids, _w, _count) / Norm;

    public double Cosine(Centroid other) =>
        _count == 0 || other._count == 0 || Norm <= 0 || other.Norm <= 0 ? 0 : SparseVector.Dot(_ids, _w, _count, other._ids, other._w, other._count) / (Norm * other.Norm);

    /// <summary>
    /// Cosine between a unit vector that is part of this centroid and the centroid without it (leave-one-out), or null
    /// when nothing would be left. Entries pruned from the centroid cannot be taken out and count as absent.
    /// </summary>
    public double? CosineExcluding(in SparseVector v)
    {
        if (_count == 0 || Norm <= 0)
        {
            return null;
        }

        double dot = 0, normSq = Norm * Norm;
        int[] vIds = v.Ids;
        float[] vW = v.Weights;
        int i = 0, j = 0;
        while (i < vIds.Length && j < _count)
        {
            int x = vIds[i], y = _ids[j];
            if (x == y)
            {
                double c = _w[j];
                double r = c - vW[i];
                if (r < 1e-6)
                {
                    r = 0;
                }

                dot += vW[i] * r;
                normSq += (r * r) - (c * c);
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return normSq <= 1e-8 ? null : dot / Math.Sqrt(normSq);
    }

    /// <summary>Takes a vector that was added out again (entries left at about zero are dropped).</summary>
    public void Subtract(in SparseVector v)
    {
        if (v.IsEmpty || _count == 0)
        {
            return;
        }

        int i = 0, j = 0, k = 0;
        int[] vIds = v.Ids;
        float[] vW = v.Weights;
        while (j < _count)
        {
            while (i < vIds.Length && vIds[i] < _ids[j])
            {
                i++;
            }

            float w = _w[j];
            if (i < vIds.Length && vIds[i] == _ids[j])
            {
                w -= vW[i];
            }

            if (w > 1e-6f)
            {
                _ids[k] = _ids[j];
                _w[k++] = w;
            }

            j++;
        }

        _count = k;
        double norm = 0;
        for (int x = 0; x < _count; x++)
        {
            norm += (double)_w[x] * _w[x];
        }

        Norm = Math.Sqrt(norm);
    }

    public float WeightOf(int id)
    {
        int k = Array.BinarySearch(_ids, 0, _count, id);
        return k >= 0 ? _w[k] : 0f;
    }

    public void Add(in SparseVector v, int cap) => Add(v.Ids, v.Weights, v.Count, 1f, cap);

    public void Add(Centroid other, int cap) => Add(other._ids, other._w, other._count, 1f, cap);

    private void Add(int[] ids, float[] w, int n, float scale, int cap)
    {
        if (n == 0)
        {
            return;
        }

        var newIds = new int[_count + n];
        var newW = new float[_count + n];
        int i = 0, j = 0, k = 0;
        while (i < _count || j < n)
        {
            if (j >= n || (i < _count && _ids[i] < ids[j]))
            {
                newIds[k] = _ids[i];
                newW[k++] = _w[i++];
            }
            else if (i >= _count || ids[j] < _ids[i])
            {
                newIds[k] = ids[j];
                newW[k++] = w[j++] * scale;
            }
            else
            {
                newIds[k] = _ids[i];
                newW[k++] = _w[i++] + (w[j++] * scale);
            }
        }

        _ids = newIds;
        _w = newW;
        _count = k;
        if (_count > cap)
        {
            Prune(cap);
        }
        else if (_ids.Length > _count + 16)
        {
            Array.Resize(ref _ids, _count);
            Array.Resize(ref _w, _count);
        }

        double norm = 0;
        for (int x = 0; x < _count; x++)
        {
            norm += (double)_w[x] * _w[x];
        }

        Norm = Math.Sqrt(norm);
    }

    private void Prune(int cap)
    {
        var sorted = new float[_count];
        Array.Copy(_w, sorted, _count);
        Array.Sort(sorted);
        float cut = sorted[_count - cap];
        int ties = cap;
        for (int i = 0; i < _count; i++)
        {
            if (_w[i] > cut)
            {
                ties--;
            }
        }

        var ids = new int[cap];
        var w = new float[cap];
        int k = 0;
        for (int i = 0; i < _count && k < cap; i++)
        {
            if (_w[i] > cut || (_w[i] == cut && ties-- > 0))
            {
                ids[k] = _ids[i];
                w[k++] = _w[i];
            }
        }

        if (k < cap)
        {
            Array.Resize(ref ids, k);
            Array.Resize(ref w, k);
        }

        _ids = ids;
        _w = w;
        _count = k;
    }

    public IEnumerable<(int Id, float Weight)> Top(int n)
    {
        var order = new int[_count];
        for (int i = 0; i < _count; i++)
        {
            order[i] = i;
        }

        var w = _w;
        Array.Sort(order, (a, b) => w[b].CompareTo(w[a]));
        for (int i = 0; i < Math.Min(n, _count); i++)
        {
            yield return (_ids[order[i]], _w[order[i]]);
        }
    }

    /// <summary>Snapshot form: count, then ids as ascending deltas (7-bit encoded) and weights as raw floats.</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(_count);
        int previous = 0;
        for (int i = 0; i < _count; i++)
        {
            writer.Write7BitEncodedInt(_ids[i] - previous);
            previous = _ids[i];
            writer.Write(_w[i]);
        }
    }

    internal static Centroid Read(BinaryReader reader)
    {
        var c = new Centroid();
        int n = reader.Read7BitEncodedInt();
        c._ids = new int[n];
        c._w = new float[n];
        int previous = 0;
        for (int i = 0; i < n; i++)
        {
            previous += reader.Read7BitEncodedInt();
            c._ids[i] = previous;
            c._w[i] = reader.ReadSingle();
        }

        c._count = n;
        double norm = 0;
        for (int x = 0; x < n; x++)
        {
            norm += (double)c._w[x] * c._w[x];
        }

        c.Norm = Math.Sqrt(norm);
        return c;
    }
}
