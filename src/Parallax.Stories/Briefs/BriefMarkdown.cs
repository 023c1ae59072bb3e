using System.Globalization;
using System.Text;

namespace Parallax.Stories.Briefs;

/// <summary>The brief as Markdown, for editors: what all agree on, where they differ, what each adds, who said what.</summary>
public static class BriefMarkdown
{
    public static string Render(BriefDocument document)
    {
        var sb = new StringBuilder();
        var articles = document.Articles.ToDictionary(a => a.Id);
        for (int i = 0; i < document.Stories.Count; i++)
        {
            if (i > 0)
            {
                sb.Append("\n---\n\n");
            }

            RenderStory(sb, document.Stories[i], articles);
        }

        if (document.Stories.Count == 0)
        {
            sb.Append("No stories: no article could be analysed.\n");
        }

        return sb.ToString();
    }

    private static void RenderStory(StringBuilder sb, StoryBrief story, Dictionary<long, BriefArticle> articles)
    {
        string Cite(IEnumerable<long> ids) => string.Join(string.Empty, ids.Distinct().Order().Select(id => $"[{id}]"));
        string OutletsOf(IEnumerable<long> ids) => string.Join(", ", ids.Distinct().Order().Select(id => articles.TryGetValue(id, out var a) ? a.Outlet : id.ToString(CultureInfo.InvariantCulture)).Distinct());

        sb.Append("# ").Append(Escape(story.Headline)).Append("\n\n");
        sb.Append('*').Append(story.Articles.Count).Append(story.Articles.Count == 1 ? " article" : " articles")
            .Append(" from ").Append(story.Outlets.Count).Append(story.Outlets.Count == 1 ? " outlet" : " outlets")
            .Append(": ").Append(Escape(string.Join(", ", story.Outlets)));
        if (story.FirstPublished is { } first)
        {
            sb.Append(" · ").Append(first.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
            if (story.LastPublished is { } last && last.Date != first.Date)
            {
                sb.Append(" – ").Append(last.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
            }
        }

        sb.Append(" · story ").Append(story.Id).Append("*\n\n");

        // sources first, so the [n] citations read
        sb.Append("**Sources**\n\n");
        foreach (var id in story.Articles)
        {
            var a = articles[id];
            sb.Append("- [").Append(id).Append("] ").Append(Escape(a.Outlet)).Append(": ").Append(Escape(a.Title));
            if (a.Published is { } p)
            {
                sb.Append(" (").Append(p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(')');
            }

            if (a.Url is not null)
            {
                sb.Append(" <").Append(a.Url).Append('>');
            }

            if (a.CopyOf is long c)
            {
                sb.Append(" (copy of [").Append(c).Append("], counted once)");
            }

            sb.Append('\n');
        }

        sb.Append("\n## In brief\n\n");
        foreach (var line in story.Summary)
        {
            sb.Append("- ").Append(Escape(line.Text)).Append(' ').Append(Cite(line.Articles));
            if (line.Status is "conflict" or "refinement")
            {
                sb.Append(" *(").Append(line.Status).Append(")*");
            }

            sb.Append('\n');
        }

        var shared = story.Facts.Where(f => f.Status == "consensus").ToList();
        sb.Append("\n## What the outlets agree on\n\n");
        if (shared.Count == 0)
        {
            sb.Append("No claim is reported by more than one independent outlet.\n");
        }

        foreach (var f in shared)
        {
            sb.Append("- ").Append(Escape(f.Text)).Append(' ').Append(Cite(f.Articles)).Append('\n');
            foreach (var s in f.Sentences.Where(s => s.Text != f.Text))
            {
                sb.Append("  - ").Append(Escape(s.Outlet)).Append(": \"").Append(Escape(Clause(s.Text))).Append("\" [").Append(s.Article).Append("]\n");
            }
        }

        var differ = story.Facts.Where(f => f.Status is "conflict" or "refinement").ToList();
        sb.Append("\n## Where they differ\n\n");
        if (differ.Count == 0)
        {
            sb.Append("No conflicting or more precise versions of a shared claim were found.\n");
        }

        foreach (var f in differ)
        {
            sb.Append("- **").Append(f.Status).Append("**: ").Append(Escape(f.Text)).Append(' ').Append(Cite(f.Articles)).Append('\n');
            foreach (var d in f.Differences)
            {
                sb.Append("  - ").Append(d.Kind).Append(": ")
                    .Append(string.Join("; ", d.Values.Select(v => $"{Escape(v.Outlet)} says \"{Escape(v.Text)}\" [{v.Article}]")))
                    .Append(" (").Append(Escape(d.Explanation)).Append(")\n");
            }

            foreach (var s in f.Sentences)
            {
                sb.Append("  - ").Append(Escape(s.Outlet)).Append(": \"").Append(Escape(Clause(s.Text))).Append("\" [").Append(s.Article).Append("]\n");
            }
        }

        var facts = story.Facts.ToDictionary(f => f.Id);
        sb.Append("\n## What only one outlet reports\n");
        foreach (var adds in story.Adds)
        {
            sb.Append("\n### ").Append(Escape(adds.Outlet)).Append(' ').Append(Cite(adds.Articles)).Append("\n\n");
            if (adds.Facts.Count == 0)
            {
                sb.Append("Nothing that the other outlets do not also report.\n");
            }

            foreach (var id in adds.Facts)
            {
                sb.Append("- ").Append(Escape(facts[id].Text)).Append('\n');
            }
        }

        var people = story.Entities.Where(e => e.Type is "PERSON" or "ORG").ToList();
        sb.Append("\n## People and organisations\n\n");
        if (people.Count == 0)
        {
            sb.Append("None recognised.\n");
        }
        else
        {
            sb.Append("| Name | Type | Roles (as given by) | Also called | Mentions |\n|---|---|---|---|---|\n");
            foreach (var e in people)
            {
                var roles = string.Join("; ", e.RoleSources.Select(r => $"{r.Role} ({string.Join(", ", r.Outlets)})"));
                sb.Append("| ").Append(Cell(e.Name)).Append(" | ").Append(e.Type == "PERSON" ? "person" : "organisation").Append(" | ")
                    .Append(Cell(roles)).Append(" | ").Append(Cell(string.Join(", ", e.Aliases))).Append(" | ")
                    .Append(e.Mentions).Append(' ').Append(Cite(e.Articles)).Append(" |\n");
            }
        }

        var places = story.Entities.Where(e => e.Type == "LOC").ToList();
        if (places.Count > 0)
        {
            sb.Append("\nPlaces: ").Append(Escape(string.Join(", ", places.Select(p => p.Country is { } c && c != p.Name ? $"{p.Name} ({c})" : p.Name)))).Append('\n');
        }

        sb.Append("\n## Who said what\n\n");
        if (story.Quotes.Count == 0)
        {
            sb.Append("No quotes found.\n");
        }

        foreach (var speaker in story.Quotes.GroupBy(q => q.SpeakerLabel))
        {
            var role = speaker.Select(q => q.SpeakerRole).FirstOrDefault(r => r is not null);
            sb.Append("\n**").Append(Escape(speaker.Key)).Append("**");
            if (role is not null)
            {
                sb.Append(", ").Append(Escape(role));
            }

            sb.Append("\n\n");
            foreach (var q in speaker)
            {
                sb.Append("- ").Append(q.Direct ? "“" + Escape(q.Text) + "”" : Escape(q.Text));
                if (q.Cue is not null)
                {
                    sb.Append(" (").Append(Escape(q.Cue)).Append(')');
                }

                sb.Append(" [").Append(q.Article).Append("]\n");
            }
        }

        sb.Append("\n## Numbers\n\n");
        if (story.Numbers.Count == 0)
        {
            sb.Append("No figures found.\n");
        }
        else
        {
            sb.Append("| Figure | Value | What | Outlet |\n|---|---|---|---|\n");
            foreach (var n in story.Numbers)
            {
                sb.Append("| ").Append(Cell(n.Text)).Append(n.Conflict ? " ⚠ conflict" : string.Empty).Append(" | ")
                    .Append(FormatValue(n)).Append(" | ").Append(Cell(n.Unit ?? n.Kind)).Append(" | ")
                    .Append(Cell(n.Outlet)).Append(" [").Append(n.Article).Append("] |\n");
            }
        }

        sb.Append("\n## Timeline\n\n");
        var dated = story.Timeline.Where(t => t.Date is not null).ToList();
        if (dated.Count == 0)
        {
            sb.Append("No dates could be resolved").Append(story.Timeline.Count > 0 ? " (the articles carry no publication date)" : string.Empty).Append(".\n");
        }
        else
        {
            sb.Append("| When | What | Said as | Sources |\n|---|---|---|---|\n");
            foreach (var t in dated)
            {
                sb.Append("| ").Append(When(t)).Append(" | ")
                    .Append(Cell(t.Text)).Append(" | ").Append(Cell(t.Phrase)).Append(" | ").Append(Cell(OutletsOf(t.Articles))).Append(' ').Append(Cite(t.Articles)).Append(" |\n");
            }
        }

        sb.Append("\n## Coverage\n\n");
        sb.Append("| Claim | Status | ").Append(string.Join(" | ", story.Coverage.Outlets.Select(Cell))).Append(" |\n");
        sb.Append("|---|---|").Append(string.Concat(Enumerable.Repeat("---|", story.Coverage.Outlets.Count))).Append('\n');
        foreach (var row in story.Coverage.Rows)
        {
            sb.Append("| ").Append(Cell(Shorten(row.Text, 90))).Append(" | ").Append(row.Status).Append(" | ")
                .Append(string.Join(" | ", row.Cells.Select(c => c.Count > 0 ? "✓" : " "))).Append(" |\n");
        }
    }

    /// <summary>The date as an editor reads it: the weekday of a day, "week of" a week, the decade of a decade.</summary>
    internal static string When(TimelineEntry t)
    {
        static string Day(string iso) => DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture)
            : iso;
        string start = t.Granularity switch
        {
            "day" => Day(t.Date!),
            "week" => "week of " + t.Date,
            "decade" => t.Date + "s",
            "quarter" or "season" => t.Date + " (" + t.Granularity + ")",
            _ => t.Date!,
        };
        return t.End is null ? start : start + " – " + (t.End.Length == 10 ? Day(t.End) : t.End);
    }

    internal static string FormatValue(BriefNumber n)
    {
        string V(double v) => Math.Abs(v) >= 1e9 ? (v / 1e9).ToString("0.###", CultureInfo.InvariantCulture) + " billion"
            : Math.Abs(v) >= 1e6 ? (v / 1e6).ToString("0.###", CultureInfo.InvariantCulture) + " million"
            : v.ToString("#,0.###", CultureInfo.InvariantCulture);
        if (n.Kind == "ordinal")
        {
            return "rank " + V(n.Value); // "No 2 economy", "21st century": a place in an order, not an amount
        }

        var s = V(n.Value) + (n.ValueMax is double max ? "–" + V(max) : string.Empty);
        return n.Currency is not null ? s + " " + n.Currency : n.Kind == "percent" ? s + "%" : s;
    }

    /// <summary>A clause cut from the middle of its sentence reads with a leading ellipsis.</summary>
    private static string Clause(string s) => s.Length > 0 && char.IsLower(s[0]) ? "… " + s : s;

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";

    private static string Cell(string s) => Escape(s).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Escapes what Markdown would take as markup or HTML.</summary>
    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '<' or '>' or '*' or '_' or '`' or '[' or ']' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
