using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Parallax.Ingestion.Html;

/// <summary>
/// Every selector and threshold of the HTML main-text extraction, as data in one place (like trafilatura's
/// xpaths.py). The cascade in <see cref="MainTextExtractor"/> reads only these.
/// </summary>
public static partial class ExtractionRules
{
    // ------------------------------------------------------------ thresholds

    /// <summary>A block shorter than this (characters) does not score as a paragraph when choosing the article's container.</summary>
    public const int MinScoringParagraph = 25;

    /// <summary>A block whose linked text is more than this share of its text is a list of links, not prose.</summary>
    public const double MaxLinkDensity = 0.5;

    /// <summary>A block of at most this many characters with any link density over <see cref="MaxLinkDensity"/> is dropped; longer ones need 0.8.</summary>
    public const int ShortBlock = 200;

    /// <summary>The own extractor under-delivers when its text is shorter than this (characters) ...</summary>
    public const int MinArticleChars = 250;

    /// <summary>... or when SmartReader finds this many times more text (then SmartReader's text is used).</summary>
    public const double FallbackGainRatio = 1.8;

    /// <summary>A body-selector match is used when it holds at least this share of the best-scoring container's paragraph text.</summary>
    public const double SelectorShareOfBest = 0.5;

    /// <summary>The chosen container is widened to its parent when the parent's paragraph text is at least this much more ...</summary>
    public const double WidenRatio = 1.3;

    /// <summary>... and the parent's extra text is itself prose (link density under this).</summary>
    public const double WidenMaxLinkDensity = 0.35;

    /// <summary>A subtree with furniture class/id words is skipped only when it holds less than this share of the page's paragraph text.</summary>
    public const double FurnitureMaxShare = 0.5;

    // ------------------------------------------------------------ elements

    /// <summary>Elements whose whole subtree is never article text.</summary>
    public static readonly HashSet<string> SkippedElements = new(StringComparer.Ordinal)
    {
        "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio", "map",
        "button", "input", "select", "textarea", "option", "label", "nav", "aside", "footer", "figure", "figcaption", "picture", "img",
        "dialog", "menu", "title", "meta", "link", "address", "del", "s", "strike",
    };

    /// <summary>Elements skipped like furniture-named ones: unless they hold most of the page's paragraph text (a form around a whole ASP.NET page).</summary>
    public static readonly HashSet<string> SoftSkippedElements = new(StringComparer.Ordinal) { "form", "header" };

    /// <summary>Elements that end a paragraph of the extracted text (everything else is inline).</summary>
    public static readonly HashSet<string> BlockElements = new(StringComparer.Ordinal)
    {
        "p", "div", "section", "article", "main", "blockquote", "pre", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot",
        "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "center", "details", "hgroup", "caption",
    };

