using System.IO.Compression;
using System.Text;
using Parallax.Core;

namespace Parallax.Stories.Clustering;

/// <summary>
/// Snapshots: everything the clusterer remembers (vocabulary and store frequencies, stories and their profiles,
/// where each article is, merges, the revisable recent articles and, for the in-memory index, the postings) in a
/// versioned binary form, so that a process can resume without re-placing every stored article. A loaded clusterer
/// places the next articles exactly as the one that was saved would have.
/// </summary>
/// <remarks>
/// Layout: "PXSC", the format version, the configuration (<see cref="ClusteringOptions.Describe"/>) and the background
/// frequencies' identity in the clear, then the state gzip-compressed. Ids are 7-bit encoded, sorted ids as deltas,
/// weights as raw floats (exact). A snapshot is refused when its version, configuration or background differ.
/// </remarks>
public sealed partial class StoryClusterer
{
    /// <summary>The snapshot format (and placement behaviour) version: bump it when either changes.</summary>
    public const int SnapshotVersion = 1;

    private static readonly byte[] Magic = "PXSC"u8.ToArray();

    /// <summary>Writes the clusterer's state to <paramref name="stream"/> (left open).</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (var header = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            header.Write(Magic);
            header.Write(SnapshotVersion);
            header.Write(_configuration);
            WriteBackgroundIdentity(header, _background);
        }

        // the writer's many small writes go through a buffer: straight into the compressor they cost a call each
        using var zip = new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true);
        using var buffered = new BufferedStream(zip, 1 << 16);
        using var w = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true);
        _vocab.Write(w);

        w.Write7BitEncodedInt(_entityDisplay.Count);
        foreach (var (id, display) in _entityDisplay)
        {
            w.Write7BitEncodedInt(id);
            w.Write(display);
        }

        w.Write7BitEncodedInt(_stories.Count);
        foreach (var story in _stories.Values)
        {
            WriteStory(w, story);
        }

        WritePairs(w, _storyOfArticle);
        WritePairs(w, _mergedInto);

        w.Write7BitEncodedInt(_recentOrder.Count);
        foreach (long id in _recentOrder)
        {
            WriteRecent(w, _recent[id]);
        }

        if (_index is InMemoryCandidateIndex memory)
        {
            w.Write((byte)1);
            memory.Write(w);
        }
        else
        {
            // a persistent index (e.g. SqliteCandidateIndex) keeps its own postings
            w.Write((byte)0);
        }
    }

    /// <summary>
    /// Reads a snapshot written by <see cref="Save"/>. The options and background must be the ones it was saved with.
    /// Pass the persistent index the saved clusterer used, if any; a snapshot of an in-memory index brings its postings.
    /// </summary>
    /// <exception cref="ParallaxException"><see cref="ErrorCodes.DataFormat"/>: not a snapshot, another version, configuration or background, or truncated.</exception>
    public static StoryClusterer Load(Stream stream, ClusteringOptions? options = null, BackgroundFrequencies? background = null, ICandidateIndex? index = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= ClusteringOptions.Default;
        background ??= BackgroundFrequencies.Empty;
        try
        {
            using (var header = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true))
            {
                if (!header.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
                {
                    throw Refused("it is not a story clusterer snapshot");
                }

                int version = header.ReadInt32();
                if (version != SnapshotVersion)
                {
                    throw Refused($"it has format version {version}, this build reads {SnapshotVersion}");
                }

                var configuration = header.ReadString();
                if (configuration != options.Describe())
                {
                    throw Refused($"it was saved with the configuration '{configuration}', not '{options.Describe()}'");
                }

                var (documents, terms, description) = (header.ReadInt32(), header.ReadInt32(), header.ReadString());
                if (documents != background.Documents || terms != background.TermCount || description != background.Description)
                {
                    throw Refused("it was saved with other background frequencies");
                }
            }

            using var zip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var buffered = new BufferedStream(zip, 1 << 16);
            using var r = new BinaryReader(buffered, Encoding.UTF8, leaveOpen: true);
            var c = new StoryClusterer(options, background, index);
            c._vocab.Read(r);

            int displays = r.Read7BitEncodedInt();
            for (int i = 0; i < displays; i++)
            {
                c._entityDisplay[r.Read7BitEncodedInt()] = r.ReadString();
            }

            int stories = r.Read7BitEncodedInt();
            c._stories.EnsureCapacity(stories);
            for (int i = 0; i < stories; i++)
            {
                var story = ReadStory(r);
                c._stories.Add(story.Id, story);
            }

            ReadPairs(r, c._storyOfArticle);
            ReadPairs(r, c._mergedInto);

            int recent = r.Read7BitEncodedInt();
            for (int i = 0; i < recent; i++)
            {
                var article = ReadRecent(r);
                c._recent[article.Id] = article;
                c._recentOrder.Enqueue(article.Id);
            }

            if (r.ReadByte() == 1)
            {
                var memory = InMemoryCandidateIndex.Read(r);
                if (index is null)
                {
                    c._index = memory;
                }
                else if (index is not InMemoryCandidateIndex { PostingCount: 0 })
                {
                    throw Refused("it holds in-memory postings but a non-empty or persistent index was given");
                }
                else
                {
                    c._index = memory;
                }
            }
            else if (index is null)
            {
                throw Refused("its postings are in a persistent index: pass that index");
            }

            return c;
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or FormatException
            or ArgumentException or InvalidOperationException or IndexOutOfRangeException or OverflowException or KeyNotFoundException)
        {
            throw Refused($"it is damaged or truncated ({ex.Message})", ex);
        }
    }

    private static ParallaxException Refused(string why, Exception? inner = null) =>
        inner is null
            ? new ParallaxException(ErrorCodes.DataFormat, $"The story clusterer snapshot cannot be used: {why}. Re-place the stored articles instead.")
            : new ParallaxException(ErrorCodes.DataFormat, $"The story clusterer snapshot cannot be used: {why}. Re-place the stored articles instead.", inner);

    private static void WriteBackgroundIdentity(BinaryWriter w, BackgroundFrequencies background)
    {
        w.Write(background.Documents);
        w.Write(background.TermCount);
        w.Write(background.Description);
    }

    private static void WritePairs(BinaryWriter w, Dictionary<long, long> pairs)
    {
        w.Write7BitEncodedInt(pairs.Count);
        foreach (var (key, value) in pairs)
        {
            w.Write7BitEncodedInt64(key);
            w.Write7BitEncodedInt64(value);
        }
    }

    private static void ReadPairs(BinaryReader r, Dictionary<long, long> pairs)
    {
        int n = r.Read7BitEncodedInt();
        pairs.EnsureCapacity(n);
        for (int i = 0; i < n; i++)
        {
            pairs[r.Read7BitEncodedInt64()] = r.Read7BitEncodedInt64();
        }
    }

    private static void WriteTime(BinaryWriter w, DateTimeOffset? t)
    {
        w.Write(t.HasValue);
        if (t is DateTimeOffset x)
        {
            w.Write(x.UtcTicks);
            w.Write((short)x.Offset.TotalMinutes);
        }
    }

    private static DateTimeOffset? ReadTime(BinaryReader r)
    {
        if (!r.ReadBoolean())
        {
            return null;
        }

        long ticks = r.ReadInt64();
        var offset = TimeSpan.FromMinutes(r.ReadInt16());
        return new DateTimeOffset(ticks + offset.Ticks, offset);
    }

    private static void WriteIds(BinaryWriter w, IReadOnlyList<long> ids)
    {
        w.Write7BitEncodedInt(ids.Count);
        foreach (long id in ids)
        {
            w.Write7BitEncodedInt64(id);
        }
    }

    private static List<long> ReadIds(BinaryReader r)
    {
        int n = r.Read7BitEncodedInt();
        var list = new List<long>(n);
        for (int i = 0; i < n; i++)
        {
            list.Add(r.Read7BitEncodedInt64());
        }

        return list;
    }

    private static void WriteStory(BinaryWriter w, Story s)
    {
        w.Write7BitEncodedInt64(s.Id);
        w.Write(s.Headline);
        WriteIds(w, s.Members);
        w.Write7BitEncodedInt(s.Weighted);
        w.Write7BitEncodedInt(s.Copies);
        WriteTime(w, s.First);
        WriteTime(w, s.Last);
        s.Body.Write(w);
        s.Title.Write(w);
        s.Entities.Write(w);
        s.Details.Write(w);
        w.Write7BitEncodedInt(s.When.Count);
        foreach (var (id, n) in s.When)
        {
            w.Write7BitEncodedInt(id);
            w.Write7BitEncodedInt(n);
        }

        w.Write7BitEncodedInt(s.Outlets.Count);
        foreach (var outlet in s.Outlets)
        {
            w.Write(outlet);
        }

        w.Write(s.Absorbed is not null);
        if (s.Absorbed is not null)
        {
            WriteIds(w, s.Absorbed);
        }
    }

    private static Story ReadStory(BinaryReader r)
    {
        var s = new Story(r.Read7BitEncodedInt64(), r.ReadString());
        s.Members.AddRange(ReadIds(r));
        s.Weighted = r.Read7BitEncodedInt();
        s.Copies = r.Read7BitEncodedInt();
        s.Extend(ReadTime(r));
        s.Extend(ReadTime(r));
        s.Body = Centroid.Read(r);
        s.Title = Centroid.Read(r);
        s.Entities = Centroid.Read(r);
        s.Details = Centroid.Read(r);
        int when = r.Read7BitEncodedInt();
        for (int i = 0; i < when; i++)
        {
            s.When[r.Read7BitEncodedInt()] = r.Read7BitEncodedInt();
        }

        int outlets = r.Read7BitEncodedInt();
        for (int i = 0; i < outlets; i++)
        {
            s.Outlets.Add(r.ReadString());
        }

        if (r.ReadBoolean())
        {
            s.Absorbed = ReadIds(r);
        }

        return s;
    }

    private static void WriteRecent(BinaryWriter w, Recent a)
    {
        w.Write7BitEncodedInt64(a.Id);
        w.Write(a.Title);
        WriteTime(w, a.Published);
        w.Write(a.Outlet is not null);
        if (a.Outlet is not null)
        {
            w.Write(a.Outlet);
        }

        w.Write7BitEncodedInt(a.Keys.Length);
        foreach (var (id, entity) in a.Keys)
        {
            w.Write7BitEncodedInt(id);
            w.Write(entity);
        }

        w.Write(a.Copies is not null);
        if (a.Copies is not null)
        {
            WriteIds(w, a.Copies);
        }

        var v = a.Vectors;
        v.Body.Write(w);
        v.Title.Write(w);
        v.Entities.Write(w);
        v.Details.Write(w);
        w.Write7BitEncodedInt(v.When.Length);
        foreach (int id in v.When)
        {
            w.Write7BitEncodedInt(id);
        }
    }

    private static Recent ReadRecent(BinaryReader r)
    {
        long id = r.Read7BitEncodedInt64();
        var title = r.ReadString();
        var published = ReadTime(r);
        var outlet = r.ReadBoolean() ? r.ReadString() : null;
        var keys = new (int Id, bool Entity)[r.Read7BitEncodedInt()];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = (r.Read7BitEncodedInt(), r.ReadBoolean());
        }

        var copies = r.ReadBoolean() ? ReadIds(r) : null;
        var v = new ArticleVectors
        {
            Body = SparseVector.Read(r),
            Title = SparseVector.Read(r),
            Entities = SparseVector.Read(r),
            Details = SparseVector.Read(r),
        };
        v.When = new int[r.Read7BitEncodedInt()];
        for (int i = 0; i < v.When.Length; i++)
        {
            v.When[i] = r.Read7BitEncodedInt();
        }

        return new Recent(id, title, v, published, outlet, keys) { Copies = copies };
    }
}
