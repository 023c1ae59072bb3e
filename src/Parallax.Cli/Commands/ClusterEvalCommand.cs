using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parallax.Stories.Clustering;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax eval cluster</c>: story clustering measured with BCubed and pairwise figures.</summary>
public static class ClusterEvalCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The data set folder: ECB+ (topic folders of T_Necb.xml / T_Necbplus.xml) or news-please JSON files.", Required = true };
        var format = new Option<string>("--format") { Description = "ecbplus or newsplease.", Required = true };
        format.AcceptOnlyFromAmong("ecbplus", "newsplease");
        var json = GlobalOptions.Json();
        var seeds = new Option<int>("--seeds") { Description = "Arrival orders to average over (shuffles of undated articles and of ties), seeds 1..N.", DefaultValueFactory = _ => 5 };
        var topics = new Option<string?>("--topics") { Description = "ECB+ topic range, e.g. 1-35 (default: all)." };
        var baseline = new Option<bool>("--baseline") { Description = "Also measure plain TF-IDF cosine clustering at its best threshold." };
        var set = new Option<string[]>("--set") { Description = "Experiment: override a clustering option, NAME=VALUE (repeatable). The product uses the defaults.", AllowMultipleArgumentsPerToken = false };
        var errors = new Option<int>("--errors") { Description = "Diagnose: list up to N mixed and N split stories of the first arrival order." };
        var entities = new Option<string>("--entities") { Description = "Where entities come from: ner (the NLP pipeline's model) or capitalised (the fallback).", DefaultValueFactory = _ => "ner" };
        entities.AcceptOnlyFromAmong("ner", "capitalised");
        var details = new Option<string>("--details") { Description = "Where dates and numbers come from: layers (the time and quantity components) or patterns (the extractor's own).", DefaultValueFactory = _ => "layers" };
        details.AcceptOnlyFromAmong("layers", "patterns");
        var background = new Option<string?>("--background") { Description = "Background frequencies file (default: the embedded one); 'none' for no background." };

        var command = new Command("cluster", "Measure online story clustering: feed articles in publication order, report BCubed (primary) and pairwise precision, recall and F1.")
        {
            data, format, json, seeds, topics, baseline, set, background, errors, entities, details,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(data)!;
            var fmt = parse.GetValue(format)!;
            int n = parse.GetValue(seeds);
            if (n < 1)
            {
                throw new UsageException("--seeds must be at least 1.");
            }

            ClusteringOptions options;
            try
            {
                options = ClusteringOptions.Default.With(parse.GetValue(set) ?? []);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
            {
                throw new UsageException(ex.Message);
            }

            var bg = parse.GetValue(background) switch
            {
                null => BackgroundFrequencies.Embedded,
                "none" => BackgroundFrequencies.Empty,
                var file => BackgroundFrequencies.Load(file),
            };

            List<LabelledArticle> articles;
            if (fmt == "ecbplus")
            {
                var (min, max) = ParseTopics(parse.GetValue(topics));
                articles = ClusterEvalData.ReadEcbPlus(path, min, max);
            }
            else
            {
                articles = ClusterEvalData.ReadNewsPlease(path);
            }

            var extractor = new TextFeatureExtractor(bg);
            var pipeline = ClusterPipeline(parse.GetValue(entities) == "ner", parse.GetValue(details) == "layers");
            var features = articles.Select(a =>
            {
                var article = pipeline is null ? a.Article : a.Article with { Document = pipeline.Run(new Parallax.Core.Document(a.Article.Text, new Parallax.Core.DocumentInfo { Title = a.Article.Title, Published = a.Article.Published })) };
                return (extractor.Extract(article), a.Gold);
            }).ToList();
            if (parse.GetValue(errors) is int shown and > 0)
            {
                Console.Out.Write(ClusterDiagnostics.Describe(features, options, bg, 1, shown));
            }

            var report = ClusterEvaluation.Run(features, options, bg, n);
            var baseReport = parse.GetValue(baseline) ? ClusterEvaluation.Baseline(features, bg, n) : null;

            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(ToJson(report, baseReport, fmt));
            }
            else
            {
                Print(report, "clustering", fmt);
                if (baseReport is not null)
                {
                    Print(baseReport, string.Create(CultureInfo.InvariantCulture, $"baseline: plain TF-IDF cosine at its best threshold {baseReport.Threshold:0.000}"), fmt);
                }
            }

            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The analysis the clusterer gets: entities from the NER model and dates and numbers from the fact components, each optional.</summary>
    private static Parallax.Core.Pipeline? ClusterPipeline(bool ner, bool facts)
    {
        if (!ner && !facts)
        {
            return null;
        }

        var components = new List<Parallax.Core.IPipelineComponent>(ner ? Parallax.Nlp.NlpPipeline.DefaultComponents() : [new Parallax.Nlp.Text.TokenizerComponent(), new Parallax.Nlp.Text.SentenceComponent()]);
        if (facts)
        {
            components.AddRange(Parallax.Nlp.Facts.FactComponents.WithoutEntities());
        }

        return Parallax.Core.Pipeline.Create(components);
    }

    private static (int Min, int Max) ParseTopics(string? range)
    {
        if (string.IsNullOrWhiteSpace(range))
        {
            return (1, int.MaxValue);
        }

        var parts = range.Split('-');
        if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out int a) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out int b) && a <= b)
        {
            return (a, b);
        }

        if (parts.Length == 1 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out int t))
        {
            return (t, t);
        }

        throw new UsageException($"--topics must be a range like 1-35, not '{range}'.");
    }

    private static void Print(ClusterEvalReport r, string label, string format)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.Out.WriteLine(string.Create(inv, $"{label} ({format}: {r.Articles} articles, {r.GoldClusters} gold stories, {r.Runs.Count} arrival orders; config {r.Configuration}; {r.Extractor})"));
        Console.Out.WriteLine(string.Create(inv, $"  BCubed    P {r.BCubed.Precision:0.0000}  R {r.BCubed.Recall:0.0000}  F1 {r.BCubedF1:0.0000}  (spread: min {r.F1Min:0.0000}, max {r.F1Max:0.0000}, sd {r.F1StdDev:0.0000})"));
        Console.Out.WriteLine(string.Create(inv, $"  pairwise  P {r.Pairwise.Precision:0.0000}  R {r.Pairwise.Recall:0.0000}  F1 {r.PairwiseF1:0.0000}"));
        Console.Out.WriteLine(string.Create(inv, $"  stories {r.Clusters:0.#} (gold {r.GoldClusters}), merges per run {r.Runs.Average(x => x.Merges):0.#}, {r.Runs.Average(x => x.MillisecondsPerArticle):0.000} ms per article"));
    }

    private static string ToJson(ClusterEvalReport r, ClusterEvalReport? baseline, string format)
    {
        static object Figures(ClusterEvalReport r) => new
        {
            bcubed = new { precision = r.BCubed.Precision, recall = r.BCubed.Recall, f1 = r.BCubedF1 },
            pairwise = new { precision = r.Pairwise.Precision, recall = r.Pairwise.Recall, f1 = r.PairwiseF1 },
            clusters = r.Clusters,
        };

        var payload = new Dictionary<string, object?>
        {
            ["format"] = format,
            ["bcubed"] = new { precision = r.BCubed.Precision, recall = r.BCubed.Recall, f1 = r.BCubedF1 },
            ["pairwise"] = new { precision = r.Pairwise.Precision, recall = r.Pairwise.Recall, f1 = r.PairwiseF1 },
            ["clusters"] = r.Clusters,
            ["gold_clusters"] = r.GoldClusters,
            ["articles"] = r.Articles,
            ["seeds"] = r.Runs.Count,
            ["spread"] = new { bcubed_f1 = new { min = r.F1Min, max = r.F1Max, sd = r.F1StdDev } },
            ["runs"] = r.Runs.Select(x => new { seed = x.Seed, bcubed_f1 = x.BCubed.F1, pairwise_f1 = x.Pairwise.F1, clusters = x.Clusters, merges = x.Merges, ms_per_article = x.MillisecondsPerArticle }).ToArray(),
            ["configuration"] = r.Configuration,
            ["extractor"] = r.Extractor,
        };
        if (baseline is not null)
        {
            payload["baseline"] = new { name = "tfidf-cosine", threshold = baseline.Threshold, figures = Figures(baseline) };
        }

        return JsonSerializer.Serialize(payload, new JsonSerializerOptions { WriteIndented = true });
    }
}
