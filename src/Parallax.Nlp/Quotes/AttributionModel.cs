using System.IO.Compression;
using System.Text;
using Parallax.Core;
using Parallax.Nlp.Entities;

namespace Parallax.Nlp.Quotes;

/// <summary>An attribution as the learned taggers found it, in token indices (end exclusive).</summary>
internal readonly record struct TaggedAttribution(int CueStart, int CueEnd, int SourceStart, int SourceEnd, (int Start, int End)[] Content);

/// <summary>
/// The learned attribution model of <c>parallax.quotes</c> (trained by <c>parallax train quotes</c>, see
/// <see cref="AttributionTrainer"/>): two averaged structured perceptrons with Viterbi decoding.
/// <list type="number">
/// <item>A cue tagger (B/I/O over each sentence) finds the cues: reporting verbs and their auxiliaries, "according
/// to", nominal and thought cues, colons of "Name: ..." lines.</item>
/// <item>For each cue, a source/content tagger (B/I of source and content, O) labels the tokens around it: its sentence
/// and up to <see cref="AttributionContext.SentencesBefore"/> sentences before and
/// <see cref="AttributionContext.SentencesAfter"/> after in the same paragraph. Features are relative to the cue
/// (direction, distance, commas, quote marks and sentence ends between, the cue's words).</item>
/// </list>
/// Both taggers also see what the rules of <see cref="QuoteExtractor"/> found (the rule cue, source and content
/// of each token), so they learn when to trust them. Holds its own copy of the word clusters.
/// Thread-safe (each thread has its own buffers).
/// </summary>
public sealed class AttributionModel
{
    public const string ResourceName = "Parallax.Nlp.Quotes.attribution.model";
    private const string Magic = "PXATTR";
    private const int FormatVersion = 1;

    /// <summary>Bumped when the features change: a model trained with other features is refused.</summary>
    internal const int FeatureVersion = 1;

    private static readonly Lazy<AttributionModel?> LazyDefault = new(LoadEmbedded);

    [ThreadStatic]
    private static AttributionContext? t_context;

    internal AttributionModel(LinearChain cue, LinearChain span, LinearChain edges, WordClusters? clusters, string metadata, float cueBias = 0f)
    {
        CueBias = cueBias;
        Cue = cue;
        Span = span;
        Edges = edges;
        Clusters = clusters;
        Metadata = metadata;
    }

    /// <summary>The model built into the library, or null when the build has none.</summary>
    public static AttributionModel? Default => LazyDefault.Value;

    public string Metadata { get; }

    /// <summary>Added to the score of a cue's first token when decoding (tuned on held-out training articles: recall against precision).</summary>
    public float CueBias { get; init; }

    public int FeatureCount => Cue.FeatureCount + Span.FeatureCount + Edges.FeatureCount;

    internal LinearChain Cue { get; }

    internal LinearChain Span { get; }

    /// <summary>Observation-dependent transitions of the span tagger: one weight per (previous, current) label pair.</summary>
    internal LinearChain Edges { get; }

    internal WordClusters? Clusters { get; }

    /// <summary>Tags one document whose rule attributions are <paramref name="rules"/>.</summary>
    internal List<TaggedAttribution> Tag(
        string text,
        Token[] tokens,
        Sentence[] sentences,
        IReadOnlyList<TextRange> paragraphs,
        EntityMention[]? entities,
        IReadOnlyList<ExtractedAttribution> rules,
        CueModel cueModel,
        byte[]? givenCues = null)
    {
        var c = t_context ??= new AttributionContext();
        c.Prepare(text, tokens, sentences, paragraphs, entities, rules, Clusters, cueModel);
        var labels = tokens.Length <= 4096 ? stackalloc byte[tokens.Length] : new byte[tokens.Length];
        var bias = CueBias;
        if (givenCues is null)
        {
            TagCues(c, bias == 0 ? Cue.Score : (f, scores) =>
            {
                Cue.Score(f, scores);
                scores[AttributionLabels.CueB] += bias;
            }, Cue.Transitions, labels);
        }
        else
        {
            givenCues.AsSpan(0, tokens.Length).CopyTo(labels);
        }

        c.SetCues(labels);
        var result = new List<TaggedAttribution>();
        var t = 0;
        while (t < tokens.Length)
        {
            if (labels[t] != AttributionLabels.CueB)
            {
                t++;
                continue;
            }

            var cs = t;
            t++;
            while (t < tokens.Length && labels[t] == AttributionLabels.CueI)
            {
                t++;
            }

            if (TagSpans(c, cs, t, Span.Score, Edges.Score, Span.Transitions) is { } found)
            {
                result.Add(found);
            }
        }

        c.Text = string.Empty;
        return result;
    }

