using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Parallax.Ingestion.Html;

/// <summary>What a page says about itself: title, authors, dates, canonical URL, site, language, and a JSON-LD body.</summary>
public sealed record PageMetadata
{
    public string? Title { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public DateTimeOffset? Published { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? SiteName { get; init; }

    public string? Language { get; init; }

    /// <summary>schema.org articleBody from JSON-LD, when the page carries one.</summary>
    public string? JsonLdBody { get; init; }

    /// <summary>
    /// Reads a page's metadata. Each field takes the first of: title — og:title, twitter:title, JSON-LD headline,
    /// the first h1, the title element (without its " - Site" tail); authors — JSON-LD author names, meta author,
    /// article:author (names, not URLs), rel/itemprop author; published — article:published_time, itemprop
    /// datePublished, JSON-LD datePublished, common date metas, the first time element's datetime; canonical —
    /// link rel=canonical, og:url; site — og:site_name, JSON-LD publisher name, application-name.
    /// </summary>
    public static PageMetadata Read(LightHtml doc)
    {
        var metas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? titleElement = null, h1 = null, canonical = null, lang = null, timeDate = null;
        var relAuthors = new List<string>();
        var jsonLd = new List<string>();
        foreach (var e in doc.Elements)
        {
            switch (e.Name)
            {
                case "meta":
                    var key = e.Attr("property") ?? e.Attr("name") ?? e.Attr("itemprop") ?? e.Attr("http-equiv");
                    var content = e.Attr("content") ?? e.Attr("datetime");
                    if (key is not null && !string.IsNullOrWhiteSpace(content))
                    {
                        metas.TryAdd(key.Trim(), content.Trim());
                    }

                    break;
                case "title":
                    titleElement ??= Clean(LightHtml.RawTextOf(e));
                    break;
                case "h1":
                    h1 ??= TextOf(doc, e);
                    break;
                case "link":
                    if (canonical is null && e.Attr("rel") is { } rel && rel.Contains("canonical", StringComparison.OrdinalIgnoreCase))
                    {
                        canonical = e.Attr("href");
                    }

                    break;
                case "html":
                    lang ??= e.Attr("lang");
                    break;
                case "time":
                    timeDate ??= e.Attr("datetime");
                    break;
                case "script":
                    if (e.Attr("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase) && e.RawContent is { Length: > 0 } raw)
                    {
                        jsonLd.Add(raw);
                    }

                    break;
            }

            if ((string.Equals(e.Attr("rel"), "author", StringComparison.OrdinalIgnoreCase) || string.Equals(e.Attr("itemprop"), "author", StringComparison.OrdinalIgnoreCase))
                && e.Name is not "link" and not "meta" && relAuthors.Count < 5)
            {
                var name = TextOf(doc, e);
                if (name.Length is > 2 and < 80)
                {
                    relAuthors.Add(name);
                }
            }

            if (string.Equals(e.Attr("itemprop"), "datePublished", StringComparison.OrdinalIgnoreCase) && e.Name != "meta")
            {
                var value = e.Attr("datetime") ?? e.Attr("content");
                if (value is not null)
                {
                    metas.TryAdd("itemprop:datePublished", value);
                }
            }
        }

        var ld = JsonLdArticle.From(jsonLd);
        string? Meta(params string[] keys)
        {
            foreach (var k in keys)
            {
                if (metas.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v))
                {
                    return v;
                }
            }

            return null;
        }

        var title = Clean(Meta("og:title", "twitter:title")) ?? Clean(ld.Headline) ?? Clean(h1) ?? StripSiteTail(titleElement);
        var authors = ld.Authors.Count > 0 ? ld.Authors : AuthorsFrom(Meta("author", "article:author", "parsely-author", "sailthru.author", "dc.creator"), relAuthors);
        var published = ParseDate(Meta("article:published_time", "itemprop:datePublished", "datePublished"))
            ?? ParseDate(ld.DatePublished)
            ?? ParseDate(Meta("pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "og:published_time", "article:published", "originalpublicationdate"))
            ?? ParseDate(timeDate);
        var site = Clean(Meta("og:site_name")) ?? Clean(ld.Publisher) ?? Clean(Meta("application-name", "twitter:site"))?.TrimStart('@');
        var language = NormaliseLanguage(lang) ?? NormaliseLanguage(Meta("content-language", "og:locale", "language", "dc.language"));
        return new PageMetadata
        {
            Title = title,
            Authors = authors,
            Published = published,
            CanonicalUrl = Clean(canonical) ?? Clean(Meta("og:url")),
            SiteName = site,
            Language = language,
            JsonLdBody = ld.ArticleBody,
        };
    }

    internal static string TextOf(LightHtml doc, LightNode e)
    {
        var sb = new StringBuilder();
        void Walk(LightNode n)
        {
            foreach (var c in n.Children)
            {
                if (c.IsText)
                {
                    doc.AppendText(c, sb);
                }
                else if (c.Name is not ("script" or "style" or "noscript" or "svg"))
                {
                    Walk(c);
                    if (ExtractionRules.BlockElements.Contains(c.Name!) || c.Name == "br")
                    {
                        sb.Append(' ');
                    }
                }
            }
        }

        Walk(e);
        return Clean(sb.ToString()) ?? string.Empty;
    }

    /// <summary>Collapses whitespace; null for blank.</summary>
    internal static string? Clean(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
        {
            return null;
        }

        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s.Trim())
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c);
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    private static string? StripSiteTail(string? title)
    {
        if (title is null)
        {
            return null;
        }

        foreach (var sep in new[] { " | ", " - ", " – ", " — ", " :: ", " · " })
        {
            int at = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (at > 15 && title.Length - at - sep.Length <= 40)
            {
                return title[..at].Trim();
            }
        }

        return title;
    }

    private static List<string> AuthorsFrom(string? meta, List<string> relAuthors)
    {
        var result = new List<string>();
        if (meta is not null && !meta.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var part in meta.Split([",", " and ", ";", "|"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                AddAuthor(result, part);
            }
        }

        if (result.Count == 0)
        {
            foreach (var a in relAuthors)
            {
                AddAuthor(result, a);
            }
        }

        return result;
    }

    internal static void AddAuthor(List<string> authors, string? name)
    {
        var clean = Clean(name);
        if (clean is null)
        {
            return;
        }

        if (clean.StartsWith("by ", StringComparison.OrdinalIgnoreCase))
        {
            clean = clean[3..].Trim();
        }

        if (clean.Length is < 2 or > 80 || clean.StartsWith("http", StringComparison.OrdinalIgnoreCase) || clean.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        if (!authors.Contains(clean, StringComparer.OrdinalIgnoreCase))
        {
            authors.Add(clean);
        }
    }

    /// <summary>Parses an ISO 8601 or RFC 1123 date; dates without an offset are taken as UTC.</summary>
    public static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim();
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var d))
        {
            return d;
        }

        // "20191119" or "2019-11-19T10:00:00+0000"
        string[] formats = ["yyyyMMdd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd HH:mm:ss", "ddd, dd MMM yyyy HH:mm:ss zzz"];
        var fixedOffset = v.Length > 5 && (v[^5] is '+' or '-') && char.IsDigit(v[^1]) ? v[..^2] + ":" + v[^2..] : v;
        if (DateTimeOffset.TryParseExact(fixedOffset, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out d))
        {
            return d;
        }

        return null;
    }

    /// <summary>"en-US" -> "en"; null for blanks and non-codes.</summary>
    internal static string? NormaliseLanguage(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim().Replace('_', '-');
        int dash = v.IndexOf('-', StringComparison.Ordinal);
        var code = (dash > 0 ? v[..dash] : v).ToLowerInvariant();
        return code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower) ? code : null;
    }
}

/// <summary>The fields of a schema.org Article (NewsArticle, BlogPosting, ...) found in a page's JSON-LD.</summary>
internal sealed class JsonLdArticle
{
    public string? Headline { get; private set; }

    public List<string> Authors { get; } = [];

    public string? DatePublished { get; private set; }

    public string? Publisher { get; private set; }

    public string? ArticleBody { get; private set; }

    public static JsonLdArticle From(List<string> scripts)
    {
        var result = new JsonLdArticle();
        foreach (var script in scripts)
        {
            try
            {
                using var json = JsonDocument.Parse(script.Trim().TrimEnd(';'), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                result.Visit(json.RootElement, 0);
            }
            catch (JsonException)
            {
                // a broken JSON-LD block says nothing
            }
        }

        return result;
    }

    private void Visit(JsonElement e, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Visit(item, depth + 1);
            }

            return;
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (e.TryGetProperty("@graph", out var graph))
        {
            Visit(graph, depth + 1);
        }

        if (!IsArticle(e))
        {
            return;
        }

        Headline ??= Str(e, "headline") ?? Str(e, "name");
        DatePublished ??= Str(e, "datePublished") ?? Str(e, "dateCreated");
        ArticleBody ??= Str(e, "articleBody");
        if (Publisher is null && e.TryGetProperty("publisher", out var pub))
        {
            Publisher = pub.ValueKind == JsonValueKind.Object ? Str(pub, "name") : pub.ValueKind == JsonValueKind.String ? pub.GetString() : null;
        }

        if (Authors.Count == 0 && e.TryGetProperty("author", out var author))
        {
            foreach (var a in author.ValueKind == JsonValueKind.Array ? author.EnumerateArray().ToArray() : [author])
            {
                var name = a.ValueKind == JsonValueKind.String ? a.GetString() : a.ValueKind == JsonValueKind.Object ? Str(a, "name") : null;
                PageMetadata.AddAuthor(Authors, name);
            }
        }
    }

    private static bool IsArticle(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var type))
        {
            return false;
        }

        foreach (var t in type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().ToArray() : [type])
        {
            if (t.ValueKind == JsonValueKind.String && t.GetString() is { } s
                && (s.Contains("Article", StringComparison.Ordinal) || s is "BlogPosting" or "Report" or "LiveBlogPosting" or "Posting" or "SocialMediaPosting"))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Array when v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String => v[0].GetString(),
            _ => null,
        } : null;
}
