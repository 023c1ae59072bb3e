namespace Parallax.Stories.Clustering;

/// <summary>A word or number found by <see cref="ClusterTokenizer"/>: a range of the original text.</summary>
internal readonly record struct RawToken(int Start, int End, bool SentenceStart, int Sentence, bool FollowedByBreak)
{
    public int Length => End - Start;
}

/// <summary>
/// A small, allocation-light tokenizer for clustering features (not the NLP tokenizer): words and numbers with
/// their internal hyphens, apostrophes, acronym dots ("U.S.") and decimal points or thousands commas. It marks
/// where sentences start (after . ! ? or a line break) and where a token is followed by punctuation that breaks a name.
/// </summary>
internal static class ClusterTokenizer
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Lt", "Col", "Sgt", "Capt", "Gov", "Sen", "Rep", "Prof", "No", "vs", "Inc", "Corp", "Co", "Ltd", "Mt", "Ft",
    };

    public static List<RawToken> Tokenize(string text, int start = 0, int end = -1)
    {
        if (end < 0)
        {
            end = text.Length;
        }

        var tokens = new List<RawToken>(Math.Max(16, (end - start) / 6));
        bool sentenceStart = true;
        int sentence = 0;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int s = i;
                i++;
                while (i < end)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d))
                    {
                        i++;
                        continue;
                    }

                    // joiners kept inside a token when a letter or digit follows
                    if (i + 1 < end && char.IsLetterOrDigit(text[i + 1]))
                    {
                        if (d is '-' or '\'' or '\u2019' or '\u2010' or '\u2011')
                        {
                            i++;
                            continue;
                        }

                        if ((d is '.' or ',') && char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))
                        {
                            i++;
                            continue;
                        }

                        // U.S. / U.N.
                        if (d == '.' && char.IsUpper(text[i - 1]) && (i - 1 == s || text[i - 2] == '.') && char.IsUpper(text[i + 1]))
                        {
                            i++;
                            continue;
                        }
                    }

                    // trailing dot of an acronym: "U.S."
                    if (d == '.' && i - s >= 3 && text[i - 2] == '.' && char.IsUpper(text[i - 1]))
                    {
                        i++;
                    }

                    break;
                }

                int e = i;
                bool breakAfter = false;
                int j = i;
                while (j < end && (text[j] == ' ' || text[j] == '\t'))
                {
                    j++;
                }

                if (j < end && !char.IsLetterOrDigit(text[j]))
                {
                    breakAfter = true;
                }

                tokens.Add(new RawToken(s, e, sentenceStart, sentence, breakAfter));
                sentenceStart = false;
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                if (!sentenceStart)
                {
                    sentence++;
                }

                sentenceStart = true;
            }
            else if (c is '.' or '!' or '?')
            {
                // "Mr." does not end a sentence; an acronym dot was consumed with its token
                bool abbreviation = false;
                if (c == '.' && tokens.Count > 0 && tokens[^1].End == i)
                {
                    var last = text.AsSpan(tokens[^1].Start, tokens[^1].Length);
                    abbreviation = last.Length == 1 ? char.IsUpper(last[0]) : Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(last);
                }

                if (!abbreviation && !sentenceStart)
                {
                    sentence++;
                    sentenceStart = true;
                }
            }

            i++;
        }

        return tokens;
    }
}
