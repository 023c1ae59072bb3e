using System.Buffers;
using System.Runtime.CompilerServices;
using Parallax.Core;

namespace Parallax.Nlp.Text;

/// <summary>
/// Splits news English into tokens, CoNLL-style, as ranges into the original text: possessive "'s" and "n't" are
/// tokens of their own; hyphenated words ("Jong-un", "25-year-old"), numbers with separators ("1,000.50"),
/// acronyms ("U.S."), initials ("J.") and known abbreviations ("Mr.", "Jan.", "No. 2") stay whole; URLs and e-mail
/// addresses are one token; quotes, brackets and dashes are tokens. One pass over the characters, no regular
/// expressions, no strings allocated.
/// </summary>
public static class Tokenizer
{
    /// <summary>Tokenizes <paramref name="text"/> within <paramref name="range"/>, appending to <paramref name="output"/>.</summary>
    public static void Tokenize(string text, TextRange range, ref TokenBuffer output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ReadOnlySpan<char> s = text.AsSpan(0, range.End);
        int i = range.Start;
        int end = range.End;
        while (i < end)
        {
            char c = s[i];
            if (CharClass.IsSpace(c))
            {
                i++;
                continue;
            }

            if (CharClass.IsLetterOrDigit(c))
            {
                i = ScanWord(s, i, end, ref output);
                continue;
            }

            i = ScanOther(s, i, end, ref output);
        }
    }

    /// <summary>Tokenizes a whole string (one paragraph) into a new array. For tests and tools.</summary>
    public static Token[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new TokenBuffer(Math.Max(16, text.Length / 5));
        try
        {
            Tokenize(text, new TextRange(0, text.Length), ref buffer);
            return buffer.ToArray();
        }
        finally
        {
            buffer.Dispose();
        }
    }

    private static int ScanWord(ReadOnlySpan<char> s, int start, int end, ref TokenBuffer output)
    {
        if (TryUrl(s, start, end, out int urlEnd))
        {
            output.Add(new Token(start, urlEnd, TokenKind.Url));
            return urlEnd;
        }

        int j = start;
        bool hasLetter = false;
        bool dottedLetters = false; // "U.S", "a.m", "Ph.D"
        int segmentStart = start;
        while (true)
        {
            while (j < end && CharClass.IsLetterOrDigit(s[j]))
            {
                hasLetter |= !CharClass.IsDigit(s[j]);
                j++;
            }

            if (j + 1 >= end)
            {
                break;
            }

            char c = s[j];
            char next = s[j + 1];
            char prev = s[j - 1];
            if (CharClass.IsHyphen(c) && CharClass.IsLetterOrDigit(next))
            {
                j++;
                segmentStart = j;
                continue;
            }

            if (c == '.' && CharClass.IsLetterOrDigit(next))
            {
                if (CharClass.IsDigit(prev) && CharClass.IsDigit(next))
                {
                    j++; // 1,000.50 and 3.5
                    segmentStart = j;
                    continue;
                }

                if (CharClass.IsLetter(prev) && CharClass.IsLetter(next) && j - segmentStart <= 2 && SegmentLength(s, j + 1, end) <= 2)
                {
                    j++; // U.S, a.m, Ph.D
                    segmentStart = j;
                    dottedLetters = true;
                    continue;
                }

                break;
            }

            if ((c == ',' && CharClass.IsDigit(prev) && IsThousandsGroup(s, j + 1, end))
                || ((c == '/' || c == ':') && CharClass.IsDigit(prev) && CharClass.IsDigit(next)))
            {
                j++;
                segmentStart = j;
                continue;
            }

            if (c == '&' && CharClass.IsUpper(prev) && CharClass.IsUpper(next))
            {
                j++; // AT&T, S&P
                segmentStart = j;
                continue;
            }

            if (c == '@' && CharClass.IsLetter(next) && TryEmail(s, j + 1, end, out int emailEnd))
            {
                output.Add(new Token(start, emailEnd, TokenKind.Url));
                return emailEnd;
            }

            if (CharClass.IsApostrophe(c) && CharClass.IsLetter(prev))
            {
                int k = j + 1;
                while (k < end && CharClass.IsLetter(s[k]))
                {
                    k++;
                }

                bool wordEnds = k >= end || !CharClass.IsLetterOrDigit(s[k]);
                var suffix = s[(j + 1)..k];
                if (wordEnds && (suffix.Length == 1 && (suffix[0] | 0x20) == 't') && (prev | 0x20) == 'n' && j - 1 > start)
                {
                    // "don't", "isn’t": "do" + "n't"
                    output.Add(new Token(start, j - 1, TokenKind.Word));
                    output.Add(new Token(j - 1, k, TokenKind.Word));
                    return k;
                }

                if (wordEnds && IsClitic(suffix))
                {
                    output.Add(new Token(start, j, hasLetter ? TokenKind.Word : TokenKind.Number));
                    output.Add(new Token(j, k, TokenKind.Word));
                    return k;
                }

                if (suffix.Length > 0 && c is '\'' or '\u2019' or '\u02BC')
                {
                    j = k; // O'Neill, D'Alema
                    segmentStart = k;
                    hasLetter = true;
                    continue;
                }
            }

            break;
        }

        // a period that belongs to the word: acronyms, initials, known abbreviations
        if (j < end && s[j] == '.' && hasLetter && !(j + 1 < end && s[j + 1] == '.'))
        {
            var word = s[start..j];
            bool keep = dottedLetters
                || (word.Length == 1 && CharClass.IsUpper(word[0]));
            if (!keep)
            {
                switch (Abbreviations.Classify(word))
                {
                    case AbbreviationKind.Title:
                    case AbbreviationKind.General:
                        keep = true;
                        break;
                    case AbbreviationKind.BeforeNumber:
                        keep = NextNonSpaceIsDigit(s, j + 1, end);
                        break;
                }
            }

            if (keep)
            {
                j++;
            }
        }

        output.Add(new Token(start, j, hasLetter ? TokenKind.Word : TokenKind.Number));
        return j;
    }

