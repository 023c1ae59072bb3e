using Parallax.Stories.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

public class ClusteringTests
{
    private static readonly TextFeatureExtractor Extractor = new(BackgroundFrequencies.Embedded);

    private static ArticleFeatures Sample(string file, long id, DateTimeOffset published, long? copyOf = null)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.TillersonSample, file));

        // the first line of 003 is a section label; the headline is the line after
        var title = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).First(l => l.Contains("Tillerson", StringComparison.Ordinal));
        return Extractor.Extract(new ClusterArticle { Id = id, Title = title, Text = text, Published = published, CopyOf = copyOf });
    }

    private static readonly DateTimeOffset Visit = new(2017, 9, 30, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Hand-made features for engine behaviour that needs exact control: words as terms, no background.</summary>
    private static ArticleFeatures Words(long id, string words, string? entities = null, DateTimeOffset? published = null) => new()
    {
        Id = id,
        Title = words,
        Published = published,
        Terms = words.Split(' ').GroupBy(w => w).Select(g => new TermFeature(g.Key, g.Count(), false)).ToArray(),
        TitleTerms = [],
        Entities = (entities ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(e => new EntityFeature(e, e, Core.EntityType.Misc, 1, true)).ToArray(),
        Details = [],
    };

    [Fact]
    public void Two_outlets_reporting_one_visit_share_a_story()
    {
        var clusterer = new StoryClusterer(background: BackgroundFrequencies.Embedded);
        var first = clusterer.Place(Sample("000_8bd32afc6ad81d3d.txt", 1, Visit));
        var second = clusterer.Place(Sample("003_b954ae2e1036d3dd.txt", 2, Visit.AddHours(3)));

        Assert.Equal(PlacementDecision.Started, first.Decision);
        Assert.True(second.Decision == PlacementDecision.Joined, second.Explanation.ToText());
        Assert.Equal(1, second.StoryId);
        Assert.Contains(second.Explanation.SharedEntities, e => e.Key == "rex tillerson");
        Assert.Contains(second.Explanation.SharedTerms, t => t.Term == "tillerson");
        Assert.True(second.Explanation.Score >= second.Explanation.Threshold);
    }

    [Fact]
    public void A_new_story_says_why_it_was_started()
    {
        var clusterer = new StoryClusterer(background: BackgroundFrequencies.Embedded);
        var placement = clusterer.Place(Sample("000_8bd32afc6ad81d3d.txt", 7, Visit));
        Assert.Equal(7, placement.StoryId);
        Assert.Contains("no story", placement.Explanation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Months_apart_the_same_subject_is_a_new_story()
    {
        var clusterer = new StoryClusterer(background: BackgroundFrequencies.Embedded);
        clusterer.Place(Sample("000_8bd32afc6ad81d3d.txt", 1, Visit));
        var later = clusterer.Place(Sample("003_b954ae2e1036d3dd.txt", 2, Visit.AddDays(120)));
        Assert.Equal(PlacementDecision.Started, later.Decision);
    }

    [Fact]
    public void A_syndicated_copy_joins_its_original_without_adding_weight()
    {
        var clusterer = new StoryClusterer(background: BackgroundFrequencies.Embedded);
        clusterer.Place(Sample("000_8bd32afc6ad81d3d.txt", 1, Visit));
        var copy = clusterer.Place(Sample("000_8bd32afc6ad81d3d.txt", 2, Visit.AddHours(1), copyOf: 1));

        Assert.Equal(PlacementDecision.Copy, copy.Decision);
        Assert.Equal(1, copy.StoryId);
        var story = clusterer.GetStory(1)!;
        Assert.Equal([1L, 2L], story.Articles);
        Assert.Equal(1, story.Copies);

        // the copy left the profile as it was: a third article scores the same as against the original alone
        var alone = new StoryClusterer(background: BackgroundFrequencies.Embedded);
        alone.Place(Sample("000_8bd32afc6ad81d3d.txt", 1, Visit));
        var third = Sample("003_b954ae2e1036d3dd.txt", 3, Visit.AddHours(2));
        Assert.Equal(alone.Score(third, 1)!.Score, clusterer.Score(third, 1)!.Score, 3);
    }

    [Fact]
    public void An_article_that_bridges_two_stories_merges_them_and_the_merge_is_recorded()
    {
        var options = ClusteringOptions.Default with { TimeWindowDays = double.PositiveInfinity };
        var clusterer = new StoryClusterer(options);
        var a = clusterer.Place(Words(1, "quake ridge valley collapse rescue teams", "Alpha"));
        var b = clusterer.Place(Words(2, "tremor shelter aid convoy donations relief", "Beta"));
        Assert.NotEqual(a.StoryId, b.StoryId);

        var bridge = clusterer.Place(Words(3, "quake ridge valley collapse rescue teams tremor shelter aid convoy donations relief", "Alpha,Beta"));

        var merge = Assert.Single(bridge.Merges);
        Assert.Equal(1, merge.Into);
        Assert.Equal(2, merge.Absorbed);
        Assert.Equal(3, merge.BridgingArticle);
        Assert.Equal(1, clusterer.StoryOf(2));
        Assert.Equal(1, clusterer.StoryCount);
        Assert.Equal([2L], clusterer.GetStory(2)!.Absorbed);
        Assert.Contains("merged story 2 into 1", bridge.Explanation.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Different_years_in_undated_articles_keep_similar_events_apart()
    {
        var clusterer = new StoryClusterer();
        clusterer.Place(Words(1, "actress rehab clinic checked treatment center 2008".Replace(" 2008", "", StringComparison.Ordinal)) with { Details = [new("y:2008", DetailKind.Year, 1)] });
        var same = clusterer.Score(Words(2, "actress rehab clinic checked treatment center") with { Details = [new("y:2008", DetailKind.Year, 1)] }, 1)!;
        var other = clusterer.Score(Words(3, "actress rehab clinic checked treatment center") with { Details = [new("y:2013", DetailKind.Year, 1)] }, 1)!;

        Assert.Equal(1.0, same.Breakdown.DateAgreement);
        Assert.Equal(0.0, other.Breakdown.DateAgreement);
        Assert.True(other.Score < same.Score);
    }

    [Fact]
    public void Placing_the_same_article_twice_is_refused()
    {
        var clusterer = new StoryClusterer();
        clusterer.Place(Words(1, "alpha beta"));
        Assert.Throws<ArgumentException>(() => clusterer.Place(Words(1, "alpha beta")));
    }

    [Fact]
    public void Candidates_come_from_the_index_not_from_the_whole_store()
    {
        var options = ClusteringOptions.Default with { TimeWindowDays = double.PositiveInfinity };
        var clusterer = new StoryClusterer(options);
        for (int i = 0; i < 3000; i++)
        {
            // every story shares the common word "news" and owns one rare word
            clusterer.Place(Words(i + 1, $"news report{i} detail{i} item{i}"));
        }

        var placement = clusterer.Place(Words(10_000, "news report17 detail17 item17"));
        Assert.Equal(18, placement.StoryId);
        Assert.True(placement.Explanation.CandidatesConsidered <= (options.IndexTerms + options.IndexEntities) * options.PostingLimit);
        Assert.True(placement.Explanation.CandidatesConsidered < 100, $"{placement.Explanation.CandidatesConsidered} candidates");
    }

    [Fact]
    public void The_index_reads_only_the_newest_stories_under_a_key()
    {
        var index = new InMemoryCandidateIndex();
        for (long story = 1; story <= 10; story++)
        {
            index.Add(story, [42UL]);
        }

        var scores = new Dictionary<long, float>();
        index.Collect([new WeightedKey(42UL, 1f)], perKeyLimit: 3, scores);
        Assert.Equal([8L, 9L, 10L], scores.Keys.Order());
    }

    [Fact]
    public void An_explanation_survives_a_round_trip_through_json()
    {
        var clusterer = new StoryClusterer(background: BackgroundFrequencies.Embedded);
        clusterer.Place(Sample("000_8bd32afc6ad81d3d.txt", 1, Visit));
        var placement = clusterer.Place(Sample("003_b954ae2e1036d3dd.txt", 2, Visit.AddHours(3)));

        var json = placement.Explanation.ToJson();
        var back = PlacementExplanation.FromJson(json);

        Assert.Contains("\"decision\":\"Joined\"", json, StringComparison.Ordinal);
        Assert.Equal(placement.Explanation.Score, back.Score);
        Assert.Equal(placement.Explanation.SharedEntities, back.SharedEntities);
        Assert.Equal(placement.Explanation.Candidates.Count, back.Candidates.Count);
        Assert.Equal(placement.Explanation.ToText(), back.ToText());
    }

    [Fact]
    public void Unknown_experiment_settings_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ClusteringOptions.Default.With(["NoSuchOption=1"]));
        Assert.Equal(0.5, ClusteringOptions.Default.With(["jointhreshold=0.5"]).JoinThreshold);
    }
}
