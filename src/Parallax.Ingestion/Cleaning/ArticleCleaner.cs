using Parallax.Core;

namespace Parallax.Ingestion.Cleaning;

/// <summary>What the cleaner knows besides the text.</summary>
public sealed record CleaningHints
{
    /// <summary>The article's title when the input gave it (HTML, JSON, feeds): a first paragraph repeating it is marked.</summary>
    public string? Title { get; init; }

    /// <summary>Find the title in the text (plain text files): the first paragraph that is a headline, not a section label.</summary>
    public bool FindTitle { get; init; }

    /// <summary>Paragraphs known to be headings from markup (HTML h2-h6).</summary>
    public IReadOnlyList<TextRange> Headings { get; init; } = [];
}

/// <summary>The cleaning layer, and what cleaning learned: the title line and the "Source:" line's outlet.</summary>
public sealed record CleaningResult(CleaningLayer Layer, TextRange? TitleRange, string? SourceName)
{
    public string? TitleOf(string text) => TitleRange is { } r ? r.Of(text).Trim() : null;
}

/// <summary>
/// Marks what in an article's text is not the article, as ranges into the untouched text
/// (<see cref="CleaningLayer"/>). Works paragraph by paragraph (blank-line separated; a text without blank lines
/// is taken line by line):
/// <list type="number">
/// <item>title and section labels at the top (text files; or a first paragraph repeating a known title);</item>
/// <item>whole-paragraph rules of <see cref="CleaningRules.Rules"/> anywhere (comment notices, share and
///   subscribe prompts, photo credits, copyright, advertisement labels, bylines);</item>
/// <item>a closing "Source: ..." line (its outlet becomes the article's source);</item>
/// <item>short headline-shaped paragraphs between body paragraphs: teasers of other articles when labelled
///   ("OPINION: ..."), followed by an outlet or programme name ("... – The Listening Post"), in "Topic: Headline"
///   shape, last in the body, or when their topic words do not recur in the next paragraphs; subheadings of the
///   article itself when quoted, marked up as headings, or echoed by the paragraphs that follow. Subheadings are
///   marked (<see cref="ExclusionKind.Subheading"/>) so claim extraction can skip them and a reader can see why.</item>
/// </list>
/// </summary>
public static class ArticleCleaner
{
    public static CleaningResult Clean(string text, CleaningHints hints)
    {
        var units = Units(text);
        var kinds = new (ExclusionKind Kind, string Rule)?[units.Count];
        TextRange? titleRange = null;
        string? sourceName = null;

        // 1. title and section labels
        if (hints.FindTitle)
        {
            for (int i = 0; i < Math.Min(units.Count - 1, CleaningRules.TitleSearchDepth); i++)
            {
                var u = units[i].SpanOf(text).Trim();
                if (IsSectionLabel(u))
                {
                    kinds[i] = (ExclusionKind.SectionLabel, "section-label");
                    continue;
                }

                if (IsHeadline(u))
                {
                    kinds[i] = (ExclusionKind.Title, "title-line");
                    titleRange = units[i];
                }

                break;
            }
        }
        else if (hints.Title is { Length: > 0 } title && units.Count > 1 && SameWords(units[0].SpanOf(text), title))
        {
            kinds[0] = (ExclusionKind.Title, "title-repeated");
        }

        // 2. whole-paragraph rules
        for (int i = 0; i < units.Count; i++)
        {
            if (kinds[i] is not null)
            {
                continue;
            }

            var u = Trim(units[i].SpanOf(text));
            foreach (var rule in CleaningRules.Rules)
            {
                if (u.Length <= rule.MaxLength && rule.Pattern.IsMatch(u))
                {
                    kinds[i] = (rule.Kind, rule.Name);
                    break;
                }
            }
        }

        // 3. the closing source line (among the last paragraphs)
        for (int i = units.Count - 1; i >= Math.Max(0, units.Count - 4); i--)
        {
            if (kinds[i] is not null)
            {
                continue;
            }

            var m = CleaningRules.SourceLine().Match(Trim(units[i].SpanOf(text)));
            if (m.Success)
            {
                kinds[i] = (ExclusionKind.SourceLine, "source-line");
                sourceName = OutletOf(m.Groups["name"].Value.Trim());
                break;
            }
        }

        // 4. teasers and subheadings between body paragraphs
        var headings = new HashSet<TextRange>(hints.Headings);
        var titleWords = ContentWords(titleRange is { } tr ? tr.Of(text) : hints.Title ?? string.Empty);
        for (int i = 0; i < units.Count; i++)
        {
            if (kinds[i] is not null)
            {
                continue;
            }

            var u = Trim(units[i].SpanOf(text));
            var classified = ClassifyShortLine(text, units, kinds, i, u, headings.Contains(units[i]), titleWords);
            if (classified is not null)
            {
                kinds[i] = classified;
            }
        }

        var paragraphs = new List<TextRange>(units.Count);
        var excluded = new List<Exclusion>();
        for (int i = 0; i < units.Count; i++)
        {
            if (kinds[i] is { } k)
            {
                excluded.Add(new Exclusion(units[i], k.Kind, k.Rule));
            }
            else
            {
                paragraphs.Add(units[i]);
            }
        }

        return new CleaningResult(new CleaningLayer(paragraphs, excluded), titleRange, string.IsNullOrEmpty(sourceName) ? null : sourceName);
    }

