using Parallax.Core;
using Parallax.Nlp;
using Parallax.Nlp.Quotes;

namespace Parallax.Nlp.Tests;

/// <summary>
/// Builds documents for the quote tests: the real tokenizer and sentence splitter, then an entity layer made by hand
/// from the names given (every occurrence of each name), as the NER model would mark them.
/// </summary>
internal static class QuotesTestDocuments
{
    public static Document Annotate(string text, params (string Name, EntityType Type)[] names)
    {
        var doc = NlpPipeline.CreateDefault().Run(new Document(text));
        var tokens = doc.Get(Layers.Tokens);
        var mentions = new List<EntityMention>();
        foreach (var (name, type) in names.OrderByDescending(n => n.Name.Length))
        {
            var at = 0;
            while ((at = text.IndexOf(name, at, StringComparison.Ordinal)) >= 0)
            {
                var range = new TextRange(at, at + name.Length);
                at += name.Length;
                if (mentions.Any(m => m.Range.Overlaps(range)))
                {
                    continue;
                }

                var first = tokens.IndexAtOrAfter(range.Start);
                var end = tokens.IndexAtOrAfter(range.End);
                mentions.Add(new EntityMention(range, type, first, end - first, 1f));
            }
        }

        mentions.Sort((a, b) => a.Range.CompareTo(b.Range));
        doc = doc.With(Layers.Entities, new EntityLayer([.. mentions]));
        return new QuoteComponent().Process(doc, CancellationToken.None);
    }

    public static QuoteMention[] AllQuotes(Document doc) => doc.Get(Layers.Quotes).Quotes;

    public static string Content(Document doc, QuoteMention q) => q.Content.Of(doc.Text);

    /// <summary>The quote whose content contains <paramref name="fragment"/>.</summary>
    public static QuoteMention QuoteWith(Document doc, string fragment)
    {
        var found = AllQuotes(doc).Where(q => Content(doc, q).Contains(fragment, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count > 0, $"no quote contains '{fragment}'. Quotes: {Describe(doc)}");
        return found[0];
    }

    public static string Describe(Document doc) => string.Join(
        "\n",
        AllQuotes(doc).Select(q => $"[{q.Resolution} {q.Speaker ?? "-"} | src={(q.Source is { } s ? s.Of(doc.Text) : "-")} | cue={(q.Cue is { } c ? c.Of(doc.Text) : "-")} | direct={q.Direct}] {Content(doc, q)}"));
}
