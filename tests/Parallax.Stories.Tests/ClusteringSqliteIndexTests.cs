using Microsoft.Data.Sqlite;
using Parallax.Stories.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

public class ClusteringSqliteIndexTests
{
    [Fact]
    public void The_sqlite_index_reads_only_the_newest_stories_under_a_key()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        using var index = new SqliteCandidateIndex(connection);
        for (long story = 1; story <= 10; story++)
        {
            index.Add(story, [42UL, ulong.MaxValue - (ulong)story]);
        }

        var scores = new Dictionary<long, float>();
        index.Collect([new WeightedKey(42UL, 1f), new WeightedKey(ulong.MaxValue - 9, 0.5f)], perKeyLimit: 3, scores);
        Assert.Equal([8L, 9L, 10L], scores.Keys.Order());
        Assert.Equal(1.5f, scores[9]);
        Assert.Equal(20, index.PostingCount);
    }

    [Fact]
    public void A_clusterer_on_a_sqlite_index_places_articles_as_one_in_memory_does()
    {
        var extractor = new TextFeatureExtractor(BackgroundFrequencies.Embedded);
        var articles = ClusterEvalData.ReadNewsPlease(RepoPaths.DataFile("newsplease-5w1h"))
            .Select(a => extractor.Extract(a.Article))
            .OrderBy(f => f.Published ?? DateTimeOffset.MaxValue).ThenBy(f => f.Id)
            .ToList();

        using var file = RepoPaths.TempDir();
        using var connection = new SqliteConnection($"Data Source={file.File("index.db")}");
        using var index = new SqliteCandidateIndex(connection);
        var onDisk = new StoryClusterer(ClusteringOptions.Default, BackgroundFrequencies.Embedded, index);
        var inMemory = new StoryClusterer(ClusteringOptions.Default, BackgroundFrequencies.Embedded);
        foreach (var f in articles)
        {
            Assert.Equal(inMemory.Place(f).StoryId, onDisk.Place(f).StoryId);
        }

        Assert.Equal(inMemory.Index.PostingCount, index.PostingCount);
        SqliteConnection.ClearAllPools();
    }
}
