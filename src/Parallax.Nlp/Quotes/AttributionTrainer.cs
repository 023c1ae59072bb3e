using System.Diagnostics;
using Parallax.Core;
using Parallax.Nlp.Entities;

namespace Parallax.Nlp.Quotes;

/// <summary>The defaults of <c>parallax train quotes</c>.</summary>
public static class AttributionTrainingDefaults
{
    public const int Epochs = 4;

    public const int Models = 1;

    public const float CueBias = 0f;
}

public sealed record AttributionTrainingOptions
{
    public int Epochs { get; init; } = AttributionTrainingDefaults.Epochs;

    public int Seed { get; init; } = 1;

    /// <summary>When above 1: hold out one fold of this many (by article) and report its scores after every epoch (for tuning on train only).</summary>
    public int Folds { get; init; }

    /// <summary>Which fold is held out (0 .. Folds-1).</summary>
    public int Fold { get; init; }

    /// <summary>Also learn from the second and later annotators of doubly annotated articles.</summary>
    public bool AllAnnotators { get; init; }

    /// <summary>Rows whose largest absolute averaged weight is at most this are dropped from the saved model.</summary>
    public float Prune { get; init; } = 2.5f;

    public string Description { get; init; } = string.Empty;

    public Action<string>? Log { get; init; }

    /// <summary>Stored in the model: added to a cue's first-token score when decoding.</summary>
    public float CueBias { get; init; } = AttributionTrainingDefaults.CueBias;

    /// <summary>How many models (trained with successive seeds) are averaged.</summary>
    public int Models { get; init; } = AttributionTrainingDefaults.Models;

    /// <summary>When above 1: train the cue checker on candidates found by this many jackknife models (0: no checker).</summary>
    public int CheckerFolds { get; init; }

    /// <summary>Epochs of the jackknife models.</summary>
    public int CheckerEpochs { get; init; } = 4;

    /// <summary>Where to write the held-out predictions with gold cues (JSON lines, as <c>eval quotes --dump</c>).</summary>
    public TextWriter? Dump { get; init; }
}

/// <summary>
/// Trains <see cref="AttributionModel"/> on a PolNeAR split: each article runs through the language pipeline
/// (tokens, sentences, the NER model) and the rules (<see cref="QuoteExtractor"/>); the cue tagger learns the gold cue
/// tokens sentence by sentence, and the span tagger learns the gold source and content around each gold cue.
/// Averaged structured perceptrons, articles shuffled each epoch (seeded, deterministic, one thread).
/// </summary>
public static class AttributionTrainer
{
    private sealed record Instance(int CueStart, int CueEnd, int WindowStart, int WindowEnd, byte[] Labels);

    private sealed record Prepared(
        PolnearDocument Gold,
        Token[] Tokens,
        Sentence[] Sentences,
        IReadOnlyList<TextRange> Paragraphs,
        EntityMention[] Entities,
        IReadOnlyList<ExtractedAttribution> Rules,
        byte[] CueLabels,
        Instance[] Instances);

    public static AttributionModel Train(string directory, CueModel cueModel, AttributionTrainingOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cueModel);
        ArgumentNullException.ThrowIfNull(options);
        var log = options.Log ?? (_ => { });
        var clock = Stopwatch.StartNew();
        var docs = PolnearCorpus.Read(directory, oneAnnotatorPerArticle: !options.AllAnnotators);
        var train = new List<PolnearDocument>();
        var heldOut = new List<PolnearDocument>();
        foreach (var d in docs)
        {
            if (options.Folds > 1 && FoldOf(d.Article, options.Folds) == options.Fold)
            {
                // score the held-out fold once per article
                if (!heldOut.Exists(h => h.Article == d.Article))
                {
                    heldOut.Add(d);
                }
            }
            else
            {
                train.Add(d);
            }
        }

        var pipeline = NlpPipeline.CreateDefault();
        var clusters = new EntityRecognizer().Model.Clusters; // the built-in model the pipeline has loaded, not a second copy
        var context = new AttributionContext();
        var prepared = train.Select(d => Prepare(d, pipeline, context, clusters, cueModel, cancellationToken)).ToArray();
        var test = heldOut.Select(d => Prepare(d, pipeline, context, clusters, cueModel, cancellationToken)).ToArray();
        log($"{prepared.Length} training documents ({prepared.Sum(p => p.Instances.Length)} attributions), {test.Length} held out; prepared in {clock.Elapsed.TotalSeconds:F1} s");
        if (test.Length > 0)
        {
            var rules = new AttributionScorer();
            foreach (var d in test)
            {
                rules.Add(d.Gold.Text, d.Gold.Attributions, QuoteEvaluation.ToPolnear(d.Rules));
            }

            log("held out, rules alone: " + Line(rules.Result()));
        }

