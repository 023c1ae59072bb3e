using System.Globalization;
using Parallax.Core;
using Parallax.Stories.Claims;
using Parallax.Stories.Entities;

namespace Parallax.Stories.Briefs;

/// <summary>An article of a story with its annotated document (sentences, entities, roles, quotes, numbers, dates).</summary>
public sealed record StoryArticle(Article Article, Document Document)
{
    public long Id => Article.Id;

    /// <summary>The outlet as shown: its name, else its domain, else the file it came from.</summary>
    public string Outlet => OutletName(Article);

    public static string OutletName(Article a) => a.Outlet;
}

/// <summary>Options of the brief.</summary>
public sealed record BriefOptions
{
    /// <summary>Most lines in the summary.</summary>
    public int SummaryLines { get; init; } = 8;

    /// <summary>Units with fewer content words are not claims on their own (too short to compare).</summary>
    public int MinContentWords { get; init; } = 3;
}

/// <summary>
/// Builds the brief of one story from its annotated articles: entities across outlets, aligned claims with their
/// status, quotes by speaker, numbers with conflicts flagged, a timeline of resolved dates, a coverage matrix and
/// what each outlet adds. Everything points back to article ids and offsets into the original text.
/// </summary>
public sealed class StoryAnalyzer(IClaimScorer scorer, Func<string, PlaceInfo?>? places = null, BriefOptions? options = null)
{
    private readonly BriefOptions _options = options ?? new BriefOptions();
    private readonly EntityResolver _resolver = new(places);

    public StoryBrief Analyze(string storyId, IReadOnlyList<StoryArticle> articles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var ordered = articles.OrderBy(a => a.Article.Published ?? DateTimeOffset.MaxValue).ThenBy(a => a.Id).ToList();
        var voices = Voices(ordered);
        var entities = _resolver.Resolve(ordered.Select(a => new EntitySourceDocument(a.Id, a.Outlet, a.Document)));
        cancellationToken.ThrowIfCancellationRequested();

        var units = ordered.SelectMany(a => Units(a, voices[a.Id], entities)).ToList();
        var groups = new ClaimBuilder(scorer).Build(units);
        cancellationToken.ThrowIfCancellationRequested();

        var facts = new List<Fact>();
        var factOfUnit = new Dictionary<ClaimUnit, Fact>();
        int n = 1;
        foreach (var g in groups)
        {
            var fact = ToFact("f" + n++, g);
            facts.Add(fact);
            foreach (var u in g.Units)
            {
                factOfUnit[u] = fact;
            }
        }

        var outlets = ordered.Select(a => a.Outlet).Distinct(StringComparer.Ordinal).ToList();
        return new StoryBrief
        {
            Id = storyId,
            Headline = Headline(ordered, units),
            Articles = ordered.Select(a => a.Id).ToList(),
            Outlets = outlets,
            FirstPublished = ordered.Select(a => a.Article.Published).Where(p => p is not null).Min(),
            LastPublished = ordered.Select(a => a.Article.Published).Where(p => p is not null).Max(),
            Summary = Summary(groups, facts),
            Entities = Entities(entities),
            Quotes = Quotes(ordered, entities),
            Facts = facts,
            Numbers = Numbers(ordered, units, factOfUnit, groups),
            Timeline = Timeline(units, factOfUnit, groups),
            Coverage = CoverageOf(facts, ordered, outlets),
            Adds = Adds(facts, ordered, outlets),
        };
    }

    // ------------------------------------------------------------------ units

    private static Dictionary<long, string> Voices(List<StoryArticle> articles)
    {
        var ids = articles.Select(a => a.Id).ToHashSet();
        var voices = new Dictionary<long, string>();
        foreach (var a in articles)
        {
            var original = a.Article.CopyOf is long c && ids.Contains(c) ? articles.First(x => x.Id == c) : a;
            voices[a.Id] = original.Article.Source ?? original.Article.SourceDomain ?? ("article:" + original.Id.ToString(CultureInfo.InvariantCulture));
        }

        return voices;
    }

