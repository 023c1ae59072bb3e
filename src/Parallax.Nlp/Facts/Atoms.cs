using System.Buffers;
using Parallax.Core;

namespace Parallax.Nlp.Facts;

internal enum AtomKind : byte
{
    Word,
    Number,
    Symbol,
    Other,
}

/// <summary>
/// The unit the fact grammars (quantities, times, roles) read: a token cut at letter/digit/symbol boundaries, so the
/// grammars see "US$5bn", "2017-09-30" and "ambassador-at-large" the same way whatever the tokenizer kept together.
/// <see cref="Glued"/> says no whitespace separates it from the previous atom.
/// </summary>
internal struct Atom
{
    public int Start;
    public int End;
    public int Sentence;
    public int Token;
    public LexEntry? Lex;

    /// <summary>Value of a <see cref="AtomKind.Number"/> atom.</summary>
    public double Value;
    public AtomKind Kind;
    public bool Glued;
    public bool Upper;
    public bool SentenceStart;

    /// <summary>Number atoms: count of digits and whether it had thousands separators or a decimal point.</summary>
    public byte Digits;
    public bool Separated;
    public bool Decimal;

    public readonly int Length => End - Start;
}

/// <summary>The atoms of one document, in a pooled buffer; dispose to return it.</summary>
internal sealed class AtomBuffer : IDisposable
{
    private Atom[] _items;

    private AtomBuffer(string text, Atom[] items, int count)
    {
        Text = text;
        _items = items;
        Count = count;
    }

    public string Text { get; }

    public int Count { get; }

    public Atom[] Items => _items;

    public ref Atom this[int index] => ref _items[index];

    public ReadOnlySpan<char> Span(int index) => Text.AsSpan(_items[index].Start, _items[index].Length);

    public ReadOnlySpan<char> Span(int from, int toExclusive) =>
        Text.AsSpan(_items[from].Start, _items[toExclusive - 1].End - _items[from].Start);

    public string Of(int from, int toExclusive) => Text.Substring(_items[from].Start, _items[toExclusive - 1].End - _items[from].Start);

    public TextRange Range(int from, int toExclusive) => new(_items[from].Start, _items[toExclusive - 1].End);

    /// <summary>True if atom <paramref name="i"/> exists and is in the same sentence as atom <paramref name="anchor"/>.</summary>
    public bool InSentence(int i, int anchor) => i >= 0 && i < Count && _items[i].Sentence == _items[anchor].Sentence;

    /// <summary>Case-insensitive comparison of atom <paramref name="i"/> with an ASCII word.</summary>
    public bool Is(int i, string word) =>
        i >= 0 && i < Count && Span(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsExact(int i, string word) => i >= 0 && i < Count && Span(i).SequenceEqual(word);

    public bool IsSymbol(int i, char c) =>
        i >= 0 && i < Count && _items[i].Kind == AtomKind.Symbol && Text[_items[i].Start] == c;

    public bool Has(int i, LexFlags flag) => i >= 0 && i < Count && _items[i].Lex is { } lex && (lex.Flags & flag) != 0;

    public LexFlags Flags(int i) => i >= 0 && i < Count && _items[i].Lex is { } lex ? lex.Flags : LexFlags.None;

    public static AtomBuffer Build(string text, TokenLayer tokens, SentenceLayer? sentences)
    {
        var items = ArrayPool<Atom>.Shared.Rent(Math.Max(16, tokens.Count + (tokens.Count / 2) + 8));
        int count = 0;
        int sentence = 0;
        var sents = sentences?.Sentences ?? [];
        int prevEnd = -1;
        for (int t = 0; t < tokens.Count; t++)
        {
            while (sentence < sents.Length && t >= sents[sentence].EndToken)
            {
                sentence++;
            }

            int sentenceIndex = sentence < sents.Length && t >= sents[sentence].FirstToken ? sentence : (sents.Length == 0 ? 0 : -1 - sentence);
            bool firstOfSentence = sentence < sents.Length && t == sents[sentence].FirstToken;
            var token = tokens[t];
            if (token.Kind == TokenKind.Url)
            {
                Add(ref items, ref count, new Atom
                {
                    Start = token.Start, End = token.End, Kind = AtomKind.Other, Token = t, Sentence = sentenceIndex,
                    Glued = token.Start == prevEnd, SentenceStart = firstOfSentence,
                });
                prevEnd = token.End;
                continue;
            }

            int i = token.Start;
            int end = token.End;
            while (i < end)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                    continue;
                }

                var atom = new Atom { Start = i, Token = t, Sentence = sentenceIndex, Glued = i == prevEnd };
                if (char.IsAsciiDigit(c))
                {
                    ScanNumber(text, ref atom, end);
                }
                else if (char.IsLetter(c))
                {
                    ScanWord(text, ref atom, end);
                }
                else if ((c == '\'' || c == '\u2019') && i > 0 && i == prevEnd && char.IsLetter(text[i - 1]) && i + 1 < end && char.IsLetter(text[i + 1]))
                {
                    int j = i + 1;
                    while (j < end && char.IsLetter(text[j]))
                    {
                        j++;
                    }

                    atom.End = j;
                    atom.Kind = AtomKind.Word;
                }
                else
                {
                    atom.End = i + 1;
                    atom.Kind = AtomKind.Symbol;
                }

                atom.SentenceStart = firstOfSentence && (count == 0 || items[count - 1].Token != t);
                if (atom.Kind == AtomKind.Word)
                {
                    atom.Upper = char.IsUpper(c);
                    atom.Lex = Lexicon.Lookup(text.AsSpan(atom.Start, atom.End - atom.Start));
                }

                Add(ref items, ref count, atom);
                prevEnd = atom.End;
                i = atom.End;
            }
        }

