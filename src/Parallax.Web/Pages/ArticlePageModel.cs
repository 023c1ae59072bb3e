using System.Globalization;
using Parallax.Engine;

namespace Parallax.Web.Pages;

/// <summary>An annotation shown on the article page: its CSS class and what it says.</summary>
public sealed record AnnotationMark(string Css, string Label);

/// <summary>The article page: its body with every annotation layer marked, and the layers as lists.</summary>
public sealed class ArticlePageModel
{
    public required AnnotatedArticle Article { get; init; }

    public required IReadOnlyList<IReadOnlyList<Segment<AnnotationMark>>> Paragraphs { get; init; }

    public AnnotationView View => Article.View;

    public static ArticlePageModel Build(AnnotatedArticle article)
    {
        var v = article.View;
        var marks = new List<Mark<AnnotationMark>>();
        foreach (var q in v.Quotes)
        {
            var who = q.Speaker is null ? "speaker not identified" : q.Speaker;
            marks.Add(new(q.Start, q.End, new AnnotationMark("quote", (q.Direct ? "Quote" : "Reported speech") + ": " + who)));
        }

        foreach (var e in v.Entities)
        {
            var roles = e.Roles.Count == 0 ? string.Empty : " (" + string.Join("; ", e.Roles.Select(RoleText)) + ")";
            marks.Add(new(e.Start, e.End, new AnnotationMark("ent ent-" + e.Type.ToLowerInvariant(), TypeName(e.Type) + ": " + e.Text + roles)));
        }

        foreach (var d in v.Dates)
        {
            marks.Add(new(d.Start, d.End, new AnnotationMark("date", "Date: " + DateText(d))));
        }

        foreach (var n in v.Numbers)
        {
            marks.Add(new(n.Start, n.End, new AnnotationMark("num", "Number: " + NumberText(n))));
        }

        var paragraphs = article.Document.BodyParagraphs.Select(p => Segments.Split(article.Document.Text, p, marks)).ToList();
        return new ArticlePageModel { Article = article, Paragraphs = paragraphs };
    }

    public static string Css(Segment<AnnotationMark> s) => string.Join(' ', s.Marks.Select(m => m.Css).Distinct(StringComparer.Ordinal));

    public static string Title(Segment<AnnotationMark> s) => string.Join(" · ", s.Marks.Select(m => m.Label));

    public static string TypeName(string type) => type switch
    {
        "PERSON" => "Person",
        "ORG" => "Organisation",
        "LOC" => "Place",
        _ => "Other name",
    };

    public static string RoleText(AnnotatedRole r) => r.Qualifier is { Length: > 0 } q ? q + " " + r.Role : r.Role;

    public static string DateText(AnnotatedDate d)
    {
        if (d.Date is null)
        {
            return "not resolved" + (d.Relative is { } rel ? " (" + rel + ")" : string.Empty);
        }

        var range = d.EndDate is { } end && end != d.Date ? d.Date + " to " + end : d.Date;
        return range + " (" + d.Granularity + ", " + d.Resolution + ")";
    }

    public static string NumberText(AnnotatedNumber n)
    {
        var value = n.Value.ToString("#,0.##", CultureInfo.InvariantCulture);
        if (n.ValueMax is double max)
        {
            value += "–" + max.ToString("#,0.##", CultureInfo.InvariantCulture);
        }

        var unit = n.Currency ?? n.Unit;
        return (n.Approximate ? "about " : string.Empty) + value + (unit is null ? string.Empty : " " + unit) + " (" + n.Kind + ")";
    }
}