    private IEnumerable<ClaimUnit> Units(StoryArticle a, string voice, EntityResolution entities)
    {
        var doc = a.Document;
        var text = doc.Text;
        var tokens = doc.GetOrDefault(Layers.Tokens);
        var sentences = doc.GetOrDefault(Layers.Sentences);
        if (tokens is null || sentences is null || sentences.Count == 0)
        {
            yield break;
        }

        var mentions = doc.GetOrDefault(Layers.Entities)?.Mentions ?? [];
        var quantities = doc.GetOrDefault(Layers.Quantities)?.Quantities ?? [];
        var times = doc.GetOrDefault(Layers.Times)?.Expressions ?? [];
        var quotes = doc.GetOrDefault(Layers.Quotes)?.Quotes ?? [];
        int bodyStart = sentences[0].Range.Start;
        int bodyEnd = sentences[sentences.Count - 1].Range.End;
        double span = Math.Max(1, bodyEnd - bodyStart);
        int order = 0;
        for (int s = 0; s < sentences.Count; s++)
        {
            var sentence = sentences[s];
            foreach (var (from, to) in ClaimSegmenter.Split(text, tokens, sentence))
            {
                if (to <= from)
                {
                    continue;
                }

                var range = new TextRange(tokens[from].Start, tokens[to - 1].End);
                var unit = Make(range, from, to, s, sentence, order);
                if (unit is null)
                {
                    continue;
                }

                order++;

                // an attribution ("X said that P", "“P,” X said"): what was said is compared with what others say was
                // said, so that two different statements by one speaker are not taken for one claim
                foreach (var q in quotes)
                {
                    var overlap = Math.Min(q.Content.End, range.End) - Math.Max(q.Content.Start, range.Start);
                    if (q.Cue is not TextRange cue || !range.Contains(cue) || overlap < 0.4 * range.Length)
                    {
                        continue;
                    }

                    var said = new TextRange(Math.Max(q.Content.Start, range.Start), Math.Min(q.Content.End, range.End));
                    int sFrom = tokens.IndexAtOrAfter(said.Start), sTo = tokens.IndexAtOrAfter(said.End);
                    if (Make(said, sFrom, sTo, s, sentence, unit.Order) is { } content)
                    {
                        unit = unit with { Said = content, Speaker = (q.Entity >= 0 ? entities.Of(a.Id, q.Entity)?.Id : null) ?? q.Speaker };
                    }

                    break;
                }

                yield return unit;
            }
        }

        ClaimUnit? Make(TextRange range, int from, int to, int s, Sentence sentence, int unitOrder)
        {
            var stems = new List<string>();
            bool negated = false;
            for (int t = from; t < to; t++)
            {
                var tok = tokens[t];
                var word = tok.Range.Of(text);
                if (Lexicon.Negations.Contains(word))
                {
                    negated = true;
                }

                if (tok.Kind is TokenKind.Word or TokenKind.Number && !Lexicon.StopWords.Contains(word) && word.Length > 1)
                {
                    var stem = Lexicon.Stem(word);
                    if (!stems.Contains(stem, StringComparer.Ordinal))
                    {
                        stems.Add(stem);
                    }
                }
            }

            if (stems.Count < _options.MinContentWords)
            {
                return null;
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (int m = 0; m < mentions.Length; m++)
            {
                if (range.Contains(mentions[m].Range) && entities.Of(a.Id, m) is { } e)
                {
                    ids.Add(e.Id);
                }
            }

            return new ClaimUnit
            {
                Article = a.Id,
                Outlet = a.Outlet,
                Voice = voice,
                Sentence = s,
                SentenceRange = sentence.Range,
                Range = range,
                Text = range.Of(text),
                SentenceText = sentence.Range.Of(text),
                SourceText = text,
                Stems = [.. stems],
                Entities = ids,
                Quantities = quantities.Where(q => range.Contains(q.Range)).ToArray(),
                Times = times.Where(t => range.Contains(t.Range)).ToArray(),
                Negated = negated,
                Position = (range.Start - bodyStart) / span,
                Order = unitOrder,
                InQuote = quotes.Any(q => q.Direct && q.Content.Start <= range.Start + 1 && q.Content.End >= range.End - 1),
            };
        }
    }

    // ------------------------------------------------------------------ facts

    private static Fact ToFact(string id, ClaimGroup g) => new()
    {
        Id = id,
        Text = g.Representative.DisplayText,
        Status = g.Status,
        Articles = g.Units.Select(u => u.Article).Distinct().Order().ToList(),
        Outlets = g.Units.Select(u => u.Outlet).Distinct(StringComparer.Ordinal).ToList(),
        Sentences = g.Units.OrderBy(u => u.Article).ThenBy(u => u.Order)
            .Select(u => new FactSentence(u.Article, u.Outlet, u.Text, u.Range.Start, u.Range.End)).ToList(),
        Differences = g.Differences
            .Select(d => new FactDifference(d.Kind, d.Relation,
                [new DifferenceValue(d.A.Article, d.A.Outlet, d.ATerm), new DifferenceValue(d.B.Article, d.B.Outlet, d.BTerm)], d.Explanation))
            .ToList(),
        Confidence = Math.Round(g.Confidence, 3),
    };

    private List<SummaryLine> Summary(List<ClaimGroup> groups, List<Fact> facts)
    {
        // shared claims first (in the order the outlets put them), then what each outlet leads with
        var lines = new List<SummaryLine>();
        var usedStems = new List<string[]>();
        bool Repeats(ClaimUnit u) => usedStems.Any(s => Overlap(s, u.Stems) >= 0.6);
        void Add(ClaimGroup g, Fact f)
        {
            if (lines.Count >= _options.SummaryLines || lines.Any(l => l.Fact == f.Id) || Repeats(g.Representative) || g.Representative.InQuote)
            {
                return;
            }

            lines.Add(new SummaryLine(g.Representative.DisplayText, f.Articles, f.Id, f.Status));
            usedStems.Add(g.Representative.Stems);
        }

        for (int i = 0; i < groups.Count; i++)
        {
            if (groups[i].Voices >= 2)
            {
                Add(groups[i], facts[i]);
            }
        }

        // each outlet's lead (its first claims), alternating between outlets
        var leads = groups.Select((g, i) => (g, f: facts[i]))
            .Where(t => t.g.Voices < 2)
            .GroupBy(t => t.g.Units[0].Voice)
            .Select(x => x.OrderBy(t => t.g.Units[0].Order).Take(3).ToList())
            .ToList();
        for (int k = 0; k < 3; k++)
        {
            foreach (var l in leads.Where(l => l.Count > k))
            {
                Add(l[k].g, l[k].f);
            }
        }

        return lines;
    }

    private static double Overlap(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        int shared = a.Count(x => Array.IndexOf(b, x) >= 0);
        return (double)shared / Math.Min(a.Length, b.Length);
    }

    private static string Headline(List<StoryArticle> articles, List<ClaimUnit> units)
    {
        if (articles.Count == 1)
        {
            return articles[0].Article.Title;
        }

        // the title whose words the other outlets use most (weighted by how rare they are in the story)
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            foreach (var s in u.Stems)
            {
                df[s] = df.GetValueOrDefault(s) + 1;
            }
        }

        double Score(StoryArticle a)
        {
            var others = units.Where(u => u.Article != a.Id).SelectMany(u => u.Stems).ToHashSet(StringComparer.Ordinal);
            return TitleStems(a.Article.Title).Where(others.Contains).Sum(s => 1.0 / Math.Sqrt(df.GetValueOrDefault(s, 1)));
        }

        return articles.OrderByDescending(Score).ThenBy(a => a.Article.Published ?? DateTimeOffset.MaxValue).First().Article.Title;
    }

