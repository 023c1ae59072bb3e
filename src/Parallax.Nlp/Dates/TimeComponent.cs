using Parallax.Core;
using Parallax.Nlp.Facts;

namespace Parallax.Nlp.Dates;

/// <summary>
/// <c>parallax.times</c>: dates, weekdays, months, seasons, years and relative phrases, resolved against
/// <see cref="DocumentInfo.Published"/> with attention to tense; unresolved ones keep what they mean in
/// <see cref="TimeExpression.Relative"/>.
/// </summary>
public sealed class TimeComponent : IPipelineComponent
{
    public const string Id = "parallax.times";

    public ComponentInfo Info { get; } = new(Id, 1, [Layers.Tokens.Name, Layers.Sentences.Name], [Layers.Times.Name]);

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return document.With(Layers.Times, new TimeLayer(Extract(document)));
    }

    /// <summary>The publication date as the day the article's own clock showed, or null.</summary>
    public static DateOnly? Anchor(DocumentInfo info) =>
        info.Published is { } p ? DateOnly.FromDateTime(p.DateTime) : null;

    public static TimeExpression[] Extract(Document document)
    {
        var tokens = document.Get(Layers.Tokens);
        using var atoms = AtomBuffer.Build(document.Text, tokens, document.GetOrDefault(Layers.Sentences));
        var list = new List<TimeExpression>();
        TimeGrammar.Parse(atoms, Anchor(document.Info), list);
        return [.. list];
    }
}