    private static (ExclusionKind, string)? ClassifyShortLine(
        string text, List<TextRange> units, (ExclusionKind Kind, string Rule)?[] kinds, int i, string u, bool markedHeading, HashSet<string> titleWords)
    {
        int words = WordCount(u);
        if (words == 0 || words > CleaningRules.MaxHeadingWords || u.Length > CleaningRules.MaxHeadingChars || u.Contains('\n', StringComparison.Ordinal))
        {
            return null;
        }

        // a labelled teaser, whatever its punctuation
        var label = CleaningRules.LabelPrefix().Match(u);
        if (label.Success && CleaningRules.TeaserLabels.Contains(label.Groups["label"].Value.Trim()))
        {
            return (ExclusionKind.RelatedTeaser, "teaser-label");
        }

        if (CleaningRules.DateLine().IsMatch(u))
        {
            return (ExclusionKind.Other, "date-line");
        }

        bool headlineShape = !EndsSentence(u) && words >= 2 && char.IsUpper(FirstLetter(u));
        if (!headlineShape && !markedHeading)
        {
            return null;
        }

        int prev = PreviousBody(text, units, kinds, i);
        int next = NextBody(text, units, kinds, i);
        if (!markedHeading && (prev < 0 || !IsProse(units[prev].SpanOf(text))))
        {
            return null; // not between body paragraphs: a list, a table, a lead-in
        }

        if (CleaningRules.OutletSuffix().IsMatch(u) && !IsQuoted(u))
        {
            return (ExclusionKind.RelatedTeaser, "teaser-outlet-suffix");
        }

        if (IsQuoted(u))
        {
            return (ExclusionKind.Subheading, "quoted-subheading");
        }

        if (markedHeading)
        {
            return (ExclusionKind.Subheading, "html-heading");
        }

        if (CleaningRules.TopicColonHeadline().IsMatch(u))
        {
            return (ExclusionKind.RelatedTeaser, "teaser-topic-colon");
        }

        if (next < 0)
        {
            return (ExclusionKind.RelatedTeaser, "trailing-headline");
        }

        // echo: a subheading announces what follows; a teaser's topic words do not recur there
        var own = ContentWords(u);
        own.ExceptWith(titleWords);
        if (own.Count == 0)
        {
            return (ExclusionKind.Subheading, "echoed-subheading");
        }

        int seen = 0;
        for (int j = next; j < units.Count && seen < CleaningRules.EchoWindow; j++)
        {
            if (kinds[j] is not null)
            {
                continue;
            }

            seen++;
            var following = ContentWords(units[j].Of(text));
            if (own.Overlaps(following))
            {
                return (ExclusionKind.Subheading, "echoed-subheading");
            }
        }

        return (ExclusionKind.RelatedTeaser, "unechoed-headline");
    }

    private static int PreviousBody(string text, List<TextRange> units, (ExclusionKind Kind, string Rule)?[] kinds, int i)
    {
        for (int j = i - 1; j >= 0; j--)
        {
            if (kinds[j] is null && units[j].Length >= CleaningRules.MinBodyParagraph)
            {
                return j;
            }
        }

        return -1;
    }

    private static int NextBody(string text, List<TextRange> units, (ExclusionKind Kind, string Rule)?[] kinds, int i)
    {
        for (int j = i + 1; j < units.Count; j++)
        {
            if (kinds[j] is null && units[j].Length >= CleaningRules.MinBodyParagraph)
            {
                return j;
            }
        }

        return -1;
    }

    private static bool IsProse(ReadOnlySpan<char> s) => s.Length >= CleaningRules.MinBodyParagraph && EndsSentence(Trim(s.ToString()));