    public static readonly HashSet<string> Headings = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "h5", "h6" };

    /// <summary>Elements that score as paragraphs when choosing the container.</summary>
    public static readonly HashSet<string> ParagraphElements = new(StringComparer.Ordinal) { "p", "pre", "blockquote", "li", "td", "dd" };

    /// <summary>ARIA roles of page furniture.</summary>
    public static readonly HashSet<string> SkippedRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "dialog", "alertdialog", "search", "toolbar", "tablist",
    };

    // ------------------------------------------------------------ class and id words

    /// <summary>
    /// Class or id words (split at spaces, '-', '_' and camelCase) of page furniture: a subtree so marked is skipped,
    /// unless it also carries a word of <see cref="ContentWords"/> (as in Readability's unlikely/maybe pair).
    /// </summary>
        public static readonly FrozenSet<string> FurnitureWords = new[]
    {
        "ad", "ads", "adslot", "adunit", "advert", "advertisement", "advertising", "affiliate", "aside", "audio", "author", "authors",
        "banner", "bio", "breadcrumb", "breadcrumbs", "byline", "callout", "caption", "card", "cards", "carousel", "comment", "commentary",
        "comments", "consent", "cookie", "cookies", "copyright", "correction", "corrections", "credit", "credits", "dateline", "dfp",
        "disclaimer", "disqus", "donate", "download", "email", "embed", "factbox", "feedback", "follow", "footer", "gallery", "gdpr", "gpt",
        "headline", "hidden", "hide", "infobox", "jump", "keywords", "kicker", "legal", "listen", "login", "masthead", "membership", "menu",
        "meter", "modal", "more", "most", "mostread", "nav", "navbar", "navigation", "newsletter", "newsletters", "notification", "outbrain",
        "overlay", "pager", "pagination", "paywall", "photo", "player", "playlist", "podcast", "poll", "popular", "popup", "print", "promo",
        "promoted", "promotion", "pull", "pullquote", "rail", "rating", "reactions", "readmore", "readnext", "recirc", "recommendations",
        "recommended", "register", "related", "relatedposts", "screenreader", "search", "share", "shares", "sharing", "sidebar", "signup", "skip",
        "slideshow", "social", "sociallinks", "socials", "sponsor", "sponsored", "sr", "sticky", "subscribe", "subscription", "summary", "survey",
        "taboola", "tag", "tagged", "tags", "teaser", "teasers", "timestamp", "toc", "toolbar", "topics", "tout", "trending", "upnext", "video",
        "visually", "widget", "widgets",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Class or id words that mark the article's text itself.</summary>
        public static readonly FrozenSet<string> ContentWords = new[]
    {
        "article", "articlebody", "body", "content", "contents", "entry", "post", "story", "storybody", "text", "main", "prose", "richtext", "copy", "blog", "column", "page",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Body selectors: generic markers of an article's text container used across CMSs (schema.org's articleBody,
    /// WordPress's entry-content, ...). Each is a class/id/itemprop value (compared case-insensitively, whole).
    /// </summary>
    public static readonly FrozenSet<string> BodyMarkers = new[]
    {
        "articleBody", "article-body", "article_body", "articlebody", "article__body", "article-body-text", "article__content", "article-content",
        "article_content", "articleContent", "article-text", "article__text", "articletext", "article-main", "story-body", "story__body",
        "storybody", "story-content", "story-text", "story-body-text", "entry-content", "entry__content", "entry-body", "post-content",
        "post_content", "post__content", "postcontent", "post-body", "post-entry", "postBody", "post-text", "body-text", "bodytext",
        "body-copy", "content-body", "article-copy", "rich-text", "richtext", "main-content-body", "c-entry-content", "td-post-content",
        "field-name-body", "field--name-body", "news-content", "news-body", "news-text", "blog-content", "blog-post-content", "single-content",
        "text-content", "article-detail", "article-details", "articleDetail", "story", "content-text", "zn-body__paragraph", "paywall-article",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    // ------------------------------------------------------------ blocks inside the article

    /// <summary>Short blocks that are page furniture even inside the article's container (matched on the whole block).</summary>
    [GeneratedRegex(
        @"^\s*(advertisement|advertisements|ad|sponsored|sponsored content|story continues below( advertisement)?|continue reading( below)?|" +
        @"article continues below( this ad)?|scroll to continue( with content)?|read more|read more:?|see also:?|related:?|related articles?:?|" +
        @"related stories:?|recommended:?|more:|more from .{1,40}|click here to .{1,80}|image:? .{0,80}|photo:? .{0,80}|(\(|\[)?(photo|image|picture|video)( credit)?:.{0,120}|" +
        @"share( this( article| story)?)?:?|share on (facebook|twitter|x|whatsapp|linkedin|email)|follow us on .{1,40}|sign up .{0,120}newsletter.{0,40}|" +
        @"subscribe( now)?( to .{1,60})?|loading\.*|please enable javascript.{0,80}|your browser does not support .{0,80})\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex FurnitureBlock();

    /// <summary>
    /// Splits a class or id value into words ("td-post-sharing" -> td, post, sharing; "articleBody" -> article, body)
    /// and tests them: furniture wins only when no content word is present.
    /// </summary>
    public static bool IsFurnitureName(string? value)
    {
        var (furniture, content) = ClassifyName(value);
        return furniture && !content;
    }

    /// <summary>Whether a class or id value holds a furniture word and whether it holds a content word.</summary>
    public static (bool Furniture, bool Content) ClassifyName(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 300)
        {
            return (false, false);
        }

        var furnitureLookup = FurnitureWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var contentLookup = ContentWords.GetAlternateLookup<ReadOnlySpan<char>>();
        bool furniture = false, content = false;
        int start = -1;
        for (int i = 0; i <= value.Length; i++)
        {
            char c = i < value.Length ? value[i] : ' ';
            bool boundary = !char.IsAsciiLetterOrDigit(c) || (i > 0 && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(value[i - 1]));
            if (boundary)
            {
                if (start >= 0 && i > start)
                {
                    var word = value.AsSpan(start, i - start);
                    content |= contentLookup.Contains(word);
                    furniture |= furnitureLookup.Contains(word);
                }

                start = char.IsAsciiLetterOrDigit(c) ? i : -1;
            }
            else if (start < 0)
            {
                start = i;
            }
        }

        return (furniture, content);
    }

    /// <summary>True when the value is one of <see cref="BodyMarkers"/> (any of its space-separated tokens).</summary>
    public static bool IsBodyMarker(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var lookup = BodyMarkers.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var range in value.AsSpan().Split(' '))
        {
            var token = value.AsSpan(range).Trim();
            if (token.Length > 0 && lookup.Contains(token))
            {
                return true;
            }
        }

        return false;
    }
}
