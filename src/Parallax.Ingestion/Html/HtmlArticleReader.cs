using System.Text;
using Parallax.Core;
using Parallax.Ingestion.Cleaning;
using Parallax.Ingestion.Readers;

namespace Parallax.Ingestion.Html;

/// <summary>
/// Reads an article from an HTML page, by a documented cascade:
/// <list type="number">
/// <item><b>own</b> (<see cref="MainTextExtractor"/> over <see cref="LightHtml"/>): fast, and measured best on the
///   article-extraction set; "own:selector" when a body-marker container was used.</item>
/// <item><b>smartreader</b> (SmartReader, Mozilla Readability's port, over AngleSharp): only when the own text is
///   shorter than <see cref="ExtractionRules.MinArticleChars"/>; its text is taken when it is at least
///   <see cref="ExtractionRules.FallbackGainRatio"/> times longer.</item>
/// <item><b>jsonld</b>: the page's schema.org articleBody, when both of the above found nothing usable.</item>
/// </list>
/// Metadata (title, authors, date, canonical URL, site) comes from <see cref="PageMetadata"/>.
/// </summary>
public static class HtmlArticleReader
{
    /// <summary>Extracts title, metadata and main text from a decoded page.</summary>
    /// <param name="html">The decoded page.</param>
    /// <param name="url">The page's address, when known.</param>
    /// <param name="cascade">The order of the cascade: the product reads own-first; <see cref="ExtractionCascade.SmartReaderFirst"/>
    /// exists to measure the alternative (<c>parallax eval extract --cascade smartreader-first</c>).</param>
    public static (PageMetadata Metadata, ExtractedText Text) Extract(string html, string? url, ExtractionCascade cascade = ExtractionCascade.OwnFirst)
    {
        var doc = LightHtml.Parse(html);
        var meta = PageMetadata.Read(doc);
        if (cascade == ExtractionCascade.SmartReaderFirst)
        {
            if (SmartReaderText(html, url) is { } first && first.Text.Length >= ExtractionRules.MinArticleChars)
            {
                return (meta, first);
            }

            return (meta, OrJsonLd(MainTextExtractor.Extract(doc, meta.Title), meta));
        }

        var own = MainTextExtractor.Extract(doc, meta.Title);
        if (own.Text.Length >= ExtractionRules.MinArticleChars)
        {
            return (meta, own);
        }

        var best = own;
        var smart = SmartReaderText(html, url);
        if (smart is not null && smart.Text.Length >= Math.Max(1, own.Text.Length) * ExtractionRules.FallbackGainRatio)
        {
            best = smart;
        }

        return (meta, OrJsonLd(best, meta));
    }

    /// <summary>The last step of the cascade: the page's schema.org articleBody when the extractors found nothing.</summary>
    private static ExtractedText OrJsonLd(ExtractedText best, PageMetadata meta) =>
        best.Text.Length == 0 && meta.JsonLdBody is { Length: > 0 } ld ? new ExtractedText(ToParagraphs(ld), [], "jsonld") : best;

    internal static Parsed Read(string html, InputOrigin origin, string? url, ReadOptions options, string format)
    {
        var (meta, extracted) = Extract(html, url);
        if (string.IsNullOrWhiteSpace(extracted.Text))
        {
            return Parsed.Fail(origin, ErrorCodes.InputNoArticle, "no article text was found in the page (is it a home page, a gallery, or a page built by JavaScript?).");
        }

        var text = extracted.Text;
        var title = meta.Title ?? Titles.FromText(text, "untitled");
        var cleaning = ArticleCleaner.Clean(text, new CleaningHints { Title = title, Headings = extracted.Headings });
        var pageUrl = Urls.Absolute(url) ?? Urls.Absolute(meta.CanonicalUrl);
        var canonical = Urls.Absolute(meta.CanonicalUrl);
        return new Parsed.Draft(new ArticleDraft
        {
            Text = text,
            Title = title,
            Source = meta.SiteName ?? options.Source,
            SourceDomain = Urls.DomainOf(canonical ?? pageUrl),
            Url = pageUrl,
            CanonicalUrl = canonical,
            Published = meta.Published ?? options.Published,
            Authors = meta.Authors,
            // a page's lang attribute is often a template's default: detect first, fall back to it
            Language = (options.DetectLanguage ? Language.LanguageIdentifier.Detect(cleaning.Layer.BodyText(text)) : null) ?? meta.Language,
            Format = format,
            Origin = origin,
            Cleaning = cleaning.Layer,
            Extractor = extracted.Extractor,
            Raw = options.KeepRaw ? html : null,
        });
    }

    private static ExtractedText? SmartReaderText(string html, string? url)
    {
        try
        {
            var reader = new SmartReader.Reader(Urls.Absolute(url) ?? "https://localhost/", html) { Debug = false, Logging = SmartReader.ReportLevel.Issue };
            var article = reader.GetArticle();
            return article.IsReadable && !string.IsNullOrWhiteSpace(article.TextContent)
                ? new ExtractedText(ToParagraphs(article.TextContent), [], "smartreader")
                : null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NullReferenceException or FormatException or UriFormatException)
        {
            return null; // the fallback failing leaves the own result
        }
    }

    /// <summary>Lines trimmed and joined as paragraphs separated by blank lines.</summary>
    internal static string ToParagraphs(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text.Split('\n'))
        {
            var line = PageMetadata.Clean(raw);
            if (line is null)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            sb.Append(line);
        }

        return sb.ToString();
    }
}

/// <summary>The order in which <see cref="HtmlArticleReader"/> tries its extractors.</summary>
public enum ExtractionCascade
{
    /// <summary>Own extractor first, SmartReader when the own text is short, then JSON-LD (the product's order).</summary>
    OwnFirst,

    /// <summary>SmartReader first, the own extractor when SmartReader finds too little, then JSON-LD.</summary>
    SmartReaderFirst,
}
