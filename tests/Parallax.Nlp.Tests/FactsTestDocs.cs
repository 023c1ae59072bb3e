using Parallax.Core;

namespace Parallax.Nlp.Tests;

/// <summary>
/// Builds documents for the fact tests (roles, quantities, times): the project's tokenizer and sentence splitter,
/// and PERSON/ORG/LOC/MISC mentions given by hand by their text, as a CoNLL-style model would tag them (the way
/// spaCy's tests build documents instead of loading models).
/// </summary>
internal static class FactsTestDocs
{
    public static Document Build(string text, string? published = null, params (string Text, EntityType Type)[] entities)
    {
        var info = new DocumentInfo
        {
            Id = "test",
            Published = published is null ? null : DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        };
        var doc = new Document(text, info);
        var tokenLayer = Parallax.Nlp.Text.TokenizerComponent.Tokenize(text, doc.BodyParagraphs);
        var sentenceLayer = Parallax.Nlp.Text.SentenceComponent.Split(text, tokenLayer, doc.BodyParagraphs);
        var tokens = tokenLayer.Tokens.ToList();
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
        return doc.With(Layers.Tokens, tokenLayer)
            .With(Layers.Sentences, sentenceLayer)
            .With(Layers.Entities, new EntityLayer([.. mentions]));
    }

    public static string Sample(string file) => File.ReadAllText(Path.Combine(Testing.RepoPaths.TillersonSample, file));

    public const string Sample000 = "000_8bd32afc6ad81d3d.txt";
    public const string Sample003 = "003_b954ae2e1036d3dd.txt";
}
