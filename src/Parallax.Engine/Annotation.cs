using System.Globalization;
using Parallax.Core;
using Parallax.Ingestion;

namespace Parallax.Engine;

/// <summary>The layers of one article, as `parallax annotate` shows them (offsets into the article's original text).</summary>
public sealed record AnnotationView(
    string Origin,
    string Title,
    string? Source,
    DateTimeOffset? Published,
    string? Language,
    string Pipeline,
    string Text,
    IReadOnlyList<AnnotatedSpan> Excluded,
    IReadOnlyList<AnnotatedSpan> Sentences,
    IReadOnlyList<AnnotatedEntity> Entities,
    IReadOnlyList<AnnotatedNumber> Numbers,
    IReadOnlyList<AnnotatedDate> Dates,
    IReadOnlyList<AnnotatedQuote> Quotes);

public sealed record AnnotatedSpan(int Start, int End, string Text, string? Kind = null);

public sealed record AnnotatedRole(string Role, string? Qualifier, string Position, int Start, int End);

public sealed record AnnotatedEntity(int Start, int End, string Text, string Type, double Confidence, IReadOnlyList<AnnotatedRole> Roles, string? Honorific);

public sealed record AnnotatedNumber(int Start, int End, string Text, string Kind, double Value, double? ValueMax, string? Unit, string? Currency, bool Approximate, int Group);

public sealed record AnnotatedDate(int Start, int End, string Text, string? Date, string? EndDate, string Granularity, string Resolution, string? Relative, string? Modifier);

public sealed record AnnotatedQuote(int Start, int End, string Text, string? Speaker, string? Cue, string? Source, bool Direct, string Resolution);

/// <summary>Reads inputs and runs the full language pipeline on each article, without a store.</summary>
public static class Annotation
{
    public static IEnumerable<(ReadFailure? Failure, AnnotationView? View)> AnnotateInputs(IEnumerable<string> paths, ReadOptions options, CancellationToken cancellationToken = default)
    {
        foreach (var outcome in InputReader.Read(paths, options, cancellationToken))
        {
            switch (outcome)
            {
                case ReadFailure f:
                    yield return (f, null);
                    break;
                case ArticleRead read:
                    yield return (null, View(read.Draft, cancellationToken));
                    break;
            }
        }
    }

    public static AnnotationView View(ArticleDraft draft, CancellationToken cancellationToken = default)
    {
        var pipeline = ParallaxEngine.AnalysisPipeline;
        var doc = new Document(draft.Text, new DocumentInfo { Title = draft.Title, Published = draft.Published, Language = draft.Language, Source = draft.Source })
            .WithCleaning(draft.Cleaning);
        doc = pipeline.Run(doc, cancellationToken);
        return View(doc, draft.Origin.ToString(), draft.Title, draft.Source, draft.Published, draft.Language, pipeline.Signature);
    }

    /// <summary>The view of an annotated document (a stored article's, or a fresh one's).</summary>
    public static AnnotationView View(Document doc, string origin, string title, string? source, DateTimeOffset? published, string? language, string pipeline)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var text = doc.Text;
        var entities = doc.GetOrDefault(Layers.Entities)?.Mentions ?? [];
        var roles = doc.GetOrDefault(Layers.Roles);
        return new AnnotationView(
            origin,
            title,
            source,
            published,
            language,
            pipeline,
            text,
            (doc.GetOrDefault(Layers.Cleaning)?.Excluded ?? []).Select(x => new AnnotatedSpan(x.Range.Start, x.Range.End, x.Range.Of(text), x.Kind.ToString())).ToList(),
            (doc.GetOrDefault(Layers.Sentences)?.Sentences ?? []).Select(s => new AnnotatedSpan(s.Range.Start, s.Range.End, s.Range.Of(text))).ToList(),
            entities.Select((e, i) => new AnnotatedEntity(
                e.Range.Start,
                e.Range.End,
                e.Range.Of(text),
                e.Type.ToLabel(),
                Math.Round(e.Confidence, 3),
                (roles?.Roles ?? []).Where(r => r.Entity == i).Select(r => new AnnotatedRole(r.Role, r.Qualifier, r.Position.ToString(), r.Range.Start, r.Range.End)).ToList(),
                (roles?.Honorifics ?? []).FirstOrDefault(h => h.Entity == i).Value)).ToList(),
            (doc.GetOrDefault(Layers.Quantities)?.Quantities ?? []).Select(q => new AnnotatedNumber(
                q.Range.Start, q.Range.End, q.Range.Of(text), q.Kind.ToString().ToLowerInvariant(), q.Value, q.ValueMax, q.Unit, q.Currency, q.Approximate, q.Group)).ToList(),
            (doc.GetOrDefault(Layers.Times)?.Expressions ?? []).Select(t => new AnnotatedDate(
                t.Range.Start, t.Range.End, t.Range.Of(text), Iso(t.Start), Iso(t.End), t.Granularity.ToString().ToLowerInvariant(),
                t.Resolution.ToString().ToLowerInvariant(), t.Relative, t.Modifier)).ToList(),
            (doc.GetOrDefault(Layers.Quotes)?.Quotes ?? []).Select(q => new AnnotatedQuote(
                q.Content.Start, q.Content.End, q.Content.Of(text), q.Speaker, q.Cue?.Of(text), q.Source?.Of(text), q.Direct,
                q.Resolution.ToString().ToLowerInvariant())).ToList());
    }

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