    /// <summary>A section label: a few capitalised words, or a list of such items ("News, Culture &amp; Society").</summary>
    internal static bool IsSectionLabel(ReadOnlySpan<char> line)
    {
        var s = line.ToString();
        if (s.Length == 0 || s.Length > 80 || EndsSentence(s))
        {
            return false;
        }

        int words = WordCount(s);
        var items = s.Split([',', '&', '|', '/', '›', '»', '>', '•', '·', '–', '—'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool allCapitalised = AllWordsCapitalised(s);
        if (items.Length >= 2 && items.All(it => WordCount(it) <= CleaningRules.MaxLabelItemWords) && allCapitalised)
        {
            return true;
        }

        return words <= CleaningRules.MaxLabelWords && (allCapitalised || s.All(c => !char.IsLower(c)));
    }

    /// <summary>A headline: a single line of 4 to 30 words that does not end like a sentence of prose.</summary>
    internal static bool IsHeadline(ReadOnlySpan<char> line)
    {
        var s = line.ToString();
        int words = WordCount(s);
        return words >= CleaningRules.MaxLabelWords + 1 && words <= 30 && !s.Contains('\n', StringComparison.Ordinal) && !s.TrimEnd().EndsWith('.');
    }

    private static bool AllWordsCapitalised(string s)
    {
        foreach (var w in s.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var letter = FirstLetter(w);
            if (letter != '\0' && !char.IsUpper(letter) && !IsMinorWord(w))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMinorWord(string w) => w is "and" or "of" or "the" or "&" or "in" or "for" or "on" or "to" or "a";

    private static char FirstLetter(string s)
    {
        foreach (char c in s)
        {
            if (char.IsLetter(c))
            {
                return c;
            }

            if (char.IsDigit(c))
            {
                return 'X';
            }
        }

        return '\0';
    }

    private static bool EndsSentence(string s)
    {
        var t = s.TrimEnd(' ', '\u00A0', '"', '”', '’', '\'', ')', ']', '»');
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '…' or ':' or ';' or ',' or '。' or '！' or '？';
    }

    private static bool IsQuoted(string s)
    {
        var t = s.Trim();
        return t.Length > 2 && ((t[0] is '‘' or '“' or '"' or '\'' or '«') && (t[^1] is '’' or '”' or '"' or '\'' or '»'));
    }

    private static string Trim(ReadOnlySpan<char> s) => s.Trim().Trim('\u00A0').Trim().ToString();

    private static string Trim(string s) => s.Trim().Trim('\u00A0').Trim();

    private static int WordCount(string s)
    {
        int count = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord)
                {
                    count++;
                }

                inWord = true;
            }
            else if (c is not ('\'' or '’' or '-'))
            {
                inWord = false;
            }
        }

        return count;
    }

    private static HashSet<string> ContentWords(string s)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var w in Dedup.ArticleFingerprint.Words(s))
        {
            var stem = w.EndsWith("'s", StringComparison.Ordinal) ? w[..^2] : w;
            if (stem.Length >= 4 && !CleaningRules.StopWords.Contains(stem))
            {
                set.Add(stem);
            }
        }

        return set;
    }

    private static bool SameWords(ReadOnlySpan<char> a, string b)
    {
        var wa = Dedup.ArticleFingerprint.Words(a.ToString());
        var wb = Dedup.ArticleFingerprint.Words(b);
        return wa.Count > 0 && wa.SequenceEqual(wb, StringComparer.Ordinal);
    }

    /// <summary>Paragraphs; a text with no blank lines at all is taken line by line.</summary>
    private static List<TextRange> Units(string text)
    {
        var paragraphs = Paragraphs.Split(text);
        if (paragraphs.Count == 1 && paragraphs[0].SpanOf(text).Count('\n') >= 2)
        {
            var lines = new List<TextRange>();
            int start = paragraphs[0].Start;
            int end = paragraphs[0].End;
            int i = start;
            while (i <= end)
            {
                int nl = i < end ? text.IndexOf('\n', i, end - i) : -1;
                int lineEnd = nl < 0 ? end : nl;
                var line = new TextRange(i, lineEnd);
                var span = line.SpanOf(text);
                int lead = span.Length - span.TrimStart().Length;
                int trail = span.Length - span.TrimEnd().Length;
                if (line.Length - lead - trail > 0)
                {
                    lines.Add(new TextRange(i + lead, lineEnd - trail));
                }

                if (nl < 0)
                {
                    break;
                }

                i = nl + 1;
            }

            return lines;
        }

        return [.. paragraphs];
    }

    private static readonly string[] AgencyCredits =
    [
        " and news agencies", " and agencies", " with agencies", " and wire services", " and wires", " with news agencies",
        " & agencies", " & news agencies",
    ];

    /// <summary>
    /// The outlet of a source credit: "Al Jazeera and news agencies" is Al Jazeera (the credit says it used agency copy,
    /// which does not make the agencies the publisher).
    /// </summary>
    internal static string OutletOf(string credit)
    {
        foreach (var suffix in AgencyCredits)
        {
            if (credit.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && credit.Length > suffix.Length)
            {
                return credit[..^suffix.Length].TrimEnd(' ', ',');
            }
        }

        return credit;
    }
}
