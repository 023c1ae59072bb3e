using Parallax.Core;

namespace Parallax.Nlp.Quotes;

/// <summary>
/// <c>parallax.quotes</c>: who said what. Finds direct quotes and reported speech (<see cref="QuoteFinder"/>: the
/// rules of <see cref="QuoteExtractor"/> with the learned <see cref="AttributionModel"/>) and resolves each speaker to
/// an entity of the article (<see cref="SpeakerResolver"/>). Requires tokens, sentences and entities; uses roles when
/// present. Assigns the <c>quotes</c> layer: one <see cref="QuoteMention"/> per quoted or reported passage (a split
/// quote gives one mention per part, sharing cue and speaker), content of direct quotes inside the quote marks.
/// Version 2: the learned attribution model decides the cues and tags source and content.
/// </summary>
public sealed class QuoteComponent : IPipelineComponent
{
    public const string Id = "parallax.quotes";

    private readonly CueModel _cues;
    private readonly AttributionModel? _model;

    /// <summary>The component with the built-in cue table and attribution model.</summary>
    public QuoteComponent()
        : this(CueModel.Default, AttributionModel.Default)
    {
    }

    /// <param name="cues">The cue-word table of the rules.</param>
    /// <param name="model">The attribution model; null for the rules alone.</param>
    public QuoteComponent(CueModel cues, AttributionModel? model)
    {
        _cues = cues ?? throw new ArgumentNullException(nameof(cues));
        _model = model;
    }

    /// <summary>The rules alone, without the attribution model.</summary>
    public static QuoteComponent RulesOnly() => new(CueModel.Default, null);

    public ComponentInfo Info { get; } = new(Id, 2, [Layers.Tokens.Name, Layers.Sentences.Name, Layers.Entities.Name], [Layers.Quotes.Name]);

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Get(Layers.Tokens);
        var sentences = document.Get(Layers.Sentences);
        var entities = document.Get(Layers.Entities);
        var roles = document.GetOrDefault(Layers.Roles);
        var found = QuoteFinder.Find(document.Text, tokens, sentences, document.BodyParagraphs, entities, _model, _cues);
        cancellationToken.ThrowIfCancellationRequested();
        var speakers = new SpeakerResolver(document.Text, tokens, entities, roles).Resolve(found);
        var mentions = new List<QuoteMention>(found.Count + 4);
        for (var i = 0; i < found.Count; i++)
        {
            var a = found[i];
            var sp = speakers[i];
            foreach (var part in a.Content)
            {
                mentions.Add(new QuoteMention(part, a.DisplayCue ?? a.Cue, a.Source, sp.Entity, sp.Name, a.Direct, sp.Resolution));
            }
        }

        return document.With(Layers.Quotes, new QuoteLayer([.. mentions]));
    }
}
