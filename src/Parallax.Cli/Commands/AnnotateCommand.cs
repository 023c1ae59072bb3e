using System.CommandLine;
using System.Globalization;
using Parallax.Engine;

namespace Parallax.Cli.Commands;

/// <summary>annotate: the layers of one article (sentences, entities with roles, numbers, dates, quotes).</summary>
public static class AnnotateCommand
{
    public static IEnumerable<Command> Create()
    {
        var paths = new Argument<string[]>("FILE") { Description = "An article file (any input format), or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var json = GlobalOptions.Json();
        var format = StoreCommands.FormatOption();
        var source = StoreCommands.SourceOption();
        var published = StoreCommands.PublishedOption();
        var maxBytes = StoreCommands.MaxBytesOption();
        var encoding = StoreCommands.EncodingOption();
        var command = new Command("annotate", "Show the annotation layers of an article: sentences, entities with roles, numbers, dates and quotes.")
        {
            paths, json, format, source, published, maxBytes, encoding,
        };
        command.SetAction(parse =>
        {
            var options = StoreCommands.ReadOptionsFrom(parse, format, source, published, maxBytes, encoding);
            var views = new List<AnnotationView>();
            int failed = 0;
            foreach (var (failure, view) in Annotation.AnnotateInputs(parse.GetValue(paths) ?? [], options))
            {
                if (failure is not null)
                {
                    failed++;
                    Output.Message($"failed  {failure.Origin}: {failure.Reason} [{failure.Code}]");
                }
                else if (view is not null)
                {
                    views.Add(view);
                }
            }

            if (parse.GetValue(json))
            {
                Output.Json(new { articles = views });
            }
            else
            {
                foreach (var v in views)
                {
                    Print(v);
                }
            }

            return failed > 0 ? CliApp.SomeFailed : CliApp.Ok;
        });
        return [command];
    }

    private static void Print(AnnotationView v)
    {
        string Span(int s, int e) => string.Create(CultureInfo.InvariantCulture, $"[{s},{e})");
        Output.Line($"{v.Title}");
        Output.Line($"{v.Origin} · {v.Source ?? "no source"} · {v.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "no date"} · {v.Language ?? "?"} · {v.Pipeline}");
        Output.Line(string.Empty);
        Output.Line($"not the article ({v.Excluded.Count}):");
        foreach (var x in v.Excluded)
        {
            Output.Line($"  {Span(x.Start, x.End),-14} {x.Kind}: {Output.Shorten(x.Text.ReplaceLineEndings(" "), 90)}");
        }

        Output.Line($"sentences ({v.Sentences.Count}):");
        foreach (var s in v.Sentences)
        {
            Output.Line($"  {Span(s.Start, s.End),-14} {Output.Shorten(s.Text.ReplaceLineEndings(" "), 110)}");
        }

        Output.Line($"entities ({v.Entities.Count}):");
        foreach (var e in v.Entities)
        {
            var roles = e.Roles.Count > 0 ? "  roles: " + string.Join("; ", e.Roles.Select(r => (r.Qualifier is null ? string.Empty : r.Qualifier + " ") + r.Role + " (" + r.Position.ToLowerInvariant() + ")")) : string.Empty;
            var honorific = e.Honorific is null ? string.Empty : "  honorific: " + e.Honorific;
            Output.Line(string.Create(CultureInfo.InvariantCulture, $"  {Span(e.Start, e.End),-14} {e.Type,-6} {e.Text}{roles}{honorific}"));
        }

        Output.Line($"numbers ({v.Numbers.Count}):");
        foreach (var n in v.Numbers)
        {
            var value = n.Value.ToString("G6", CultureInfo.InvariantCulture) + (n.ValueMax is double m ? ".." + m.ToString("G6", CultureInfo.InvariantCulture) : string.Empty);
            Output.Line($"  {Span(n.Start, n.End),-14} {n.Text}  = {n.Kind} {value} {n.Currency ?? n.Unit}{(n.Approximate ? " (approx.)" : string.Empty)}{(n.Group >= 0 ? " group " + n.Group.ToString(CultureInfo.InvariantCulture) : string.Empty)}");
        }

        Output.Line($"dates ({v.Dates.Count}):");
        foreach (var d in v.Dates)
        {
            var when = d.Date is null ? "unresolved" : d.Date + (d.EndDate is not null && d.EndDate != d.Date ? ".." + d.EndDate : string.Empty);
            Output.Line($"  {Span(d.Start, d.End),-14} {d.Text}  = {when} ({d.Granularity}, {d.Resolution}{(d.Relative is null ? string.Empty : ", " + d.Relative)})");
        }

        Output.Line($"quotes ({v.Quotes.Count}):");
        foreach (var q in v.Quotes)
        {
            Output.Line($"  {Span(q.Start, q.End),-14} {(q.Direct ? "direct  " : "reported")} {q.Speaker ?? "(unresolved)"} [{q.Cue}]: {Output.Shorten(q.Text.ReplaceLineEndings(" "), 90)}");
        }

        Output.Line(string.Empty);
    }
}
