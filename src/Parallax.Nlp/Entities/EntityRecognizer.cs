using Parallax.Core;

namespace Parallax.Nlp.Entities;

/// <summary>
/// <c>parallax.entities</c>: named entities (PER, ORG, LOC, MISC) with a confidence, from the trained
/// <see cref="NerModel"/> over the token and sentence layers. Feature forms are normalised (curly quotes,
/// "’s"); the text is never changed. Version 2: names after an honorific are people, without it (<see cref="Honorifics"/>); version 3: titles are split off names (<see cref="Titles"/>); version 4: broken organisation names are joined (<see cref="OrganisationNames"/>).
/// </summary>
public sealed class EntityRecognizer : IPipelineComponent
{
    public const string Id = "parallax.entities";

    private static readonly Lazy<NerModel> BuiltIn = new(() =>
        NerModel.LoadEmbedded() ?? throw new ParallaxException(ErrorCodes.ModelMissing, "The built-in NER model is missing from Parallax.Nlp; train one with 'parallax train ner' and pass it to EntityRecognizer."));

    public EntityRecognizer(NerModel model) => Model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>The recognizer with the model built into the library (loaded once per process).</summary>
    public EntityRecognizer()
        : this(BuiltIn.Value)
    {
    }

    public NerModel Model { get; }

    public ComponentInfo Info { get; } = new(Id, 4, [Layers.Tokens.Name, Layers.Sentences.Name], [Layers.Entities.Name]);

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.With(Layers.Entities, new EntityLayer(Model.Recognize(document)));
    }
}
