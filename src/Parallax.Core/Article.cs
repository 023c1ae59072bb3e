namespace Parallax.Core;

/// <summary>Where an input came from: a file (and line, for JSON Lines; record, for WARC and feeds) or standard input.</summary>
public sealed record InputOrigin(string Path, int? Line = null, int? Record = null)
{
    public override string ToString() =>
        Line is int l ? $"{Path}:{l}" : Record is int r ? $"{Path}#{r}" : Path;
}

/// <summary>
/// An article as read from an input, before it is stored. <see cref="Text"/> is the article's original text
/// (for HTML, the text the extractor produced; the page itself is kept in <see cref="Raw"/> when asked),
/// never rewritten afterwards: <see cref="Cleaning"/> marks what is not the article.
/// </summary>
public sealed record ArticleDraft
{
    public required string Text { get; init; }

    public required string Title { get; init; }

    /// <summary>The outlet's name ("Al Jazeera"), when known.</summary>
    public string? Source { get; init; }

    /// <summary>The outlet's domain ("aljazeera.com"), when known.</summary>
    public string? SourceDomain { get; init; }

    public string? Url { get; init; }

    public string? CanonicalUrl { get; init; }

    public DateTimeOffset? Published { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>ISO 639-1 code, detected when the input did not say.</summary>
    public string? Language { get; init; }

    /// <summary>The reader that produced it: text, html, newsplease, jsonl, rss, atom, warc.</summary>
    public required string Format { get; init; }

    public required InputOrigin Origin { get; init; }

    public CleaningLayer? Cleaning { get; init; }

    /// <summary>The extraction path taken ("smartreader", "fallback:density", ...) for HTML.</summary>
    public string? Extractor { get; init; }

    /// <summary>The source bytes' decoded form for HTML pages, when kept.</summary>
    public string? Raw { get; init; }

    /// <summary>The cleaned body (body paragraphs joined by blank lines).</summary>
    public string Body => Cleaning is { } c ? c.BodyText(Text) : Text.Trim();
}

/// <summary>A stored article.</summary>
public sealed record Article
{
    public required long Id { get; init; }

    public required string Title { get; init; }

    public string? Source { get; init; }

    public string? SourceDomain { get; init; }

    public string? Url { get; init; }

    public string? CanonicalUrl { get; init; }

    public DateTimeOffset? Published { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public string? Language { get; init; }

    public required string Format { get; init; }

    public required string Origin { get; init; }

    public required string Text { get; init; }

    public CleaningLayer? Cleaning { get; init; }

    /// <summary>SHA-256 of the normalised body, hex.</summary>
    public required string ContentHash { get; init; }

    /// <summary>If this article is a copy (same wire story on another site, or a near-duplicate), the id of the first one stored.</summary>
    public long? CopyOf { get; init; }

    /// <summary>Similarity to <see cref="CopyOf"/>, in [0, 1].</summary>
    public double? CopySimilarity { get; init; }

    public DateTimeOffset IngestedAt { get; init; }

    public string Body => Cleaning is { } c ? c.BodyText(Text) : Text.Trim();

    /// <summary>The outlet shown to users: source name, else domain, else "unnamed outlet (FILE)" naming the input it came from.</summary>
    public string Outlet => OutletOf(Source, SourceDomain, Origin);

    /// <summary>The outlet as shown: the source name, else the domain, else "unnamed outlet (FILE)".</summary>
    public static string OutletOf(string? source, string? domain, string origin)
    {
        if (!string.IsNullOrWhiteSpace(source))
        {
            return source;
        }

        if (!string.IsNullOrWhiteSpace(domain))
        {
            return domain;
        }

        var file = origin;
        int cut = file.IndexOfAny([':', '#'], Math.Max(0, file.LastIndexOf('/') + 1));
        if (cut > 0)
        {
            file = file[..cut];
        }

        return "unnamed outlet (" + Path.GetFileName(file) + ")";
    }

    public Document ToDocument() =>
        new Document(Text, new DocumentInfo
        {
            Id = Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Title = Title,
            Published = Published,
            Language = Language,
            Source = Outlet,
        }).WithCleaning(Cleaning);
}

public static class DocumentExtensions
{
    public static Document WithCleaning(this Document document, CleaningLayer? cleaning) =>
        cleaning is null ? document : document.With(Layers.Cleaning, cleaning);
}
