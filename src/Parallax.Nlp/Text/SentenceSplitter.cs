using Parallax.Core;

namespace Parallax.Nlp.Text;

/// <summary>
/// Splits tokenized paragraphs into sentences. A sentence ends at ".", "!", "?" or an ellipsis (with the closing
/// quotes and brackets after it) when the next token can start a sentence: not a lowercase word, not a comma.
/// After an abbreviation it ends only when the next word usually starts sentences ("Inc. The ..."), never after
/// a title ("Mr.") or an initial ("J."). Quotations may span several sentences; a paragraph always ends one.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Appends the sentences of one paragraph (tokens <paramref name="first"/> to <paramref name="end"/>, exclusive).</summary>
    public static void Split(string text, ReadOnlySpan<Token> tokens, int first, int end, int paragraph, List<Sentence> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        int sentenceStart = first;
        for (int t = first; t < end; t++)
        {
            if (!IsTerminal(text, tokens[t], out var abbreviation))
            {
                continue;
            }

            int e = t + 1;
            while (e < end && IsCloser(text, tokens, e))
            {
                e++;
            }

            if (e >= end)
            {
                break;
            }

            if (EndsHere(text, tokens, t, e, abbreviation))
            {
                Add(tokens, sentenceStart, e, paragraph, output);
                sentenceStart = e;
            }

            t = e - 1;
        }

        if (sentenceStart < end)
        {
            Add(tokens, sentenceStart, end, paragraph, output);
        }
    }

    private static void Add(ReadOnlySpan<Token> tokens, int first, int end, int paragraph, List<Sentence> output) =>
        output.Add(new Sentence(new TextRange(tokens[first].Start, tokens[end - 1].End), first, end - first, paragraph));

    private static bool IsTerminal(string text, Token token, out AbbreviationKind abbreviation)
    {
        abbreviation = AbbreviationKind.None;
        char last = text[token.End - 1];
        if (token.Kind == TokenKind.Punctuation)
        {
            return last is '.' or '!' or '?' or '\u2026' or '\u203D' or '\u3002';
        }

        if (token.Kind == TokenKind.Word && last == '.' && token.Length > 1)
        {
            var word = text.AsSpan(token.Start, token.Length - 1);
            abbreviation = Abbreviations.Classify(word);
            if (abbreviation == AbbreviationKind.None)
            {
                // initials ("J.") never end a sentence here; acronyms ("U.S.") behave like general abbreviations
                abbreviation = word.Length == 1 ? AbbreviationKind.Title : AbbreviationKind.General;
            }

            return true;
        }

        return false;
    }

    private static bool IsCloser(string text, ReadOnlySpan<Token> tokens, int i)
    {
        var token = tokens[i];
        if (token.Length != 1 || token.Kind is not (TokenKind.Quote or TokenKind.Punctuation))
        {
            return false;
        }

        char c = text[token.Start];
        if (CharClass.IsCloser(c))
        {
            return true;
        }

        if (c is '"' or '\'')
        {
            // a straight quote attached to what precedes it closes
            return tokens[i - 1].End == token.Start;
        }

        return false;
    }

    private static bool EndsHere(string text, ReadOnlySpan<Token> tokens, int terminal, int next, AbbreviationKind abbreviation)
    {
        var nextToken = tokens[next];
        char first = text[nextToken.Start];
        bool closedSomething = next > terminal + 1;
        switch (abbreviation)
        {
            case AbbreviationKind.Title:
            case AbbreviationKind.BeforeNumber:
                return false;
            case AbbreviationKind.General:
                if (closedSomething)
                {
                    break;
                }

                if (nextToken.Kind == TokenKind.Quote && CharClass.IsOpener(first))
                {
                    return true;
                }

                return nextToken.Kind == TokenKind.Word && Abbreviations.IsSentenceStarter(text.AsSpan(nextToken.Start, nextToken.Length));
        }

        if (nextToken.Kind == TokenKind.Word)
        {
            return !CharClass.IsLower(first);
        }

        if (nextToken.Kind == TokenKind.Punctuation)
        {
            // "...", ", he said" and "-- and" continue; an opening bracket or a dash at a new sentence is rare
            return first is '(' or '[';
        }

        return true;
    }
}
