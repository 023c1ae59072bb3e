using Parallax.Core;

namespace Parallax.Nlp.Text;

/// <summary>
/// <c>parallax.sentences</c>: splits each body paragraph's tokens into sentences (see <see cref="SentenceSplitter"/>).
/// A sentence never crosses a paragraph.
/// </summary>
public sealed class SentenceComponent : IPipelineComponent
{
    public const string Id = "parallax.sentences";

    public ComponentInfo Info { get; } = new(Id, 1, [Layers.Tokens.Name], [Layers.Sentences.Name]);

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Get(Layers.Tokens);
        return document.With(Layers.Sentences, Split(document.Text, tokens, document.BodyParagraphs));
    }

    public static SentenceLayer Split(string text, TokenLayer tokens, IReadOnlyList<TextRange> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var all = tokens.Tokens.AsSpan();
        var sentences = new List<Sentence>(Math.Max(4, all.Length / 20));
        int t = 0;
        for (int p = 0; p < paragraphs.Count && t < all.Length; p++)
        {
            var range = paragraphs[p];
            while (t < all.Length && all[t].Start < range.Start)
            {
                t++;
            }

            int first = t;
            while (t < all.Length && all[t].End <= range.End)
            {
                t++;
            }

            if (t > first)
            {
                SentenceSplitter.Split(text, all, first, t, p, sentences);
            }
        }

        return new SentenceLayer([.. sentences]);
    }
}
