using System.Runtime.CompilerServices;
using Parallax.Core;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Text;

namespace Parallax.Nlp.Quotes;

/// <summary>The labels of the two taggers of <see cref="AttributionModel"/>.</summary>
internal static class AttributionLabels
{
    // cue tagger
    public const byte CueO = 0;
    public const byte CueB = 1;
    public const byte CueI = 2;
    public const int CueCount = 3;

    // source/content tagger, conditioned on one cue
    public const byte O = 0;
    public const byte SourceB = 1;
    public const byte SourceI = 2;
    public const byte ContentB = 3;
    public const byte ContentI = 4;
    public const int SpanCount = 5;

    public static readonly bool[] CueValid = Valid(CueCount, (p, l) => l != CueI || p is CueB or CueI);

    public static readonly bool[] SpanValid = Valid(
        SpanCount,
        (p, l) => (l != SourceI || p is SourceB or SourceI) && (l != ContentI || p is ContentB or ContentI));

    private static bool[] Valid(int labels, Func<int, int, bool> ok)
    {
        var v = new bool[(labels + 1) * labels];
        for (var p = 0; p <= labels; p++)
        {
            for (var l = 0; l < labels; l++)
            {
                v[(p * labels) + l] = ok(p == labels ? -1 : p, l);
            }
        }

        return v;
    }
}

/// <summary>
/// What the attribution taggers know about each token of one document: hashes of the lowercase form, shape and
/// suffix, word clusters, the reporting-verb lexicon class and learned cue rate, quote marks and quotations,
/// entities, sentence and paragraph positions, running counts of commas and quote marks (for "between" features),
/// and the attributions the rules found (<see cref="QuoteExtractor"/>), which the taggers use as evidence.
/// Arrays are reused across documents.
/// </summary>
internal sealed class AttributionContext
{
    public const int MaxCueFeatures = 60;
    public const int MaxSpanFeatures = 72;

    /// <summary>How far from its cue the span tagger looks: sentences before and after, within the paragraph.</summary>
    public const int SentencesBefore = 2;

    public const int SentencesAfter = 10;

    /// <summary>... and at most this many tokens on each side.</summary>
    public const int TokensBefore = 80;

    public const int TokensAfter = 200;

    public string Text = string.Empty;
    public Token[] Tok = [];
    public int N;
    public uint[] Lower = [];
    public uint[] Shape = [];
    public uint[] Suffix = [];
    public uint[] Stem = [];
    public byte[] Ahead = []; // bits: 1 "that" within 3 tokens after, 2 a quote mark, 4 a colon, 8 a comma
    public int[] Cl = [];     // 3 levels per token, -1 unknown
    public byte[] Lex = [];   // 0 none; 1 + class, +8 participle, +16 past
    public sbyte[] Rate = []; // learned cue rate in tenths, -1 unknown
    public int[] QuoteOf = [];
    public bool[] Mark = [];
    public bool[] Cap = [];
    public byte[] Ent = [];   // 0 none; 1 + 2 * type + (inside ? 1 : 0)
    public int[] SentOf = [];
    public int[] Commas = [];  // prefix counts (tokens before i)
    public int[] Marks = [];
    public int[] CueWords = [];
    public int[] OtherCues = [];
    public bool[] OtherCue = [];
    public int[] RuleCue = []; // rule attribution whose cue holds the token, -1 none
    public Sentence[] Sents = [];
    public List<Quotation> Quotes = [];
    public int[] QuoteFirst = [];
    public int[] QuoteLast = [];
    public IReadOnlyList<ExtractedAttribution> Rules = [];
    public int[] RuleSourceFirst = [];
    public int[] RuleSourceEnd = [];

    private readonly int[] _role = new int[TokensBefore + TokensAfter + 64];

    /// <summary>Decoding buffers (emission scores, allowed labels, output labels), grown as needed.</summary>
    public float[] Emissions = new float[1024];
    public float[] Edges = new float[1024 * 8];
    public int[] Allowed = new int[256];
    public byte[] Output = new byte[256];

