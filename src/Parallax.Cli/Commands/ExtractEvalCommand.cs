using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parallax.Ingestion.Evaluation;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax eval extract</c>: the article-extraction benchmark's metric over the HTML cascade.</summary>
public static class ExtractEvalCommand
{
    public static Command Create()
    {
        var html = new Option<string>("--html") { Description = "Folder of pages: <id>.html.gz or <id>.html.", Required = true };
        var truth = new Option<string>("--truth") { Description = "ground-truth.json: {id: {articleBody, url}}.", Required = true };
        var json = GlobalOptions.Json();
        var worst = new Option<int>("--worst") { Description = "Also list the N pages with the lowest F1 (on stderr, or in the JSON).", DefaultValueFactory = _ => 0 };
        var cascade = new Option<string>("--cascade") { Description = "Cascade order: own-first (what ingest uses) or smartreader-first (to compare).", DefaultValueFactory = _ => "own-first" };
        cascade.AcceptOnlyFromAmong("own-first", "smartreader-first");
        var command = new Command("extract", "Score HTML main-text extraction: word 4-gram shingle precision/recall averaged over pages, F1 of the averages, exact-match accuracy.");
        command.Options.Add(html);
        command.Options.Add(truth);
        command.Options.Add(json);
        command.Options.Add(worst);
        command.Options.Add(cascade);
        command.SetAction((parse, ct) =>
        {
            var result = ExtractionEvaluation.Run(
                parse.GetValue(html)!,
                parse.GetValue(truth)!,
                ct,
                parse.GetValue(cascade) == "smartreader-first" ? Parallax.Ingestion.Html.ExtractionCascade.SmartReaderFirst : Parallax.Ingestion.Html.ExtractionCascade.OwnFirst);
            var score = result.Score;
            int n = parse.GetValue(worst);
            var worstPages = result.Pages
                .Select(p => (p.Id, P: p.Precision ?? 0, R: p.Recall ?? 0))
                .Select(p => (p.Id, p.P, p.R, F: p.P + p.R > 0 ? 2 * p.P * p.R / (p.P + p.R) : 0))
                .OrderBy(p => p.F).Take(n).ToList();
            if (parse.GetValue(json))
            {
                var doc = new Dictionary<string, object>
                {
                    ["precision"] = Math.Round(score.Precision, 4),
                    ["recall"] = Math.Round(score.Recall, 4),
                    ["f1"] = Math.Round(score.F1, 4),
                    ["accuracy"] = Math.Round(score.Accuracy, 4),
                    ["pages"] = score.Pages,
                    ["extractors"] = result.Extractors,
                    ["seconds"] = Math.Round(result.Seconds, 2),
                };
                if (n > 0)
                {
                    doc["worst"] = worstPages.Select(p => new { id = p.Id, precision = Math.Round(p.P, 3), recall = Math.Round(p.R, 3) }).ToList();
                }

                Console.Out.WriteLine(JsonSerializer.Serialize(doc));
            }
            else
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pages {score.Pages}  precision {score.Precision:F4}  recall {score.Recall:F4}  F1 {score.F1:F4}  accuracy {score.Accuracy:F4}"));
                Console.Out.WriteLine("extractors: " + string.Join(", ", result.Extractors.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {kv.Value}")));
                foreach (var p in worstPages)
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{p.Id}  P {p.P:F3}  R {p.R:F3}"));
                }
            }

            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }
}
