using System.CommandLine;
using System.Globalization;
using Parallax.Stories.Clustering;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax train background-df</c>: document frequencies of a background news corpus, for story clustering.</summary>
public static class BackgroundDfCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The unlabeled-news folder (reuters21578/, bbc/, ag-news/).", Required = true };
        var output = new Option<string>("--out") { Description = "Output file (gzip TSV).", DefaultValueFactory = _ => Path.Combine("models", "background-df", "background-df.tsv.gz") };
        var minDf = new Option<int>("--min-df") { Description = "Drop keys held by fewer documents.", DefaultValueFactory = _ => 3 };
        var command = new Command("background-df", "Count background document frequencies of terms and details (no text is kept) for story clustering.")
        {
            data, output, minDf,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var built = BackgroundFrequencyBuilder.Build(parse.GetValue(data)!, parse.GetValue(minDf), cancellationToken);
            var path = parse.GetValue(output)!;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            using (var stream = File.Create(path))
            {
                built.Write(stream, BackgroundFrequencyBuilder.Source);
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{built.Documents} documents, {built.TermCount} keys, {built.LowerWordCount} lower-case words -> {path} ({new FileInfo(path).Length / 1024} KiB)"));
            return Task.FromResult(CliApp.Ok);
        });
        return command;
    }
}