    internal delegate void Scorer(ReadOnlySpan<uint> features, Span<float> scores);

    /// <summary>Cue labels of every token, sentence by sentence.</summary>
    internal static void TagCues(AttributionContext c, Scorer score, float[] transitions, Span<byte> labels, Action<int, int, byte[]>? learn = null)
    {
        Span<uint> features = stackalloc uint[AttributionContext.MaxCueFeatures];
        labels[..c.N].Fill(AttributionLabels.CueO);
        foreach (var sentence in c.Sents)
        {
            var first = sentence.FirstToken;
            var end = Math.Min(sentence.EndToken, c.N);
            var n = end - first;
            if (n <= 0)
            {
                continue;
            }

            c.EnsureBuffers(n, AttributionLabels.CueCount);
            var emissions = c.Emissions.AsSpan(0, n * AttributionLabels.CueCount);
            emissions.Clear();
            for (var i = 0; i < n; i++)
            {
                var k = c.CueFeatures(first + i, first, end, features);
                score(features[..k], emissions.Slice(i * AttributionLabels.CueCount, AttributionLabels.CueCount));
            }

            var allowed = c.Allowed.AsSpan(0, n);
            allowed.Clear();
            var output = c.Output.AsSpan(0, n);
            LinearChain.Viterbi(AttributionLabels.CueCount, n, emissions, allowed, transitions, AttributionLabels.CueValid, output);
            output.CopyTo(labels[first..end]);
            learn?.Invoke(first, end, c.Output);
        }
    }

    /// <summary>Source and content of the cue [<paramref name="cs"/>, <paramref name="ce"/>), or null when no content is found.</summary>
    internal static TaggedAttribution? TagSpans(AttributionContext c, int cs, int ce, Scorer score, Scorer edgeScore, float[] transitions)
    {
        var (ws, we) = c.Window(cs, ce);
        var n = we - ws;
        c.EnsureBuffers(n, AttributionLabels.SpanCount);
        var emissions = c.Emissions.AsSpan(0, n * AttributionLabels.SpanCount);
        var edges = c.Edges.AsSpan(0, n * AttributionLabels.SpanCount * AttributionLabels.SpanCount);
        var allowed = c.Allowed.AsSpan(0, n);
        var output = c.Output.AsSpan(0, n);
        Emissions(c, cs, ce, ws, we, score, edgeScore, emissions, edges, allowed);
        LinearChain.Viterbi(AttributionLabels.SpanCount, n, emissions, edges, allowed, transitions, AttributionLabels.SpanValid, output);
        return Decode(cs, ce, ws, output);
    }

    /// <summary>Span-tagger scores of the window's tokens; returns the rule attribution sharing the cue (or -1).</summary>
    internal static int Emissions(AttributionContext c, int cs, int ce, int ws, int we, Scorer score, Scorer edgeScore, Span<float> emissions, Span<float> edges, Span<int> allowed)
    {
        Span<uint> features = stackalloc uint[AttributionContext.MaxSpanFeatures];
        var rule = c.PrepareCue(cs, ce, ws, we);
        emissions.Clear();
        edges.Clear();
        const int pairs = AttributionLabels.SpanCount * AttributionLabels.SpanCount;
        for (var t = ws + 1; t < we; t++)
        {
            var k = c.EdgeFeatures(t, cs, ce, ws, we, features);
            edgeScore(features[..k], edges.Slice((t - ws) * pairs, pairs));
        }

        for (var t = ws; t < we; t++)
        {
            var i = t - ws;
            if (t >= cs && t < ce)
            {
                allowed[i] = 1 << AttributionLabels.O;
                continue;
            }

            allowed[i] = 0;
            var k = c.SpanFeatures(t, cs, ce, ws, we, rule, features);
            score(features[..k], emissions.Slice(i * AttributionLabels.SpanCount, AttributionLabels.SpanCount));
        }

        return rule;
    }

