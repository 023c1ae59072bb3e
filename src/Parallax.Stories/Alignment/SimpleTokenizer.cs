using Parallax.Core;

namespace Parallax.Stories.Alignment;

/// <summary>
/// A small word splitter used when a sentence comes without a token layer (MSRP pairs, ad-hoc strings).
/// It produces the same <see cref="Token"/> records as the project tokenizer: words (with inner hyphens,
/// apostrophes and dots of abbreviations kept), clitics split off ("China" + "'s", "do" + "n't"), numbers
/// ("2.5", "1,000", "4.4"), symbols and punctuation. Articles should use their own token layer.
/// </summary>
public static class SimpleTokenizer
{
    public static Token[] Tokenize(string text) => Tokenize(text, new TextRange(0, text.Length));

    public static Token[] Tokenize(string text, TextRange range)
    {
        var tokens = new List<Token>(Math.Max(4, range.Length / 5));
        int i = range.Start;
        int end = range.End;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (char.IsDigit(c))
            {
                i++;
                while (i < end && (char.IsDigit(text[i]) || ((text[i] == '.' || text[i] == ',') && i + 1 < end && char.IsDigit(text[i + 1]))))
                {
                    i++;
                }

                // "1990s", "20th", "3pm": a number glued to letters is one word-like number
                while (i < end && char.IsLetter(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(start, i, TokenKind.Number));
                continue;
            }

            if (char.IsLetter(c))
            {
                i++;
                while (i < end)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d))
                    {
                        i++;
                    }
                    else if ((d == '-' || d == '.' || d == '&') && i + 1 < end && char.IsLetterOrDigit(text[i + 1]))
                    {
                        i++;
                    }
                    else if (IsApostrophe(d) && i + 1 < end && char.IsLetter(text[i + 1]) && !IsClitic(text, i, end))
                    {
                        // O'Brien, rock'n'roll
                        i++;
                    }
                    else
                    {
                        break;
                    }
                }

                // abbreviations: "U.S." keeps its final dot when the word already has inner dots
                if (i < end && text[i] == '.' && i - start >= 2 && text.AsSpan(start, i - start).Contains('.'))
                {
                    i++;
                }

                // "don't": split "n't" from the verb
                if (i - start > 3 && (text[i - 1] == 'n' || text[i - 1] == 'N') && i < end && IsApostrophe(text[i])
                    && i + 1 < end && (text[i + 1] == 't' || text[i + 1] == 'T') && (i + 2 >= end || !char.IsLetter(text[i + 2])))
                {
                    tokens.Add(new Token(start, i - 1, TokenKind.Word));
                    tokens.Add(new Token(i - 1, i + 2, TokenKind.Word));
                    i += 2;
                    continue;
                }

                tokens.Add(new Token(start, i, TokenKind.Word));
                continue;
            }

            if (IsApostrophe(c) && IsClitic(text, i, end))
            {
                i++;
                while (i < end && char.IsLetter(text[i]))
                {
                    i++;
                }

                tokens.Add(new Token(start, i, TokenKind.Word));
                continue;
            }

            if (c is '"' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\'' or '\u00AB' or '\u00BB')
            {
                tokens.Add(new Token(start, ++i, TokenKind.Quote));
                continue;
            }

            if (c is '$' or '%' or '£' or '€' or '¥' or '#' or '@' or '&' or '+' or '=' or '<' or '>' or '/' or '\\' or '*' or '§' or '°')
            {
                tokens.Add(new Token(start, ++i, TokenKind.Symbol));
                continue;
            }

            if (char.IsSurrogate(c) && i + 1 < end)
            {
                i += 2;
                tokens.Add(new Token(start, i, TokenKind.Other));
                continue;
            }

            tokens.Add(new Token(start, ++i, char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Other));
        }

        return [.. tokens];
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019';

    /// <summary>'s 're 've 'll 'd 'm at position <paramref name="i"/> (the apostrophe), followed by a non-letter.</summary>
    private static bool IsClitic(string text, int i, int end)
    {
        if (i + 1 >= end || !IsApostrophe(text[i]))
        {
            return false;
        }

        int j = i + 1;
        int k = j;
        while (k < end && char.IsLetter(text[k]) && k - j < 3)
        {
            k++;
        }

        if (k < end && char.IsLetter(text[k]))
        {
            return false;
        }

        var tail = text.AsSpan(j, k - j);
        return tail.Equals("s", StringComparison.OrdinalIgnoreCase) || tail.Equals("re", StringComparison.OrdinalIgnoreCase)
            || tail.Equals("ve", StringComparison.OrdinalIgnoreCase) || tail.Equals("ll", StringComparison.OrdinalIgnoreCase)
            || tail.Equals("d", StringComparison.OrdinalIgnoreCase) || tail.Equals("m", StringComparison.OrdinalIgnoreCase);
    }
}
