using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Engines;
using Parallax.Stories.Clustering;

namespace Parallax.Benchmarks;

/// <summary>
/// Placing one article into a story store of 10k, 100k and 1M articles (synthetic variations of real news text).
/// The store is filled once per size in the global setup (that takes minutes for 1M); each measured invocation then
/// places 1,000 new articles, so the reported mean is the time per article. The setup prints the store's memory.
/// Run: <c>dotnet run -c Release --project bench/Parallax.Benchmarks -- --filter '*ClusterBenchmarks*'</c>
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class ClusterBenchmarks
{
    /// <summary>In process (the store is built once per size), one warm-up and five measured batches of 1,000 articles.</summary>
    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true))
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("InProcess"));
    }

    private const int Batch = 1000;

    private StoryClusterer _clusterer = null!;
    private SyntheticNews _news = null!;
    private ArticleFeatures[] _fresh = [];
    private int _next;

    [Params(10_000, 100_000, 1_000_000)]
    public int StoreSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var background = BackgroundFrequencies.Embedded;
        _news = SyntheticNews.FromData(BenchPaths.Data, background, seed: 7, expectedArticles: StoreSize + (10 * Batch));
        _clusterer = new StoryClusterer(ClusteringOptions.Default, background);
        long before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < StoreSize; i++)
        {
            _clusterer.Place(_news.Next());
        }

        watch.Stop();
        long after = GC.GetTotalMemory(forceFullCollection: true);
        int events = _news.Events;
        MeasureSnapshot();
        _fresh = Enumerable.Range(0, 10 * Batch).Select(_ => _news.Next()).ToArray();
        _next = 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// cluster store: {StoreSize:N0} articles in {_clusterer.StoryCount:N0} stories, {_clusterer.VocabularySize:N0} keys, {_clusterer.Index.PostingCount:N0} postings; " +
            $"{events:N0} synthetic events; filled in {watch.Elapsed.TotalSeconds:0.0} s ({watch.Elapsed.TotalMilliseconds / StoreSize:0.000} ms/article); " +
            $"managed memory of the store {(after - before) / (1024.0 * 1024):0} MiB ({(after - before) / (double)StoreSize:0} B/article); working set {Environment.WorkingSet / (1024.0 * 1024):0} MiB"));
    }

    /// <summary>What a process start costs with the snapshot instead of re-placing every article: its size, save and load times.</summary>
    private void MeasureSnapshot()
    {
        using var buffer = new MemoryStream();
        var save = Stopwatch.StartNew();
        _clusterer.Save(buffer);
        save.Stop();
        buffer.Position = 0;
        var load = Stopwatch.StartNew();
        var loaded = StoryClusterer.Load(buffer, ClusteringOptions.Default, BackgroundFrequencies.Embedded);
        load.Stop();
        if (loaded.ArticleCount != _clusterer.ArticleCount || loaded.StoryCount != _clusterer.StoryCount)
        {
            throw new InvalidOperationException("the loaded snapshot differs from the saved clusterer");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// cluster snapshot: {buffer.Length / (1024.0 * 1024):0.0} MiB ({buffer.Length / (double)StoreSize:0} B/article); saved in {save.Elapsed.TotalSeconds:0.00} s, loaded in {load.Elapsed.TotalSeconds:0.00} s ({load.Elapsed.TotalMilliseconds * 1000 / StoreSize:0.0} us/article)"));
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int PlaceArticle()
    {
        int joined = 0;
        for (int i = 0; i < Batch; i++)
        {
            var placement = _clusterer.Place(_fresh[_next++ % _fresh.Length]);
            joined += placement.Decision == PlacementDecision.Joined ? 1 : 0;
        }

        return joined;
    }
}

/// <summary>
/// A stream of synthetic articles made from real ones (about 32,000 texts of ECB+ and unlabeled-news): each event takes
/// a real article's features, keeps a random three quarters of its terms, and swaps in event-specific names (two
/// entities in three), numbers and dates; events get 1 to 20 articles
/// spread over a few days, and the stream spans about a year. Article ids increase.
/// </summary>
public sealed class SyntheticNews
{
    private readonly ArticleFeatures[] _pool;
    private readonly Random _random;
    private readonly List<Event> _open = [];
    private readonly DateTimeOffset _start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly double _minutesPerArticle;
    private long _id;
    private int _events;

    private SyntheticNews(ArticleFeatures[] pool, int seed, int expectedArticles)
    {
        _pool = pool;
        _random = new Random(seed);
        _minutesPerArticle = 365.0 * 24 * 60 / Math.Max(1, expectedArticles);
    }

    public static SyntheticNews FromData(string data, BackgroundFrequencies background, int seed, int expectedArticles)
    {
        var extractor = new TextFeatureExtractor(background);
        var texts = new List<ClusterArticle>();
        var ecb = Path.Combine(data, "ecbplus");
        if (Directory.Exists(ecb))
        {
            texts.AddRange(ClusterEvalData.ReadEcbPlus(ecb).Select(a => a.Article));
        }

        var news = Path.Combine(data, "unlabeled-news");
        if (Directory.Exists(news))
        {
            foreach (var text in BackgroundFrequencyBuilder.UnlabeledNewsTexts(news))
            {
                int nl = text.IndexOf('\n', StringComparison.Ordinal);
                texts.Add(new ClusterArticle { Id = texts.Count + 1, Title = nl > 0 ? text[..nl].Trim() : "", Text = text });
            }
        }

        if (texts.Count == 0)
        {
            throw new DirectoryNotFoundException($"No ECB+ or unlabeled-news texts under {data} to vary.");
        }

        var pool = texts.Select(t => extractor.Extract(t)).ToArray();
        return new SyntheticNews(pool, seed, expectedArticles);
    }

    public int Events => _events;

    public ArticleFeatures Next()
    {
        // 60% of articles report an event already running; the rest start one
        _open.RemoveAll(e => e.Remaining <= 0);
        Event ev;
        if (_open.Count > 0 && _random.NextDouble() < 0.6)
        {
            ev = _open[_random.Next(_open.Count)];
        }
        else
        {
            ev = new Event(_events++, _pool[_random.Next(_pool.Length)], _random.Next(1, 21));
            _open.Add(ev);
            if (_open.Count > 5000)
            {
                _open.RemoveAt(0);
            }
        }

        ev.Remaining--;
        long id = ++_id;
        var published = _start.AddMinutes(id * _minutesPerArticle);
        var b = ev.Base;
        var terms = b.Terms.Where(_ => _random.NextDouble() < 0.75).ToList();
        terms.Add(new TermFeature("evt" + ev.Id.ToString(CultureInfo.InvariantCulture), 1 + _random.Next(3), true));
        var entities = b.Entities.Select((e, i) => i % 3 == 0
            ? e
            : new EntityFeature(e.Key + " " + ev.Id.ToString(CultureInfo.InvariantCulture), e.Display + " " + ev.Id.ToString(CultureInfo.InvariantCulture), e.Type, e.Count, e.InLead)).ToList();
        var details = new List<DetailFeature>
        {
            new("n:" + (ev.Id % 9973).ToString(CultureInfo.InvariantCulture), DetailKind.Number, 1),
            new("y:" + published.Year.ToString(CultureInfo.InvariantCulture), DetailKind.Year, 1),
            new(string.Create(CultureInfo.InvariantCulture, $"d:{published.Month:00}-{published.Day:00}"), DetailKind.Date, 1),
        };
        return new ArticleFeatures
        {
            Id = id,
            Title = b.Title,
            Published = published,
            Outlet = "outlet" + (id % 50).ToString(CultureInfo.InvariantCulture),
            Terms = terms,
            TitleTerms = b.TitleTerms,
            Entities = entities,
            Details = details,
            Extractor = "synthetic",
        };
    }

    private sealed class Event(int id, ArticleFeatures @base, int size)
    {
        public int Id { get; } = id;

        public ArticleFeatures Base { get; } = @base;

        public int Remaining { get; set; } = size;
    }
}
