using Parallax.Core;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Text;

namespace Parallax.Nlp;

/// <summary>
/// Builds the language pipeline. <see cref="CreateDefault"/> is the standard English pipeline; other areas
/// append their components with <see cref="CreateDefault(IEnumerable{IPipelineComponent})"/> or start from
/// <see cref="DefaultComponents"/>. The order is checked by <see cref="Pipeline.Create(IEnumerable{IPipelineComponent}, IEnumerable{string}?)"/>.
/// </summary>
public static class NlpPipeline
{
    /// <summary>The default components, in order: tokens, sentences, entities (the built-in NER model).</summary>
    public static IReadOnlyList<IPipelineComponent> DefaultComponents() =>
    [
        new TokenizerComponent(),
        new SentenceComponent(),
        new EntityRecognizer(),
    ];

    /// <summary>Tokens and sentences only, for callers that need no entities.</summary>
    public static Pipeline CreateTextOnly() => Pipeline.Create(new TokenizerComponent(), new SentenceComponent());

    public static Pipeline CreateDefault() => Pipeline.Create(DefaultComponents());

    /// <summary>The default pipeline followed by <paramref name="extra"/> components.</summary>
    public static Pipeline CreateDefault(IEnumerable<IPipelineComponent> extra) => Pipeline.Create(DefaultComponents().Concat(extra));

    /// <summary>
    /// Every component, in order: tokens, sentences, entities, then quantities, times and roles, then quotes (which
    /// read roles to resolve descriptions such as "the spokesman"). This is what the engine runs on each article.
    /// </summary>
    public static IReadOnlyList<IPipelineComponent> FullComponents() =>
        [.. DefaultComponents(), .. Facts.FactComponents.All(), new Quotes.QuoteComponent()];

    public static Pipeline CreateFull() => Pipeline.Create(FullComponents());
}
