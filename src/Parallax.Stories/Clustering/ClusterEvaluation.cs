namespace Parallax.Stories.Clustering;

/// <summary>The figures of one run (one arrival order).</summary>
public sealed record ClusterRunResult(int Seed, PrecisionRecall BCubed, PrecisionRecall Pairwise, int Clusters, int Merges, double MillisecondsPerArticle);

/// <summary>Mean figures over several arrival orders, with the spread of BCubed F1.</summary>
public sealed record ClusterEvalReport(
    PrecisionRecall BCubed,
    double BCubedF1,
    PrecisionRecall Pairwise,
    double PairwiseF1,
    double Clusters,
    int GoldClusters,
    int Articles,
    double F1Min,
    double F1Max,
    double F1StdDev,
    IReadOnlyList<ClusterRunResult> Runs,
    string Configuration,
    string Extractor,
    double? Threshold = null);

/// <summary>
/// Feeds labelled articles to a fresh <see cref="StoryClusterer"/> in publication order (undated articles, and ties,
/// in an order shuffled with a fixed seed) and measures the result against the gold labels.
/// </summary>
public static class ClusterEvaluation
{
    public static ClusterEvalReport Run(IReadOnlyList<(ArticleFeatures Features, string Gold)> articles, ClusteringOptions options, BackgroundFrequencies background, int seeds, CancellationToken cancellationToken = default)
    {
        var runs = new List<ClusterRunResult>(seeds);
        for (int seed = 1; seed <= seeds; seed++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            runs.Add(RunOnce(articles, options, background, seed));
        }

        double mean(Func<ClusterRunResult, double> f) => runs.Average(f);
        var f1s = runs.Select(r => r.BCubed.F1).ToArray();
        double avg = f1s.Average();
        double std = Math.Sqrt(f1s.Sum(f => (f - avg) * (f - avg)) / f1s.Length);
        var bc = new PrecisionRecall(mean(r => r.BCubed.Precision), mean(r => r.BCubed.Recall));
        var pw = new PrecisionRecall(mean(r => r.Pairwise.Precision), mean(r => r.Pairwise.Recall));
        return new ClusterEvalReport(
            bc,
            avg,
            pw,
            mean(r => r.Pairwise.F1),
            mean(r => r.Clusters),
            articles.Select(a => a.Gold).Distinct(StringComparer.Ordinal).Count(),
            articles.Count,
            f1s.Min(),
            f1s.Max(),
            std,
            runs,
            options.Describe(),
            articles.Count > 0 ? articles[0].Features.Extractor : "");
    }

    /// <summary>The arrival order for a seed: by publication time; ties and undated articles (at the end) shuffled by the seed.</summary>
    public static int[] ArrivalOrder(IReadOnlyList<DateTimeOffset?> published, int seed)
    {
        var random = new Random(seed);
        var keys = new double[published.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = random.NextDouble();
        }

        var order = Enumerable.Range(0, published.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var pa = published[a];
            var pb = published[b];
            if (pa is null != pb is null)
            {
                return pa is null ? 1 : -1;
            }

            int c = pa is DateTimeOffset x && pb is DateTimeOffset y ? x.CompareTo(y) : 0;
            return c != 0 ? c : keys[a].CompareTo(keys[b]);
        });
        return order;
    }

    public static ClusterRunResult RunOnce(IReadOnlyList<(ArticleFeatures Features, string Gold)> articles, ClusteringOptions options, BackgroundFrequencies background, int seed)
    {
        var order = ArrivalOrder(articles.Select(a => a.Features.Published).ToArray(), seed);
        var clusterer = new StoryClusterer(options, background);
        int merges = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (int i in order)
        {
            merges += clusterer.Place(articles[i].Features).Merges.Count;
        }

        watch.Stop();
        var predicted = new long[articles.Count];
        var gold = new string[articles.Count];
        for (int i = 0; i < articles.Count; i++)
        {
            predicted[i] = clusterer.StoryOf(articles[i].Features.Id) ?? -1;
            gold[i] = articles[i].Gold;
        }

        return new ClusterRunResult(
            seed,
            ClusterMetrics.BCubed(predicted, gold),
            ClusterMetrics.Pairwise(predicted, gold),
            clusterer.StoryCount,
            merges,
            watch.Elapsed.TotalMilliseconds / Math.Max(1, articles.Count));
    }

    /// <summary>
    /// The plain TF-IDF baseline: body cosine only (same terms and frequencies, no title, entities, details, time,
    /// lead boost or merges, every story a candidate), at the threshold that scores best here (an upper bound for it).
    /// </summary>
    public static ClusterEvalReport Baseline(IReadOnlyList<(ArticleFeatures Features, string Gold)> articles, BackgroundFrequencies background, int seeds, CancellationToken cancellationToken = default)
    {
        ClusterEvalReport? best = null;
        for (double t = 0.05; t < 0.9; t += 0.025)
        {
            var options = BaselineOptions(Math.Round(t, 3));
            var report = Run(articles, options, background, seeds, cancellationToken) with { Threshold = Math.Round(t, 3) };
            if (best is null || report.BCubedF1 > best.BCubedF1)
            {
                best = report;
            }
        }

        return best!;
    }

    public static ClusteringOptions BaselineOptions(double threshold) => ClusteringOptions.Default with
    {
        TitleWeight = 0,
        EntityWeight = 0,
        DetailWeight = 0,
        LeadBoost = 1,
        MergeThreshold = double.PositiveInfinity,
        TimeDecayDays = double.PositiveInfinity,
        TimeWindowDays = double.PositiveInfinity,
        IndexMaxDocumentFraction = 1,
        IndexTerms = 1000,
        PostingLimit = int.MaxValue,
        MaxCandidates = int.MaxValue,
        CentroidTerms = int.MaxValue,
        JoinThreshold = threshold,
    };
}

