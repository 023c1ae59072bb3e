using System.Runtime.CompilerServices;
using Parallax.Core;
using Parallax.Nlp.Gazetteers;
using Parallax.Nlp.Text;

namespace Parallax.Nlp.Entities;

/// <summary>
/// What the NER model knows about each token of one document before tagging: hashes of the normalised form,
/// lowercase form and shape, orthographic flags, word clusters, gazetteer matches, and document-level facts
/// (forms seen in lowercase, types predicted earlier). Arrays are reused across documents.
/// </summary>
internal sealed class NerContext
{
    public const byte InitCap = 1;
    public const byte AllCaps = 2;
    public const byte HasDigit = 4;
    public const byte HasHyphen = 8;
    public const byte HasPeriod = 16;
    public const byte AllDigits = 32;
    public const byte NoLetter = 64;
    public const byte SentenceStart = 128;

    private readonly List<GazetteerMatch> _matches = [];

    public string Text = string.Empty;
    public Token[] Tokens = [];
    public int Count;
    public ulong[] Exact = [];
    public ulong[] Lower = [];
    public ulong[] Shape = [];
    public byte[] Flags = [];
    public int[] SentenceOf = [];
    public int[] SentenceFirst = [];
    public int[] SentenceEnd = [];
    public bool[] SentenceCaps = [];
    public int[] Clusters = [];
    public int ClusterLevels;
    public int[] GazStart = [];
    public int[] GazCount = [];
    public ushort[] Gaz = [];
    public ushort[] GazAny = [];
    public HashSet<ulong> LowercaseSeen { get; } = [];
    public Dictionary<ulong, byte> History { get; } = [];

    public void Prepare(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, Gazetteer? gazetteer, WordClusters? clusters)
    {
        Text = text;
        int n = tokens.Length;
        Count = n;
        if (Exact.Length < n)
        {
            int cap = Math.Max(n, Exact.Length * 2);
            Tokens = new Token[cap];
            Exact = new ulong[cap];
            Lower = new ulong[cap];
            Shape = new ulong[cap];
            Flags = new byte[cap];
            SentenceOf = new int[cap];
            GazStart = new int[cap];
            GazCount = new int[cap];
            GazAny = new ushort[cap];
        }

        tokens.CopyTo(Tokens);
        if (SentenceFirst.Length < sentences.Length)
        {
            SentenceFirst = new int[Math.Max(sentences.Length, SentenceFirst.Length * 2)];
            SentenceEnd = new int[SentenceFirst.Length];
            SentenceCaps = new bool[SentenceFirst.Length];
        }

        for (int s = 0; s < sentences.Length; s++)
        {
            SentenceFirst[s] = sentences[s].FirstToken;
            SentenceEnd[s] = sentences[s].EndToken;
            for (int i = sentences[s].FirstToken; i < sentences[s].EndToken; i++)
            {
                SentenceOf[i] = s;
            }
        }

        LowercaseSeen.Clear();
        History.Clear();
        for (int i = 0; i < n; i++)
        {
            var span = text.AsSpan(tokens[i].Start, tokens[i].Length);
            Exact[i] = TokenForms.Hash(span);
            Lower[i] = TokenForms.HashLower(span);
            Shape[i] = ShapeHash(span, out byte flags);
            if (i == SentenceFirst[SentenceOf[i]])
            {
                flags |= SentenceStart;
            }

            Flags[i] = flags;
            if ((flags & (InitCap | NoLetter | HasDigit)) == 0)
            {
                LowercaseSeen.Add(Lower[i]);
            }
        }

        // headline-style sentences: most words in capitals
        for (int s = 0; s < sentences.Length; s++)
        {
            int words = 0, caps = 0;
            for (int i = SentenceFirst[s]; i < SentenceEnd[s]; i++)
            {
                if ((Flags[i] & NoLetter) == 0)
                {
                    words++;
                    caps += (Flags[i] & AllCaps) != 0 ? 1 : 0;
                }
            }

            SentenceCaps[s] = words >= 2 && caps * 5 >= words * 4;
        }

        ClusterLevels = clusters?.Levels ?? 0;
        if (clusters is not null)
        {
            if (Clusters.Length < n * ClusterLevels)
            {
                Clusters = new int[Math.Max(n * ClusterLevels, Clusters.Length * 2)];
            }

            for (int i = 0; i < n; i++)
            {
                clusters.Get(Exact[i], Lower[i], Clusters.AsSpan(i * ClusterLevels, ClusterLevels));
            }
        }

        Array.Clear(GazCount, 0, n);
        Array.Clear(GazAny, 0, n);
        if (gazetteer is not null)
        {
            _matches.Clear();
            var caps = n <= 1024 ? stackalloc bool[n] : new bool[n];
            for (int i = 0; i < n; i++)
            {
                caps[i] = (Flags[i] & AllCaps) != 0;
            }

            // matches within sentences only
            for (int s = 0; s < sentences.Length; s++)
            {
                int f = SentenceFirst[s], e = SentenceEnd[s];
                int before = _matches.Count;
                gazetteer.FindMatches(Exact.AsSpan(f, e - f), Lower.AsSpan(f, e - f), caps[f..e], _matches);
                for (int m = before; m < _matches.Count; m++)
                {
                    var x = _matches[m];
                    _matches[m] = x with { Start = x.Start + f };
                }
            }

            int total = 0;
            foreach (var m in _matches)
            {
                for (int k = m.Start; k < m.Start + m.Length; k++)
                {
                    GazCount[k] += BitCount(m.Categories);
                    total += BitCount(m.Categories);
                }
            }

            if (Gaz.Length < total)
            {
                Gaz = new ushort[Math.Max(total, Gaz.Length * 2)];
            }

            int pos = 0;
            for (int i = 0; i < n; i++)
            {
                GazStart[i] = pos;
                pos += GazCount[i];
                GazCount[i] = 0;
            }

            foreach (var m in _matches)
            {
                for (int k = m.Start; k < m.Start + m.Length; k++)
                {
                    int part = m.Length == 1 ? 3 : k == m.Start ? 0 : k == m.Start + m.Length - 1 ? 2 : 1;
                    for (int c = 0; c < 16; c++)
                    {
                        if (((ushort)m.Categories & (1 << c)) != 0)
                        {
                            Gaz[GazStart[k] + GazCount[k]++] = (ushort)((c << 2) | part);
                            GazAny[k] |= (ushort)(1 << c);
                        }
                    }
                }
            }
        }
    }

