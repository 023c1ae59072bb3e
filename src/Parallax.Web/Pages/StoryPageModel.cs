using System.Globalization;
using Parallax.Core;
using Parallax.Stories.Briefs;

namespace Parallax.Web.Pages;

/// <summary>A claim mark on an outlet's text: which fact the sentence belongs to and that fact's status.</summary>
public sealed record ClaimMark(string Fact, string Status);

/// <summary>One outlet's article in the side-by-side view: its body paragraphs cut at the claims' sentences.</summary>
public sealed record OutletColumn(long ArticleId, string Outlet, string Title, string? Url, DateTimeOffset? Published, long? CopyOf, IReadOnlyList<IReadOnlyList<Segment<ClaimMark>>> Paragraphs);

/// <summary>The quotes of one speaker (or of nobody resolved), across outlets.</summary>
public sealed record SpeakerQuotes(string Speaker, string? Role, IReadOnlyList<BriefQuote> Quotes);

/// <summary>Everything the story page shows, built from the brief and the stored articles. Presentation only.</summary>
public sealed class StoryPageModel
{
    public required StoryBrief Story { get; init; }

    public required IReadOnlyDictionary<string, Fact> Facts { get; init; }

    public required IReadOnlyDictionary<long, string> OutletOf { get; init; }

    /// <summary>The most articles shown side by side.</summary>
    public const int MaxColumns = 12;

    public required IReadOnlyList<OutletColumn> Columns { get; init; }

    /// <summary>Articles of the story left out of the side-by-side view (a big story), linked instead.</summary>
    public required IReadOnlyList<Article> NotShown { get; init; }

    public required CoverageView Coverage { get; init; }

    /// <summary>Where a cited sentence is: its mark in a column when the article is shown, else the article page.</summary>
    public string SentenceLink(FactSentence s) =>
        NotShown.Any(a => a.Id == s.Article) ? $"/articles/{s.Article}" : $"#s-{s.Article}-{s.Start}";

    public required IReadOnlyList<BriefEntity> People { get; init; }

    public required IReadOnlyList<BriefEntity> OtherNames { get; init; }

    public required IReadOnlyList<SpeakerQuotes> QuotesBySpeaker { get; init; }

    public required TimelineChart Timeline { get; init; }

    public IEnumerable<Fact> Differing => Story.Facts.Where(f => f.Status is "conflict" or "refinement");

    public static StoryPageModel Build(BriefDocument document, IReadOnlyList<Article> articles)
    {
        var story = document.Stories[0];
        var facts = story.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var outletOf = document.Articles.ToDictionary(a => a.Id, a => a.Outlet);
        var byArticle = new Dictionary<long, List<Mark<ClaimMark>>>();
        foreach (var fact in story.Facts)
        {
            foreach (var s in fact.Sentences)
            {
                if (!byArticle.TryGetValue(s.Article, out var list))
                {
                    byArticle[s.Article] = list = [];
                }

                list.Add(new Mark<ClaimMark>(s.Start, s.End, new ClaimMark(fact.Id, fact.Status)));
            }
        }

        // side by side works for a handful of outlets: a big story shows the articles sharing most claims, the rest are linked
        var shared = story.Facts.Where(f => f.Status != "single").SelectMany(f => f.Articles).GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        var shown = articles
            .OrderBy(a => a.CopyOf is null ? 0 : 1)
            .ThenByDescending(a => shared.GetValueOrDefault(a.Id))
            .ThenBy(a => a.Id)
            .Take(MaxColumns)
            .Select(a => a.Id)
            .ToHashSet();
        var columns = new List<OutletColumn>();
        foreach (var article in articles.Where(a => shown.Contains(a.Id)).OrderBy(a => a.CopyOf is null ? 0 : 1).ThenBy(a => outletOf.GetValueOrDefault(a.Id, a.Outlet), StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Id))
        {
            var marks = byArticle.GetValueOrDefault(article.Id) ?? [];

            // a sentence in two facts is shown in the first; the other fact still lists it in the claim panel
            marks = NonOverlapping(marks);
            var paragraphs = article.ToDocument().BodyParagraphs
                .Select(p => Segments.Split(article.Text, p, marks))
                .ToList();
            columns.Add(new OutletColumn(article.Id, outletOf.GetValueOrDefault(article.Id, article.Outlet), article.Title, article.Url, article.Published, article.CopyOf, paragraphs));
        }

        var quotes = story.Quotes
            .GroupBy(q => q.Speaker ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key.Length == 0 ? 1 : 0)
            .ThenByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new SpeakerQuotes(
                g.Key.Length == 0 ? "Speaker not identified" : g.First().Speaker!,
                g.Select(q => q.SpeakerRole).FirstOrDefault(r => !string.IsNullOrEmpty(r)),
                g.ToList()))
            .ToList();

