using Parallax.Core;

namespace Parallax.Stories.Clustering;

/// <summary>
/// An article as the clusterer receives it. <see cref="Document"/> is optional: when it carries token, entity,
/// time or quantity layers (from the NLP pipeline) the extractor uses them; otherwise it falls back to its own
/// tokenizer and a capitalised-sequence entity finder.
/// </summary>
public sealed record ClusterArticle
{
    /// <summary>The article's id in the store. Story ids are the id of the article that started the story.</summary>
    public required long Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The article's text (title excluded or included: the title is scored separately either way).</summary>
    public required string Text { get; init; }

    public DateTimeOffset? Published { get; init; }

    /// <summary>The outlet shown to users, kept for explanations and story summaries.</summary>
    public string? Outlet { get; init; }

    /// <summary>Set when the article is a syndicated copy (or near-duplicate) of an earlier one: it joins that one's story without adding weight.</summary>
    public long? CopyOf { get; init; }

    /// <summary>The analysed document, when the NLP pipeline ran; its layers replace the fallbacks.</summary>
    public Document? Document { get; init; }

    public static ClusterArticle From(Article article, Document? analysed = null) => new()
    {
        Id = article.Id,
        Title = article.Title,
        Text = article.Body,
        Published = article.Published,
        Outlet = article.Outlet,
        CopyOf = article.CopyOf,
        Document = analysed,
    };
}

/// <summary>What kind of detail a <see cref="DetailFeature"/> is. Details are what tell two similar events apart.</summary>
public enum DetailKind : byte
{
    /// <summary>A year mentioned in the text ("2013").</summary>
    Year,

    /// <summary>A calendar date mentioned in the text (month and day, with the year when given).</summary>
    Date,

    /// <summary>A number ("6.1", "90", "1,200").</summary>
    Number,
}

/// <param name="Key">Normalised key: "y:2013", "d:05-03", "n:6.1".</param>
/// <param name="Kind">What it is.</param>
/// <param name="Count">How often the article states it.</param>
public readonly record struct DetailFeature(string Key, DetailKind Kind, int Count);

/// <param name="Key">Normalised name ("kim jong un"); short forms are resolved to the article's full form ("Lohan" to "lindsay lohan").</param>
/// <param name="Display">The fullest form as written ("Kim Jong-un").</param>
/// <param name="Type">The entity type; the capitalised-sequence fallback says <see cref="EntityType.Misc"/> unless a cue tells.</param>
/// <param name="Count">Mentions in the article (short forms included).</param>
/// <param name="InLead">Mentioned in the title or the first sentences.</param>
public readonly record struct EntityFeature(string Key, string Display, EntityType Type, int Count, bool InLead);

/// <param name="Term">Normalised term (lower case, light stemming).</param>
/// <param name="Count">Occurrences in the body.</param>
/// <param name="InLead">Occurs in the title or the first sentences.</param>
public readonly record struct TermFeature(string Term, int Count, bool InLead);

/// <summary>
/// Everything the clusterer uses about one article. Produced by an <see cref="IFeatureExtractor"/>; independent of
/// the store, so it can be computed once, cached, and replayed.
/// </summary>
public sealed record ArticleFeatures
{
    public required long Id { get; init; }

    public required string Title { get; init; }

    public DateTimeOffset? Published { get; init; }

    public string? Outlet { get; init; }

    public long? CopyOf { get; init; }

    /// <summary>Body terms with counts (title included once: the title is part of what the article says).</summary>
    public required IReadOnlyList<TermFeature> Terms { get; init; }

    /// <summary>Normalised title terms.</summary>
    public required IReadOnlyList<string> TitleTerms { get; init; }

    public required IReadOnlyList<EntityFeature> Entities { get; init; }

    public required IReadOnlyList<DetailFeature> Details { get; init; }

    /// <summary>Which extractor made these, e.g. "fallback-caps@1" or "layers(entities)@1".</summary>
    public string Extractor { get; init; } = "";
}

/// <summary>Turns an article into the features the clusterer scores. Implementations are stateless and thread-safe.</summary>
public interface IFeatureExtractor
{
    string Name { get; }

    ArticleFeatures Extract(ClusterArticle article, CancellationToken cancellationToken = default);
}
