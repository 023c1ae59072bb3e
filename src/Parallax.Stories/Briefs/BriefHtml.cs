using System.Globalization;
using System.Net;
using System.Text;

namespace Parallax.Stories.Briefs;

/// <summary>
/// The brief as one self-contained HTML file (no external resources, no script): the summary, the facts by status,
/// the outlets side by side with each claim's sentences marked (shared, only here, differing), people, quotes,
/// numbers, timeline and coverage. Every piece of article text is HTML-escaped.
/// </summary>
public static class BriefHtml
{
    private const string Style = """
        :root{--shared:#d8f0dc;--single:#fff1c9;--differ:#f9d3d3;--ink:#1d232a;--muted:#5b6470;--line:#d9dee4}
        *{box-sizing:border-box}body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);margin:0;padding:1rem;max-width:1200px;margin:auto}
        h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem;margin-top:2rem}
        .meta{color:var(--muted)}table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top}
        .cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:1rem}.col{border:1px solid var(--line);border-radius:6px;padding:.6rem}
        .consensus{background:var(--shared)}.single{background:var(--single)}.conflict,.refinement{background:var(--differ)}
        mark{color:inherit;border-radius:3px;padding:0 .1rem}.legend span{display:inline-block;padding:.1rem .5rem;margin-right:.4rem;border-radius:3px}
        .tag{font-size:.75rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid var(--line)}
        @media (max-width:600px){body{padding:.5rem}table{font-size:.82rem}}
        """;

