using System.Runtime.InteropServices;

namespace Parallax.Stories.Clustering;

/// <summary>A query key and how much it counts: the article's weight for that term or entity.</summary>
public readonly record struct WeightedKey(ulong Key, float Weight);

/// <summary>
/// Where candidate stories come from: an inverted index from rare terms and entities (as stable 64-bit keys) to the
/// stories that hold them, newest last. The clusterer asks for at most <c>perKeyLimit</c> of the newest stories
/// under each of the article's few rarest keys, so the cost of placing an article stays flat as the store grows.
/// Story ids may be stale after merges: the clusterer resolves them. Implementations: <see cref="InMemoryCandidateIndex"/>;
/// a database-backed one keeps a table <c>(key, story_id, seq)</c> with an index on <c>(key, seq)</c>.
/// </summary>
public interface ICandidateIndex
{
    /// <summary>Records that <paramref name="storyId"/> now holds each of <paramref name="keys"/>.</summary>
    void Add(long storyId, ReadOnlySpan<ulong> keys);

    /// <summary>
    /// Adds, for each key, its weight to each of the newest <paramref name="perKeyLimit"/> stories under it, in
    /// <paramref name="scores"/> (story id to summed weight).
    /// </summary>
    void Collect(ReadOnlySpan<WeightedKey> keys, int perKeyLimit, Dictionary<long, float> scores);

    /// <summary>Number of postings held (for benchmarks and diagnostics).</summary>
    long PostingCount { get; }
}

/// <summary>An <see cref="ICandidateIndex"/> in memory: one growable array of story ids per key.</summary>
public sealed class InMemoryCandidateIndex : ICandidateIndex
{
    private readonly Dictionary<ulong, Postings> _postings = new();

    public long PostingCount { get; private set; }

    public int KeyCount => _postings.Count;

    public void Add(long storyId, ReadOnlySpan<ulong> keys)
    {
        foreach (var key in keys)
        {
            ref var p = ref CollectionsMarshal.GetValueRefOrAddDefault(_postings, key, out bool exists);
            if (!exists)
            {
                p = new Postings();
            }

            if (p!.AddIfNotRecent(storyId))
            {
                PostingCount++;
            }
        }
    }

    public void Collect(ReadOnlySpan<WeightedKey> keys, int perKeyLimit, Dictionary<long, float> scores)
    {
        foreach (var k in keys)
        {
            if (!_postings.TryGetValue(k.Key, out var p))
            {
                continue;
            }

            var ids = p.Ids;
            int from = Math.Max(0, p.Count - perKeyLimit);
            for (int i = p.Count - 1; i >= from; i--)
            {
                ref var s = ref CollectionsMarshal.GetValueRefOrAddDefault(scores, ids[i], out _);
                s += k.Weight;
            }
        }
    }

    /// <summary>Snapshot form: every key with its postings, oldest first.</summary>
    internal void Write(BinaryWriter writer)
    {
        writer.Write7BitEncodedInt(_postings.Count);
        foreach (var (key, p) in _postings)
        {
            writer.Write(key);
            writer.Write7BitEncodedInt(p.Count);
            for (int i = 0; i < p.Count; i++)
            {
                writer.Write7BitEncodedInt64(p.Ids[i]);
            }
        }
    }

    internal static InMemoryCandidateIndex Read(BinaryReader reader)
    {
        var index = new InMemoryCandidateIndex();
        int keys = reader.Read7BitEncodedInt();
        index._postings.EnsureCapacity(keys);
        for (int k = 0; k < keys; k++)
        {
            ulong key = reader.ReadUInt64();
            int n = reader.Read7BitEncodedInt();
            var p = new Postings { Ids = new long[Math.Max(2, n)], Count = n };
            for (int i = 0; i < n; i++)
            {
                p.Ids[i] = reader.Read7BitEncodedInt64();
            }

            index._postings[key] = p;
            index.PostingCount += n;
        }

        return index;
    }

    private sealed class Postings
    {
        public long[] Ids = new long[2];
        public int Count;

        /// <summary>Appends unless the story is among the last few entries (a story adds each key once in practice).</summary>
        public bool AddIfNotRecent(long id)
        {
            for (int i = Count - 1; i >= Math.Max(0, Count - 4); i--)
            {
                if (Ids[i] == id)
                {
                    return false;
                }
            }

            if (Count == Ids.Length)
            {
                Array.Resize(ref Ids, Count * 2);
            }

            Ids[Count++] = id;
            return true;
        }
    }
}
