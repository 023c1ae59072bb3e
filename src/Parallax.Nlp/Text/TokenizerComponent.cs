using Parallax.Core;

namespace Parallax.Nlp.Text;

/// <summary>
/// <c>parallax.tokens</c>: tokenizes the document's body paragraphs (see <see cref="Tokenizer"/>). Tokens never
/// cross a paragraph boundary and are ranges into the original text.
/// </summary>
public sealed class TokenizerComponent : IPipelineComponent
{
    public const string Id = "parallax.tokens";

    public ComponentInfo Info { get; } = new(Id, 1, [], [Layers.Tokens.Name]);

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.With(Layers.Tokens, Tokenize(document.Text, document.BodyParagraphs));
    }

    /// <summary>Tokenizes the given paragraphs of <paramref name="text"/>.</summary>
    public static TokenLayer Tokenize(string text, IReadOnlyList<TextRange> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var buffer = new TokenBuffer(Math.Max(16, text.Length / 5));
        try
        {
            for (int p = 0; p < paragraphs.Count; p++)
            {
                Tokenizer.Tokenize(text, paragraphs[p], ref buffer);
            }

            return new TokenLayer(buffer.ToArray());
        }
        finally
        {
            buffer.Dispose();
        }
    }
}
