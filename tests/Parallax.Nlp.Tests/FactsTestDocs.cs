using Parallax.Core;

namespace Parallax.Nlp.Tests;

/// <summary>
/// Builds documents by hand for the fact tests (roles, quantities, times), the way spaCy's tests do: whitespace
/// tokens (the fact grammars cut tokens further themselves), sentences at final punctuation, and PERSON/ORG/LOC/MISC
/// mentions given by their text, as a CoNLL-style model would tag them.
/// </summary>
internal static class FactsTestDocs
{
    private static readonly string[] Abbreviations = ["Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "Jan.", "Feb.", "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.", "U.S.", "U.N.", "a.m.", "p.m."];

    public static Document Build(string text, string? published = null, params (string Text, EntityType Type)[] entities)
    {
        var info = new DocumentInfo
        {
            Id = "test",
            Published = published is null ? null : DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        };
        var doc = new Document(text, info);
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            int s = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            tokens.Add(new Token(s, i, char.IsDigit(text[s]) ? TokenKind.Number : TokenKind.Word));
        }

        var sentences = new List<Sentence>();
        int first = 0;
        for (int t = 0; t < tokens.Count; t++)
        {
            var tok = text.AsSpan(tokens[t].Start, tokens[t].Length).TrimEnd("\"”’)");
            bool final = tok.Length > 0 && tok[^1] is '.' or '!' or '?' && !IsAbbreviation(tok) && (t + 1 == tokens.Count || char.IsUpper(text[tokens[t + 1].Start]) || text[tokens[t + 1].Start] is '“' or '"');
            bool paragraph = t + 1 < tokens.Count && text.AsSpan(tokens[t].End, tokens[t + 1].Start - tokens[t].End).Contains("\n\n", StringComparison.Ordinal);
            if (final || paragraph || t + 1 == tokens.Count)
            {
                sentences.Add(new Sentence(new TextRange(tokens[first].Start, tokens[t].End), first, t - first + 1, 0));
                first = t + 1;
            }
        }

        var mentions = new List<EntityMention>();
        foreach (var (name, type) in entities)
        {
            int at = 0;
            while ((at = text.IndexOf(name, at, StringComparison.Ordinal)) >= 0)
            {
                int end = at + name.Length;
                bool wordStart = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
                bool wordEnd = end == text.Length || !char.IsLetterOrDigit(text[end]);
                if (wordStart && wordEnd && !mentions.Any(m => m.Range.Overlaps(new TextRange(at, end))))
                {
                    int ft = tokens.FindIndex(tk => tk.End > at);
                    int lt = tokens.FindLastIndex(tk => tk.Start < end);
                    mentions.Add(new EntityMention(new TextRange(at, end), type, ft, lt - ft + 1, 1f));
                }

                at = end;
            }
        }

        mentions.Sort((x, y) => x.Range.CompareTo(y.Range));
        return doc.With(Layers.Tokens, new TokenLayer([.. tokens]))
            .With(Layers.Sentences, new SentenceLayer([.. sentences]))
            .With(Layers.Entities, new EntityLayer([.. mentions]));
    }

    private static bool IsAbbreviation(ReadOnlySpan<char> token)
    {
        foreach (var a in Abbreviations)
        {
            if (token.EndsWith(a, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static string Sample(string file) => File.ReadAllText(Path.Combine(Testing.RepoPaths.TillersonSample, file));

    public const string Sample000 = "000_8bd32afc6ad81d3d.txt";
    public const string Sample003 = "003_b954ae2e1036d3dd.txt";
}