    private static int BitCount(GazetteerCategory c) => System.Numerics.BitOperations.PopCount((uint)c);

    /// <summary>Hash of the collapsed shape ("Xx", "X.X.", "d,d.d", "x-x") and orthographic flags.</summary>
    private static ulong ShapeHash(ReadOnlySpan<char> span, out byte flags)
    {
        ulong h = 1469598103934665603UL;
        char last = '\0';
        int letters = 0, uppers = 0, digits = 0;
        flags = 0;
        for (int i = 0; i < span.Length; i++)
        {
            char c = TokenForms.Normalize(span[i]);
            char k;
            if (CharClass.IsUpper(c))
            {
                k = 'X';
                uppers++;
                letters++;
            }
            else if (CharClass.IsLetter(c))
            {
                k = 'x';
                letters++;
            }
            else if (CharClass.IsDigit(c))
            {
                k = 'd';
                digits++;
            }
            else
            {
                k = c;
                if (c == '-')
                {
                    flags |= HasHyphen;
                }
                else if (c == '.')
                {
                    flags |= HasPeriod;
                }
            }

            if (k != last || i < 2)
            {
                h = (h ^ k) * 1099511628211UL;
                last = k;
            }
        }

        if (uppers > 0 && CharClass.IsUpper(span[0]))
        {
            flags |= InitCap;
        }

        if (letters > 0 && uppers == letters && span.Length > 1)
        {
            flags |= AllCaps;
        }

        if (digits > 0)
        {
            flags |= HasDigit;
            if (digits == span.Length)
            {
                flags |= AllDigits;
            }
        }

        if (letters == 0)
        {
            flags |= NoLetter;
        }

        return h;
    }
}

/// <summary>The feature templates of the NER model, hashed to 32-bit keys without allocating.</summary>
internal static class NerFeatures
{
    /// <summary>Bump when the templates change: a model records the version it was trained with.</summary>
    public const int Version = 1;

    public const int Max = 96;

