using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Parallax.Nlp;
using Parallax.Nlp.Quotes;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax eval quotes --data DIR [--json]</c>: attribution (who said what) scores on a PolNeAR split.</summary>
public static class QuotesEvalCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "A PolNeAR split folder with text/ and attributions/ (e.g. ../shared/data/polnear/dev).", Required = true };
        var json = GlobalOptions.Json();
        var dump = new Option<string?>("--dump") { Description = "Write the gold and predicted attributions of every article to this JSONL file (for error analysis)." };
        var model = new Option<string?>("--model") { Description = "An attribution model file to measure instead of the built-in one." };
        var rulesOnly = new Option<bool>("--rules-only") { Description = "Measure the rules alone, without the attribution model." };
        var cueBias = new Option<float?>("--cue-bias") { Description = "Tuning: decode cues with this bias instead of the model's (higher: more cues found)." };
        var command = new Command("quotes", "Precision, recall and F1 of quote/attribution extraction (source, cue, content, whole attributions) on PolNeAR.");
        command.Options.Add(data);
        command.Options.Add(json);
        command.Options.Add(dump);
        command.Options.Add(model);
        command.Options.Add(rulesOnly);
        command.Options.Add(cueBias);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(data)!;
            var watch = Stopwatch.StartNew();
            var dumpPath = parse.GetValue(dump);
            var modelPath = parse.GetValue(model);
            var attributionModel = parse.GetValue(rulesOnly) ? null
                : string.IsNullOrEmpty(modelPath) ? AttributionModel.Default
                : AttributionModel.Load(modelPath);
            if (attributionModel is not null && parse.GetValue(cueBias) is { } bias)
            {
                attributionModel = attributionModel.WithCueBias(bias);
            }

            using var dumpWriter = string.IsNullOrEmpty(dumpPath) ? null : new StreamWriter(dumpPath);
            var scores = QuoteEvaluation.Run(dir, NlpPipeline.CreateDefault(), attributionModel, dumpWriter);
            watch.Stop();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(scores));
                return CliApp.Ok;
            }

            Console.WriteLine($"PolNeAR {dir}: {scores.Documents} articles, {watch.Elapsed.TotalSeconds:F1} s, {(attributionModel is null ? "rules only" : "rules + attribution model")}");
            Console.WriteLine($"match rule: {scores.Rule}");
            Console.WriteLine($"{"",-12} {"precision",9} {"recall",9} {"F1",9} {"matched",8} {"predicted",9} {"gold",6}");
            Row("source", scores.Source);
            Row("cue", scores.Cue);
            Row("content", scores.Content);
            Row("attribution", scores.Attribution);
            Console.WriteLine("exact match:");
            Row("source", scores.Exact.Source);
            Row("cue", scores.Exact.Cue);
            Row("content", scores.Exact.Content);
            Row("attribution", scores.Exact.Attribution);
            return CliApp.Ok;
        });
        return command;
    }

    private static void Row(string name, Prf p) =>
        Console.WriteLine($"{name,-12} {p.Precision,9:F3} {p.Recall,9:F3} {p.F1,9:F3} {p.Matched,8} {p.Predicted,9} {p.Gold,6}");
}
