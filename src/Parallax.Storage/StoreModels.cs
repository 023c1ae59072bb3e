using Parallax.Core;

namespace Parallax.Storage;

public sealed record StoreOptions
{
    /// <summary>Keep the raw page (HTML) of each article.</summary>
    public bool KeepRaw { get; init; }
}

public enum AddOutcome
{
    /// <summary>Stored as a new article.</summary>
    Stored,

    /// <summary>Stored, and linked as a copy (syndicated or near-duplicate) of an earlier article.</summary>
    StoredAsCopy,

    /// <summary>Not stored: the same URL or the same content is already there.</summary>
    Duplicate,
}

/// <param name="Id">The new article's id, or for a duplicate the id of the article already stored.</param>
/// <param name="CopyOf">For a copy, the earlier article it copies.</param>
/// <param name="Reason">For a duplicate: "same url" or "same content".</param>
public sealed record AddResult(AddOutcome Outcome, long Id, long? CopyOf = null, double? Similarity = null, string? Reason = null);

/// <summary>A line of an article list.</summary>
public sealed record ArticleSummary(long Id, string Title, string? Source, string? Url, DateTimeOffset? Published, string? Language, string Format, long? CopyOf, int BodyLength);

/// <summary>A full-text search hit, best first.</summary>
public sealed record SearchHit(long Id, string Title, string? Source, DateTimeOffset? Published, double Score, string Snippet);
