using Parallax.Core;

namespace Parallax.Stories.Claims;

/// <summary>
/// Splits sentences into claim units at clause boundaries that join two separate claims: a semicolon, or a comma
/// followed by "days after", "after", "while", "but", "although", "though", "whereas", "even as". Both sides must keep
/// <see cref="MinTokens"/> tokens, so appositions and short asides stay with their sentence.
/// </summary>
public static class ClaimSegmenter
{
    public const int MinTokens = 7;

    private static readonly string[][] Markers =
    [
        ["days", "after"], ["weeks", "after"], ["hours", "after"], ["months", "after"], ["shortly", "after"],
        ["after"], ["while"], ["but"], ["although"], ["though"], ["whereas"], ["even", "as"], ["even", "while"], ["as", "well", "as"],
    ];

    /// <summary>The unit ranges of one sentence, as token index ranges [start, end).</summary>
    public static List<(int Start, int End)> Split(string text, TokenLayer tokens, Sentence sentence)
    {
        var cuts = new List<int>();
        int start = sentence.FirstToken, end = sentence.EndToken;
        for (int i = start + 1; i < end - 1; i++)
        {
            var t = tokens[i];
            var s = t.Range.SpanOf(text);
            int cutAt = -1;
            if (s is ";")
            {
                cutAt = i + 1;
            }
            else if (s is ",")
            {
                foreach (var marker in Markers)
                {
                    if (Matches(text, tokens, i + 1, end, marker))
                    {
                        cutAt = i + 1;
                        break;
                    }
                }
            }

            if (cutAt > 0 && cutAt - (cuts.Count > 0 ? cuts[^1] : start) >= MinTokens && end - cutAt >= MinTokens)
            {
                cuts.Add(cutAt);
            }
        }

        var result = new List<(int, int)>(cuts.Count + 1);
        int from = start;
        foreach (var c in cuts)
        {
            result.Add((from, c));
            from = c;
        }

        result.Add((from, end));
        return result;
    }

    private static bool Matches(string text, TokenLayer tokens, int at, int end, string[] marker)
    {
        if (at + marker.Length > end)
        {
            return false;
        }

        for (int k = 0; k < marker.Length; k++)
        {
            if (!tokens[at + k].Range.SpanOf(text).Equals(marker[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }
}
