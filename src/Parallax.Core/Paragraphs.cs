namespace Parallax.Core;

/// <summary>Splits text into paragraphs (runs of non-blank lines), as ranges, trimmed of surrounding whitespace.</summary>
public static class Paragraphs
{
    public static IReadOnlyList<TextRange> Split(string text) => Split(text, new TextRange(0, text.Length));

    public static IReadOnlyList<TextRange> Split(string text, TextRange within)
    {
        var result = new List<TextRange>();
        int i = within.Start;
        int end = within.End;
        while (i < end)
        {
            // skip blank lines and leading whitespace
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= end)
            {
                break;
            }

            int start = i;
            int lastNonSpace = i;
            while (i < end)
            {
                char c = text[i];
                if (c == '\n' || c == '\r')
                {
                    // a blank line (only whitespace until the next newline) ends the paragraph
                    int j = i + 1;
                    if (c == '\r' && j < end && text[j] == '\n')
                    {
                        j++;
                    }

                    int k = j;
                    while (k < end && text[k] is ' ' or '\t' or '\u00A0')
                    {
                        k++;
                    }

                    if (k >= end || text[k] == '\n' || text[k] == '\r')
                    {
                        i = k;
                        break;
                    }

                    i = j;
                    continue;
                }

                if (!char.IsWhiteSpace(c))
                {
                    lastNonSpace = i;
                }

                i++;
            }

            result.Add(new TextRange(start, lastNonSpace + 1));
        }

        return result;
    }
}
