using System.Globalization;
using System.Text;
using Parallax.Core;

namespace Parallax.Stories.Clustering;

/// <summary>
/// Extracts clustering features from an article's text. Terms come from <see cref="ClusterTokenizer"/> and
/// <see cref="TermNormalizer"/> (so they match the background frequencies). Entities come from the document's
/// entity layer when the NLP pipeline produced one, else from capitalised sequences: runs of capitalised words,
/// minus words that background text mostly writes in lower case when they open a sentence or sit in a title-case
/// headline, with short forms ("Lohan") resolved to the article's full form ("Lindsay Lohan"). Details are years,
/// calendar dates and numbers written in the text (or the time and quantity layers when present).
/// </summary>
public sealed class TextFeatureExtractor(BackgroundFrequencies? background = null, int leadSentences = 3) : IFeatureExtractor
{
    private const int Version = 1;

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal) { "of", "de", "del", "da", "di", "la", "le", "van", "von", "der", "bin", "al", "el", "du", "y" };

    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal) { "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady" };

    /// <summary>Titles that precede a name in running text ("US Secretary of State Rex Tillerson", "Foreign Minister Wang Yi"): not part of it.</summary>
    private static readonly HashSet<string> RoleWords = new(StringComparer.Ordinal)
    {
        "president", "secretary", "minister", "prime", "chancellor", "senator", "sen", "governor", "gov", "general", "gen", "chief", "director",
        "spokesman", "spokeswoman", "spokesperson", "king", "queen", "prince", "princess", "pope", "judge", "justice", "coach", "captain", "capt",
        "officer", "deputy", "vice", "former", "ambassador", "councillor", "counsellor", "adviser", "advisor", "chairman", "chairwoman", "ceo",
        "mayor", "sheriff", "undersheriff", "detective", "inspector", "commissioner", "superintendent", "constable", "sergeant", "sgt", "lt",
        "col", "colonel", "rep", "representative", "speaker", "leader", "actress", "actor", "singer", "star", "agent", "gm", "manager", "quarterback",
    };

    private static readonly HashSet<string> OrgWords = new(StringComparer.Ordinal)
    {
        "inc", "corp", "corporation", "ltd", "plc", "company", "co", "group", "bank", "university", "ministry", "department",
        "party", "agency", "association", "council", "committee", "court", "police", "fbi", "union", "institute", "commission",
        "foundation", "airlines", "airways", "news", "times", "post", "press", "network", "league", "club", "army", "navy",
    };

    private readonly BackgroundFrequencies _background = background ?? BackgroundFrequencies.Empty;

    public string Name => $"text-features@{Version}";

    public ArticleFeatures Extract(ClusterArticle article, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = article.Text ?? "";
        var title = article.Title ?? "";

        var terms = new Dictionary<string, (int Count, bool Lead)>(StringComparer.Ordinal);
        var details = new Dictionary<string, (DetailKind Kind, int Count)>(StringComparer.Ordinal);
        var entities = new List<(string Surface, EntityType Type, bool Lead)>();

        bool titleInText = title.Length > 0 && text.AsSpan().TrimStart().StartsWith(title.AsSpan().Trim(), StringComparison.Ordinal);
        var titleTokens = ClusterTokenizer.Tokenize(title);
        var titleTerms = new List<string>();
        foreach (var t in titleTokens)
        {
            AddTerms(title, t, titleTerms, null, lead: true);
        }

        if (!titleInText)
        {
            foreach (var t in titleTerms)
            {
                Bump(terms, t, true);
            }

            CollectDetails(title, titleTokens, details);
        }

        var bodyTokens = ClusterTokenizer.Tokenize(text);
        foreach (var t in bodyTokens)
        {
            AddTerms(text, t, null, terms, lead: t.Sentence < leadSentences);
        }

        // dates and numbers: the NLP pipeline's time and quantity layers when present (resolved dates, normalised amounts), else patterns
        var times = article.Document?.GetOrDefault(Layers.Times);
        var quantities = article.Document?.GetOrDefault(Layers.Quantities);
        CollectDetails(text, bodyTokens, details, dates: times is null, numbers: quantities is null);
        if (times is not null)
        {
            TimeDetails(times, details);
        }

        if (quantities is not null)
        {
            QuantityDetails(quantities, details);
        }

        string extractor;
        var layerEntities = article.Document?.GetOrDefault(Layers.Entities);
        if (layerEntities is not null)
        {
            var doc = article.Document!;
            var leadEnd = LeadEnd(doc, leadSentences);
            foreach (var m in layerEntities.Mentions)
            {
                entities.Add((m.Range.Of(doc.Text), m.Type, m.Range.Start < leadEnd));
            }

            // the title is not in the document's layers when it is not in the text
            if (!titleInText)
            {
                CapitalisedSequences(title, titleTokens, entities, titleLine: true, leadSentences: int.MaxValue);
            }

            extractor = $"{Name}+entity-layer";
        }
        else
        {
            CapitalisedSequences(title, titleTokens, entities, titleLine: true, leadSentences: int.MaxValue);
            CapitalisedSequences(text, bodyTokens, entities, titleLine: false, leadSentences);
            extractor = $"{Name}+capitalised";
        }

        return new ArticleFeatures
        {
            Id = article.Id,
            Title = title,
            Published = article.Published,
            Outlet = article.Outlet,
            CopyOf = article.CopyOf,
            Terms = terms.Select(kv => new TermFeature(kv.Key, kv.Value.Count, kv.Value.Lead)).ToArray(),
            TitleTerms = titleTerms.Distinct(StringComparer.Ordinal).ToArray(),
            Entities = ResolveEntities(entities),
            Details = details.Select(kv => new DetailFeature(kv.Key, kv.Value.Kind, kv.Value.Count)).ToArray(),
            Extractor = extractor,
        };
    }

    private static int LeadEnd(Document doc, int leadSentences)
    {
        var sentences = doc.GetOrDefault(Layers.Sentences);
        if (sentences is { Count: > 0 })
        {
            return sentences[Math.Min(leadSentences, sentences.Count) - 1].Range.End;
        }

        return Math.Min(doc.Text.Length, 400);
    }

    private static void Bump(Dictionary<string, (int Count, bool Lead)> terms, string term, bool lead)
    {
        terms[term] = terms.TryGetValue(term, out var v) ? (v.Count + 1, v.Lead || lead) : (1, lead);
    }

    /// <summary>Adds the terms of one token (hyphenated words give one term per part) to a list or a bag.</summary>
    internal static void AddTerms(string text, RawToken t, List<string>? list, Dictionary<string, (int Count, bool Lead)>? bag, bool lead)
    {
        var span = text.AsSpan(t.Start, t.Length);
        span = StripPossessive(span);
        int partStart = 0;
        for (int i = 0; i <= span.Length; i++)
        {
            if (i < span.Length && span[i] is not ('-' or '\u2010' or '\u2011' or '.'))
            {
                continue;
            }

            var part = span[partStart..i];
            partStart = i + 1;
            if (part.Length < 2 || !char.IsLetter(part[0]))
            {
                continue;
            }

            var lower = part.ToString().ToLowerInvariant().Replace('\u2019', '\'');
            var term = TermNormalizer.Term(lower);
            if (term is null)
            {
                continue;
            }

            list?.Add(term);
            if (bag is not null)
            {
                Bump(bag, term, lead);
            }
        }
    }

    private static ReadOnlySpan<char> StripPossessive(ReadOnlySpan<char> span)
    {
        if (span.Length > 2 && (span[^1] == 's' || span[^1] == 'S') && (span[^2] == '\'' || span[^2] == '\u2019'))
        {
            return span[..^2];
        }

        if (span.Length > 1 && (span[^1] == '\'' || span[^1] == '\u2019'))
        {
            return span[..^1];
        }

        return span;
    }

    /// <summary>Detail keys from the time layer: calendar days ("d:09-18"), months ("m:09") and years ("y:2013"), resolved or as written.</summary>
    internal static void TimeDetails(TimeLayer times, Dictionary<string, (DetailKind Kind, int Count)> details)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var t in times.Expressions)
        {
            if (t.Start is DateOnly start && t.Resolution != TimeResolution.Unresolved)
            {
                switch (t.Granularity)
                {
                    case TimeGranularity.Day:
                        Add(details, string.Create(inv, $"d:{start.Month:00}-{start.Day:00}"), DetailKind.Date);
                        Add(details, string.Create(inv, $"m:{start.Month:00}"), DetailKind.Date);
                        break;
                    case TimeGranularity.Week:
                    case TimeGranularity.Month:
                        Add(details, string.Create(inv, $"m:{start.Month:00}"), DetailKind.Date);
                        break;
                    case TimeGranularity.Decade:
                    case TimeGranularity.Unknown:
                        continue;
                }

                Add(details, string.Create(inv, $"y:{start.Year}"), DetailKind.Year);
                continue;
            }

            // unresolved: "--09-18" (a day without its year), "month:september"
            if (t.Relative is not string rel)
            {
                continue;
            }

            if (rel.Length >= 7 && rel.StartsWith("--", StringComparison.Ordinal) && char.IsDigit(rel[2]) && rel[4] == '-')
            {
                Add(details, "d:" + rel.Substring(2, 5), DetailKind.Date);
                Add(details, "m:" + rel.Substring(2, 2), DetailKind.Date);
            }
            else if (rel.StartsWith("weekday:", StringComparison.Ordinal))
            {
                // the weekday of an undated report ("on Wednesday"): reports of one event name the same day
                int end = rel.IndexOf(';', StringComparison.Ordinal);
                Add(details, "w:" + (end < 0 ? rel[8..] : rel[8..end]), DetailKind.Date);
            }
            else if (rel.StartsWith("month:", StringComparison.Ordinal))
            {
                int end = rel.IndexOf(';', StringComparison.Ordinal);
                int month = TermNormalizer.MonthNumber(end < 0 ? rel[6..] : rel[6..end]);
                if (month > 0)
                {
                    Add(details, string.Create(inv, $"m:{month:00}"), DetailKind.Date);
                }
            }
        }
    }

    /// <summary>Detail keys from the quantity layer: normalised values ("2 million" and "2,000,000" are both "n:2000000"); small counts only with their unit.</summary>
    internal static void QuantityDetails(QuantityLayer quantities, Dictionary<string, (DetailKind Kind, int Count)> details)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var q in quantities.Quantities)
        {
            if (q.Kind == QuantityKind.Ordinal || double.IsNaN(q.Value) || double.IsInfinity(q.Value))
            {
                continue;
            }

            var value = q.Value.ToString("0.###", inv);
            if (q.Kind == QuantityKind.Percent)
            {
                Add(details, "n:" + value + "%", DetailKind.Number);
            }
            else if (q.Value >= 10 || q.Value != Math.Floor(q.Value))
            {
                Add(details, "n:" + value, DetailKind.Number);
            }
            else if (q.Unit is string unit && unit.Length > 1 && q.Value >= 2)
            {
                // "five hurt", "3 days": a small number says something only with what it counts
                Add(details, "n:" + value + " " + unit.ToLowerInvariant(), DetailKind.Number);
            }
        }
    }

    /// <summary>Years, calendar dates ("May 3", "3 May 2013") and numbers written in the text.</summary>
    internal static void CollectDetails(string text, List<RawToken> tokens, Dictionary<string, (DetailKind Kind, int Count)> details, bool dates = true, bool numbers = true)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            var span = text.AsSpan(tokens[i].Start, tokens[i].Length);
            if (span.Length >= 3 && char.IsLetter(span[0]))
            {
                if (!dates)
                {
                    continue;
                }

                int month = TermNormalizer.MonthNumber(span.ToString().ToLowerInvariant().TrimEnd('.'));
                if (month > 0 && span.Length >= 3)
                {
                    // "May 3" or "3 May"
                    int day = 0;
                    if (i + 1 < tokens.Count && tokens[i + 1].Sentence == tokens[i].Sentence && DayOf(text, tokens[i + 1]) is int d1)
                    {
                        day = d1;
                    }
                    else if (i > 0 && tokens[i - 1].Sentence == tokens[i].Sentence && DayOf(text, tokens[i - 1]) is int d0)
                    {
                        day = d0;
                    }

                    if (day > 0 && (month != 5 || char.IsUpper(span[0])))
                    {
                        Add(details, string.Create(CultureInfo.InvariantCulture, $"d:{month:00}-{day:00}"), DetailKind.Date);
                    }
                }

                continue;
            }

            if (!char.IsDigit(span[0]))
            {
                continue;
            }

            // leading number of "33-year-old", "2013-05-03"
            int cut = span.IndexOfAny('-', '\u2010');
            var number = cut > 0 ? span[..cut] : span;
            if (!IsNumber(number))
            {
                continue;
            }

            if (number.Length == 4 && !number.Contains('.') && !number.Contains(',') && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year >= 1900 && year <= 2099)
            {
                if (dates)
                {
                    Add(details, "y:" + number.ToString(), DetailKind.Year);
                }

                continue;
            }

            if (!numbers || IsDayOfDate(text, tokens, i))
            {
                continue;
            }

            var key = NormaliseNumber(number);
            if (key is not null)
            {
                Add(details, "n:" + key, DetailKind.Number);
            }
        }
    }

    private static bool IsDayOfDate(string text, List<RawToken> tokens, int i)
    {
        bool MonthAt(int j) => j >= 0 && j < tokens.Count && tokens[j].Sentence == tokens[i].Sentence && TermNormalizer.MonthNumber(text.Substring(tokens[j].Start, tokens[j].Length).ToLowerInvariant()) > 0;
        return DayOf(text, tokens[i]) is not null && (MonthAt(i - 1) || MonthAt(i + 1));
    }

    private static int? DayOf(string text, RawToken t)
    {
        var span = text.AsSpan(t.Start, t.Length);
        if (span.Length > 2 && (span.EndsWith("st", StringComparison.Ordinal) || span.EndsWith("nd", StringComparison.Ordinal) || span.EndsWith("rd", StringComparison.Ordinal) || span.EndsWith("th", StringComparison.Ordinal)))
        {
            span = span[..^2];
        }

        return span.Length is 1 or 2 && int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out int d) && d >= 1 && d <= 31 ? d : null;
    }

    private static bool IsNumber(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !char.IsDigit(s[0]) || !char.IsDigit(s[^1]))
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsDigit(c) && c != '.' && c != ',')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"1,200" to "1200", "6.10" to "6.1"; single-digit integers are too common to tell events apart and give null.</summary>
    internal static string? NormaliseNumber(ReadOnlySpan<char> s)
    {
        Span<char> buf = stackalloc char[Math.Min(s.Length, 64)];
        int n = 0;
        foreach (var c in s)
        {
            if (c != ',' && n < buf.Length)
            {
                buf[n++] = c;
            }
        }

        var v = buf[..n];
        if (v.Contains('.'))
        {
            v = v.TrimEnd('0').TrimEnd('.');
        }

        if (v.Length == 1 && !v.Contains('.'))
        {
            return null;
        }

        return v.ToString();
    }

    private static void Add(Dictionary<string, (DetailKind Kind, int Count)> details, string key, DetailKind kind)
    {

        details[key] = details.TryGetValue(key, out var v) ? (kind, v.Count + 1) : (kind, 1);
    }

    private bool IsCapitalised(ReadOnlySpan<char> s) => s.Length > 0 && char.IsUpper(s[0]);

    private bool IsCommon(string lower) => TermNormalizer.IsStopWord(lower) || _background.IsCommonLowerCaseWord(lower) || TermNormalizer.IsWeekday(lower) || TermNormalizer.MonthNumber(lower) > 0;

    /// <summary>The fallback entity finder: runs of capitalised words.</summary>
    private void CapitalisedSequences(string text, List<RawToken> tokens, List<(string Surface, EntityType Type, bool Lead)> output, bool titleLine, int leadSentences)
    {
        // a line in which most words are capitalised is a headline: there, common words do not start or continue names
        int i = 0;
        while (i < tokens.Count)
        {
            int sentence = tokens[i].Sentence;
            int sentenceEnd = i;
            int caps = 0, words = 0, allCaps = 0;
            while (sentenceEnd < tokens.Count && tokens[sentenceEnd].Sentence == sentence)
            {
                var s = text.AsSpan(tokens[sentenceEnd].Start, tokens[sentenceEnd].Length);
                if (char.IsLetter(s[0]))
                {
                    words++;
                    if (char.IsUpper(s[0]))
                    {
                        caps++;
                    }

                    if (s.Length > 1 && IsAllUpper(s))
                    {
                        allCaps++;
                    }
                }

                sentenceEnd++;
            }

            bool headline = titleLine || (words >= 3 && caps * 10 >= words * 7);
            bool shouting = words >= 3 && allCaps * 10 >= words * 7;
            if (!shouting)
            {
                SequencesInSentence(text, tokens, i, sentenceEnd, headline, sentence < leadSentences, output);
            }

            i = sentenceEnd;
        }
    }

    private static bool IsAllUpper(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private void SequencesInSentence(string text, List<RawToken> tokens, int from, int to, bool headline, bool lead, List<(string Surface, EntityType Type, bool Lead)> output)
    {
        int i = from;
        while (i < to)
        {
            var tok = tokens[i];
            var span = text.AsSpan(tok.Start, tok.Length);
            if (!IsCapitalised(span) || !char.IsLetter(span[0]))
            {
                i++;
                continue;
            }

            // gather the run: capitalised words, with connectors between two of them, broken by punctuation
            int runStart = i;
            int runEnd = i + 1;
            while (runEnd < to && !tokens[runEnd - 1].FollowedByBreak)
            {
                var next = text.AsSpan(tokens[runEnd].Start, tokens[runEnd].Length);
                if (IsCapitalised(next) && char.IsLetter(next[0]))
                {
                    runEnd++;
                    continue;
                }

                if (runEnd + 1 < to && !tokens[runEnd].FollowedByBreak && Connectors.Contains(next.ToString()) && IsCapitalised(text.AsSpan(tokens[runEnd + 1].Start, tokens[runEnd + 1].Length)))
                {
                    runEnd += 2;
                    continue;
                }

                break;
            }

            EmitRun(text, tokens, runStart, runEnd, headline, lead, output, from);
            i = runEnd;
        }
    }

    private void EmitRun(string text, List<RawToken> tokens, int start, int end, bool headline, bool lead, List<(string Surface, EntityType Type, bool Lead)> output, int sentenceStart)
    {
        var type = EntityType.Misc;

        // honorifics make a person and are not part of the name
        while (start < end && Honorifics.Contains(Lower(text, tokens[start])))
        {
            type = EntityType.Person;
            start++;
        }

        if (headline)
        {
            // split at common words: "Lindsay Lohan Checks Into Betty Ford Center" gives two names
            int s = start;
            for (int i = start; i <= end; i++)
            {
                if (i == end || IsCommon(Lower(text, tokens[i])))
                {
                    Emit(text, tokens, s, i, type, lead, output);
                    s = i + 1;
                }
            }

            return;
        }

        // a sentence-initial common word is not part of a name ("The", "After", "Police")
        if (start >= end)
        {
            return;
        }

        if (start == sentenceStart || tokens[start].SentenceStart)
        {
            while (start < end && IsCommon(Lower(text, tokens[start])))
            {
                start++;
            }
        }

        // a run that is only a common word mid-sentence ("President", "Government") is not a name by itself
        if (end - start == 1 && TermNormalizer.IsStopWord(Lower(text, tokens[start])))
        {
            return;
        }

        Emit(text, tokens, start, end, type, lead, output);
    }

    private void Emit(string text, List<RawToken> tokens, int start, int end, EntityType type, bool lead, List<(string Surface, EntityType Type, bool Lead)> output)
    {
        // trailing connectors never end a name
        while (end > start && Connectors.Contains(Lower(text, tokens[end - 1])))
        {
            end--;
        }

        while (start < end && Connectors.Contains(Lower(text, tokens[start])))
        {
            start++;
        }

        // a role before a name is not part of it: take what follows the last role word ("of State" included)
        for (int i = end - 2; i >= start; i--)
        {
            if (RoleWords.Contains(Lower(text, tokens[i])))
            {
                int next = i + 1;
                if (next < end - 1 && Connectors.Contains(Lower(text, tokens[next])))
                {
                    next += 2;
                }

                if (next < end)
                {
                    start = next;
                    if (type == EntityType.Misc)
                    {
                        type = EntityType.Person;
                    }
                }

                break;
            }
        }

        if (start >= end)
        {
            return;
        }

        if (end - start == 1)
        {
            var lower = Lower(text, tokens[start]);
            if (TermNormalizer.IsWeekday(lower) || TermNormalizer.MonthNumber(lower) > 0 || lower.Length < 2 || TermNormalizer.IsStopWord(lower))
            {
                return;
            }
        }

        if (type == EntityType.Misc && OrgWords.Contains(Lower(text, tokens[end - 1])))
        {
            type = EntityType.Organization;
        }

        var surface = text[tokens[start].Start..tokens[end - 1].End];
        output.Add((surface, type, lead));
    }

    private static string Lower(string text, RawToken t) => text.Substring(t.Start, t.Length).ToLowerInvariant();

    /// <summary>Normalised entity key: lower case, no possessive, no dots, hyphens and apostrophes as spaces, no leading "the".</summary>
    public static string EntityKey(string surface)
    {
        var sb = new StringBuilder(surface.Length);
        var span = StripPossessive(surface.AsSpan().Trim());
        bool space = false;
        foreach (var c in span)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                space = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c != '.')
            {
                space = true;
            }
        }

        var key = sb.ToString();
        return key.StartsWith("the ", StringComparison.Ordinal) ? key[4..] : key;
    }

    /// <summary>Counts mentions per key and resolves short forms to the one full form that ends with them.</summary>
    private static EntityFeature[] ResolveEntities(List<(string Surface, EntityType Type, bool Lead)> mentions)
    {
        var byKey = new Dictionary<string, (string Display, EntityType Type, int Count, bool Lead)>(StringComparer.Ordinal);
        foreach (var (surface, type, lead) in mentions)
        {
            var key = EntityKey(surface);
            if (key.Length < 2)
            {
                continue;
            }

            if (byKey.TryGetValue(key, out var v))
            {
                byKey[key] = (surface.Length > v.Display.Length ? surface : v.Display, v.Type == EntityType.Misc ? type : v.Type, v.Count + 1, v.Lead || lead);
            }
            else
            {
                byKey[key] = (surface, type, 1, lead);
            }
        }

        // short form: a one-word key that is the last word of exactly one longer key
        var lastWord = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var key in byKey.Keys)
        {
            int sp = key.LastIndexOf(' ');
            if (sp > 0)
            {
                var last = key[(sp + 1)..];
                if (!lastWord.TryGetValue(last, out var list))
                {
                    lastWord[last] = list = [];
                }

                list.Add(key);
            }
        }

        foreach (var key in byKey.Keys.ToArray())
        {
            if (key.Contains(' ', StringComparison.Ordinal) || !lastWord.TryGetValue(key, out var longer) || longer.Count != 1)
            {
                continue;
            }

            var full = longer[0];
            var s = byKey[key];
            var f = byKey[full];
            byKey[full] = (f.Display, f.Type == EntityType.Misc ? (s.Type == EntityType.Misc ? EntityType.Person : s.Type) : f.Type, f.Count + s.Count, f.Lead || s.Lead);
            byKey.Remove(key);
        }

        return byKey.Select(kv => new EntityFeature(kv.Key, kv.Value.Display, kv.Value.Type, kv.Value.Count, kv.Value.Lead)).ToArray();
    }
}
