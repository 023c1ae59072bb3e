using System.Collections.Frozen;
using System.Text.RegularExpressions;
using Parallax.Core;

namespace Parallax.Ingestion.Cleaning;

/// <summary>A named rule that marks a whole paragraph (or line) as not the article.</summary>
/// <param name="Name">Stable name recorded in each <see cref="Exclusion"/> it makes.</param>
/// <param name="MaxLength">Paragraphs longer than this (characters) are never matched: they are prose.</param>
public sealed record LineRule(string Name, ExclusionKind Kind, Regex Pattern, int MaxLength = 200);

/// <summary>
/// The cleaning rules, as data. Each is matched against a whole paragraph (trimmed); the first that matches marks it.
/// They are general features of page furniture (comment notices, share and subscribe prompts, photo credits,
/// copyright lines, labelled teasers), not strings of particular articles. The structural rules (title, section
/// labels, source line, teasers and subheadings between body paragraphs) are in <see cref="ArticleCleaner"/>,
/// with their thresholds here.
/// </summary>
public static partial class CleaningRules
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // ------------------------------------------------------------ thresholds of the structural rules

    /// <summary>A title, section label, teaser or subheading has at most this many words.</summary>
    public const int MaxHeadingWords = 16;

    /// <summary>... and at most this many characters.</summary>
    public const int MaxHeadingChars = 160;

    /// <summary>A section label has at most this many words per item ("News, Culture &amp; Society": items of 1-2 words).</summary>
    public const int MaxLabelItemWords = 3;

    /// <summary>A line with at most this many words and no verb-like shape is a label, not a headline.</summary>
    public const int MaxLabelWords = 3;

    /// <summary>How many leading paragraphs are searched for the title.</summary>
    public const int TitleSearchDepth = 4;

    /// <summary>How many following body paragraphs a subheading's words must recur in.</summary>
    public const int EchoWindow = 3;

    /// <summary>A body paragraph (for "between body paragraphs") has at least this many characters.</summary>
    public const int MinBodyParagraph = 60;

    // ------------------------------------------------------------ whole-paragraph rules

    public static readonly IReadOnlyList<LineRule> Rules =
    [
        new("comment-notice", ExclusionKind.CommentNotice, CommentNotice()),
        new("share-prompt", ExclusionKind.SharePrompt, SharePrompt()),
        new("subscribe-prompt", ExclusionKind.SubscribePrompt, SubscribePrompt(), 240),
        new("photo-credit", ExclusionKind.PhotoCredit, PhotoCredit()),
        new("copyright-line", ExclusionKind.Other, Copyright()),
        new("advertisement-label", ExclusionKind.Advertisement, Advertisement()),
        new("byline", ExclusionKind.Byline, Byline(), 100),
    ];

    /// <summary>
    /// Labels that introduce a link to another article when they open a short line ("OPINION: ...", "READ MORE: ...").
    /// Compared case-insensitively; the label must be followed by a colon or a dash.
    /// </summary>
    public static readonly FrozenSet<string> TeaserLabels = new[]
    {
        "opinion", "read more", "read", "more", "related", "related article", "related story", "related stories", "also read", "read also",
        "see also", "see more", "watch", "video", "listen", "podcast", "analysis", "explainer", "inside story", "in pictures", "in depth",
        "recommended", "recommended reading", "more on this", "more on this story", "further reading", "don't miss", "dont miss", "trending",
        "must read", "most read", "editor's picks", "top stories", "latest", "breaking", "live", "photos", "gallery", "feature", "interactive",
        "special report", "profile", "q&a", "timeline", "fact check", "viewpoint", "comment", "review", "quiz", "poll", "click here",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that carry no topic, for the subheading echo test.</summary>
    public static readonly FrozenSet<string> StopWords = new[]
    {
        "the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "from", "by", "as", "is", "are", "was", "were", "be",
        "been", "it", "its", "this", "that", "these", "those", "what", "which", "who", "whom", "how", "why", "when", "where", "here", "there",
        "we", "you", "they", "he", "she", "his", "her", "their", "our", "your", "not", "no", "will", "would", "can", "could", "should", "may",
        "might", "has", "have", "had", "do", "does", "did", "about", "over", "after", "before", "into", "out", "up", "down", "than", "then",
        "just", "more", "most", "new", "says", "said", "know", "all", "some", "any",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^((sorry,? )?(we are|we're) not (currently )?accepting comments( on this (article|story|post|page))?|comments? (are|is) (now )?(closed|disabled|off)( for this (article|story|post))?|comments? (have|has) been (closed|disabled)|(leave|post|add|write) a (comment|reply)|(\d+ )?comments?:?|(show|view|load|read) (all )?(\d+ )?comments|join the (conversation|discussion|debate)|be the first to comment|commenting (is|has been) (closed|disabled)( for this (article|story))?|you must be (logged in|signed in) to (post a )?comment)\W{0,3}$", Options)]
    private static partial Regex CommentNotice();

    [GeneratedRegex(@"^(share|tweet|email|print|pin|save|copy link|whatsapp|facebook|twitter|linkedin|reddit|messenger|pinterest|flipboard|telegram)([\s|,/•·]+(share|tweet|email|print|pin|save|copy link|whatsapp|facebook|twitter|linkedin|reddit|messenger|pinterest|flipboard|telegram))*\s*$|^share (this|the) (article|story|post|page)\b|^share (on|via) \w+|^(click|tap) to share\b|^follow us on\b|^like us on facebook\b", Options)]
    private static partial Regex SharePrompt();

    [GeneratedRegex(@"^(subscribe|sign up|register)\b.{0,120}\b(newsletter|updates|inbox|email|alerts|briefing|digest)\b|^get (our|the) .{0,80}(newsletter|briefing|digest|alerts)\b|^(subscribe|sign up) (now|today|here)\b|^(already a subscriber|become a (member|subscriber)|support (our|independent) journalism)\b|^(get|receive) .{0,80} (delivered )?(straight )?to your inbox\b", Options)]
    private static partial Regex SubscribePrompt();

    [GeneratedRegex(@"^[\[(]?(photo|photograph|picture|image|pic|video|illustration|graphic|credit|photo credit|image credit|file photo)s?( by)?\s*[:/]\s*.{1,120}$|^[\[(]?(getty images|afp|reuters|ap|epa|shutterstock|alamy|pa|xinhua|anadolu)( photo| images| via getty images)?[\])]?$|^.{0,120}/\s?(getty images|afp|reuters|ap photo|epa|shutterstock|alamy|pa wire|xinhua)[\])]?$|^\(?(file )?photo\)?$", Options)]
    private static partial Regex PhotoCredit();

    [GeneratedRegex(@"^(©|\(c\)|copyright)\s*(\d{4}|[A-Z])|all rights reserved\.?$", Options)]
    private static partial Regex Copyright();

    [GeneratedRegex(@"^(advertisement|advertising|sponsored( content)?|ad|story continues below( advertisement)?|article continues below( this ad)?|continue reading below)$", Options)]
    private static partial Regex Advertisement();

    [GeneratedRegex(@"^by\s+\p{Lu}[\p{L}.'’\-]+(\s+\p{Lu}[\p{L}.'’\-]+){0,3}((\s*(,|and|&)\s*\p{Lu}[\p{L}.'’\-]+(\s+\p{Lu}[\p{L}.'’\-]+){0,3}){0,3})(\s*[,|]\s*.{0,40})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Byline();

    /// <summary>"Source: Al Jazeera and news agencies", "Sources: AP, Reuters".</summary>
    [GeneratedRegex(@"^sources?\s*[:\-–—]\s*(?<name>.{2,120}?)\.?$", Options)]
    public static partial Regex SourceLine();

    /// <summary>A label before a colon or dash at the start of a line ("OPINION: ...", "READ MORE - ...").</summary>
    [GeneratedRegex(@"^(?<label>[\p{L}'’& ]{2,30}?)\s*(:|\s[-–—|]\s)\s*\S", RegexOptions.CultureInvariant)]
    public static partial Regex LabelPrefix();

    /// <summary>A headline followed by the name of a programme or outlet: "... – The Listening Post", "... | Inside Story".</summary>
    [GeneratedRegex(@"\s[-–—|]\s(?<tail>(The |the )?\p{Lu}[\p{L}'’]*( (of |on |the |and |&)?\p{Lu}[\p{L}'’]*){0,4})\s*$", RegexOptions.CultureInvariant)]
    public static partial Regex OutletSuffix();

    /// <summary>"Topic: Headline" (a capital after the colon), the shape of a teaser link.</summary>
    [GeneratedRegex(@"^[^:]{3,60}:\s+\p{Lu}", RegexOptions.CultureInvariant)]
    public static partial Regex TopicColonHeadline();

    /// <summary>A dateline or timestamp line ("Published: 14 October 2017", "Updated 3:45 PM ET").</summary>
    [GeneratedRegex(@"^(published|updated|posted|last updated|first published)( on| at)?\s*:?\s*.{0,60}\d.{0,40}$", Options)]
    public static partial Regex DateLine();
}
