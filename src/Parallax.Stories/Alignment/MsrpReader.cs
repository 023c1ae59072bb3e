using System.Text;
using Parallax.Core;

namespace Parallax.Stories.Alignment;

/// <summary>A labelled sentence pair.</summary>
public sealed record ParaphrasePair(bool IsParaphrase, string Id1, string Id2, string Sentence1, string Sentence2);

/// <summary>
/// Reads the Microsoft Research Paraphrase Corpus TSV: <c>Quality #1 ID #2 ID #1 String #2 String</c>, UTF-8 with a
/// byte-order mark, a header line, <c>"</c> written as the token <c>&lt;QUOTE&gt;</c>. Lines are split on tabs only
/// (the strings may hold stray quote characters, so no CSV parsing).
/// </summary>
public static class MsrpReader
{
    public static IReadOnlyList<ParaphrasePair> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ParallaxException(ErrorCodes.InputNotFound, $"No paraphrase data at {path}.");
        }

        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    public static IReadOnlyList<ParaphrasePair> Read(TextReader reader, string name = "input")
    {
        var pairs = new List<ParaphrasePair>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            line = line.TrimStart('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (lineNumber == 1 && fields[0].StartsWith("Quality", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (fields.Length < 5)
            {
                throw new ParallaxException(ErrorCodes.DataFormat, $"{name}:{lineNumber}: expected 5 tab-separated fields (Quality, #1 ID, #2 ID, #1 String, #2 String), found {fields.Length}.");
            }

            bool label = fields[0].Trim() switch
            {
                "1" => true,
                "0" => false,
                _ => throw new ParallaxException(ErrorCodes.DataFormat, $"{name}:{lineNumber}: the quality field must be 0 or 1, not '{fields[0]}'."),
            };

            // a stray tab inside a string would make more than 5 fields: the rest belongs to the second string
            var second = fields.Length == 5 ? fields[4] : string.Join(' ', fields.Skip(4));
            pairs.Add(new ParaphrasePair(label, fields[1].Trim(), fields[2].Trim(), Clean(fields[3]), Clean(second)));
        }

        if (pairs.Count == 0)
        {
            throw new ParallaxException(ErrorCodes.InputEmpty, $"{name}: no sentence pairs.");
        }

        return pairs;
    }

    /// <summary>
    /// The corpus's text is tokenised with spaces; it is joined back to ordinary spelling ("Dominick 's" to
    /// "Dominick's", "$ 2.5" to "$2.5", "wouldn 't" to "wouldn't", "costs ," to "costs,") so that the project tokenizer
    /// sees it as it sees article text. <c>&lt;QUOTE&gt;</c> becomes the quotation mark it stands for.
    /// </summary>
    public static string Clean(string s)
    {
        var tokens = s.Replace("<QUOTE>", "\"", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder(s.Length);
        bool glueNext = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            var t = tokens[i];
            bool glueToPrevious = t is "," or "." or ";" or ":" or "!" or "?" or "%" or ")" or "]"
                || t.StartsWith('\'') && t.Length <= 3 && t.Skip(1).All(char.IsLetter) && !t.Equals("'", StringComparison.Ordinal)
                || t.Equals("n't", StringComparison.OrdinalIgnoreCase)
                || (t.Equals("'t", StringComparison.OrdinalIgnoreCase) && sb.Length > 0 && char.ToLowerInvariant(sb[^1]) == 'n');
            if (sb.Length > 0 && !glueToPrevious && !glueNext)
            {
                sb.Append(' ');
            }

            sb.Append(t);
            glueNext = t is "$" or "(" or "[" or "US$" or "A$" or "C$" or "#";
        }

        return sb.ToString();
    }
}