    public void EnsureBuffers(int positions, int labels)
    {
        if (Emissions.Length < positions * labels)
        {
            Emissions = new float[Math.Max(positions * labels, Emissions.Length * 2)];
        }

        if (Edges.Length < positions * labels * labels)
        {
            Edges = new float[Math.Max(positions * labels * labels, Edges.Length * 2)];
        }

        if (Allowed.Length < positions)
        {
            Allowed = new int[Math.Max(positions, Allowed.Length * 2)];
            Output = new byte[Allowed.Length];
        }
    }

    public void Prepare(
        string text,
        Token[] tokens,
        Sentence[] sentences,
        IReadOnlyList<TextRange> paragraphs,
        EntityMention[]? entities,
        IReadOnlyList<ExtractedAttribution> rules,
        WordClusters? clusters,
        CueModel cueModel)
    {
        Text = text;
        Tok = tokens;
        Sents = sentences;
        var n = tokens.Length;
        N = n;
        if (Lower.Length < n + 1)
        {
            var cap = Math.Max(n + 1, Lower.Length * 2);
            Lower = new uint[cap];
            Shape = new uint[cap];
            Suffix = new uint[cap];
            Stem = new uint[cap];
            Ahead = new byte[cap];
            Cl = new int[cap * 3];
            Lex = new byte[cap];
            Rate = new sbyte[cap];
            QuoteOf = new int[cap];
            Mark = new bool[cap];
            Cap = new bool[cap];
            Ent = new byte[cap];
            SentOf = new int[cap];
            Commas = new int[cap + 1];
            Marks = new int[cap + 1];
            CueWords = new int[cap + 1];
            OtherCues = new int[cap + 1];
            OtherCue = new bool[cap];
            RuleCue = new int[cap];
        }

        Span<int> ids = stackalloc int[3];
        for (var t = 0; t < n; t++)
        {
            var w = text.AsSpan(tokens[t].Start, tokens[t].Length);
            var lower = TokenForms.HashLower(w);
            Lower[t] = Fold(lower);
            Shape[t] = ShapeOf(w);
            Suffix[t] = w.Length > 3 ? Fold(TokenForms.HashLower(w[^3..])) : 0;
            Stem[t] = Fold(TokenForms.HashLower(StemOf(w)));
            if (clusters is not null)
            {
                clusters.Get(TokenForms.Hash(w), lower, ids);
                Cl[(t * 3) + 0] = ids[0];
                Cl[(t * 3) + 1] = ids.Length > 1 && clusters.Levels > 1 ? ids[1] : -1;
                Cl[(t * 3) + 2] = clusters.Levels > 2 ? ids[2] : -1;
            }
            else
            {
                Cl[(t * 3) + 0] = Cl[(t * 3) + 1] = Cl[(t * 3) + 2] = -1;
            }

            byte lex = 0;
            if (CueLexicon.TryGet(w, out var cw))
            {
                lex = (byte)(1 + (int)cw.Class + (cw.Participle ? 8 : 0) + (cw.Past ? 16 : 0));
            }

            Lex[t] = lex;
            var rate = cueModel.Rate(w);
            Rate[t] = rate < 0 ? (sbyte)-1 : (sbyte)Math.Min(10, (int)(rate * 10));
            Mark[t] = IsMark(w);
            Cap[t] = char.IsUpper(w[0]);
            QuoteOf[t] = -1;
            Ent[t] = 0;
            SentOf[t] = -1;
            RuleCue[t] = -1;
            OtherCue[t] = false;
        }

        for (var s = 0; s < sentences.Length; s++)
        {
            var end = Math.Min(sentences[s].EndToken, n);
            for (var t = sentences[s].FirstToken; t < end; t++)
            {
                SentOf[t] = s;
            }
        }

        // tokens outside any sentence belong to the nearest one before
        for (var t = 0; t < n; t++)
        {
            if (SentOf[t] < 0)
            {
                SentOf[t] = t > 0 ? SentOf[t - 1] : 0;
            }
        }

        Quotes = Quotations.Find(text, paragraphs);
        if (QuoteFirst.Length < Quotes.Count)
        {
            QuoteFirst = new int[Math.Max(Quotes.Count, QuoteFirst.Length * 2)];
            QuoteLast = new int[QuoteFirst.Length];
        }

        for (var q = 0; q < Quotes.Count; q++)
        {
            var inner = Quotes[q].Inner;
            QuoteFirst[q] = -1;
            QuoteLast[q] = -1;
            for (var t = IndexAtOrAfter(inner.Start); t < n && tokens[t].Start < inner.End; t++)
            {
                if (tokens[t].Start >= inner.Start)
                {
                    QuoteOf[t] = q;
                    if (QuoteFirst[q] < 0)
                    {
                        QuoteFirst[q] = t;
                    }

                    QuoteLast[q] = t;
                }
            }
        }

        if (entities is not null)
        {
            foreach (var e in entities)
            {
                for (var t = e.FirstToken; t < Math.Min(n, e.FirstToken + e.TokenCount); t++)
                {
                    Ent[t] = (byte)(1 + (2 * (int)e.Type) + (t > e.FirstToken ? 1 : 0));
                }
            }
        }

        Rules = rules;
        if (RuleSourceFirst.Length < rules.Count)
        {
            RuleSourceFirst = new int[Math.Max(rules.Count, RuleSourceFirst.Length * 2)];
            RuleSourceEnd = new int[RuleSourceFirst.Length];
        }

        for (var r = 0; r < rules.Count; r++)
        {
            var a = rules[r];
            RuleSourceFirst[r] = a.Source is { } src ? IndexAtOrAfter(src.Start) : -1;
            RuleSourceEnd[r] = a.Source is { } src2 ? IndexAtOrAfter(src2.End) : -1;
            if (a.Cue is not { } cue)
            {
                continue;
            }

            for (var t = IndexAtOrAfter(cue.Start); t < n && tokens[t].Start < cue.End; t++)
            {
                RuleCue[t] = r;
            }
        }

        for (var t = 0; t < n; t++)
        {
            byte ahead = 0;
            for (var j = t + 1; j < Math.Min(n, t + 4); j++)
            {
                var tok = tokens[j];
                var c = text[tok.Start];
                if (tok.Length == 4 && text.AsSpan(tok.Start, 4).Equals("that", StringComparison.OrdinalIgnoreCase))
                {
                    ahead |= 1;
                }
                else if (Mark[j])
                {
                    ahead |= 2;
                }
                else if (tok.Length == 1 && c == ':')
                {
                    ahead |= 4;
                }
                else if (tok.Length == 1 && c == ',')
                {
                    ahead |= 8;
                }
            }

            Ahead[t] = ahead;
        }

        Commas[0] = Marks[0] = CueWords[0] = 0;
        for (var t = 0; t < n; t++)
        {
            var tok = tokens[t];
            var comma = tok.Length == 1 && text[tok.Start] is ',' or ';' or '(' or ')' or '\u2014' or '\u2013';
            Commas[t + 1] = Commas[t] + (comma ? 1 : 0);
            Marks[t + 1] = Marks[t] + (Mark[t] ? 1 : 0);
            var lex = Lex[t];
            CueWords[t + 1] = CueWords[t] + (lex != 0 && ((lex - 1) & 7) is 0 or 1 ? 1 : 0);
        }
    }

