using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Parallax.Stories.Alignment;

namespace Parallax.Cli.Commands;

/// <summary>
/// <c>parallax train paraphrase</c>, <c>parallax train paraphrase-lexicon</c> and <c>parallax eval paraphrase</c>:
/// the sentence-pair classifier behind sentence alignment.
/// </summary>
public static class ParaphraseCommands
{
    public static IEnumerable<Command> Train() => [TrainModel(), TrainLexicon()];

    public static IEnumerable<Command> Eval() => [EvalModel(), EvalAlignment(), EvalClaims()];

    private static Command EvalAlignment()
    {
        var data = new Option<string>("--data") { Description = "MSRP-format TSV of labelled sentence pairs, dealt into a synthetic story.", Required = true };
        var articles = new Option<int>("--articles") { Description = "Articles in the synthetic story.", DefaultValueFactory = _ => 50 };
        var sentences = new Option<int>("--sentences") { Description = "Sentences per article.", DefaultValueFactory = _ => 30 };
        var model = new Option<string?>("--model") { Description = "A model file to use instead of the embedded one." };
        var json = GlobalOptions.Json();
        var command = new Command("alignment", "Align a synthetic story made of labelled pairs (each pair's sentences in two articles, the rest distractors): recall, precision, speed.") { data, articles, sentences, model, json };
        command.SetAction(parse =>
        {
            var pairs = MsrpReader.Read(parse.GetValue(data)!);
            var lex = ParaphraseLexicon.LoadEmbedded();
            var path = parse.GetValue(model);
            var m = path is null ? ParaphraseModel.LoadEmbedded(lex) : ParaphraseModel.Load(path, lex);
            int a = parse.GetValue(articles), s = parse.GetValue(sentences);
            if (a < 2 || s < 1)
            {
                throw new UsageException("--articles must be at least 2 and --sentences at least 1.");
            }

            var report = AlignmentEvaluation.Run(m, pairs, a, s);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    articles = report.Articles,
                    sentences = report.Sentences,
                    gold_paraphrases = report.GoldParaphrases,
                    gold_non_paraphrases = report.GoldNonParaphrases,
                    recall = Math.Round(report.Recall, 4),
                    precision = Math.Round(report.Precision, 4),
                    candidate_recall = Math.Round(report.CandidateRecall, 4),
                    other_pairs = report.OtherPairs,
                    align_ms = Math.Round(report.Milliseconds, 1),
                    analysis_ms = Math.Round(report.AnalysisMilliseconds, 1),
                }));
            }
            else
            {
                Console.WriteLine($"alignment of {report.Articles} articles x {report.Sentences / report.Articles} sentences ({report.GoldParaphrases} paraphrase pairs, {report.GoldNonParaphrases} non-paraphrase pairs across articles)");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall            {report.Recall:F4}  (candidate filter keeps {report.CandidateRecall:F4})"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision         {report.Precision:F4}  (of labelled pairs returned)"));
                Console.WriteLine($"unlabelled pairs  {report.OtherPairs}");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time              {report.Milliseconds:F0} ms to align, {report.AnalysisMilliseconds:F0} ms to analyse the sentences"));
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command EvalClaims()
    {
        var data = new Option<string>("--data") { Description = "The ECB+ folder (topic folders of T_Necb.xml / T_Necbplus.xml files).", Required = true };
        var scorer = new Option<string>("--scorer") { Description = "paraphrase (the paraphrase model with its relatedness gate and containment) or lexical.", DefaultValueFactory = _ => "paraphrase" };
        scorer.AcceptOnlyFromAmong("paraphrase", "lexical");
        var threshold = new Option<double>("--threshold") { Description = "Score at which two units are taken as one claim.", DefaultValueFactory = _ => Parallax.Stories.Claims.ClaimBuilder.DefaultThreshold };
        var json = GlobalOptions.Json();
        var command = new Command("claims", "Score claim-unit pairs inside real stories (ECB+ sub-topics): pairs of articles' sentences that mention one event against those that mention none in common.") { data, scorer, threshold, json };
        command.SetAction(parse =>
        {
            var scorerName = parse.GetValue(scorer)!;
            Parallax.Stories.Claims.IClaimScorer s = scorerName == "lexical"
                ? new Parallax.Stories.Claims.LexicalClaimScorer()
                : ParaphraseClaimScorer.LoadEmbedded();
            var sentences = ClaimPairEvaluation.ReadEcbPlus(parse.GetValue(data)!);
            double t = parse.GetValue(threshold);
            var report = ClaimPairEvaluation.Run(sentences, s, t);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    scorer = scorerName,
                    threshold = t,
                    stories = report.Stories,
                    units = report.Units,
                    related_pairs = report.RelatedPairs,
                    unrelated_pairs = report.UnrelatedPairs,
                    recall = Math.Round(report.Recall, 4),
                    false_alarm_rate = Math.Round(report.FalseAlarmRate, 4),
                    precision = Math.Round(report.Precision, 4),
                    auc = Math.Round(report.Auc, 4),
                    ms = Math.Round(report.Milliseconds, 0),
                }));
            }
            else
            {
                Console.WriteLine($"claims ({scorerName} scorer, threshold {t.ToString(CultureInfo.InvariantCulture)}): {report.Stories} stories, {report.Units} units, {report.RelatedPairs} related and {report.UnrelatedPairs} unrelated cross-article pairs");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall            {report.Recall:F4}  (related pairs at or above the threshold)"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"false alarm rate  {report.FalseAlarmRate:F4}  (unrelated pairs at or above it)"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision         {report.Precision:F4}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"auc               {report.Auc:F4}  ({report.Milliseconds:F0} ms)"));
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command TrainModel()
    {
        var data = new Option<string>("--data") { Description = "MSRP-format TSV of labelled sentence pairs (msrp/msr_paraphrase_train.txt).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the model (models/paraphrase/paraphrase.model).", Required = true };
        var lexicon = LexiconOption();
        var trees = new Option<int?>("--trees") { Description = "Number of boosted trees (default 400)." };
        var command = new Command("paraphrase", "Train the paraphrase classifier used to align sentences across articles.") { data, output, lexicon, trees };
        command.SetAction(parse =>
        {
            var watch = Stopwatch.StartNew();
            var pairs = MsrpReader.Read(parse.GetValue(data)!);
            var lex = LoadLexicon(parse.GetValue(lexicon));
            var options = Options(parse.GetValue(trees));
            var model = ParaphraseModel.Train(pairs, lex, options);
            var path = parse.GetValue(output)!;
            model.Save(path);
            Console.Error.WriteLine($"trained on {pairs.Count} pairs ({pairs.Count(p => p.IsParaphrase)} paraphrases), {model.TreeCount} trees, in {watch.Elapsed.TotalSeconds:F1} s");
            Console.Error.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes)");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command TrainLexicon()
    {
        var news = new Option<string>("--news") { Description = "The unlabeled-news folder (reuters21578, bbc, ag-news).", Required = true };
        var output = new Option<string>("--out") { Description = "Where to write the lexicon (models/paraphrase/news-lexicon.bin.gz).", Required = true };
        var minDf = new Option<int>("--min-df") { Description = "Keep words seen in at least this many documents.", DefaultValueFactory = _ => 2 };
        var dims = new Option<int>("--dims") { Description = "Word vector dimensions (0: no vectors).", DefaultValueFactory = _ => 100 };
        var epochs = new Option<int>("--epochs") { Description = "Word vector training epochs.", DefaultValueFactory = _ => 5 };
        var vocabulary = new Option<int>("--vocabulary") { Description = "Most frequent words given a vector.", DefaultValueFactory = _ => 40_000 };
        var command = new Command("paraphrase-lexicon", "Count word document frequencies and learn word vectors over unlabeled news for the paraphrase features (keeps counts and vectors only, never text).") { news, output, minDf, dims, epochs, vocabulary };
        command.SetAction(parse =>
        {
            var watch = Stopwatch.StartNew();
            var vectorOptions = parse.GetValue(dims) > 0
                ? new WordVectorOptions { Dimensions = parse.GetValue(dims), Epochs = parse.GetValue(epochs), MaxVocabulary = parse.GetValue(vocabulary) }
                : null;
            var lexicon = NewsLexicon.Build(parse.GetValue(news)!, parse.GetValue(minDf), vectorOptions);
            var path = parse.GetValue(output)!;
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            using (var stream = File.Create(path))
            {
                lexicon.Save(stream);
            }

            Console.Error.WriteLine($"{lexicon.Documents:N0} documents, {lexicon.Count:N0} words kept, {lexicon.Vectors?.Count ?? 0:N0} word vectors, in {watch.Elapsed.TotalSeconds:F1} s; wrote {path} ({new FileInfo(path).Length:N0} bytes)");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command EvalModel()
    {
        var data = new Option<string>("--data") { Description = "MSRP-format TSV of labelled sentence pairs.", Required = true };
        var folds = new Option<int?>("--folds") { Description = "Run K-fold cross-validation on the file (fixed seed) instead of evaluating the committed model." };
        var model = new Option<string?>("--model") { Description = "A model file to evaluate instead of the embedded one." };
        var lexicon = LexiconOption();
        var trees = new Option<int?>("--trees") { Description = "Trees per fold model in cross-validation (default 400)." };
        var depth = new Option<int?>("--depth") { Description = "Tree depth in cross-validation (default 4)." };
        var rate = new Option<float?>("--learning-rate") { Description = "Learning rate in cross-validation (default 0.03)." };
        var errors = new Option<string?>("--errors") { Description = "Write the misclassified pairs (cross-validation) as TSV to this file, for error analysis." };
        var json = GlobalOptions.Json();
        var command = new Command("paraphrase", "Accuracy, precision, recall and F1 (positive class: paraphrase) on labelled sentence pairs.") { data, folds, model, lexicon, trees, depth, rate, errors, json };
        command.SetAction(parse =>
        {
            var watch = Stopwatch.StartNew();
            var pairs = MsrpReader.Read(parse.GetValue(data)!);
            var lex = LoadLexicon(parse.GetValue(lexicon));
            ParaphraseMetrics metrics;
            string mode;
            if (parse.GetValue(folds) is int k)
            {
                if (k < 2 || k > pairs.Count)
                {
                    throw new UsageException($"--folds must be between 2 and {pairs.Count}.");
                }

                metrics = ParaphraseEvaluation.CrossValidate(pairs, lex, k, out var probabilities, Options(parse.GetValue(trees), parse.GetValue(depth), parse.GetValue(rate)));
                if (parse.GetValue(errors) is { } errorPath)
                {
                    using var writer = new StreamWriter(errorPath);
                    writer.WriteLine("gold\tprobability\tsentence1\tsentence2");
                    for (int i = 0; i < pairs.Count; i++)
                    {
                        if (pairs[i].IsParaphrase != (probabilities[i] >= 0.5f))
                        {
                            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(pairs[i].IsParaphrase ? 1 : 0)}\t{probabilities[i]:F3}\t{pairs[i].Sentence1}\t{pairs[i].Sentence2}"));
                        }
                    }
                }

                mode = $"{k}-fold cross-validation (seed {ParaphraseEvaluation.DefaultSeed})";
            }
            else
            {
                var path = parse.GetValue(model);
                var m = path is null ? ParaphraseModel.LoadEmbedded(lex) : ParaphraseModel.Load(path, lex);
                metrics = ParaphraseEvaluation.Evaluate(m, pairs);
                mode = path is null ? "embedded model" : path;
            }

            double seconds = watch.Elapsed.TotalSeconds;
            if (parse.GetValue(json))
            {
                var result = new
                {
                    mode,
                    pairs = metrics.Pairs,
                    accuracy = Math.Round(metrics.Accuracy, 4),
                    precision = Math.Round(metrics.Precision, 4),
                    recall = Math.Round(metrics.Recall, 4),
                    f1 = Math.Round(metrics.F1, 4),
                    confusion = new { tp = metrics.TruePositives, fp = metrics.FalsePositives, tn = metrics.TrueNegatives, fn = metrics.FalseNegatives },
                    seconds = Math.Round(seconds, 1),
                };
                Console.WriteLine(JsonSerializer.Serialize(result));
            }
            else
            {
                Console.WriteLine($"paraphrase, {mode}, {metrics.Pairs} pairs");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accuracy  {metrics.Accuracy:F4}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision {metrics.Precision:F4}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall    {metrics.Recall:F4}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"f1        {metrics.F1:F4}"));
                Console.WriteLine($"tp {metrics.TruePositives}  fp {metrics.FalsePositives}  tn {metrics.TrueNegatives}  fn {metrics.FalseNegatives}  ({seconds:F1} s)");
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Option<string?> LexiconOption() =>
        new("--lexicon") { Description = "A news lexicon file to use instead of the embedded one (from 'parallax train paraphrase-lexicon')." };

    private static ParaphraseLexicon LoadLexicon(string? newsLexiconPath)
    {
        if (newsLexiconPath is null)
        {
            return ParaphraseLexicon.LoadEmbedded();
        }

        if (!File.Exists(newsLexiconPath))
        {
            throw new UsageException($"No news lexicon at {newsLexiconPath}.");
        }

        using var news = File.OpenRead(newsLexiconPath);
        return ParaphraseLexicon.LoadEmbedded(NewsLexicon.Load(news));
    }

    private static BoostingOptions Options(int? trees, int? depth = null, float? learningRate = null)
    {
        var options = new BoostingOptions();
        return options with
        {
            Trees = trees ?? options.Trees,
            MaxDepth = depth ?? options.MaxDepth,
            LearningRate = learningRate ?? options.LearningRate,
        };
    }
}
