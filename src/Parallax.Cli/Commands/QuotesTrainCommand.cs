using System.CommandLine;
using Parallax.Nlp.Quotes;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax train quotes --data DIR --out FILE</c>: counts cue words in a PolNeAR training split.</summary>
public static class QuotesTrainCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The PolNeAR training split (e.g. ../shared/data/polnear/train).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the cue table (models/quotes/cues.tsv).", Required = true };
        var command = new Command("quotes", "Learn the cue-word table of the quote extractor from PolNeAR's training split.");
        command.Options.Add(data);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var model = CueModel.Train(parse.GetValue(data)!);
            var path = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            model.Save(path);
            Console.WriteLine($"wrote {model.Counts.Count} cue forms to {path}");
            return CliApp.Ok;
        });
        return command;
    }
}