    public static string Render(BriefDocument document)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">");
        sb.Append("<title>").Append(E(document.Stories.Count == 1 ? document.Stories[0].Headline : "Parallax briefs")).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        var articles = document.Articles.ToDictionary(a => a.Id);
        foreach (var story in document.Stories)
        {
            RenderStory(sb, story, articles);
        }

        if (document.Stories.Count == 0)
        {
            sb.Append("<p>No stories: no article could be analysed.</p>");
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void RenderStory(StringBuilder sb, StoryBrief story, Dictionary<long, BriefArticle> articles)
    {
        string Cite(IEnumerable<long> ids) => string.Join(string.Empty, ids.Distinct().Order().Select(id => $"<a href=\"#a{id}\">[{id}]</a>"));
        sb.Append("<article id=\"story-").Append(E(story.Id)).Append("\"><h1>").Append(E(story.Headline)).Append("</h1>");
        sb.Append("<p class=\"meta\">").Append(story.Articles.Count).Append(" articles from ").Append(story.Outlets.Count).Append(" outlets: ")
            .Append(E(string.Join(", ", story.Outlets)));
        if (story.FirstPublished is { } first)
        {
            sb.Append(" · ").Append(first.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        }

        sb.Append("</p>\n<h2>In brief</h2><ul>");
        foreach (var line in story.Summary)
        {
            sb.Append("<li class=\"").Append(line.Status).Append("\">").Append(E(line.Text)).Append(' ').Append(Cite(line.Articles)).Append("</li>");
        }

        sb.Append("</ul>\n");
        var facts = story.Facts.ToDictionary(f => f.Id);
        sb.Append("<h2>Where they differ</h2>");
        var differ = story.Facts.Where(f => f.Status is "conflict" or "refinement").ToList();
        if (differ.Count == 0)
        {
            sb.Append("<p>No conflicting or more precise versions of a shared claim were found.</p>");
        }
        else
        {
            sb.Append("<ul>");
            foreach (var f in differ)
            {
                sb.Append("<li class=\"").Append(f.Status).Append("\"><span class=\"tag\">").Append(f.Status).Append("</span> ").Append(E(f.Text)).Append(' ').Append(Cite(f.Articles)).Append("<ul>");
                foreach (var d in f.Differences)
                {
                    sb.Append("<li>").Append(E(d.Kind)).Append(": ").Append(E(string.Join("; ", d.Values.Select(v => $"{v.Outlet} says \"{v.Text}\"")))).Append(" (").Append(E(d.Explanation)).Append(")</li>");
                }

                sb.Append("</ul></li>");
            }

            sb.Append("</ul>");
        }

        // side by side
        sb.Append("\n<h2>The outlets side by side</h2><p class=\"legend\"><span class=\"consensus\">shared</span><span class=\"single\">only here</span><span class=\"conflict\">differs</span></p><div class=\"cols\">");
        var byArticle = story.Facts.SelectMany(f => f.Sentences.Select(s => (f, s))).GroupBy(t => t.s.Article).ToDictionary(g => g.Key, g => g.OrderBy(t => t.s.Start).ToList());
        foreach (var id in story.Articles)
        {
            var a = articles[id];
            sb.Append("<section class=\"col\" id=\"a").Append(id).Append("\"><h3>[").Append(id).Append("] ").Append(E(a.Outlet)).Append("</h3><p><b>").Append(E(a.Title)).Append("</b></p>");
            foreach (var (f, s) in byArticle.GetValueOrDefault(id) ?? [])
            {
                sb.Append("<p><mark class=\"").Append(f.Status).Append("\" title=\"").Append(E(f.Id + " · " + f.Status)).Append("\">").Append(E(s.Text)).Append("</mark></p>");
            }

            sb.Append("</section>");
        }

        sb.Append("</div>\n<h2>People and organisations</h2><table><thead><tr><th>Name</th><th>Type</th><th>Roles (as given by)</th><th>Mentions</th></tr></thead><tbody>");
        foreach (var e in story.Entities.Where(e => e.Type is "PERSON" or "ORG"))
        {
            sb.Append("<tr><td>").Append(E(e.Name)).Append("</td><td>").Append(E(e.Type)).Append("</td><td>")
                .Append(E(string.Join("; ", e.RoleSources.Select(r => $"{r.Role} ({string.Join(", ", r.Outlets)})")))).Append("</td><td>").Append(e.Mentions).Append("</td></tr>");
        }

        sb.Append("</tbody></table>\n<h2>Who said what</h2>");
        foreach (var speaker in story.Quotes.GroupBy(q => q.SpeakerLabel))
        {
            sb.Append("<h3>").Append(E(speaker.Key)).Append("</h3>");
            foreach (var q in speaker)
            {
                sb.Append("<blockquote>").Append(q.Direct ? "“" + E(q.Text) + "”" : E(q.Text)).Append(' ').Append(Cite([q.Article])).Append("</blockquote>");
            }
        }

        sb.Append("\n<h2>Numbers</h2><table><thead><tr><th>Figure</th><th>Value</th><th>Unit</th><th>Outlet</th></tr></thead><tbody>");
        foreach (var n in story.Numbers)
        {
            sb.Append("<tr").Append(n.Conflict ? " class=\"conflict\"" : string.Empty).Append("><td>").Append(E(n.Text)).Append("</td><td>")
                .Append(E(BriefMarkdown.FormatValue(n))).Append("</td><td>")
                .Append(E(n.Unit ?? n.Kind)).Append("</td><td>").Append(E(n.Outlet)).Append(' ').Append(Cite([n.Article])).Append("</td></tr>");
        }

        sb.Append("</tbody></table>\n<h2>Timeline</h2><table><thead><tr><th>When</th><th>What</th><th>Sources</th></tr></thead><tbody>");
        foreach (var t in story.Timeline.Where(t => t.Date is not null))
        {
            sb.Append("<tr><td>").Append(E(BriefMarkdown.When(t))).Append("</td><td>").Append(E(t.Text)).Append(" <span class=\"tag\">").Append(E(t.Phrase)).Append("</span></td><td>").Append(Cite(t.Articles)).Append("</td></tr>");
        }

        sb.Append("</tbody></table>\n<h2>Coverage</h2><table><thead><tr><th>Claim</th>");
        foreach (var o in story.Coverage.Outlets)
        {
            sb.Append("<th>").Append(E(o)).Append("</th>");
        }

        sb.Append("</tr></thead><tbody>");
        foreach (var row in story.Coverage.Rows)
        {
            sb.Append("<tr class=\"").Append(row.Status).Append("\"><td>").Append(E(row.Text)).Append("</td>");
            foreach (var c in row.Cells)
            {
                sb.Append("<td>").Append(c.Count > 0 ? "✓" : string.Empty).Append("</td>");
            }

            sb.Append("</tr>");
        }

        sb.Append("</tbody></table>\n<h2>Sources</h2><ol>");
        foreach (var id in story.Articles)
        {
            var a = articles[id];
            sb.Append("<li value=\"").Append(id).Append("\">").Append(E(a.Outlet)).Append(": ").Append(E(a.Title));
            if (a.Url is not null && Uri.TryCreate(a.Url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
            {
                sb.Append(" <a href=\"").Append(E(u.AbsoluteUri)).Append("\" rel=\"noopener noreferrer\">link</a>");
            }

            sb.Append("</li>");
        }

        sb.Append("</ol></article>\n");
        _ = facts;
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
