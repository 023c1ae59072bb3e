using BenchmarkDotNet.Attributes;
using Parallax.Core;
using Parallax.Nlp;
using Parallax.Stories.Briefs;
using Parallax.Stories.Claims;
using Parallax.Stories.Clustering;

namespace Parallax.Benchmarks;

/// <summary>
/// The brief of a 50-article story (ECB+ topics 1-3: real reports of the same events), from annotated articles as the
/// store holds them: entity resolution, claim alignment, statuses, numbers, timeline, coverage.
/// dotnet run -c Release --project bench/Parallax.Benchmarks -- --filter '*BriefBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class BriefBenchmarks
{
    private List<StoryArticle> _story = [];
    private StoryAnalyzer _analyzer = null!;

    [Params(50)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var pipeline = NlpPipeline.CreateFull();
        var docs = ClusterEvalData.ReadEcbPlus(Path.Combine(BenchPaths.Data, "ecbplus"), 1, 3).Take(Articles).ToList();
        var published = new DateTimeOffset(2011, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _story = docs.Select((d, i) =>
        {
            var article = new Article
            {
                Id = i + 1,
                Title = d.Article.Title,
                Text = d.Article.Text,
                Source = "outlet " + (i % 17),
                Format = "text",
                Origin = d.Source,
                ContentHash = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Published = published,
            };
            return new StoryArticle(article, pipeline.Run(article.ToDocument()));
        }).ToList();
        _analyzer = new StoryAnalyzer(Parallax.Engine.ParallaxEngine.ClaimScorer, Parallax.Engine.ParallaxEngine.Places);
        Console.WriteLine($"// {_story.Count} articles, {_story.Sum(a => a.Document.Get(Layers.Sentences).Count)} sentences");
    }

    [Benchmark]
    public StoryBrief Brief() => _analyzer.Analyze("bench", _story);
}
