using Parallax.Core;

namespace Parallax.Ingestion.Readers;

/// <summary>What a reader yields for one record: a draft (cleaned) or a failure.</summary>
internal abstract record Parsed
{
    public sealed record Draft(ArticleDraft Value) : Parsed;

    public sealed record Failed(ReadFailure Value) : Parsed;

    public static Parsed Fail(InputOrigin origin, string code, string reason) => new Failed(new ReadFailure(origin, code, reason));
}

internal static class Urls
{
    /// <summary>"https://www.aljazeera.com/news/..." -> "aljazeera.com".</summary>
    public static string? DomainOf(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            return null;
        }

        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    public static string? Absolute(string? url) =>
        !string.IsNullOrWhiteSpace(url) && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.ToString() : null;
}

internal static class Titles
{
    /// <summary>A title for a text without one: its first sentence, cut at a word near 100 characters.</summary>
    public static string FromText(string text, string fallback)
    {
        var t = text.AsSpan().Trim();
        if (t.IsEmpty)
        {
            return fallback;
        }

        int end = t.IndexOfAny(".!?\n");
        var first = (end > 0 ? t[..end] : t).Trim();
        if (first.Length > 100)
        {
            int cut = first[..100].LastIndexOf(' ');
            first = first[..(cut > 40 ? cut : 100)];
            return first.ToString() + "…";
        }

        return first.ToString();
    }
}
