using Parallax.Core;

namespace Parallax.Nlp.Quotes;

/// <summary>
/// <c>parallax.quotes</c>: who said what. Finds direct quotes and reported speech (<see cref="QuoteExtractor"/>) and
/// resolves each speaker to an entity of the article (<see cref="SpeakerResolver"/>). Requires tokens, sentences and
/// entities; uses roles when present. Assigns the <c>quotes</c> layer: one <see cref="QuoteMention"/> per quoted or
/// reported passage (a split quote gives one mention per part, sharing cue and speaker), content of direct quotes
/// inside the quote marks.
/// </summary>
public sealed class QuoteComponent : IPipelineComponent
{
    public const string Id = "parallax.quotes";

    private readonly CueModel _model;

    public QuoteComponent(CueModel? model = null) => _model = model ?? CueModel.Default;

    public ComponentInfo Info { get; } = new(Id, 1, [Layers.Tokens.Name, Layers.Sentences.Name, Layers.Entities.Name], [Layers.Quotes.Name]);

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Get(Layers.Tokens);
        var sentences = document.Get(Layers.Sentences);
        var entities = document.Get(Layers.Entities);
        var roles = document.GetOrDefault(Layers.Roles);
        var found = QuoteExtractor.Extract(document.Text, tokens, sentences, document.BodyParagraphs, _model);
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
