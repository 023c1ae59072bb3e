using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using Parallax.Core;
using Parallax.Nlp.Entities;

namespace Parallax.Nlp.Quotes;

/// <summary>An attribution as the learned taggers found it, in token indices (end exclusive).</summary>
internal readonly record struct TaggedAttribution(int CueStart, int CueEnd, int SourceStart, int SourceEnd, (int Start, int End)[] Content);

/// <summary>A candidate cue with the checker's features (for training the checker).</summary>
internal sealed record CueCandidate(int CueStart, int CueEnd, bool Base, TaggedAttribution? Found, uint[] Features);

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
    /// <summary>Version 2 stores the cue bias after the metadata; version 1 files (no bias) are still read.</summary>
    private const int FormatVersion = 2;

    /// <summary>Bumped when the features change: a model trained with other features is refused.</summary>
    internal const int FeatureVersion = 2;

    private static readonly Lazy<AttributionModel?> LazyDefault = new(LoadEmbedded);

    [ThreadStatic]
    private static AttributionContext? t_context;

    internal AttributionModel(LinearChain cue, LinearChain span, LinearChain edges, LinearChain? checker, WordClusters? clusters, string metadata, float cueBias = 0f)
    {
        CueBias = cueBias;
        Checker = checker;
        Cue = cue;
        Span = span;
        Edges = edges;
        Clusters = clusters;
        Metadata = metadata;
    }

    /// <summary>The model built into the library, or null when the build has none.</summary>
    public static AttributionModel? Default => LazyDefault.Value;

    public string Metadata { get; }

    /// <summary>Added to the score of a cue's first token when decoding: recall against precision (set by <c>parallax train quotes --cue-bias</c>, stored in the model).</summary>
    public float CueBias { get; init; }

    /// <summary>The same weights decoded with another cue bias (tuning: <c>parallax eval quotes --cue-bias</c>).</summary>
    public AttributionModel WithCueBias(float bias) => new(Cue, Span, Edges, Checker, Clusters, Metadata, bias) { CheckBias = CheckBias };

    public int FeatureCount => Cue.FeatureCount + Span.FeatureCount + Edges.FeatureCount + (Checker?.FeatureCount ?? 0);

    internal LinearChain Cue { get; }

    internal LinearChain Span { get; }

    /// <summary>Observation-dependent transitions of the span tagger: one weight per (previous, current) label pair.</summary>
    internal LinearChain Edges { get; }

    internal WordClusters? Clusters { get; }

    /// <summary>Keeps or drops each candidate cue (labels 0 drop, 1 keep) from the span tagger's view of it; null: the cue tagger alone decides.</summary>
    internal LinearChain? Checker { get; }

    /// <summary>Candidates for the checker come from the cue tagger decoded with this bias on a cue's first token.</summary>
    internal const float CandidateBias = 40f;

    /// <summary>Added to the checker's keep score.</summary>
    public float CheckBias { get; init; }

    /// <summary>Tags one document whose rule attributions are <paramref name="rules"/>.</summary>
    /// <param name="givenCues">Cue labels to use instead of the cue tagger's (diagnostics: gold cues).</param>
    /// <param name="candidates">When given, receives every candidate cue with its checker features (training the checker).</param>
    internal List<TaggedAttribution> Tag(
        string text,
        Token[] tokens,
        Sentence[] sentences,
        IReadOnlyList<TextRange> paragraphs,
        EntityMention[]? entities,
        IReadOnlyList<ExtractedAttribution> rules,
        CueModel cueModel,
        byte[]? givenCues = null,
        List<CueCandidate>? candidates = null)
    {
        var c = t_context ??= new AttributionContext();
        c.Prepare(text, tokens, sentences, paragraphs, entities, rules, Clusters, cueModel);
        var n = tokens.Length;
        var labels = n <= 4096 ? stackalloc byte[n] : new byte[n];
        var wide = n <= 4096 ? stackalloc byte[n] : new byte[n];
        var margin = n <= 4096 ? stackalloc float[n] : new float[n];
        var check = Checker is not null || candidates is not null;
        if (givenCues is null)
        {
            TagCues(c, Cue.Score, Cue.Transitions, labels, CueBias, check ? CandidateBias : float.NaN, wide, margin);
        }
        else
        {
            givenCues.AsSpan(0, n).CopyTo(labels);
            check = false;
        }

        c.SetCues(labels);
        var result = new List<TaggedAttribution>();
        Span<uint> features = stackalloc uint[MaxCheckFeatures];
        Span<float> scores = stackalloc float[2];
        var t = 0;
        while (t < n)
        {
            var inBase = labels[t] == AttributionLabels.CueB;
            var inWide = check && !inBase && wide[t] == AttributionLabels.CueB && !Overlaps(labels, t, wide);
            if (!inBase && !inWide)
            {
                t++;
                continue;
            }

            var from = inBase ? labels : wide;
            var cs = t;
            t++;
            while (t < n && from[t] == AttributionLabels.CueI)
            {
                t++;
            }

            var found = TagSpans(c, cs, t, Span.Score, Edges.Score, Span.Transitions, out var spanMargin);
            if (!check)
            {
                if (found is { } f)
                {
                    result.Add(f);
                }

                continue;
            }

            var k = CheckFeatures(c, cs, t, inBase, margin[cs], found, spanMargin, features);
            candidates?.Add(new CueCandidate(cs, t, inBase, found, features[..k].ToArray()));
            if (found is not { } kept)
            {
                continue;
            }

            var keep = inBase;
            if (Checker is not null)
            {
                scores.Clear();
                Checker.Score(features[..k], scores);
                keep = scores[1] + CheckBias > scores[0];
            }

            if (keep)
            {
                result.Add(kept);
            }
        }

        c.Text = string.Empty;
        return result;
    }

    /// <summary>A cue the wide decoding found overlaps one of the base decoding: the base one is used.</summary>
    private static bool Overlaps(ReadOnlySpan<byte> labels, int start, ReadOnlySpan<byte> wide)
    {
        var t = start;
        do
        {
            if (labels[t] != AttributionLabels.CueO)
            {
                return true;
            }

            t++;
        }
        while (t < wide.Length && wide[t] == AttributionLabels.CueI);
        return false;
    }

    internal const int MaxCheckFeatures = 32;

    /// <summary>Features of a candidate cue for the checker: how sure the cue tagger was, and what the span tagger found around it.</summary>
    internal static int CheckFeatures(AttributionContext c, int cs, int ce, bool inBase, float cueMargin, TaggedAttribution? found, float spanMargin, Span<uint> f)
    {
        var k = 0;
        var b = inBase ? 1u : 0u;
        var mb = Bucket(cueMargin);
        var head = c.Stem[ce - 1];
        var first = c.Lower[cs];
        var len = (uint)Math.Min(ce - cs, 4);
        var ruleCue = 0u;
        for (var t = cs; t < ce; t++)
        {
            if (c.RuleCue[t] >= 0)
            {
                ruleCue = 1;
            }
        }

        f[k++] = AttributionContext.H(301, b);
        f[k++] = AttributionContext.H(302, b, mb);
        f[k++] = AttributionContext.H(303, head);
        f[k++] = AttributionContext.H(304, head, b);
        f[k++] = AttributionContext.H(305, first, len);
        f[k++] = AttributionContext.H(306, c.Lex[ce - 1], b);
        f[k++] = AttributionContext.H(307, ruleCue, b);
        f[k++] = AttributionContext.H(308, (uint)(c.Rate[ce - 1] + 1), mb);
        if (found is not { } a)
        {
            f[k++] = AttributionContext.H(309, 0);
            return k;
        }

        var hasSource = a.SourceStart >= 0 ? 1u : 0u;
        var sourceKind = 0u;
        var sourceDistance = 0u;
        if (a.SourceStart >= 0)
        {
            var last = a.SourceEnd - 1;
            sourceKind = c.Ent[last] != 0 ? 1u + c.Ent[last]
                : c.Cap[last] ? 20u
                : WordSets.PersonalPronouns.Contains(c.Text.AsSpan(c.Tok[last].Start, c.Tok[last].Length)) ? 21u : 22u;
            var gap = a.SourceEnd <= cs ? cs - a.SourceEnd : a.SourceStart - ce;
            sourceDistance = gap <= 0 ? 0u : gap <= 3 ? 1u : 2u;
        }

        var content = a.Content;
        var side = content[0].Start >= ce ? 1u : content[^1].End <= cs ? 2u : 3u;
        var tokens = 0;
        foreach (var (s, e) in content)
        {
            tokens += e - s;
        }

        var lb = tokens <= 2 ? 0u : tokens <= 5 ? 1u : tokens <= 15 ? 2u : 3u;
        var kind = c.Mark[content[0].Start] ? 2u : c.Lower[content[0].Start];
        var sb = Bucket(spanMargin);
        f[k++] = AttributionContext.H(310, hasSource, sourceKind);
        f[k++] = AttributionContext.H(311, sourceKind, sourceDistance);
        f[k++] = AttributionContext.H(312, side, lb);
        f[k++] = AttributionContext.H(313, side, kind);
        f[k++] = AttributionContext.H(314, sb);
        f[k++] = AttributionContext.H(315, sb, b);
        f[k++] = AttributionContext.H(316, head, hasSource);
        f[k++] = AttributionContext.H(317, head, side);
        f[k++] = AttributionContext.H(318, head, sourceKind);
        f[k++] = AttributionContext.H(319, mb, hasSource, side);
        f[k++] = AttributionContext.H(320, (uint)content.Length, side);
        f[k++] = AttributionContext.H(321, mb, sb);
        f[k++] = AttributionContext.H(322, head, lb);
        return k;
    }

    /// <summary>A signed log-scale bucket of a score.</summary>
    private static uint Bucket(float x)
    {
        if (float.IsNaN(x))
        {
            return 99;
        }

        var m = Math.Min(9, (int)MathF.Log2(1 + MathF.Abs(x)));
        return (uint)(x < 0 ? 10 + m : m);
    }

    internal delegate void Scorer(ReadOnlySpan<uint> features, Span<float> scores);

    /// <summary>
    /// Cue labels of every token, sentence by sentence, with <paramref name="bias"/> added to a cue's first token.
    /// When <paramref name="wideBias"/> is a number, also the labels decoded with that (larger) bias, and each token's
    /// margin for starting a cue (emission score of B minus O).
    /// </summary>
    internal static void TagCues(AttributionContext c, Scorer score, float[] transitions, Span<byte> labels, float bias = 0, float wideBias = float.NaN, Span<byte> wide = default, Span<float> margin = default, Action<int, int, byte[]>? learn = null)
    {
        Span<uint> features = stackalloc uint[AttributionContext.MaxCueFeatures];
        labels[..c.N].Fill(AttributionLabels.CueO);
        var hasWide = !float.IsNaN(wideBias);
        if (hasWide)
        {
            wide[..c.N].Fill(AttributionLabels.CueO);
        }

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
                var row = emissions.Slice(i * AttributionLabels.CueCount, AttributionLabels.CueCount);
                score(features[..k], row);
                if (hasWide)
                {
                    margin[first + i] = row[AttributionLabels.CueB] - row[AttributionLabels.CueO];
                }

                row[AttributionLabels.CueB] += bias;
            }

            var allowed = c.Allowed.AsSpan(0, n);
            allowed.Clear();
            var output = c.Output.AsSpan(0, n);
            LinearChain.Viterbi(AttributionLabels.CueCount, n, emissions, allowed, transitions, AttributionLabels.CueValid, output);
            output.CopyTo(labels[first..end]);
            learn?.Invoke(first, end, c.Output);
            if (hasWide)
            {
                for (var i = 0; i < n; i++)
                {
                    emissions[(i * AttributionLabels.CueCount) + AttributionLabels.CueB] += wideBias - bias;
                }

                LinearChain.Viterbi(AttributionLabels.CueCount, n, emissions, allowed, transitions, AttributionLabels.CueValid, output);
                output.CopyTo(wide[first..end]);
            }
        }
    }

    /// <summary>Source and content of the cue [<paramref name="cs"/>, <paramref name="ce"/>), or null when no content is found.</summary>
    internal static TaggedAttribution? TagSpans(AttributionContext c, int cs, int ce, Scorer score, Scorer edgeScore, float[] transitions, out float margin)
    {
        // the cue's sentence first; the whole window only when what was found reaches the edge of that
        var (fs, fe) = c.Window(cs, ce);
        var (ws, we) = c.SentenceWindow(cs, ce, fs, fe);
        var output = Run(c, cs, ce, ws, we, score, edgeScore, transitions, out margin);
        if ((ws > fs && Found(output[..Math.Min(3, output.Length)])) || (we < fe && Found(output[Math.Max(0, output.Length - 3)..])))
        {
            (ws, we) = (fs, fe);
            output = Run(c, cs, ce, ws, we, score, edgeScore, transitions, out margin);
        }

        return Decode(cs, ce, ws, output);
    }

    private static bool Found(ReadOnlySpan<byte> labels)
    {
        foreach (var l in labels)
        {
            if (l != AttributionLabels.O)
            {
                return true;
            }
        }

        return false;
    }

    private static Span<byte> Run(AttributionContext c, int cs, int ce, int ws, int we, Scorer score, Scorer edgeScore, float[] transitions, out float margin)
    {
        var n = we - ws;
        c.EnsureBuffers(n, AttributionLabels.SpanCount);
        var emissions = c.Emissions.AsSpan(0, n * AttributionLabels.SpanCount);
        var edges = c.Edges.AsSpan(0, n * AttributionLabels.SpanCount * AttributionLabels.SpanCount);
        var allowed = c.Allowed.AsSpan(0, n);
        var output = c.Output.AsSpan(0, n);
        Emissions(c, cs, ce, ws, we, score, edgeScore, emissions, edges, allowed);
        var best = LinearChain.Viterbi(AttributionLabels.SpanCount, n, emissions, edges, allowed, transitions, AttributionLabels.SpanValid, output);
        margin = best - LinearChain.PathScore(AttributionLabels.SpanCount, n, emissions, edges, transitions, AttributionLabels.O);
        return output;
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

    /// <summary>Writes the model, Brotli-compressed at the smallest size (slow: about 15 s for the committed model).</summary>
    public void Save(string path) => Save(path, CompressionLevel.SmallestSize);

    internal void Save(string path, CompressionLevel level)
    {
        using var file = File.Create(path);
        using var brotli = new BrotliStream(file, level);
        using var w = new BinaryWriter(brotli, Encoding.UTF8);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(FeatureVersion);
        w.Write(Metadata);
        w.Write(CueBias);
        WordClusters.Write(w, Clusters);

        WriteChain(w, Cue);
        WriteChain(w, Span);
        WriteChain(w, Edges);
        w.Write(Checker is not null);
        if (Checker is not null)
        {
            WriteChain(w, Checker);
        }
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

        if (!BitConverter.IsLittleEndian)
        {
            throw new InvalidDataException("Attribution models are read on little-endian machines only.");
        }

        var weights = new float[count * labels];
        var halves = new Half[Math.Min(weights.Length, 1 << 16)];
        for (var done = 0; done < weights.Length; done += halves.Length)
        {
            var chunk = halves.AsSpan(0, Math.Min(halves.Length, weights.Length - done));
            var bytes = MemoryMarshal.AsBytes(chunk);
            if (r.Read(bytes) != bytes.Length)
            {
                throw new EndOfStreamException("The model file ends inside its weights.");
            }

            var target = weights.AsSpan(done, chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                target[i] = (float)chunk[i];
            }
        }

        return new LinearChain(labels, keys, weights, transitions);
    }

    public static AttributionModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ParallaxException(ErrorCodes.ModelMissing, $"Attribution model file '{path}' does not exist: write one with 'parallax train quotes --out DIR' (DIR/attribution.model), or leave out --model to use the built-in one.");
        }

        FileStream file;
        try
        {
            file = File.OpenRead(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ParallaxException(ErrorCodes.ModelFormat, $"Attribution model file '{path}' cannot be read: {ex.Message}", ex);
        }

        using (file)
        {
            return Load(file, path);
        }
    }

    public static AttributionModel Load(Stream stream, string name)
    {
        try
        {
            // decompress in one go: many small reads straight from the Brotli stream take a second
            using var buffer = new MemoryStream(capacity: 8 << 20);
            using (var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true))
            {
                brotli.CopyTo(buffer);
            }

            buffer.Position = 0;
            using var r = new BinaryReader(buffer, Encoding.UTF8);
            if (r.ReadString() != Magic)
            {
                throw new ParallaxException(ErrorCodes.ModelFormat, $"'{name}' is not a Parallax attribution model.");
            }

            var format = r.ReadInt32();
            var features = r.ReadInt32();
            if (format is < 1 or > FormatVersion || features != FeatureVersion)
            {
                throw new ParallaxException(ErrorCodes.ModelFormat, $"'{name}' was trained with another version (format {format}, features {features}); retrain it with 'parallax train quotes'.");
            }

            var metadata = r.ReadString();
            var cueBias = format >= 2 ? r.ReadSingle() : 0f;
            var clusters = WordClusters.Read(r);

            var cue = ReadChain(r);
            var span = ReadChain(r);
            var edges = ReadChain(r);
            var checker = r.ReadBoolean() ? ReadChain(r) : null;
            return new AttributionModel(cue, span, edges, checker, clusters, metadata, cueBias);
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