/// <summary>Where a run went wrong: predicted stories that mix gold stories, and gold stories split over several.</summary>
public static class ClusterDiagnostics
{
    public static string Describe(IReadOnlyList<(ArticleFeatures Features, string Gold)> articles, ClusteringOptions options, BackgroundFrequencies background, int seed, int limit)
    {
        var order = ClusterEvaluation.ArrivalOrder(articles.Select(a => a.Features.Published).ToArray(), seed);
        var clusterer = new StoryClusterer(options, background);
        var placements = new Dictionary<long, Placement>();
        foreach (int i in order)
        {
            placements[articles[i].Features.Id] = clusterer.Place(articles[i].Features);
        }

        var byId = articles.ToDictionary(a => a.Features.Id);
        var sb = new System.Text.StringBuilder();
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        sb.Append("mixed stories:\n");
        int shown = 0;
        foreach (var story in clusterer.Stories.OrderByDescending(s => s.Articles.Count))
        {
            var golds = story.Articles.GroupBy(a => byId[a].Gold).OrderByDescending(g => g.Count()).ToList();
            if (golds.Count < 2 || shown++ >= limit)
            {
                continue;
            }

            sb.Append(inv, $"story {story.Id} ({story.Articles.Count}): {string.Join(", ", golds.Select(g => $"{g.Key} x{g.Count()}"))}; entities {string.Join("|", story.TopEntities)}\n");
            foreach (var g in golds.Skip(1))
            {
                foreach (var a in g.Take(3))
                {
                    var p = placements[a];
                    sb.Append(inv, $"   [{g.Key}] \"{Trim(byId[a].Features.Title)}\" {p.Decision} {p.Explanation.Score:0.000} {p.Explanation.Breakdown}; shared: {string.Join("|", p.Explanation.SharedEntities.Take(5).Select(e => e.Name))} / {string.Join("|", p.Explanation.SharedTerms.Take(5).Select(e => e.Term))}{(p.Merges.Count > 0 ? " MERGE" : "")}\n");
                }
            }
        }

        sb.Append("split gold stories:\n");
        shown = 0;
        foreach (var g in articles.GroupBy(a => a.Gold))
        {
            var parts = g.GroupBy(a => clusterer.StoryOf(a.Features.Id)).OrderByDescending(x => x.Count()).ToList();
            if (parts.Count < 2 || shown++ >= limit)
            {
                continue;
            }

            sb.Append(inv, $"{g.Key} ({g.Count()}): {string.Join(", ", parts.Select(p => $"story {p.Key} x{p.Count()}"))}\n");
            foreach (var part in parts.Skip(1).Take(2))
            {
                var a = part.First();
                var p = placements[a.Features.Id];
                var best = p.Explanation.Candidates.FirstOrDefault();
                sb.Append(inv, $"   \"{Trim(a.Features.Title)}\" {p.Decision}; best {best?.StoryId} {best?.Score:0.000} {best?.Breakdown}; ents {string.Join("|", a.Features.Entities.OrderByDescending(e => e.Count).Take(6).Select(e => e.Display))}\n");
            }
        }

        return sb.ToString();
    }

    private static string Trim(string s) => s.Length > 70 ? s[..70] : s;
}