        return new StoryPageModel
        {
            Story = story,
            NotShown = articles.Where(a => !shown.Contains(a.Id)).ToList(),
            Coverage = CoverageView.Build(story.Coverage),
            Facts = facts,
            OutletOf = outletOf,
            Columns = columns,
            People = story.Entities.Where(e => e.Type is "PERSON" or "ORG").ToList(),
            OtherNames = story.Entities.Where(e => e.Type is not ("PERSON" or "ORG")).ToList(),
            QuotesBySpeaker = quotes,
            Timeline = TimelineChart.Build(story.Timeline, facts),
        };
    }

    private static List<Mark<ClaimMark>> NonOverlapping(List<Mark<ClaimMark>> marks)
    {
        var sorted = marks.OrderBy(m => m.Start).ThenByDescending(m => m.End).ToList();
        var kept = new List<Mark<ClaimMark>>(sorted.Count);
        int end = -1;
        foreach (var m in sorted)
        {
            if (m.Start >= end)
            {
                kept.Add(m);
                end = m.End;
            }
        }

        return kept;
    }

    /// <summary>How a status reads to a person.</summary>
    public static string StatusLabel(string status) => status switch
    {
        "consensus" => "shared",
        "single" => "only here",
        "conflict" => "conflicting",
        "refinement" => "one is more precise",
        _ => status,
    };

    public static string Day(DateTimeOffset? time) => time?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "no date";
}

/// <summary>
/// The coverage matrix as shown: every claim and outlet for a small story; for a big one the claims carried by most
/// outlets (disputed ones first) and the outlets carrying most claims, so the table stays readable.
/// </summary>
public sealed record CoverageView(IReadOnlyList<string> Outlets, IReadOnlyList<int> OutletIndexes, IReadOnlyList<CoverageRow> Rows, int TotalRows, int TotalOutlets)
{
    public const int MaxRows = 80;
    public const int MaxOutlets = 12;

    public bool Cut => Rows.Count < TotalRows || Outlets.Count < TotalOutlets;

    public static CoverageView Build(Coverage coverage)
    {
        var outletIndexes = Enumerable.Range(0, coverage.Outlets.Count)
            .OrderByDescending(i => coverage.Rows.Count(r => r.Cells[i].Count > 0))
            .ThenBy(i => i)
            .Take(MaxOutlets)
            .Order()
            .ToList();
        var rows = coverage.Rows.Count <= MaxRows
            ? coverage.Rows
            : coverage.Rows
                .Select((r, i) => (Row: r, Index: i))
                .OrderBy(x => x.Row.Status == "single" ? 1 : 0)
                .ThenByDescending(x => x.Row.Cells.Count(c => c.Count > 0))
                .ThenBy(x => x.Index)
                .Take(MaxRows)
                .OrderBy(x => x.Index)
                .Select(x => x.Row)
                .ToList();
        return new CoverageView(outletIndexes.Select(i => coverage.Outlets[i]).ToList(), outletIndexes, rows, coverage.Rows.Count, coverage.Outlets.Count);
    }
}