    /// <summary>Marks the tokens of other attributions' cues (gold cues in training, predicted ones at run time).</summary>
    public void SetCues(ReadOnlySpan<byte> cueLabels)
    {
        OtherCues[0] = 0;
        for (var t = 0; t < N; t++)
        {
            OtherCue[t] = cueLabels[t] != AttributionLabels.CueO;
            OtherCues[t + 1] = OtherCues[t] + (OtherCue[t] ? 1 : 0);
        }
    }

    public int IndexAtOrAfter(int position)
    {
        int lo = 0, hi = N;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Tok[mid].End <= position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The tokens the span tagger looks at for a cue [<paramref name="cueStart"/>, <paramref name="cueEnd"/>).</summary>
    public (int Start, int End) Window(int cueStart, int cueEnd)
    {
        var s = SentOf[cueStart];
        var para = Sents[s].Paragraph;
        var s0 = s;
        while (s0 - 1 >= 0 && s - (s0 - 1) <= SentencesBefore && Sents[s0 - 1].Paragraph == para)
        {
            s0--;
        }

        var s1 = s;
        while (s1 + 1 < Sents.Length && (s1 + 1) - s <= SentencesAfter && Sents[s1 + 1].Paragraph == para)
        {
            s1++;
        }

        var start = Math.Max(Sents[s0].FirstToken, cueStart - TokensBefore);
        var end = Math.Min(Math.Min(Sents[s1].EndToken, N), cueEnd + TokensAfter);
        return (start, Math.Max(end, cueEnd));
    }

    /// <summary>
    /// The first, smaller window within <paramref name="fs"/>..<paramref name="fe"/>: the cue's sentence and the
    /// sentences before and after it in the same paragraph.
    /// </summary>
    public (int Start, int End) SentenceWindow(int cueStart, int cueEnd, int fs, int fe)
    {
        var s = SentOf[cueStart];
        var para = Sents[s].Paragraph;
        var first = s > 0 && Sents[s - 1].Paragraph == para ? s - 1 : s;
        var last = s + 1 < Sents.Length && Sents[s + 1].Paragraph == para ? s + 1 : s;
        var start = Math.Max(fs, Sents[first].FirstToken);
        var end = Math.Min(fe, Math.Min(Sents[last].EndToken, N));
        return (Math.Min(start, cueStart), Math.Max(end, cueEnd));
    }

    // ------------------------------------------------------------------ cue tagger features

    /// <summary>Features of token <paramref name="t"/> (in sentence tokens [<paramref name="first"/>, <paramref name="end"/>)) for the cue tagger.</summary>
    public int CueFeatures(int t, int first, int end, Span<uint> f)
    {
        var k = 0;
        var w = Lower[t];
        var wm1 = t - 1 >= first ? Lower[t - 1] : 11u;
        var wm2 = t - 2 >= first ? Lower[t - 2] : 11u;
        var wp1 = t + 1 < end ? Lower[t + 1] : 13u;
        var wp2 = t + 2 < end ? Lower[t + 2] : 13u;
        var inQ = (uint)(QuoteOf[t] >= 0 ? 1 : 0);
        f[k++] = H(1, 0);
        f[k++] = H(2, w);
        f[k++] = H(3, wm1);
        f[k++] = H(4, wp1);
        f[k++] = H(5, wm2);
        f[k++] = H(6, wp2);
        f[k++] = H(7, wm1, w);
        f[k++] = H(8, w, wp1);
        f[k++] = H(9, Shape[t]);
        f[k++] = H(10, Suffix[t]);
        f[k++] = H(11, (uint)Cl[t * 3]);
        f[k++] = H(12, (uint)Cl[(t * 3) + 1]);
        f[k++] = H(13, (uint)Cl[(t * 3) + 2]);
        f[k++] = H(14, t - 1 >= first ? (uint)Cl[((t - 1) * 3) + 1] : 11u);
        f[k++] = H(15, t + 1 < end ? (uint)Cl[((t + 1) * 3) + 1] : 13u);
        f[k++] = H(16, (uint)Cl[(t * 3) + 1], wp1);
        f[k++] = H(17, wm1, (uint)Cl[(t * 3) + 1]);
        f[k++] = H(18, Lex[t]);
        f[k++] = H(19, (uint)(Rate[t] + 1));
        f[k++] = H(20, Lex[t], (uint)(Rate[t] + 1));
        f[k++] = H(21, inQ);
        f[k++] = H(22, inQ, w);
        f[k++] = H(23, (uint)(t - 1 >= first && Mark[t - 1] ? 1 : 0), (uint)(t + 1 < end && Mark[t + 1] ? 1 : 0));
        f[k++] = H(24, Ent[t]);
        f[k++] = H(25, t - 1 >= first ? Ent[t - 1] : 99u);
        f[k++] = H(26, t + 1 < end ? Ent[t + 1] : 99u);
        f[k++] = H(27, (uint)(t == first ? 1 : 0), (uint)(Cap[t] ? 1 : 0));
        f[k++] = H(28, Lex[t], wp1);
        f[k++] = H(29, Lex[t], wm1);
        var r = RuleCue[t];
        if (r >= 0)
        {
            var begin = t == 0 || RuleCue[t - 1] != r;
            var layout = (uint)Rules[r].Layout;
            f[k++] = H(30, begin ? 1u : 2u);
            f[k++] = H(31, begin ? 1u : 2u, layout);
            f[k++] = H(32, begin ? 1u : 2u, w);
        }
        else
        {
            f[k++] = H(30, 0);
            f[k++] = H(33, (uint)(t - 1 >= first && RuleCue[t - 1] >= 0 ? 1 : 0), (uint)(t + 1 < end && RuleCue[t + 1] >= 0 ? 1 : 0));
        }

        f[k++] = H(34, (uint)Cl[(t * 3) + 2], inQ);
        f[k++] = H(35, Suffix[t], wp1);
        f[k++] = H(36, t - 1 >= first ? Ent[t - 1] : 99u, w);
        f[k++] = H(37, Shape[t], t - 1 >= first ? Shape[t - 1] : 11u);
        var stem = Stem[t];
        var prevKind = t - 1 < first ? 0u : Ent[t - 1] != 0 ? 1u + Ent[t - 1] : WordSets.PersonalPronouns.Contains(Word(t - 1)) ? 20u : Cap[t - 1] ? 21u : Mark[t - 1] ? 22u : 23u;
        f[k++] = H(38, stem);
        f[k++] = H(39, stem, wp1);
        f[k++] = H(40, wm1, stem);
        f[k++] = H(41, stem, Ahead[t]);
        f[k++] = H(42, stem, prevKind);
        f[k++] = H(43, w, wp1, wp2);
        f[k++] = H(44, Lex[t], inQ, Ahead[t]);
        f[k++] = H(45, stem, t + 1 < end ? Ent[t + 1] : 99u);

        // the subject's head: left over auxiliaries and adverbs ("polls have consistently shown"); the object's first word
        var j = t - 1;
        while (j >= first && j > t - 5 && (WordSets.CueModifiers.Contains(Word(j)) || IsAuxiliary(Word(j)) || Word(j).EndsWith("ly", StringComparison.Ordinal)))
        {
            j--;
        }

        var subj = j >= first ? Lower[j] : 11u;
        var subjCl = j >= first ? (uint)Cl[j * 3] : 11u;
        var subjKind = j < first ? 0u : Ent[j] != 0 ? 1u + Ent[j] : Cap[j] ? 20u : Mark[j] ? 22u : 23u;
        f[k++] = H(46, stem, subj);
        f[k++] = H(47, stem, subjCl);
        f[k++] = H(48, stem, subjKind);
        var o = t + 1;
        while (o < end && o < t + 4 && (Word(o).EndsWith("ly", StringComparison.Ordinal) || Lower[o] == Lower[t] || IsParticle(Word(o))))
        {
            o++;
        }

        var obj = o < end ? Lower[o] : 13u;
        var objKind = o >= end ? 0u : Ent[o] != 0 ? 1u + Ent[o] : Mark[o] ? 22u : Cap[o] ? 20u : 23u;
        f[k++] = H(49, stem, obj);
        f[k++] = H(50, stem, o < end ? (uint)Cl[o * 3] : 13u);
        f[k++] = H(51, stem, objKind, subjKind);

        // the sentence around: quote marks, other reporting verbs, a headline, where the token stands
        var marks = Marks[end] - Marks[first];
        var speech = CueWords[end] - CueWords[first] - (Lex[t] != 0 && ((Lex[t] - 1) & 7) is 0 or 1 ? 1 : 0);
        var pos = t - first < 3 ? 0u : end - t <= 3 ? 2u : 1u;
        var headline = Sents[SentOf[t]].Paragraph == 0 ? 1u : 0u;
        f[k++] = H(52, stem, marks > 0 ? 1u : 0u, speech > 0 ? 1u : 0u);
        f[k++] = H(53, stem, pos, headline);
        f[k++] = H(54, Lex[t], marks > 0 ? 1u : 0u, pos);
        return k;
    }

    // ------------------------------------------------------------------ span tagger features

    /// <summary>Per cue: the rule attribution sharing the cue, if any, and each window token's role in it.</summary>
    public int PrepareCue(int cueStart, int cueEnd, int windowStart, int windowEnd)
    {
        var rule = -1;
        for (var t = cueStart; t < cueEnd && rule < 0; t++)
        {
            rule = RuleCue[t];
        }

        for (var t = windowStart; t < windowEnd; t++)
        {
            var role = 0;
            if (rule >= 0)
            {
                var a = Rules[rule];
                if (t >= RuleSourceFirst[rule] && t < RuleSourceEnd[rule])
                {
                    role = 1;
                }
                else
                {
                    var start = Tok[t].Start;
                    foreach (var part in a.ContentWithMarks)
                    {
                        if (start >= part.Start && start < part.End)
                        {
                            role = 2;
                            break;
                        }
                    }
                }
            }

            _role[t - windowStart] = role;
        }

        return rule;
    }

    /// <summary>Features of token <paramref name="t"/> relative to the cue [<paramref name="cs"/>, <paramref name="ce"/>).</summary>
    public int SpanFeatures(int t, int cs, int ce, int ws, int we, int rule, Span<uint> f)
    {
        var k = 0;
        var left = t < cs;
        var d = left ? 0u : 1u;
        var dist = left ? cs - t : t - ce + 1;
        var db = DistanceBucket(dist);
        var coarse = dist <= 2 ? 0u : dist <= 10 ? 1u : 2u;
        var w = Lower[t];
        var head = Lower[ce - 1];
        var firstCue = Lower[cs];
        int commas, marks, cueWords, others;
        if (left)
        {
            commas = Commas[cs] - Commas[t + 1];
            marks = Marks[cs] - Marks[t + 1];
            cueWords = CueWords[cs] - CueWords[t + 1];
            others = OtherCues[cs] - OtherCues[t + 1];
        }
        else
        {
            commas = Commas[t] - Commas[ce];
            marks = Marks[t] - Marks[ce];
            cueWords = CueWords[t] - CueWords[ce];
            others = OtherCues[t] - OtherCues[ce];
        }

        var nc = (uint)Math.Min(commas, 3);
        var nm = (uint)Math.Min(marks, 3);
        var sd = (uint)(Math.Clamp(SentOf[t] - SentOf[cs], -2, 5) + 2);
        var q = QuoteOf[t];
        var cueQ = QuoteOf[cs];
        var quoteCode = q < 0 ? (Mark[t] ? 1u : 0u) : q == cueQ ? 2u : AdjacentQuote(q, cs, ce) ? 3u : 4u;
        var role = rule < 0 ? 3u : (uint)_role[t - ws];
        var afterCue = ce < N ? Lower[ce] : 13u;
        var beforeCue = cs > 0 ? Lower[cs - 1] : 11u;
        var lex = Lex[ce - 1];

        f[k++] = H(101, d);
        f[k++] = H(102, d, db);
        f[k++] = H(103, d, w);
        f[k++] = H(104, d, coarse, w);
        f[k++] = H(105, d, (uint)Cl[t * 3]);
        f[k++] = H(106, d, (uint)Cl[(t * 3) + 1]);
        f[k++] = H(107, d, Shape[t]);
        f[k++] = H(108, d, t - 1 >= 0 ? Lower[t - 1] : 11u);
        f[k++] = H(109, d, t + 1 < N ? Lower[t + 1] : 13u);
        f[k++] = H(110, d, Ent[t]);
        f[k++] = H(111, d, Ent[t], nc);
        f[k++] = H(112, d, quoteCode);
        f[k++] = H(113, d, quoteCode, nm);
        f[k++] = H(114, d, nc);
        f[k++] = H(115, d, nc, coarse);
        f[k++] = H(116, d, nm);
        f[k++] = H(117, d, sd);
        f[k++] = H(118, d, sd, quoteCode);
        f[k++] = H(119, d, head);
        f[k++] = H(120, d, head, db);
        f[k++] = H(121, d, head, nc);
        f[k++] = H(122, d, head, sd);
        f[k++] = H(123, d, lex, coarse);
        f[k++] = H(124, d, afterCue);
        f[k++] = H(125, d, afterCue, coarse);
        f[k++] = H(126, d, beforeCue);
        f[k++] = H(127, d, beforeCue, coarse);
        f[k++] = H(128, d, (uint)Math.Min(cueWords, 2), (uint)Math.Min(others, 2));
        f[k++] = H(129, d, OtherCue[t] ? 1u : 0u);
        f[k++] = H(130, d, role);
        f[k++] = H(131, role, quoteCode);
        f[k++] = H(132, d, role, rule >= 0 ? (uint)Rules[rule].Layout : 9u);
        f[k++] = H(133, d, firstCue);
        f[k++] = H(134, d, (uint)(t == Sents[SentOf[t]].FirstToken ? 1 : 0), (uint)(t + 1 == Sents[SentOf[t]].EndToken ? 1 : 0));
        f[k++] = H(135, d, Cap[t] ? 1u : 0u, coarse);
        f[k++] = H(136, d, w, head);
        f[k++] = H(137, d, Suffix[t]);
        f[k++] = H(138, d, (uint)Cl[(t * 3) + 1], head);
        f[k++] = H(139, d, (uint)Cl[(t * 3) + 2]);
        f[k++] = H(140, d, Lex[t], coarse);
        f[k++] = H(141, d, cueQ >= 0 ? 1u : 0u, quoteCode);
        f[k++] = H(142, d, (uint)(Rate[t] + 1), coarse);
        var prev = t - 1 >= 0 ? Lower[t - 1] : 11u;
        var nextCl = t + 1 < N ? (uint)Cl[((t + 1) * 3) + 1] : 13u;
        var nextSuffix = t + 1 < N ? Suffix[t + 1] : 13u;
        f[k++] = H(143, d, prev, (uint)Cl[(t * 3) + 1]);
        f[k++] = H(144, d, w, nextCl);
        f[k++] = H(145, d, w, nextSuffix);
        f[k++] = H(146, d, prev, Suffix[t]);
        f[k++] = H(147, d, w, t + 1 < N ? Lex[t + 1] : 99u);
        f[k++] = H(148, d, coarse, Stem[t]);
        f[k++] = H(149, d, sd, (uint)(marks & 1));
        var kind = ContentKind(ce);
        f[k++] = H(150, d, kind, w);
        f[k++] = H(151, d, kind, (uint)Cl[(t * 3) + 1]);
        f[k++] = H(152, d, (kind * 16) + nc, coarse);
        f[k++] = H(153, d, kind, sd);
        f[k++] = H(154, d, Stem[ce - 1], w);
        return k;
    }

    /// <summary>Features of the transition into token <paramref name="t"/> (from t - 1) relative to the cue.</summary>
    public int EdgeFeatures(int t, int cs, int ce, int ws, int we, Span<uint> f)
    {
        var k = 0;
        var d = t < cs ? 0u : t < ce ? 2u : 1u;
        var w = Lower[t];
        var prev = Lower[t - 1];
        var next = t + 1 < N ? Lower[t + 1] : 13u;
        f[k++] = H(201, d);
        f[k++] = H(202, d, w);
        f[k++] = H(203, d, (uint)Cl[(t * 3) + 1]);
        f[k++] = H(204, d, Shape[t]);
        f[k++] = H(205, d, prev);
        f[k++] = H(206, d, w, t + 1 < N ? (uint)Cl[((t + 1) * 3) + 1] : 13u);
        f[k++] = H(207, d, w, next);
        f[k++] = H(208, d, SentOf[t] != SentOf[t - 1] ? 1u : 0u, (uint)(QuoteOf[t] >= 0 ? 1 : 0) + (uint)(QuoteOf[t - 1] >= 0 ? 2 : 0));
        f[k++] = H(209, d, Lex[t], prev);
        f[k++] = H(210, d, prev, Suffix[t]);
        var kind = ContentKind(ce);
        f[k++] = H(211, d, kind, w);
        f[k++] = H(212, d, kind, (uint)Cl[(t * 3) + 1]);
        f[k++] = H(213, d, kind, prev);
        return k;
    }

    /// <summary>How what follows the cue begins: 1 "that", 2 a quote mark, 3 a colon, 4 a comma, 5 "to", 6 a wh-word or "if", 7 a pronoun, 8 other.</summary>
    private uint ContentKind(int ce)
    {
        if (ce >= N)
        {
            return 0;
        }

        var w = Word(ce);
        if (Mark[ce])
        {
            return 2;
        }

        if (w.Length == 1)
        {
            return w[0] switch
            {
                ':' => 3,
                ',' => 4,
                _ => 8,
            };
        }

        if (w.Equals("that", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        if (w.Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            return 5;
        }

        if (Wh.Contains(w))
        {
            return 6;
        }

        return WordSets.PersonalPronouns.Contains(w) ? 7u : 8u;
    }

    private static readonly WordSet Wh = new("what", "whether", "if", "how", "why", "when", "where", "who", "which");

    private bool AdjacentQuote(int q, int cs, int ce)
    {
        var first = QuoteFirst[q];
        var last = QuoteLast[q];
        return (first >= ce && first - ce <= 3) || (last < cs && cs - last <= 4);
    }

    private static uint DistanceBucket(int dist) => dist switch
    {
        <= 1 => 0,
        2 => 1,
        3 => 2,
        4 => 3,
        <= 6 => 4,
        <= 10 => 5,
        <= 15 => 6,
        <= 25 => 7,
        <= 40 => 8,
        _ => 9,
    };

    // ------------------------------------------------------------------ hashing

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fold(ulong h) => (uint)(h ^ (h >> 32));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Step(ulong h, uint v)
    {
        h = (h ^ v) * 0x100000001B3UL;
        h ^= h >> 29;
        return h * 0xBF58476D1CE4E5B9UL;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Finish(ulong h)
    {
        h ^= h >> 31;
        var x = (uint)(h ^ (h >> 32));
        return x == 0 ? 1u : x;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint H(uint template, uint a) => Finish(Step(Step(0xCBF29CE484222325UL, template), a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint H(uint template, uint a, uint b) => Finish(Step(Step(Step(0xCBF29CE484222325UL, template), a), b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint H(uint template, uint a, uint b, uint c) => Finish(Step(Step(Step(Step(0xCBF29CE484222325UL, template), a), b), c));

    private ReadOnlySpan<char> Word(int t) => Text.AsSpan(Tok[t].Start, Tok[t].Length);

    private static readonly WordSet Auxiliaries = new(
        "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could",
        "should", "may", "might", "must", "not", "n't", "never", "’s", "'s", "to");

    private static readonly WordSet Particles = new("out", "up", "about", "on", "to", "for", "that", "in", "of", "with", "over", "back");

    private static bool IsAuxiliary(ReadOnlySpan<char> w) => Auxiliaries.Contains(w);

    private static bool IsParticle(ReadOnlySpan<char> w) => Particles.Contains(w);

    /// <summary>A crude stem: the word without a final -s, -es, -ed, -ing, -ied/-ies (so "warns", "warned", "warning" share one).</summary>
    private static ReadOnlySpan<char> StemOf(ReadOnlySpan<char> w)
    {
        if (w.Length > 5 && (w.EndsWith("ing", StringComparison.OrdinalIgnoreCase)))
        {
            return w[..^3];
        }

        if (w.Length > 4 && (w.EndsWith("ied", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ies", StringComparison.OrdinalIgnoreCase)))
        {
            return w[..^3];
        }

        if (w.Length > 4 && (w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || w.EndsWith("es", StringComparison.OrdinalIgnoreCase)))
        {
            return w[..^2];
        }

        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.OrdinalIgnoreCase))
        {
            return w[..^1];
        }

        if (w.Length > 3 && w.EndsWith('e'))
        {
            return w[..^1];
        }

        return w;
    }

    private static bool IsMark(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
        {
            if (!Quotations.IsQuoteChar(c))
            {
                return false;
            }
        }

        return w.Length > 0;
    }

    /// <summary>A compact word shape: Xx, XX, x, d, X.X, punctuation itself; runs collapsed, at most 4 symbols.</summary>
    private static uint ShapeOf(ReadOnlySpan<char> w)
    {
        ulong h = 0xCBF29CE484222325UL;
        var last = '\0';
        var n = 0;
        foreach (var ch in w)
        {
            var c = TokenForms.Normalize(ch);
            var s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (s == last)
            {
                continue;
            }

            last = s;
            h = (h ^ s) * 0x100000001B3UL;
            if (++n >= 4)
            {
                break;
            }
        }

        return Fold(h);
    }
}
