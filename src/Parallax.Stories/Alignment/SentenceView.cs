using Parallax.Core;

namespace Parallax.Stories.Alignment;

/// <summary>What a word is, for the features that treat names and numbers apart.</summary>
internal enum WordKind : byte
{
    None,
    Name,
    Number,
}

/// <summary>
/// One sentence analysed for comparison: its words (tokens that are not punctuation) with their lexical
/// information, numbers, negations, capitalised names and n-gram signatures. Built once per sentence by
/// <see cref="ParaphraseModel.View(string)"/> or <see cref="ParaphraseModel.View(Document, int)"/>;
/// comparing two views allocates little. The text is never changed: <see cref="Range"/> points into <see cref="Source"/>.
/// </summary>
public sealed class SentenceView
{
    private static readonly ulong[] NoGrams = [];

    internal SentenceView(string source, TextRange range, Token[] tokens, int firstToken, int tokenCount, ParaphraseLexicon lexicon)
    {
        Source = source;
        Range = range;
        var words = new List<WordInfo>(tokenCount);
        var capitalised = new List<int>();
        var numbers = new List<double>();
        var kinds = new List<WordKind>(tokenCount);
        var nameKeys = new List<string>();
        int quotes = 0;
        for (int t = firstToken; t < firstToken + tokenCount; t++)
        {
            var token = tokens[t];
            if (token.Kind is TokenKind.Punctuation or TokenKind.Other)
            {
                continue;
            }

            if (token.Kind == TokenKind.Quote)
            {
                quotes++;
                continue;
            }

            var span = source.AsSpan(token.Start, token.Length);
            var info = lexicon.Word(span);
            var kind = WordKind.None;
            if (token.Kind == TokenKind.Number || NumberWords.TryGetValue(info.Form, out _))
            {
                if (TryParseNumber(info.Form, out double value))
                {
                    numbers.Add(value);
                    kind = WordKind.Number;
                }
            }
            else if (token.Kind == TokenKind.Word && char.IsUpper(span[0]) && !info.IsStop && (words.Count > 0 || !lexicon.WordNet.Contains(info.Lemma)))
            {
                capitalised.Add(info.LemmaId);
                kind = WordKind.Name;
                if (NameKey(info.Form) is { Length: > 0 } key)
                {
                    nameKeys.Add(key);
                }
            }

            kinds.Add(kind);

            if (info.IsNegation)
            {
                Negations++;
            }

            words.Add(info);
        }

        Words = [.. words];
        Kinds = [.. kinds];
        NameKeys = [.. nameKeys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Numbers = [.. numbers];
        Quotes = quotes;
        Capitalised = [.. capitalised.Distinct().Order()];

        int contentCount = 0;
        foreach (var w in Words)
        {
            if (!w.IsStop)
            {
                contentCount++;
            }
        }

        Content = new WordInfo[contentCount];
        int c = 0;
        foreach (var w in Words)
        {
            if (!w.IsStop)
            {
                Content[c++] = w;
            }
        }

        FormIds = new int[Words.Length];
        LemmaIds = new int[Words.Length];
        for (int i = 0; i < Words.Length; i++)
        {
            FormIds[i] = Words[i].FormId;
            LemmaIds[i] = Words[i].LemmaId;
        }

        FormGrams1 = Grams(FormIds, 1);
        FormGrams2 = Grams(FormIds, 2);
        FormGrams3 = Grams(FormIds, 3);
        FormGrams4 = Grams(FormIds, 4);
        LemmaGrams1 = Grams(LemmaIds, 1);
        LemmaGrams2 = Grams(LemmaIds, 2);
        ContentLemmas = new ulong[Content.Length];
        for (int i = 0; i < Content.Length; i++)
        {
            ContentLemmas[i] = (ulong)Content[i].LemmaId;
        }

        Array.Sort(ContentLemmas);
        CharGrams3 = CharGrams(Words, 3);
        CharGrams5 = CharGrams(Words, 5);
    }

    /// <summary>The text the sentence is part of (a whole document, or just the sentence).</summary>
    public string Source { get; }

    public TextRange Range { get; }

    public string Text => Range.Of(Source);

    /// <summary>Number of words (tokens other than punctuation and quote marks).</summary>
    public int WordCount => Words.Length;

    internal WordInfo[] Words { get; }

    /// <summary>Per word: a name (capitalised content word), a number, or neither.</summary>
    internal WordKind[] Kinds { get; }

    /// <summary>Sorted distinct letters-only keys of the names ("U.S." and "US" both "us").</summary>
    internal string[] NameKeys { get; }

    /// <summary>Words that are not function words, in order.</summary>
    internal WordInfo[] Content { get; }

    internal int[] FormIds { get; }

    internal int[] LemmaIds { get; }

    /// <summary>Sorted lemma ids of the content words (with repeats).</summary>
    internal ulong[] ContentLemmas { get; }

    internal ulong[] FormGrams1 { get; }

    internal ulong[] FormGrams2 { get; }

    internal ulong[] FormGrams3 { get; }

    internal ulong[] FormGrams4 { get; }

    internal ulong[] LemmaGrams1 { get; }

    internal ulong[] LemmaGrams2 { get; }

    internal ulong[] CharGrams3 { get; }

    internal ulong[] CharGrams5 { get; }

    internal double[] Numbers { get; }

    /// <summary>Sorted distinct lemma ids of capitalised content words (names), the first word only if WordNet lacks it.</summary>
    internal int[] Capitalised { get; }

    internal int Negations { get; }

    internal int Quotes { get; }

    public override string ToString() => Text;

    /// <summary>Sorted n-gram keys over ids (ids are below 2^21, so up to 3 fit exactly; 4-grams are hashed).</summary>
    private static ulong[] Grams(int[] ids, int n)
    {
        if (ids.Length < n)
        {
            return NoGrams;
        }

        var grams = new ulong[ids.Length - n + 1];
        for (int i = 0; i < grams.Length; i++)
        {
            ulong key = 0;
            for (int k = 0; k < n; k++)
            {
                key = n <= 3 ? (key << 21) | (uint)ids[i + k] : (key * 0x9E3779B97F4A7C15UL) ^ (uint)ids[i + k];
            }

            grams[i] = key;
        }

        Array.Sort(grams);
        return grams;
    }

    private static ulong[] CharGrams(WordInfo[] words, int n)
    {
        int length = 0;
        foreach (var w in words)
        {
            length += w.Form.Length + 1;
        }

        if (length <= n)
        {
            return NoGrams;
        }

        Span<char> text = length <= 1024 ? stackalloc char[length] : new char[length];
        int p = 0;
        foreach (var w in words)
        {
            w.Form.AsSpan().CopyTo(text[p..]);
            p += w.Form.Length;
            text[p++] = ' ';
        }

        var grams = new ulong[length - n + 1];
        for (int i = 0; i < grams.Length; i++)
        {
            ulong key = 1469598103934665603UL;
            for (int k = 0; k < n; k++)
            {
                key = (key ^ text[i + k]) * 1099511628211UL;
            }

            grams[i] = key;
        }

        Array.Sort(grams);
        return grams;
    }

    /// <summary>The letters and digits of a name, lowercase: "U.S." and "US" give "us", "H-P" and "HP" give "hp".</summary>
    private static string NameKey(string form)
    {
        Span<char> buffer = form.Length <= 64 ? stackalloc char[form.Length] : new char[form.Length];
        int n = 0;
        foreach (char c in form)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return n == 0 ? string.Empty : new string(buffer[..n]);
    }

    private static readonly Dictionary<string, double> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40,
        ["fifty"] = 50, ["hundred"] = 100, ["dozen"] = 12,
    };

    private static bool TryParseNumber(string form, out double value)
    {
        if (NumberWords.TryGetValue(form, out value))
        {
            return true;
        }

        Span<char> digits = stackalloc char[Math.Min(form.Length, 64)];
        int n = 0;
        foreach (char ch in form)
        {
            if (n >= digits.Length)
            {
                break;
            }

            if (char.IsDigit(ch) || ch == '.')
            {
                digits[n++] = ch;
            }
            else if (ch != ',')
            {
                break; // "1990s", "20th": keep the leading number
            }
        }

        return double.TryParse(digits[..n], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
    }
}
