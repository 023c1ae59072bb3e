using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Parallax.Core;
using Parallax.Nlp.Entities;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax train ner</c>, <c>parallax train word-clusters</c> and <c>parallax eval ner</c>.</summary>
public static class NerCommands
{
    public static IEnumerable<Command> Train()
    {
        var trainFile = new Option<string>("--train") { Description = "Training data: CoNLL file (IOB or IOBES tags in the last column).", Required = true };
        var devFile = new Option<string?>("--dev") { Description = "Dev data: the epoch with the best dev F1 is kept." };
        var extra = new Option<string[]>("--extra") { Description = "More training files (e.g. wikiann-en/en/train).", AllowMultipleArgumentsPerToken = true };
        var outFile = new Option<string>("--out") { Description = "Where to write the model.", Required = true };
        var clusters = new Option<string?>("--clusters") { Description = "Word clusters file from 'parallax train word-clusters'." };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => 12 };
        var noGazetteer = new Option<bool>("--no-gazetteer") { Description = "Train without gazetteer features." };
        var ner = new Command("ner", "Train the named-entity model (averaged perceptron over BILOU tags).");
        ner.Options.Add(trainFile);
        ner.Options.Add(devFile);
        ner.Options.Add(extra);
        ner.Options.Add(outFile);
        ner.Options.Add(clusters);
        ner.Options.Add(epochs);
        ner.Options.Add(noGazetteer);
        ner.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var train = ConllReader.Read(parse.GetValue(trainFile)!);
            foreach (var f in parse.GetValue(extra) ?? [])
            {
                train.AddRange(ConllReader.Read(f));
            }

            var dev = parse.GetValue(devFile) is { } d ? ConllReader.Read(d) : null;
            var clusterFile = parse.GetValue(clusters);
            var wordClusters = clusterFile is null ? null : WordClusterTrainer.Read(clusterFile);
            var description = "parallax train ner " + string.Join(' ', Environment.GetCommandLineArgs().Skip(3).Select(Path.GetFileName));
            var model = NerTrainer.Train(train, dev, new NerTrainingOptions
            {
                Epochs = parse.GetValue(epochs),
                Clusters = wordClusters,
                UseGazetteer = !parse.GetValue(noGazetteer),
                Description = description,
                Log = m => Console.Error.WriteLine(m),
            });
            var output = parse.GetValue(outFile)!;
            model.Save(output);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {output} ({new FileInfo(output).Length / 1024} KB, {model.FeatureCount} features) in {clock.Elapsed.TotalSeconds:F0}s"));
            return CliApp.Ok;
        });

        var data = new Option<string[]>("--text") { Description = "Unlabelled text: files or folders (.txt, .jsonl with a \"text\" field, .csv).", Required = true, AllowMultipleArgumentsPerToken = true };
        var clustersOut = new Option<string>("--out") { Description = "Where to write the clusters (word TAB id...).", Required = true };
        var dims = new Option<int>("--dim") { Description = "Embedding size.", DefaultValueFactory = _ => 100 };
        var wcEpochs = new Option<int>("--epochs") { Description = "Passes over the text.", DefaultValueFactory = _ => 3 };
        var minCount = new Option<int>("--min-count") { Description = "Ignore rarer words.", DefaultValueFactory = _ => 3 };
        var ks = new Option<int[]>("--k") { Description = "Cluster counts, one clustering each.", DefaultValueFactory = _ => [64, 256, 1024], AllowMultipleArgumentsPerToken = true };
        var wc = new Command("word-clusters", "Learn word embeddings (skip-gram, negative sampling) from unlabelled text and cluster them with k-means.");
        wc.Options.Add(data);
        wc.Options.Add(clustersOut);
        wc.Options.Add(dims);
        wc.Options.Add(wcEpochs);
        wc.Options.Add(minCount);
        wc.Options.Add(ks);
        wc.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var options = new WordClusterOptions
            {
                Dimensions = parse.GetValue(dims),
                Epochs = parse.GetValue(wcEpochs),
                MinCount = parse.GetValue(minCount),
                ClusterCounts = parse.GetValue(ks)!,
                Log = m => Console.Error.WriteLine(m),
            };
            var result = WordClusterTrainer.Train(WordClusterTrainer.ReadCorpus(parse.GetValue(data)!), options);
            var output = parse.GetValue(clustersOut)!;
            WordClusterTrainer.Write(result, output);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {output} ({result.Words.Count} words, levels {result.Levels}) in {clock.Elapsed.TotalSeconds:F0}s"));
            return CliApp.Ok;
        });
        return [ner, wc];
    }

    public static IEnumerable<Command> Eval()
    {
        var dataFile = new Option<string>("--data") { Description = "CoNLL file with gold tags (IOB or IOBES).", Required = true };
        var modelFile = new Option<string?>("--model") { Description = "Model file (default: the built-in model)." };
        var json = GlobalOptions.Json();
        var ner = new Command("ner", "CoNLL entity-level precision, recall and F1 (exact spans), overall and per type.");
        ner.Options.Add(dataFile);
        ner.Options.Add(modelFile);
        ner.Options.Add(json);
        ner.SetAction(parse =>
        {
            var model = parse.GetValue(modelFile) is { } path
                ? NerModel.Load(path)
                : NerModel.LoadEmbedded() ?? throw new ParallaxException(ErrorCodes.ModelMissing, "This build has no built-in NER model; pass --model FILE.");
            var docs = ConllReader.Read(parse.GetValue(dataFile)!);
            var clock = Stopwatch.StartNew();
            var scores = NerEvaluator.Evaluate(model, docs);
            var seconds = clock.Elapsed.TotalSeconds;
            if (parse.GetValue(json))
            {
                var result = new Dictionary<string, object>
                {
                    ["data"] = Path.GetFileName(parse.GetValue(dataFile)!),
                    ["documents"] = scores.Documents,
                    ["tokens"] = scores.Tokens,
                    ["entities"] = scores.Overall.Gold,
                    ["precision"] = Math.Round(scores.Overall.Precision, 4),
                    ["recall"] = Math.Round(scores.Overall.Recall, 4),
                    ["f1"] = Math.Round(scores.Overall.F1, 4),
                    ["by_type"] = scores.ByType.ToDictionary(
                        kv => kv.Key,
                        kv => new Dictionary<string, object>
                        {
                            ["precision"] = Math.Round(kv.Value.Precision, 4),
                            ["recall"] = Math.Round(kv.Value.Recall, 4),
                            ["f1"] = Math.Round(kv.Value.F1, 4),
                            ["gold"] = kv.Value.Gold,
                            ["predicted"] = kv.Value.Predicted,
                            ["correct"] = kv.Value.Correct,
                        }),
                    ["seconds"] = Math.Round(seconds, 2),
                };
                Console.WriteLine(JsonSerializer.Serialize(result));
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scores.Documents} documents, {scores.Tokens} tokens, {scores.Overall.Gold} gold entities ({seconds:F1}s)"));
                Console.WriteLine("type   precision  recall     f1");
                foreach (var (type, s) in scores.ByType)
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{type,-6} {s.Precision,9:F4}  {s.Recall,6:F4}  {s.F1,6:F4}"));
                }

                var o = scores.Overall;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all",-6} {o.Precision,9:F4}  {o.Recall,6:F4}  {o.F1,6:F4}"));
            }

            return CliApp.Ok;
        });
        return [ner];
    }
}