        var setup = new Setup(context, clusters, cueModel, options, log, clock, cancellationToken);
        LinearChain? checker = null;
        if (options.CheckerFolds > 1)
        {
            // the checker learns from candidates that models trained without their article found (jackknife)
            var candidates = new List<(uint[] Features, bool Gold)>();
            for (var k = 0; k < options.CheckerFolds; k++)
            {
                var inner = prepared.Where((_, i) => i % options.CheckerFolds != k).ToArray();
                var outer = prepared.Where((_, i) => i % options.CheckerFolds == k).ToArray();
                var (c1, s1, e1) = TrainChains(inner, [], options.CheckerEpochs, setup);
                var m1 = new AttributionModel(c1, s1, e1, null, clusters, options.Description);
                foreach (var d in outer)
                {
                    var found = new List<CueCandidate>();
                    m1.Tag(d.Gold.Text, d.Tokens, d.Sentences, d.Paragraphs, d.Entities, d.Rules, cueModel, candidates: found);
                    foreach (var x in found)
                    {
                        if (x.Found is not null)
                        {
                            candidates.Add((x.Features, MatchesGoldCue(d.CueLabels, x.CueStart, x.CueEnd)));
                        }
                    }
                }

                log($"checker fold {k + 1}/{options.CheckerFolds}: {candidates.Count} candidates so far, {clock.Elapsed.TotalSeconds:F0} s");
            }

            checker = TrainChecker(candidates, options.Seed, 10, options.Prune);
            log($"checker: {checker.FeatureCount} feature rows from {candidates.Count} candidates ({candidates.Count(c => c.Gold)} gold cues)");
        }

        var (cue, span, edges) = TrainChains(prepared, test, options.Epochs, setup with { Seed = options.Seed });
        for (var m = 1; m < options.Models; m++)
        {
            // bagging over shuffling orders: the average of models trained with other seeds
            var (c2, s2, e2) = TrainChains(prepared, [], options.Epochs, setup with { Seed = options.Seed + m });
            cue = LinearChain.Average(cue, c2, m);
            span = LinearChain.Average(span, s2, m);
            edges = LinearChain.Average(edges, e2, m);
            if (test.Length > 0)
            {
                log($"held out, average of {m + 1} models: " + Line(Score(test, new AttributionModel(cue, span, edges, null, clusters, options.Description), cueModel)));
            }
        }

        cue = cue.Pruned(options.Prune);
        span = span.Pruned(options.Prune);
        edges = edges.Pruned(options.Prune);
        var result = new AttributionModel(cue, span, edges, checker, clusters, options.Description, options.CueBias);
        if (test.Length > 0)
        {
            var plain = new AttributionModel(cue, span, edges, null, clusters, options.Description);
            log("held out, no checker: " + Line(Score(test, plain, cueModel)));
            QuoteFinder.KeepUnmatchedRules = true;
            log("held out, keeping unmatched rules: " + Line(Score(test, plain, cueModel)));
            QuoteFinder.KeepUnmatchedRules = false;
            QuoteFinder.KeepUnmatchedDirectQuotes = false;
            log("held out, no unmatched direct quotes: " + Line(Score(test, plain, cueModel)));
            QuoteFinder.KeepUnmatchedDirectQuotes = true;
            if (checker is not null)
            {
                foreach (var bias in new[] { -2f, -1f, 0f, 1f, 2f, 4f })
                {
                    log($"held out, checker bias {bias}: " + Line(Score(test, new AttributionModel(cue, span, edges, checker, clusters, options.Description) { CheckBias = bias }, cueModel)));
                }
            }

            var oracle = Score(test, plain, cueModel, goldCues: true, dump: options.Dump);
            log("held out, gold cues: " + Line(oracle));
        }

