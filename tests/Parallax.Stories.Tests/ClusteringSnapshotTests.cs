using Parallax.Core;
using Parallax.Stories.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

public class ClusteringSnapshotTests
{
    private static readonly TextFeatureExtractor Extractor = new(BackgroundFrequencies.Embedded);

    /// <summary>Real articles in a fixed arrival order: the news-please set (dated) and three ECB+ topics (undated, so revisions are busy).</summary>
    private static List<ArticleFeatures> Stream()
    {
        var news = ClusterEvalData.ReadNewsPlease(RepoPaths.DataFile("newsplease-5w1h")).Select(a => a.Article);
        var ecb = ClusterEvalData.ReadEcbPlus(RepoPaths.DataFile("ecbplus"), 33, 35).Select(a => a.Article with { Id = a.Article.Id + 1000 });
        var random = new Random(3);
        return news.Concat(ecb)
            .Select(a => Extractor.Extract(a))
            .OrderBy(f => f.Published ?? DateTimeOffset.MaxValue).ThenBy(_ => random.Next())
            .ToList();
    }

    private static string Describe(Placement p) =>
        $"{p.ArticleId}->{p.StoryId} {p.Decision} {p.Explanation.Score:R} moves [{string.Join(",", p.Moves.Select(m => $"{m.ArticleId}:{m.From}->{m.To}"))}] merges [{string.Join(",", p.Merges.Select(m => $"{m.Absorbed}->{m.Into}"))}]";

    [Fact]
    public void A_loaded_clusterer_places_the_next_articles_exactly_as_the_saved_one()
    {
        var articles = Stream();
        int half = articles.Count / 2;
        var original = new StoryClusterer(ClusteringOptions.Default, BackgroundFrequencies.Embedded);
        foreach (var f in articles.Take(half))
        {
            original.Place(f);
        }

        using var snapshot = new MemoryStream();
        original.Save(snapshot);
        snapshot.Position = 0;
        var loaded = StoryClusterer.Load(snapshot, ClusteringOptions.Default, BackgroundFrequencies.Embedded);

        Assert.Equal(original.StoryCount, loaded.StoryCount);
        Assert.Equal(original.RevisableCount, loaded.RevisableCount);
        int moves = 0;
        foreach (var f in articles.Skip(half))
        {
            var expected = original.Place(f);
            var actual = loaded.Place(f);
            Assert.Equal(Describe(expected), Describe(actual));
            Assert.Equal(expected.Explanation.ToJson(), actual.Explanation.ToJson());
            moves += expected.Moves.Count;
        }

        Assert.True(moves > 0, "the second half should revise some placements, so that the revisable state is exercised");
        Assert.All(articles, f => Assert.Equal(original.StoryOf(f.Id), loaded.StoryOf(f.Id)));
        Assert.Equal(original.Index.PostingCount, loaded.Index.PostingCount);
    }

    [Fact]
    public void A_snapshot_with_another_configuration_is_refused()
    {
        var clusterer = new StoryClusterer(ClusteringOptions.Default, BackgroundFrequencies.Embedded);
        clusterer.Place(Stream()[0]);
        using var snapshot = new MemoryStream();
        clusterer.Save(snapshot);

        snapshot.Position = 0;
        var ex = Assert.Throws<ParallaxException>(() => StoryClusterer.Load(snapshot, ClusteringOptions.Default with { JoinThreshold = 0.5 }, BackgroundFrequencies.Embedded));
        Assert.Equal(ErrorCodes.DataFormat, ex.Code);
        Assert.Contains("configuration", ex.Message, StringComparison.Ordinal);

        snapshot.Position = 0;
        Assert.Throws<ParallaxException>(() => StoryClusterer.Load(snapshot, ClusteringOptions.Default, BackgroundFrequencies.Empty));
    }

    [Fact]
    public void A_damaged_snapshot_is_refused_with_a_stable_code()
    {
        var clusterer = new StoryClusterer(ClusteringOptions.Default, BackgroundFrequencies.Embedded);
        foreach (var f in Stream().Take(10))
        {
            clusterer.Place(f);
        }

        using var snapshot = new MemoryStream();
        clusterer.Save(snapshot);
        var bytes = snapshot.ToArray();

        using var truncated = new MemoryStream(bytes[..(bytes.Length * 2 / 3)]);
        Assert.Equal(ErrorCodes.DataFormat, Assert.Throws<ParallaxException>(() => StoryClusterer.Load(truncated, ClusteringOptions.Default, BackgroundFrequencies.Embedded)).Code);

        using var notOne = new MemoryStream("not a snapshot at all"u8.ToArray());
        Assert.Equal(ErrorCodes.DataFormat, Assert.Throws<ParallaxException>(() => StoryClusterer.Load(notOne, ClusteringOptions.Default, BackgroundFrequencies.Embedded)).Code);
    }
}