    private const ulong Bos = 0x5EED0001UL;
    private const ulong Eos = 0x5EED0002UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Key(int template, ulong value)
    {
        ulong z = value + ((ulong)(template + 1) * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        uint k = (uint)(z ^ (z >> 32));
        return k == 0 ? 1u : k;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Pair(ulong a, ulong b) => TokenForms.Combine(a, b);

    /// <summary>Writes the features of token <paramref name="i"/> given the two previous tags; returns how many.</summary>
    public static int Extract(NerContext c, int i, int prev1, int prev2, Span<uint> f)
    {
        int n = 0;
        int s = c.SentenceOf[i];
        int first = c.SentenceFirst[s], end = c.SentenceEnd[s];
        ulong w0 = c.Exact[i], l0 = c.Lower[i], sh0 = c.Shape[i];
        ulong lm1 = i - 1 >= first ? c.Lower[i - 1] : Bos;
        ulong lm2 = i - 2 >= first ? c.Lower[i - 2] : Bos;
        ulong lp1 = i + 1 < end ? c.Lower[i + 1] : Eos;
        ulong lp2 = i + 2 < end ? c.Lower[i + 2] : Eos;
        ulong shm1 = i - 1 >= first ? c.Shape[i - 1] : Bos;
        ulong shp1 = i + 1 < end ? c.Shape[i + 1] : Eos;
        byte fl = c.Flags[i];

        f[n++] = Key(0, 0);
        f[n++] = Key(1, w0);
        f[n++] = Key(2, l0);
        f[n++] = Key(3, lm1);
        f[n++] = Key(4, lp1);
        f[n++] = Key(5, lm2);
        f[n++] = Key(6, lp2);
        f[n++] = Key(7, sh0);
        f[n++] = Key(8, shm1);
        f[n++] = Key(9, shp1);
        f[n++] = Key(10, Pair(lm1, l0));
        f[n++] = Key(11, Pair(l0, lp1));
        f[n++] = Key(12, Pair(shm1, sh0));
        f[n++] = Key(13, Pair(sh0, shp1));
        f[n++] = Key(14, (ulong)fl);
        f[n++] = Key(15, Pair(lm1, sh0));
        f[n++] = Key(16, Pair(sh0, lp1));

        ulong wm1 = i - 1 >= first ? c.Exact[i - 1] : Bos;
        ulong wp1 = i + 1 < end ? c.Exact[i + 1] : Eos;
        f[n++] = Key(57, wm1);
        f[n++] = Key(58, wp1);
        ulong caps = c.SentenceCaps[s] ? 1UL : 0UL;
        f[n++] = Key(59, Pair(caps, sh0));
        f[n++] = Key(60, Pair(caps, (ulong)(prev1 + 1)));

        // affixes of the normalised form
        var span = c.Text.AsSpan(c.Tokens[i].Start, c.Tokens[i].Length);
        int len = span.Length;
        for (int k = 1; k <= 4 && k < len; k++)
        {
            f[n++] = Key(16 + k, TokenForms.Hash(span[..k]));
            f[n++] = Key(20 + k, TokenForms.HashLower(span[(len - k)..]));
        }

        // previous tags
        f[n++] = Key(25, (ulong)(prev1 + 1));
        f[n++] = Key(26, (ulong)(((prev2 + 1) * 32) + prev1 + 1));
        f[n++] = Key(27, Pair((ulong)(prev1 + 1), l0));
        f[n++] = Key(28, Pair((ulong)(prev1 + 1), sh0));

        // word clusters of the token and its neighbours, at each granularity
        for (int level = 0; level < c.ClusterLevels; level++)
        {
            int c0 = c.Clusters[(i * c.ClusterLevels) + level];
            f[n++] = Key(30 + level, (ulong)(uint)c0);
            int cm1 = i - 1 >= first ? c.Clusters[((i - 1) * c.ClusterLevels) + level] : -2;
            int cp1 = i + 1 < end ? c.Clusters[((i + 1) * c.ClusterLevels) + level] : -3;
            f[n++] = Key(36 + level, (ulong)(uint)cm1);
            f[n++] = Key(42 + level, (ulong)(uint)cp1);
            if (level == 0)
            {
                f[n++] = Key(48, Pair((ulong)(uint)c0, (ulong)(prev1 + 1)));
            }

            if (level == c.ClusterLevels - 1)
            {
                int cm2 = i - 2 >= first ? c.Clusters[((i - 2) * c.ClusterLevels) + level] : -2;
                int cp2 = i + 2 < end ? c.Clusters[((i + 2) * c.ClusterLevels) + level] : -3;
                f[n++] = Key(61, (ulong)(uint)cm2);
                f[n++] = Key(62, (ulong)(uint)cp2);
                f[n++] = Key(63, Pair((ulong)(uint)c0, sh0));
                f[n++] = Key(64, Pair((ulong)(uint)cm1, (ulong)(uint)c0));
                f[n++] = Key(65, Pair((ulong)(uint)c0, (ulong)(uint)cp1));
            }
        }

        // gazetteer matches: category and position for the token; categories of the neighbours
        int gs = c.GazStart[i], gc = Math.Min(c.GazCount[i], 12);
        for (int k = 0; k < gc; k++)
        {
            f[n++] = Key(50, c.Gaz[gs + k]);
        }

        if (c.GazAny[i] != 0)
        {
            f[n++] = Key(51, Pair(c.GazAny[i], (ulong)fl & NerContext.InitCap));
        }

        if (i - 1 >= first && c.GazAny[i - 1] != 0)
        {
            f[n++] = Key(52, c.GazAny[i - 1]);
        }

        if (i + 1 < end && c.GazAny[i + 1] != 0)
        {
            f[n++] = Key(53, c.GazAny[i + 1]);
        }

        // document: capitalised here but lowercase elsewhere; the type predicted for this form earlier
        if ((fl & (NerContext.InitCap | NerContext.AllCaps)) != 0)
        {
            bool seenLower = c.LowercaseSeen.Contains(l0);
            f[n++] = Key(54, (ulong)(seenLower ? 1 : 0) + ((ulong)(fl & NerContext.SentenceStart) << 1));
            if (c.History.TryGetValue(l0, out byte type))
            {
                f[n++] = Key(55, type);
                f[n++] = Key(56, Pair(type, sh0));
            }
        }

        return n;
    }
}