    internal static TaggedAttribution? Decode(int cs, int ce, int ws, ReadOnlySpan<byte> labels)
    {
        var content = new List<(int, int)>();
        int srcStart = -1, srcEnd = -1, bestDistance = int.MaxValue;
        var i = 0;
        while (i < labels.Length)
        {
            var l = labels[i];
            if (l is AttributionLabels.SourceB or AttributionLabels.ContentB)
            {
                var start = i;
                var inside = l == AttributionLabels.SourceB ? AttributionLabels.SourceI : AttributionLabels.ContentI;
                i++;
                while (i < labels.Length && labels[i] == inside)
                {
                    i++;
                }

                var a = ws + start;
                var b = ws + i;
                if (inside == AttributionLabels.ContentI)
                {
                    content.Add((a, b));
                }
                else
                {
                    var distance = b <= cs ? cs - b : a - ce;
                    if (distance < bestDistance)
                    {
                        bestDistance = distance;
                        srcStart = a;
                        srcEnd = b;
                    }
                }

                continue;
            }

            i++;
        }

        if (content.Count == 0)
        {
            return null;
        }

        return new TaggedAttribution(cs, ce, srcStart, srcEnd, [.. content]);
    }

    // ------------------------------------------------------------------ persistence

    public void Save(string path)
    {
        using var file = File.Create(path);
        using var brotli = new BrotliStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(brotli, Encoding.UTF8);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(FeatureVersion);
        w.Write(Metadata);
        w.Write(Clusters?.Words.Count ?? 0);
        w.Write(Clusters?.Levels ?? 0);
        if (Clusters is not null)
        {
            foreach (var word in Clusters.Words)
            {
                w.Write(word);
            }

            foreach (var id in Clusters.Ids)
            {
                w.Write7BitEncodedInt(id + 1);
            }
        }

        WriteChain(w, Cue);
        WriteChain(w, Span);
        WriteChain(w, Edges);
    }

    private static void WriteChain(BinaryWriter w, LinearChain chain)
    {
        w.Write(chain.Labels);
        foreach (var x in chain.Transitions)
        {
            w.Write(x);
        }

        var rows = chain.Rows().ToList();
        w.Write(rows.Count);
        uint prev = 0;
        foreach (var (key, _) in rows)
        {
            w.Write7BitEncodedInt((int)(key - prev));
            prev = key;
        }

        foreach (var (_, row) in rows)
        {
            foreach (var x in row.Span)
            {
                w.Write((Half)x);
            }
        }
    }

    private static LinearChain ReadChain(BinaryReader r)
    {
        var labels = r.ReadInt32();
        var transitions = new float[(labels + 1) * labels];
        for (var i = 0; i < transitions.Length; i++)
        {
            transitions[i] = r.ReadSingle();
        }

        var count = r.ReadInt32();
        var keys = new uint[count];
        uint prev = 0;
        for (var i = 0; i < count; i++)
        {
            prev += (uint)r.Read7BitEncodedInt();
            keys[i] = prev;
        }

        var weights = new float[count * labels];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)r.ReadHalf();
        }

        return new LinearChain(labels, keys, weights, transitions);
    }

    public static AttributionModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ParallaxException(ErrorCodes.ModelMissing, $"Attribution model file '{path}' does not exist.");
        }

        using var file = File.OpenRead(path);
        return Load(file, path);
    }

    public static AttributionModel Load(Stream stream, string name)
    {
        try
        {
            using var brotli = new BrotliStream(stream, CompressionMode.Decompress);
            using var r = new BinaryReader(brotli, Encoding.UTF8);
            if (r.ReadString() != Magic)
            {
                throw new ParallaxException(ErrorCodes.ModelFormat, $"'{name}' is not a Parallax attribution model.");
            }

            var format = r.ReadInt32();
            var features = r.ReadInt32();
            if (format != FormatVersion || features != FeatureVersion)
            {
                throw new ParallaxException(ErrorCodes.ModelFormat, $"'{name}' was trained with another version (format {format}, features {features}); retrain it with 'parallax train quotes'.");
            }

            var metadata = r.ReadString();
            var words = r.ReadInt32();
            var levels = r.ReadInt32();
            WordClusters? clusters = null;
            if (words > 0)
            {
                var list = new string[words];
                for (var i = 0; i < words; i++)
                {
                    list[i] = r.ReadString();
                }

                var ids = new int[words * levels];
                for (var i = 0; i < ids.Length; i++)
                {
                    ids[i] = r.Read7BitEncodedInt() - 1;
                }

                clusters = new WordClusters(list, ids, levels);
            }

            var cue = ReadChain(r);
            var span = ReadChain(r);
            var edges = ReadChain(r);
            return new AttributionModel(cue, span, edges, clusters, metadata);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            throw new ParallaxException(ErrorCodes.ModelFormat, $"'{name}' is not a readable Parallax attribution model: {ex.Message}", ex);
        }
    }

    private static AttributionModel? LoadEmbedded()
    {
        var stream = typeof(AttributionModel).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return null;
        }

        using (stream)
        {
            return Load(stream, "built-in attribution model");
        }
    }
}
