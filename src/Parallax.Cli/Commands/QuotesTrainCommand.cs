using System.CommandLine;
using Parallax.Nlp.Quotes;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax train quotes --data DIR --out DIR</c>: learns the cue-word table (<c>cues.tsv</c>) and the attribution
/// model (<c>attribution.model</c>) of <c>parallax.quotes</c> from PolNeAR's training split.
/// </summary>
public static class QuotesTrainCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The PolNeAR training split (e.g. ../shared/data/polnear/train).", Required = true };
        var output = new Option<string>("--out") { Description = "The folder to write cues.tsv and attribution.model to (models/quotes).", Required = true };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs of the attribution model.", DefaultValueFactory = _ => AttributionTrainingDefaults.Epochs };
        var folds = new Option<int>("--folds") { Description = "Tuning: hold out one fold of this many (by article) and print its scores as training goes.", DefaultValueFactory = _ => 0 };
        var fold = new Option<int>("--fold") { Description = "Which fold to hold out (0-based).", DefaultValueFactory = _ => 0 };
        var allAnnotators = new Option<bool>("--all-annotators") { Description = "Also learn from the other annotators of doubly annotated articles." };
        var models = new Option<int>("--models") { Description = "Average this many models trained with successive shuffling seeds.", DefaultValueFactory = _ => AttributionTrainingDefaults.Models };
        var cueBias = new Option<float>("--cue-bias") { Description = "Stored in the model: added to a cue's first-token score when decoding (recall against precision).", DefaultValueFactory = _ => AttributionTrainingDefaults.CueBias };
        var dump = new Option<string?>("--dump") { Description = "Tuning: write the held-out fold's predictions made from the gold cues to this JSONL file." };
        var command = new Command("quotes", "Learn the cue table and the attribution model of the quote extractor from PolNeAR's training split.");
        command.Options.Add(data);
        command.Options.Add(output);
        command.Options.Add(epochs);
        command.Options.Add(folds);
        command.Options.Add(fold);
        command.Options.Add(allAnnotators);
        command.Options.Add(dump);
        command.Options.Add(models);
        command.Options.Add(cueBias);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(data)!;
            var outDir = parse.GetValue(output)!;
            Directory.CreateDirectory(outDir);
            var cues = CueModel.Train(dir);
            var cuesPath = Path.Combine(outDir, "cues.tsv");
            cues.Save(cuesPath);
            Console.WriteLine($"wrote {cues.Counts.Count} cue forms to {cuesPath}");
            var dumpPath = parse.GetValue(dump);
            using var dumpWriter = string.IsNullOrEmpty(dumpPath) ? null : new StreamWriter(dumpPath);
            var options = new AttributionTrainingOptions
            {
                Epochs = parse.GetValue(epochs),
                Folds = parse.GetValue(folds),
                Fold = parse.GetValue(fold),
                AllAnnotators = parse.GetValue(allAnnotators),
                Models = parse.GetValue(models),
                CueBias = parse.GetValue(cueBias),
                Description = $"parallax train quotes --data {Path.GetFileName(Path.TrimEndingDirectorySeparator(dir))} --epochs {parse.GetValue(epochs)} --models {parse.GetValue(models)} --cue-bias {parse.GetValue(cueBias).ToString(System.Globalization.CultureInfo.InvariantCulture)}",
                Log = Console.Error.WriteLine,
                Dump = dumpWriter,
            };
            var model = AttributionTrainer.Train(dir, cues, options);
            var modelPath = Path.Combine(outDir, "attribution.model");
            model.Save(modelPath);
            Console.WriteLine($"wrote the attribution model ({model.FeatureCount} feature rows, {new FileInfo(modelPath).Length:N0} bytes) to {modelPath}");
            return CliApp.Ok;
        });
        return command;
    }
}