        return new AtomBuffer(text, items, count);
    }

    private static void Add(ref Atom[] items, ref int count, in Atom atom)
    {
        if (count == items.Length)
        {
            var bigger = ArrayPool<Atom>.Shared.Rent(items.Length * 2);
            Array.Copy(items, bigger, count);
            ArrayPool<Atom>.Shared.Return(items);
            items = bigger;
        }

        items[count++] = atom;
    }

    private static void ScanNumber(string text, ref Atom atom, int end)
    {
        int i = atom.Start;
        long whole = 0;
        int digits = 0;
        while (i < end)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (digits < 18)
                {
                    whole = (whole * 10) + (c - '0');
                }

                digits++;
                i++;
            }
            else if (c == ',' && digits > 0 && IsThreeDigits(text, i + 1, end))
            {
                atom.Separated = true;
                i++;
            }
            else
            {
                break;
            }
        }

        double value = whole;
        if (i + 1 < end && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            atom.Decimal = true;
            i++;
            double scale = 0.1;
            while (i < end && char.IsAsciiDigit(text[i]))
            {
                value += (text[i] - '0') * scale;
                scale /= 10;
                i++;
            }
        }

        atom.End = i;
        atom.Kind = AtomKind.Number;
        atom.Value = value;
        atom.Digits = (byte)Math.Min(digits, 255);
    }

    private static bool IsThreeDigits(string text, int at, int end) =>
        at + 3 <= end && char.IsAsciiDigit(text[at]) && char.IsAsciiDigit(text[at + 1]) && char.IsAsciiDigit(text[at + 2])
        && (at + 3 == end || !char.IsAsciiDigit(text[at + 3]));

    private static void ScanWord(string text, ref Atom atom, int end)
    {
        int i = atom.Start;
        // Dotted abbreviations: "U.S.", "U.N.", "a.m.", "p.m.": single letters each followed by a dot.
        int j = i;
        int letters = 0;
        while (j < end && char.IsLetter(text[j]) && (j + 1 == end || !char.IsLetter(text[j + 1])))
        {
            letters++;
            j++;
            if (j < end && text[j] == '.')
            {
                j++;
            }
            else
            {
                break;
            }
        }

        if (letters >= 2)
        {
            atom.End = j;
            atom.Kind = AtomKind.Word;
            return;
        }

        while (i < end && (char.IsLetter(text[i]) || char.GetUnicodeCategory(text[i]) == System.Globalization.UnicodeCategory.NonSpacingMark))
        {
            i++;
        }

        atom.End = i;
        atom.Kind = AtomKind.Word;
    }

    public void Dispose()
    {
        if (_items.Length > 0)
        {
            ArrayPool<Atom>.Shared.Return(_items);
            _items = [];
        }
    }
}
