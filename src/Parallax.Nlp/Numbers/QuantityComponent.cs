using Parallax.Core;
using Parallax.Nlp.Facts;

namespace Parallax.Nlp.Numbers;

/// <summary>
/// <c>parallax.quantities</c>: numbers and money normalised to value (and upper value for ranges), unit and currency,
/// with amounts stated twice ("347 billion US dollars (£259 billion)") linked by a shared group.
/// </summary>
public sealed class QuantityComponent : IPipelineComponent
{
    public const string Id = "parallax.quantities";

    public ComponentInfo Info { get; } = new(Id, 1, [Layers.Tokens.Name, Layers.Sentences.Name], [Layers.Quantities.Name]);

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return document.With(Layers.Quantities, new QuantityLayer(Extract(document)));
    }

    /// <summary>The quantities of a document that has tokens and sentences.</summary>
    public static Quantity[] Extract(Document document)
    {
        var tokens = document.Get(Layers.Tokens);
        using var atoms = AtomBuffer.Build(document.Text, tokens, document.GetOrDefault(Layers.Sentences));
        var list = new List<Quantity>();
        QuantityGrammar.Parse(atoms, list);
        return [.. list];
    }
}