    private static int ScanOther(ReadOnlySpan<char> s, int i, int end, ref TokenBuffer output)
    {
        char c = s[i];
        int j = i + 1;
        TokenKind kind;
        if (c == '.' && j < end && CharClass.IsDigit(s[j]) && (i == 0 || CharClass.IsSpace(s[i - 1])))
        {
            // ".496": a decimal without its leading zero
            while (j < end && CharClass.IsDigit(s[j]))
            {
                j++;
            }

            kind = TokenKind.Number;
        }
        else if (CharClass.IsApostrophe(c) && j < end && CharClass.IsLetter(s[j]) && IsDetachedClitic(s, i, end, out int cliticEnd))
        {
            j = cliticEnd; // "China 's": the clitic written apart
            kind = TokenKind.Word;
        }
        else if (c == '.')
        {
            while (j < end && s[j] == '.')
            {
                j++;
            }

            kind = TokenKind.Punctuation;
        }
        else if (CharClass.IsHyphen(c) || c == '\u2014' || c == '\u2013')
        {
            // "--" and "---" are one dash token; a lone "-" too
            while (j < end && s[j] == c)
            {
                j++;
            }

            kind = TokenKind.Punctuation;
        }
        else if ((c == '`' || c == '\'') && j < end && s[j] == c)
        {
            j++; // `` and '' (Penn Treebank quotes)
            kind = TokenKind.Quote;
        }
        else if (CharClass.IsQuote(c) || c == '\u00B4')
        {
            kind = TokenKind.Quote;
        }
        else if (char.IsHighSurrogate(c) && j < end && char.IsLowSurrogate(s[j]))
        {
            j++; // emoji and other astral characters stay whole
            kind = TokenKind.Symbol;
        }
        else if (CharClass.IsSymbol(c))
        {
            kind = TokenKind.Symbol;
        }
        else if (char.IsPunctuation(c))
        {
            kind = TokenKind.Punctuation;
        }
        else
        {
            kind = TokenKind.Other;
        }

        output.Add(new Token(i, j, kind));
        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsClitic(ReadOnlySpan<char> suffix) => suffix.Length switch
    {
        1 => (suffix[0] | 0x20) is 's' or 'm' or 'd',
        2 => ((suffix[0] | 0x20) == 'r' && (suffix[1] | 0x20) == 'e')
            || ((suffix[0] | 0x20) == 'v' && (suffix[1] | 0x20) == 'e')
            || ((suffix[0] | 0x20) == 'l' && (suffix[1] | 0x20) == 'l'),
        _ => false,
    };

    private static bool IsDetachedClitic(ReadOnlySpan<char> s, int apostrophe, int end, out int cliticEnd)
    {
        int k = apostrophe + 1;
        while (k < end && CharClass.IsLetter(s[k]))
        {
            k++;
        }

        cliticEnd = k;
        bool afterSpace = apostrophe > 0 && CharClass.IsSpace(s[apostrophe - 1]);
        return afterSpace && (k >= end || !CharClass.IsLetterOrDigit(s[k])) && IsClitic(s[(apostrophe + 1)..k]);
    }

    private static int SegmentLength(ReadOnlySpan<char> s, int i, int end)
    {
        int k = i;
        while (k < end && CharClass.IsLetter(s[k]))
        {
            k++;
        }

        return k - i;
    }

    private static bool IsThousandsGroup(ReadOnlySpan<char> s, int i, int end) =>
        i + 2 < end && CharClass.IsDigit(s[i]) && CharClass.IsDigit(s[i + 1]) && CharClass.IsDigit(s[i + 2])
        && (i + 3 >= end || !CharClass.IsDigit(s[i + 3]));

    private static bool NextNonSpaceIsDigit(ReadOnlySpan<char> s, int i, int end)
    {
        while (i < end && CharClass.IsSpace(s[i]))
        {
            i++;
        }

        return i < end && CharClass.IsDigit(s[i]);
    }

    private static bool TryUrl(ReadOnlySpan<char> s, int start, int end, out int urlEnd)
    {
        urlEnd = start;
        var rest = s[start..end];
        int prefix;
        if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 7;
        }
        else if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            prefix = 8;
        }
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 5 && CharClass.IsLetterOrDigit(rest[4]))
        {
            prefix = 4;
        }
        else
        {
            return false;
        }

        int k = start + prefix;
        while (k < end && !CharClass.IsSpace(s[k]) && s[k] is not ('"' or '\u201C' or '\u201D' or '<' or '>'))
        {
            k++;
        }

        // trailing punctuation belongs to the sentence, not the address
        while (k > start + prefix && s[k - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'' or '\u2019')
        {
            if (s[k - 1] == ')' && s[start..k].Contains('('))
            {
                break;
            }

            k--;
        }

        if (k <= start + prefix)
        {
            return false;
        }

        urlEnd = k;
        return true;
    }

    private static bool TryEmail(ReadOnlySpan<char> s, int domainStart, int end, out int emailEnd)
    {
        int k = domainStart;
        int dots = 0;
        while (k < end && (CharClass.IsLetterOrDigit(s[k]) || s[k] == '-' || (s[k] == '.' && k + 1 < end && CharClass.IsLetterOrDigit(s[k + 1]))))
        {
            dots += s[k] == '.' ? 1 : 0;
            k++;
        }

        emailEnd = k;
        return dots > 0;
    }
}

/// <summary>A growable token list over a pooled array. Dispose it to return the array.</summary>
public struct TokenBuffer : IDisposable
{
    private Token[] _items;
    private int _count;

    public TokenBuffer(int capacity)
    {
        _items = ArrayPool<Token>.Shared.Rent(Math.Max(capacity, 16));
        _count = 0;
    }

    public readonly int Count => _count;

    public readonly ReadOnlySpan<Token> Span => _items.AsSpan(0, _count);

    public readonly Token this[int index] => _items[index];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Token token)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        _items[_count++] = token;
    }

    public readonly Token[] ToArray() => _items.AsSpan(0, _count).ToArray();

    public void Dispose()
    {
        if (_items is { Length: > 0 })
        {
            ArrayPool<Token>.Shared.Return(_items);
        }

        _items = [];
        _count = 0;
    }

    private void Grow()
    {
        var bigger = ArrayPool<Token>.Shared.Rent(_items.Length * 2);
        _items.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<Token>.Shared.Return(_items);
        _items = bigger;
    }
}
