using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using Parallax.Core;
using Parallax.Nlp.Gazetteers;

namespace Parallax.Nlp.Entities;

/// <summary>
/// A trained NER model: an averaged perceptron over BILOU tags with hashed features, decoded greedily left to
/// right under the BILOU transition rules, with document-level features (types predicted earlier for the same
/// word). Holds its word clusters; uses the built-in gazetteer. Thread-safe: each call uses its own buffers.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "PXNER";
    private const int FormatVersion = 2;

    private readonly uint[] _keys;   // open addressing, 0 = empty
    private readonly int[] _rowOf;
    private readonly float[] _weights; // rows of NerTags.Count
    private readonly int _mask;
    private readonly Gazetteer? _gazetteer;
    private readonly Scorer _score;

    [ThreadStatic]
    private static NerContext? t_context;

    internal NerModel(IReadOnlyList<uint> keys, float[] weights, WordClusters? clusters, Gazetteer? gazetteer, string metadata)
    {
        int cap = 1;
        while (cap < keys.Count * 2)
        {
            cap <<= 1;
        }

        _keys = new uint[cap];
        _rowOf = new int[cap];
        _mask = cap - 1;
        for (int r = 0; r < keys.Count; r++)
        {
            int slot = (int)(Mix(keys[r]) & (uint)_mask);
            while (_keys[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _keys[slot] = keys[r];
            _rowOf[slot] = r;
        }

        _weights = weights;
        Clusters = clusters;
        _gazetteer = gazetteer;
        Metadata = metadata;
        FeatureCount = keys.Count;
        _score = Score;
    }

    public WordClusters? Clusters { get; }

    /// <summary>Free text recorded at training time (data, command, scores).</summary>
    public string Metadata { get; }

    public int FeatureCount { get; }

    internal Gazetteer? Gazetteer => _gazetteer;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint k) => k * 0x9E3779B1u;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Row(uint key)
    {
        int slot = (int)(Mix(key) & (uint)_mask);
        while (true)
        {
            uint k = _keys[slot];
            if (k == key)
            {
                return _rowOf[slot];
            }

            if (k == 0)
            {
                return -1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    internal void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        scores.Clear();
        var w = _weights.AsSpan();
        foreach (uint f in features)
        {
            int r = Row(f);
            if (r >= 0)
            {
                AddRow(w.Slice(r * NerTags.Count, NerTags.Count), scores);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void AddRow(ReadOnlySpan<float> row, Span<float> scores)
    {
        // 17 = 2 x 8 + 1
        if (System.Numerics.Vector<float>.Count == 8)
        {
            var a = new System.Numerics.Vector<float>(scores) + new System.Numerics.Vector<float>(row);
            var b = new System.Numerics.Vector<float>(scores[8..]) + new System.Numerics.Vector<float>(row[8..]);
            a.CopyTo(scores);
            b.CopyTo(scores[8..]);
            scores[16] += row[16];
            return;
        }

        for (int t = 0; t < NerTags.Count; t++)
        {
            scores[t] += row[t];
        }
    }

    /// <summary>Tags every token of a document (tokens and sentences given); writes tags and per-token confidence.</summary>
    public void Predict(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, Span<byte> tags, Span<float> confidence)
    {
        var context = t_context ??= new NerContext();
        context.Prepare(text, tokens, sentences, _gazetteer, Clusters);
        Decode(context, sentences, tags, confidence, _score, null);
        context.Text = string.Empty;
    }

    /// <summary>Entity mentions of a document with its token and sentence layers.</summary>
    public EntityMention[] Recognize(Document document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Get(Layers.Tokens).Tokens;
        var sentences = document.Get(Layers.Sentences).Sentences;
        var tags = tokens.Length <= 4096 ? stackalloc byte[tokens.Length] : new byte[tokens.Length];
        var conf = tokens.Length <= 4096 ? stackalloc float[tokens.Length] : new float[tokens.Length];
        Predict(document.Text, tokens, sentences, tags, conf);
        var mentions = ToMentions(tokens, tags, conf);
        Honorifics.Apply(document.Text, tokens, mentions);
        mentions = Titles.Apply(document.Text, tokens, mentions);
        return OrganisationNames.Apply(document.Text, tokens, sentences, mentions);
    }

    internal static EntityMention[] ToMentions(ReadOnlySpan<Token> tokens, ReadOnlySpan<byte> tags, ReadOnlySpan<float> confidence)
    {
        var list = new List<EntityMention>();
        int i = 0;
        while (i < tags.Length)
        {
            int t = tags[i];
            if (t == NerTags.O)
            {
                i++;
                continue;
            }

            var type = NerTags.TypeOf(t);
            int start = i;
            float conf = confidence[i];
            if (NerTags.PartOf(t) == NerTags.Part.Begin)
            {
                i++;
                while (i < tags.Length && tags[i] != NerTags.O && NerTags.TypeOf(tags[i]) == type && NerTags.PartOf(tags[i]) is NerTags.Part.Inside or NerTags.Part.Last)
                {
                    conf = Math.Min(conf, confidence[i]);
                    bool last = NerTags.PartOf(tags[i]) == NerTags.Part.Last;
                    i++;
                    if (last)
                    {
                        break;
                    }
                }
            }
            else
            {
                i++;
            }

            list.Add(new EntityMention(new TextRange(tokens[start].Start, tokens[i - 1].End), type, start, i - start, conf));
        }

        return [.. list];
    }

    internal delegate void Scorer(ReadOnlySpan<uint> features, Span<float> scores);

    /// <summary>Greedy decoding shared by prediction and training (<paramref name="learn"/> sees each token's features, prediction and scores).</summary>
    internal static void Decode(NerContext c, ReadOnlySpan<Sentence> sentences, Span<byte> tags, Span<float> confidence, Scorer score, LearnStep? learn)
    {
        Span<uint> features = stackalloc uint[NerFeatures.Max];
        Span<float> scores = stackalloc float[NerTags.Count];
        foreach (var sentence in sentences)
        {
            int prev1 = -1, prev2 = -1;
            for (int i = sentence.FirstToken; i < sentence.EndToken; i++)
            {
                int n = NerFeatures.Extract(c, i, prev1, prev2, features);
                var f = features[..n];
                score(f, scores);
                bool last = i == sentence.EndToken - 1;
                int best = -1;
                float bestScore = float.NegativeInfinity;
                for (int t = 0; t < NerTags.Count; t++)
                {
                    if (!NerTags.CanFollow(prev1, t) || (last && !NerTags.CanEnd(t)))
                    {
                        continue;
                    }

                    if (scores[t] > bestScore)
                    {
                        bestScore = scores[t];
                        best = t;
                    }
                }

                if (learn is not null)
                {
                    learn(f, i, best);
                }

                tags[i] = (byte)best;
                if (!confidence.IsEmpty)
                {
                    float sum = 0;
                    for (int t = 0; t < NerTags.Count; t++)
                    {
                        if (NerTags.CanFollow(prev1, t) && (!last || NerTags.CanEnd(t)))
                        {
                            sum += MathF.Exp(Math.Clamp(scores[t] - bestScore, -30f, 0f));
                        }
                    }

                    confidence[i] = 1f / sum;
                }

                // remember what capitalised words were tagged as, for later mentions in the document
                if ((c.Flags[i] & (NerContext.InitCap | NerContext.AllCaps)) != 0)
                {
                    c.History[c.Lower[i]] = best == NerTags.O ? (byte)4 : (byte)NerTags.TypeOf(best);
                }

                prev2 = prev1;
                prev1 = best;
            }
        }
    }

    internal delegate void LearnStep(ReadOnlySpan<uint> features, int token, int predicted);

    // ------------------------------------------------------------------ persistence

    public void Save(string path)
    {
        using var file = File.Create(path);
        using var brotli = new BrotliStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(brotli, Encoding.UTF8);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(NerFeatures.Version);
        w.Write(NerTags.Count);
        w.Write(Metadata);

        // clusters
        WordClusters.Write(w, Clusters);

        // features: sorted keys as deltas, then the rows as half-precision floats
        var rows = new List<(uint Key, int Row)>(FeatureCount);
        for (int s = 0; s < _keys.Length; s++)
        {
            if (_keys[s] != 0)
            {
                rows.Add((_keys[s], _rowOf[s]));
            }
        }

        rows.Sort((a, b) => a.Key.CompareTo(b.Key));
        w.Write(rows.Count);
        uint prev = 0;
        foreach (var (key, _) in rows)
        {
            w.Write7BitEncodedInt((int)(key - prev));
            prev = key;
        }

        foreach (var (_, row) in rows)
        {
            foreach (var x in _weights.AsSpan(row * NerTags.Count, NerTags.Count))
            {
                w.Write((Half)x);
            }
        }
    }

    public static NerModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ParallaxException(ErrorCodes.ModelMissing, $"NER model file '{path}' does not exist.");
        }

        using var file = File.OpenRead(path);
        return Load(file, path);
    }

    public static NerModel Load(Stream stream, string name)
    {
        try
        {
            using var brotli = new BrotliStream(stream, CompressionMode.Decompress);
            using var r = new BinaryReader(brotli, Encoding.UTF8);
            if (r.ReadString() != Magic)
            {
                throw new ParallaxException(ErrorCodes.ModelFormat, $"'{name}' is not a Parallax NER model.");
            }

            int format = r.ReadInt32();
            int features = r.ReadInt32();
            int tagCount = r.ReadInt32();
            if (format != FormatVersion || features != NerFeatures.Version || tagCount != NerTags.Count)
            {
                throw new ParallaxException(ErrorCodes.ModelFormat, $"'{name}' was trained with another version (format {format}, features {features}); retrain it with 'parallax train ner'.");
            }

            var metadata = r.ReadString();
            var clusters = WordClusters.Read(r);

            int count = r.ReadInt32();
            var keys = new uint[count];
            uint prev = 0;
            for (int i = 0; i < count; i++)
            {
                prev += (uint)r.Read7BitEncodedInt();
                keys[i] = prev;
            }

            var weights = new float[count * NerTags.Count];
            for (int i = 0; i < weights.Length; i++)
            {
                weights[i] = (float)r.ReadHalf();
            }

            return new NerModel(keys, weights, clusters, Gazetteer.Default, metadata);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new ParallaxException(ErrorCodes.ModelFormat, $"'{name}' is not a readable Parallax NER model: {ex.Message}", ex);
        }
    }

    /// <summary>The model built into the library (models/ner/ner.model, embedded), or null if the build has none.</summary>
    public static NerModel? LoadEmbedded()
    {
        var stream = typeof(NerModel).Assembly.GetManifestResourceStream("Parallax.Nlp.Models.ner.model");
        if (stream is null)
        {
            return null;
        }

        using (stream)
        {
            return Load(stream, "built-in NER model");
        }
    }
}