    private static IEnumerable<string> TitleStems(string title) =>
        title.Split([' ', ',', ':', ';', '\'', '’', '´', '"', '“', '”', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Lexicon.StopWords.Contains(w) && w.Length > 1)
            .Select(Lexicon.Stem)
            .Distinct(StringComparer.Ordinal);

    // ------------------------------------------------------------------ entities and quotes

    private static List<BriefEntity> Entities(EntityResolution resolution) =>
        resolution.Entities
            .Select(e => new BriefEntity(
                e.Id,
                e.Name,
                e.Type.ToLabel(),
                e.Aliases,
                e.Roles.Select(r => r.Role).ToList(),
                e.Roles.Select(r => new RoleSource(r.Role, r.Articles, r.Outlets)).ToList(),
                e.Articles.Order().ToList(),
                e.Mentions.Count,
                e.Country))
            .ToList();

    private static List<BriefQuote> Quotes(List<StoryArticle> articles, EntityResolution entities)
    {
        var result = new List<BriefQuote>();
        foreach (var a in articles)
        {
            var layer = a.Document.GetOrDefault(Layers.Quotes);
            if (layer is null)
            {
                continue;
            }

            foreach (var q in layer.Quotes)
            {
                var entity = q.Entity >= 0 ? entities.Of(a.Id, q.Entity) : null;
                result.Add(new BriefQuote(
                    entity?.Name ?? q.Speaker,
                    entity?.Id,
                    entity?.Roles.FirstOrDefault(r => r.Articles.Contains(a.Id))?.Role ?? entity?.Roles.FirstOrDefault()?.Role,
                    q.Cue is TextRange c ? c.Of(a.Document.Text) : null,
                    q.Content.Of(a.Document.Text),
                    a.Id,
                    a.Outlet,
                    q.Direct,
                    q.Content.Start,
                    q.Content.End,
                    q.Resolution.ToString().ToLowerInvariant()));
            }
        }

        return result;
    }

    // ------------------------------------------------------------------ numbers and dates

    private static List<BriefNumber> Numbers(List<StoryArticle> articles, List<ClaimUnit> units, Dictionary<ClaimUnit, Fact> factOf, List<ClaimGroup> groups)
    {
        var conflicting = groups.SelectMany(g => g.Differences)
            .Where(d => d.Kind == "number")
            .SelectMany(d => new[] { (d.A.Article, d.ATerm), (d.B.Article, d.BTerm) })
            .ToHashSet();
        var result = new List<BriefNumber>();
        foreach (var a in articles)
        {
            var layer = a.Document.GetOrDefault(Layers.Quantities);
            if (layer is null)
            {
                continue;
            }

            var qs = layer.Quantities;
            for (int i = 0; i < qs.Length; i++)
            {
                var q = qs[i];
                var text = q.Range.Of(a.Document.Text);
                var unit = units.FirstOrDefault(u => u.Article == a.Id && u.Range.Contains(q.Range));
                var sentence = a.Document.GetOrDefault(Layers.Sentences) is { } ss && ss.IndexOf(q.Range.Start) is int si and >= 0
                    ? ss[si].Range.Of(a.Document.Text)
                    : string.Empty;
                var linked = q.Group >= 0
                    ? qs.Where((o, j) => j != i && o.Group == q.Group).Select(o => o.Range.Of(a.Document.Text)).ToList()
                    : [];
                result.Add(new BriefNumber(
                    text, q.Value, q.ValueMax, q.Unit, q.Currency, q.Kind.ToString().ToLowerInvariant(), a.Id, a.Outlet, sentence,
                    q.Range.Start, q.Range.End, conflicting.Contains((a.Id, text)),
                    unit is not null && factOf.TryGetValue(unit, out var f) ? f.Id : null,
                    linked));
            }
        }

        return result;
    }

    private static List<TimelineEntry> Timeline(List<ClaimUnit> units, Dictionary<ClaimUnit, Fact> factOf, List<ClaimGroup> groups)
    {
        var entries = new List<(string? Date, string? End, TimeExpression T, ClaimUnit U, Fact? F)>();
        foreach (var u in units)
        {
            foreach (var t in u.Times)
            {
                factOf.TryGetValue(u, out var f);
                entries.Add((Format(t.Start, t.Granularity), ExplicitEnd(t), t, u, f));
            }
        }

        // one entry per (date, fact): the outlets that date the same claim the same way are merged
        return entries
            .GroupBy(e => (e.Date ?? "?" + e.T.Range.Of(e.U.SourceText).ToLowerInvariant(), e.F?.Id ?? "u" + e.U.Article + ":" + e.U.Order))
            .Select(g =>
            {
                var first = g.First();
                return new TimelineEntry(
                    first.Date,
                    first.T.Granularity.ToString().ToLowerInvariant(),
                    first.End,
                    first.U.DisplayText,
                    first.T.Range.Of(first.U.SourceText),
                    g.Select(e => e.U.Article).Distinct().Order().ToList(),
                    g.Select(e => e.U.Outlet).Distinct(StringComparer.Ordinal).ToList(),
                    first.T.Resolution != TimeResolution.Unresolved,
                    first.T.Relative,
                    first.F?.Id);
            })
            .OrderBy(e => e.Date is null ? 1 : 0)
            .ThenBy(e => e.Date, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The end of the interval when it is not the natural end of its granularity ("early January" ends on the 10th).</summary>
    private static string? ExplicitEnd(TimeExpression t)
    {
        if (t.Start is not DateOnly start || t.End is not DateOnly end || end == start)
        {
            return null;
        }

        DateOnly natural = t.Granularity switch
        {
            TimeGranularity.Year => new DateOnly(start.Year, 12, 31),
            TimeGranularity.Month => new DateOnly(start.Year, start.Month, DateTime.DaysInMonth(start.Year, start.Month)),
            TimeGranularity.Week => start.AddDays(6),
            TimeGranularity.Decade => new DateOnly(start.Year + 9, 12, 31),
            _ => start,
        };
        return end == natural ? null : end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static string? Format(DateOnly? d, TimeGranularity g) => d is not DateOnly date
        ? null
        : g switch
        {
            TimeGranularity.Year or TimeGranularity.Decade => date.ToString("yyyy", CultureInfo.InvariantCulture),
            TimeGranularity.Month or TimeGranularity.Quarter or TimeGranularity.Season => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

    // ------------------------------------------------------------------ coverage

    private static Coverage CoverageOf(List<Fact> facts, List<StoryArticle> articles, List<string> outlets)
    {
        var rows = facts.Select(f => new CoverageRow(
                f.Id,
                f.Text,
                f.Status,
                outlets.Select(o => (IReadOnlyList<long>)f.Sentences.Where(s => s.Outlet == o).Select(s => s.Article).Distinct().ToList()).ToList()))
            .ToList();
        _ = articles;
        return new Coverage(outlets, rows);
    }

    private static List<OutletAdds> Adds(List<Fact> facts, List<StoryArticle> articles, List<string> outlets) =>
        outlets.Select(o => new OutletAdds(
                o,
                articles.Where(a => a.Outlet == o).Select(a => a.Id).ToList(),
                facts.Where(f => f.Status == "single" && f.Outlets.Count == 1 && f.Outlets[0] == o).Select(f => f.Id).ToList()))
            .ToList();
}
