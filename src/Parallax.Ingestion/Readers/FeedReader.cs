using System.Xml;
using System.Xml.Linq;
using Parallax.Core;
using Parallax.Ingestion.Cleaning;
using Parallax.Ingestion.Html;

namespace Parallax.Ingestion.Readers;

/// <summary>
/// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one article per item with text (<c>content:encoded</c>, Atom
/// <c>content</c>, else <c>description</c>/<c>summary</c>), HTML content turned into paragraphs. The XML parser
/// prohibits DTDs and resolves nothing, so entity bombs and external entities are refused before expansion.
/// </summary>
internal static class FeedReader
{
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static IEnumerable<Parsed> Read(string xml, InputOrigin origin, ReadOptions options)
    {
        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersFromEntities = 1024,
                MaxCharactersInDocument = Math.Max(1024, options.MaxBytes),
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
            };
            using var sr = new StringReader(xml);
            using var reader = XmlReader.Create(sr, settings);
            doc = XDocument.Load(reader);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("DOCTYPE", StringComparison.OrdinalIgnoreCase))
        {
            return [Parsed.Fail(origin, ErrorCodes.InputUnsafeXml, "the feed declares a DTD (<!DOCTYPE ...>), which can hide entity bombs or external entities; feeds do not need one, so it is refused.")];
        }
        catch (XmlException ex)
        {
            return [Parsed.Fail(origin, ErrorCodes.InputMalformedXml, $"the feed is not well-formed XML (line {ex.LineNumber}, position {ex.LinePosition}): {ex.Message}")];
        }

        var root = doc.Root!;
        var items = new List<XElement>();
        string? feedTitle = null;
        if (root.Name.LocalName == "feed")
        {
            feedTitle = Value(root.Element(Atom + "title"));
            items.AddRange(root.Elements(Atom + "entry"));
        }
        else
        {
            var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel");
            feedTitle = Value(channel?.Elements().FirstOrDefault(e => e.Name.LocalName == "title"));
            items.AddRange(root.Descendants().Where(e => e.Name.LocalName == "item"));
        }

        if (items.Count == 0)
        {
            return [Parsed.Fail(origin, ErrorCodes.InputNoArticle, $"the feed has no items{(root.Name.LocalName is "rss" or "feed" or "RDF" ? string.Empty : $" (its root element is <{root.Name.LocalName}>, not rss, feed or rdf:RDF)")}.")];
        }

        var results = new List<Parsed>(items.Count);
        int index = 0;
        foreach (var item in items)
        {
            index++;
            results.Add(FromItem(item, origin with { Record = index }, feedTitle, options));
        }

        return results;
    }

    private static Parsed FromItem(XElement item, InputOrigin origin, string? feedTitle, ReadOptions options)
    {
        string? Child(params XName[] names)
        {
            foreach (var n in names)
            {
                var v = Value(item.Element(n));
                if (!string.IsNullOrWhiteSpace(v))
                {
                    return v;
                }
            }

            return null;
        }

        var ns = item.Name.Namespace;
        var html = Child(Content + "encoded", Atom + "content", ns + "description", Atom + "summary", "description");
        if (string.IsNullOrWhiteSpace(html))
        {
            return Parsed.Fail(origin, ErrorCodes.InputNoArticle, $"item {origin.Record} has no content:encoded, content, description or summary: there is no text to read.");
        }

        string text;
        IReadOnlyList<TextRange> headings = [];
        if (html.Contains('<', StringComparison.Ordinal))
        {
            var fragment = MainTextExtractor.FragmentText(LightHtml.Parse(html));
            text = fragment.Text;
            headings = fragment.Headings;
        }
        else
        {
            text = HtmlArticleReader.ToParagraphs(System.Net.WebUtility.HtmlDecode(html));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Parsed.Fail(origin, ErrorCodes.InputNoArticle, $"item {origin.Record}'s content is empty once its markup is removed.");
        }

        var title = PageMetadata.Clean(Child(ns + "title", Atom + "title", "title"));
        var link = Child(ns + "link", "link") ?? item.Elements(Atom + "link")
            .Where(l => (string?)l.Attribute("rel") is null or "alternate").Select(l => (string?)l.Attribute("href")).FirstOrDefault();
        var url = Urls.Absolute(link) ?? Urls.Absolute(Child(ns + "guid", "guid"));
        var date = Child(ns + "pubDate", "pubDate", Dc + "date", Atom + "published", Atom + "updated");
        var authors = new List<string>();
        foreach (var a in item.Elements().Where(e => e.Name == Dc + "creator" || e.Name.LocalName == "author"))
        {
            var name = a.Element(Atom + "name") is { } n ? n.Value : a.Value;
            PageMetadata.AddAuthor(authors, name);
        }

        var cleaning = ArticleCleaner.Clean(text, new CleaningHints { Title = title, Headings = headings });
        return new Parsed.Draft(new ArticleDraft
        {
            Text = text,
            Title = title ?? Titles.FromText(text, "untitled"),
            Source = options.Source ?? PageMetadata.Clean(feedTitle),
            SourceDomain = Urls.DomainOf(url),
            Url = url,
            Published = ParseFeedDate(date) ?? options.Published,
            Authors = authors,
            Format = InputFormat.Feed.Name(),
            Origin = origin,
            Cleaning = cleaning.Layer,
            Extractor = "feed",
        });
    }

    private static string? Value(XElement? e) => e?.Value;

    /// <summary>RFC 822 dates ("Sat, 30 Sep 2017 08:00:00 GMT", "+0000", "EST") and ISO 8601.</summary>
    internal static DateTimeOffset? ParseFeedDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var v = value.Trim();
        foreach (var (zone, offset) in new[] { (" GMT", "+00:00"), (" UT", "+00:00"), (" UTC", "+00:00"), (" Z", "+00:00"), (" EST", "-05:00"), (" EDT", "-04:00"), (" CST", "-06:00"), (" CDT", "-05:00"), (" MST", "-07:00"), (" MDT", "-06:00"), (" PST", "-08:00"), (" PDT", "-07:00") })
        {
            if (v.EndsWith(zone, StringComparison.OrdinalIgnoreCase))
            {
                v = v[..^zone.Length] + " " + offset;
                break;
            }
        }

        return PageMetadata.ParseDate(v);
    }
}