        log($"{result.FeatureCount} feature rows kept, {clock.Elapsed.TotalSeconds:F0} s");
        return result;
    }

    private static string Line(AttributionScores s) =>
        $"source {s.Source.F1:F3} cue {s.Cue.F1:F3} (P {s.Cue.Precision:F3} R {s.Cue.Recall:F3}) content {s.Content.F1:F3} (P {s.Content.Precision:F3} R {s.Content.Recall:F3}) attribution {s.Attribution.F1:F3}";

    private sealed record Setup(
        AttributionContext Context,
        WordClusters? Clusters,
        CueModel CueModel,
        AttributionTrainingOptions Options,
        Action<string> Log,
        Stopwatch Clock,
        CancellationToken CancellationToken)
    {
        public int Seed { get; init; } = Options.Seed;
    }

    /// <summary>Token-level Jaccard of at least 0.5 with a gold cue.</summary>
    private static bool MatchesGoldCue(byte[] gold, int cs, int ce)
    {
        var t = 0;
        while (t < gold.Length)
        {
            if (gold[t] != AttributionLabels.CueB)
            {
                t++;
                continue;
            }

            var s = t++;
            while (t < gold.Length && gold[t] == AttributionLabels.CueI)
            {
                t++;
            }

            var inter = Math.Max(0, Math.Min(t, ce) - Math.Max(s, cs));
            var union = (t - s) + (ce - cs) - inter;
            if (inter * 2 >= union)
            {
                return true;
            }
        }

        return false;
    }

    private static LinearChain TrainChecker(List<(uint[] Features, bool Gold)> candidates, int seed, int epochs, float prune)
    {
        var trainer = new LinearChainTrainer(2);
        var order = Enumerable.Range(0, candidates.Count).ToArray();
        var random = new Random(seed);
        Span<float> scores = stackalloc float[2];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var (features, gold) = candidates[i];
                scores.Clear();
                trainer.Score(features, scores);
                var predicted = scores[1] > scores[0];
                if (predicted != gold)
                {
                    trainer.Update(features, gold ? 1 : 0, 1f);
                    trainer.Update(features, predicted ? 1 : 0, -1f);
                }

                trainer.Tick();
            }
        }

        return trainer.ToModel(prune);
    }

    /// <summary>The cue tagger, the span tagger and its edge weights, trained together on <paramref name="docs"/>.</summary>
    private static (LinearChain Cue, LinearChain Span, LinearChain Edges) TrainChains(Prepared[] docs, Prepared[] test, int epochs, Setup setup)
    {
        var (context, clusters, cueModel, options, log, clock, cancellationToken) = setup;
        var cue = new LinearChainTrainer(AttributionLabels.CueCount);
        var span = new LinearChainTrainer(AttributionLabels.SpanCount);
        var edges = new LinearChainTrainer(AttributionLabels.SpanCount * AttributionLabels.SpanCount);
        var order = Enumerable.Range(0, docs.Length).ToArray();
        var random = new Random(setup.Seed);
        var cueLabels = new byte[16];
        for (var epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            int cueErrors = 0, spanErrors = 0, sentences = 0, instances = 0;
            foreach (var i in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var p = docs[i];
                context.Prepare(p.Gold.Text, p.Tokens, p.Sentences, p.Paragraphs, p.Entities, p.Rules, clusters, cueModel);
                if (cueLabels.Length < p.Tokens.Length)
                {
                    cueLabels = new byte[p.Tokens.Length * 2];
                }

                AttributionModel.TagCues(context, cue.Score, cue.Transitions, cueLabels, learn: (first, end, predicted) =>
                {
                    sentences++;
                    if (Learn(cue, AttributionLabels.CueCount, predicted.AsSpan(0, end - first), p.CueLabels.AsSpan(first, end - first), k => context.CueFeatures(first + k, first, end, FeatureBuffer())))
                    {
                        cueErrors++;
                    }

                    cue.Tick();
                });

                context.SetCues(p.CueLabels);
                foreach (var x in p.Instances)
                {
                    instances++;
                    var n = x.WindowEnd - x.WindowStart;
                    var emissions = new float[n * AttributionLabels.SpanCount];
                    var edgeScores = new float[n * AttributionLabels.SpanCount * AttributionLabels.SpanCount];
                    var allowed = new int[n];
                    var predicted = new byte[n];
                    var rule = AttributionModel.Emissions(context, x.CueStart, x.CueEnd, x.WindowStart, x.WindowEnd, span.Score, edges.Score, emissions, edgeScores, allowed);
                    LinearChain.Viterbi(AttributionLabels.SpanCount, n, emissions, edgeScores, allowed, span.Transitions, AttributionLabels.SpanValid, predicted);
                    if (Learn(span, AttributionLabels.SpanCount, predicted, x.Labels, k => context.SpanFeatures(x.WindowStart + k, x.CueStart, x.CueEnd, x.WindowStart, x.WindowEnd, rule, FeatureBuffer())))
                    {
                        spanErrors++;
                        LearnEdges(edges, AttributionLabels.SpanCount, predicted, x.Labels, k => context.EdgeFeatures(x.WindowStart + k, x.CueStart, x.CueEnd, x.WindowStart, x.WindowEnd, FeatureBuffer()));
                    }

                    span.Tick();
                    edges.Tick();
                }
            }

            var line = $"epoch {epoch}: cue errors {cueErrors}/{sentences} sentences, span errors {spanErrors}/{instances} attributions, {clock.Elapsed.TotalSeconds:F0} s";
            if (test.Length > 0 && (epoch == epochs || epoch % 2 == 0))
            {
                var model = new AttributionModel(cue.ToModel(options.Prune), span.ToModel(options.Prune), edges.ToModel(options.Prune), null, clusters, options.Description);
                line += " | held out: " + Line(Score(test, model, cueModel));
            }

            log(line);
        }

        return (cue.ToModel(), span.ToModel(), edges.ToModel());
    }

    [ThreadStatic]
    private static uint[]? t_features;

    private static uint[] FeatureBuffer() => t_features ??= new uint[Math.Max(AttributionContext.MaxCueFeatures, AttributionContext.MaxSpanFeatures)];

    /// <summary>Which fold an article is in (a stable hash of its name).</summary>
    public static int FoldOf(string article, int folds)
    {
        uint h = 2166136261;
        foreach (var c in article)
        {
            h = (h ^ c) * 16777619;
        }

        return (int)(h % (uint)folds);
    }

    private static AttributionScores Score(Prepared[] docs, AttributionModel model, CueModel cueModel, bool goldCues = false, TextWriter? dump = null)
    {
        var scorer = new AttributionScorer();
        foreach (var d in docs)
        {
            var tagged = model.Tag(d.Gold.Text, d.Tokens, d.Sentences, d.Paragraphs, d.Entities, d.Rules, cueModel, goldCues ? d.CueLabels : null);
            var found = QuoteFinder.Merge(d.Gold.Text, d.Tokens, d.Paragraphs, d.Rules, tagged);
            var predicted = QuoteEvaluation.ToPolnear(found);
            scorer.Add(d.Gold.Text, d.Gold.Attributions, predicted);
            QuoteEvaluation.Dump(dump, d.Gold, predicted);
        }

        return scorer.Result();
    }

    /// <summary>The perceptron step of the observation-dependent transitions: where the label pair into a position differs.</summary>
    private static void LearnEdges(LinearChainTrainer trainer, int labels, ReadOnlySpan<byte> predicted, ReadOnlySpan<byte> gold, Func<int, int> features)
    {
        var buffer = FeatureBuffer();
        for (var k = 1; k < predicted.Length; k++)
        {
            if (predicted[k] == gold[k] && predicted[k - 1] == gold[k - 1])
            {
                continue;
            }

            var n = features(k);
            trainer.Update(buffer.AsSpan(0, n), (gold[k - 1] * labels) + gold[k], 1f);
            trainer.Update(buffer.AsSpan(0, n), (predicted[k - 1] * labels) + predicted[k], -1f);
        }
    }

    /// <summary>One perceptron step over a sequence; true when the prediction was wrong.</summary>
    private static bool Learn(LinearChainTrainer trainer, int labels, ReadOnlySpan<byte> predicted, ReadOnlySpan<byte> gold, Func<int, int> features)
    {
        var wrong = false;
        for (var k = 0; k < predicted.Length; k++)
        {
            if (predicted[k] != gold[k])
            {
                wrong = true;
                break;
            }
        }

        if (!wrong)
        {
            return false;
        }

        var buffer = FeatureBuffer();
        for (var k = 0; k < predicted.Length; k++)
        {
            var pg = k == 0 ? labels : gold[k - 1];
            var pp = k == 0 ? labels : predicted[k - 1];
            if (predicted[k] != gold[k])
            {
                var n = features(k);
                trainer.Update(buffer.AsSpan(0, n), gold[k], 1f);
                trainer.Update(buffer.AsSpan(0, n), predicted[k], -1f);
            }

            if (predicted[k] != gold[k] || pg != pp)
            {
                trainer.UpdateTransition(pg, gold[k], 1f);
                trainer.UpdateTransition(pp, predicted[k], -1f);
            }
        }

        return true;
    }

    private static Prepared Prepare(PolnearDocument gold, Pipeline pipeline, AttributionContext context, WordClusters? clusters, CueModel cueModel, CancellationToken cancellationToken)
    {
        var doc = pipeline.Run(new Document(gold.Text, new DocumentInfo { Id = gold.Article }), cancellationToken);
        var tokens = doc.Get(Layers.Tokens);
        var sentences = doc.Get(Layers.Sentences);
        var paragraphs = doc.BodyParagraphs;
        var entities = doc.GetOrDefault(Layers.Entities)?.Mentions ?? [];
        var rules = QuoteExtractor.Extract(doc.Text, tokens, sentences, paragraphs, cueModel);
        var tok = tokens.Tokens;
        var cueLabels = new byte[tok.Length];
        var instances = new List<Instance>();
        context.Prepare(gold.Text, tok, sentences.Sentences, paragraphs, entities, rules, clusters, cueModel);
        var seen = new HashSet<(int, int)>();
        foreach (var a in gold.Attributions)
        {
            var (cs, ce) = TokenSpan(tokens, a.Cue.Start, a.Cue.End);
            if (ce <= cs)
            {
                continue;
            }

            for (var t = cs; t < ce; t++)
            {
                if (cueLabels[t] == AttributionLabels.CueO)
                {
                    cueLabels[t] = t == cs ? AttributionLabels.CueB : AttributionLabels.CueI;
                }
            }
        }

        foreach (var a in gold.Attributions)
        {
            var (cs, ce) = TokenSpan(tokens, a.Cue.Start, a.Cue.End);
            if (ce <= cs || !seen.Add((cs, ce)))
            {
                continue;
            }

            var (ws, we) = context.Window(cs, ce);
            var labels = new byte[we - ws];
            var kind = new byte[we - ws]; // 0 none, 1 source, 2 content
            for (var t = ws; t < we; t++)
            {
                if (t >= cs && t < ce)
                {
                    continue;
                }

                var start = tok[t].Start;
                if (InAny(a.Content, start))
                {
                    kind[t - ws] = 2;
                }
                else if (a.Source is { } src && InAny(src, start))
                {
                    kind[t - ws] = 1;
                }
            }

            for (var i = 0; i < labels.Length; i++)
            {
                var begin = i == 0 || kind[i - 1] != kind[i] || PartStarts(kind[i] == 2 ? a.Content : a.Source, tok[ws + i].Start);
                labels[i] = kind[i] switch
                {
                    1 => begin ? AttributionLabels.SourceB : AttributionLabels.SourceI,
                    2 => begin ? AttributionLabels.ContentB : AttributionLabels.ContentI,
                    _ => AttributionLabels.O,
                };
            }

            instances.Add(new Instance(cs, ce, ws, we, labels));
        }

        return new Prepared(gold, tok, sentences.Sentences, paragraphs, entities, rules, cueLabels, [.. instances]);
    }

    private static bool PartStarts(BratSpan? span, int position)
    {
        if (span is null)
        {
            return false;
        }

        foreach (var p in span.Parts)
        {
            if (p.Start == position)
            {
                return true;
            }
        }

        return false;
    }

    private static bool InAny(BratSpan span, int position)
    {
        foreach (var p in span.Parts)
        {
            if (position >= p.Start && position < p.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The tokens starting inside [start, end).</summary>
    private static (int Start, int End) TokenSpan(TokenLayer tokens, int start, int end)
    {
        var a = tokens.IndexAtOrAfter(start);
        while (a < tokens.Count && tokens[a].Start < start)
        {
            a++;
        }

        var b = a;
        while (b < tokens.Count && tokens[b].Start < end)
        {
            b++;
        }

        return (a, b);
    }
}
