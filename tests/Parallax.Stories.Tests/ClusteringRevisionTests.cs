using Parallax.Stories.Clustering;

namespace Parallax.Stories.Tests;

public class ClusteringRevisionTests
{
    /// <summary>Hand-made features: words as terms (no background), one entity list.</summary>
    private static ArticleFeatures Words(long id, string words, string? entities = null) => new()
    {
        Id = id,
        Title = words,
        Terms = words.Split(' ').GroupBy(w => w).Select(g => new TermFeature(g.Key, g.Count(), false)).ToArray(),
        TitleTerms = [],
        Entities = (entities ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(e => new EntityFeature(e, e, Core.EntityType.Misc, 1, true)).ToArray(),
        Details = [],
    };

    private const string Topic = "quake island village collapse rescue";

    [Fact]
    public void The_first_report_of_a_second_event_moves_to_its_own_story_when_that_story_forms()
    {
        var clusterer = new StoryClusterer();
        clusterer.Place(Words(1, $"{Topic} tremor ferry harbour", "Qeshm"));
        clusterer.Place(Words(2, $"{Topic} tremor ferry harbour", "Qeshm"));
        var early = clusterer.Place(Words(3, $"{Topic} tents hospital oman dubai shelter"));
        Assert.Equal(1, early.StoryId);

        var sibling = clusterer.Place(Words(4, "tents hospital oman dubai shelter convoy", "Bandar Abbas"));

        Assert.True(sibling.Decision == PlacementDecision.Started, sibling.Explanation.ToText());
        Assert.True(sibling.Moves.Count == 1, sibling.Explanation.ToText() );
        var move = Assert.Single(sibling.Moves);
        Assert.Equal((3L, 1L, 4L), (move.ArticleId, move.From, move.To));
        Assert.True(move.ScoreWithNew > move.ScoreWithRest);
        var revised = Assert.Single(sibling.Revisions);
        Assert.Equal(PlacementDecision.Moved, revised.Decision);
        Assert.Equal(1, revised.MovedFrom);
        Assert.Contains("moved from story 1 to story 4", revised.Reason, StringComparison.Ordinal);
        Assert.Equal(4, clusterer.StoryOf(3));
        Assert.Equal([1L, 2L], clusterer.GetStory(1)!.Articles);
    }

    [Fact]
    public void With_revisions_off_placements_are_final()
    {
        var clusterer = new StoryClusterer(ClusteringOptions.Default with { RevisableArticles = 0 });
        clusterer.Place(Words(1, $"{Topic} tremor ferry harbour", "Qeshm"));
        clusterer.Place(Words(2, $"{Topic} tremor ferry harbour", "Qeshm"));
        clusterer.Place(Words(3, $"{Topic} tents hospital oman dubai shelter"));
        var sibling = clusterer.Place(Words(4, "tents hospital oman dubai shelter convoy", "Bandar Abbas"));

        Assert.Empty(sibling.Moves);
        Assert.Equal(1, clusterer.StoryOf(3));
    }

    [Fact]
    public void A_story_whose_recent_articles_form_two_groups_splits_and_the_split_is_explained()
    {
        var clusterer = new StoryClusterer();
        var placements = new List<Placement>();
        for (int i = 0; i < 4; i++)
        {
            placements.Add(clusterer.Place(Words(10 + (2 * i), $"{Topic} patch browser flaw microsoft", "Microsoft")));
            placements.Add(clusterer.Place(Words(11 + (2 * i), $"{Topic} oman dubai tents hospital", "Iran")));
        }

        var split = placements.SelectMany(p => p.Moves).Where(m => m.Split).ToList();
        Assert.NotEmpty(split);
        var a = clusterer.StoryOf(10);
        var b = clusterer.StoryOf(11);
        Assert.NotEqual(a, b);
        Assert.All([12L, 14L, 16L], id => Assert.Equal(a, clusterer.StoryOf(id)));
        Assert.All([13L, 15L, 17L], id => Assert.Equal(b, clusterer.StoryOf(id)));
        var revision = placements.SelectMany(p => p.Revisions).First(r => r.Reason.Contains("split off", StringComparison.Ordinal));
        Assert.Equal(PlacementDecision.Moved, revision.Decision);
    }

    [Theory]
    [InlineData(0.6, true)]
    [InlineData(0.15, false)]
    public void Neighbouring_stories_merge_only_when_their_articles_fit_each_other_nearly_as_well_as_their_own(double mergeMargin, bool merged)
    {
        // the older bridging rule is off: only the margin decides
        var options = ClusteringOptions.Default with { JoinThreshold = 0.35, MergeThreshold = double.PositiveInfinity, MergeMargin = mergeMargin };
        var clusterer = new StoryClusterer(options);
        clusterer.Place(Words(1, "senate budget vote deficit spending bill"));
        clusterer.Place(Words(2, "senate budget vote deficit spending bill"));
        var other = clusterer.Place(Words(3, "deficit spending bill governor veto ceiling"));
        clusterer.Place(Words(4, "deficit spending bill governor veto ceiling"));
        Assert.True(other.Decision == PlacementDecision.Started, other.Explanation.ToText());

        var bridge = clusterer.Place(Words(5, "senate budget vote deficit spending bill governor veto ceiling"));

        Assert.Equal(merged, clusterer.StoryOf(1) == clusterer.StoryOf(3));
        Assert.Equal(merged, bridge.Merges.Any(m => m.Into == 1 && m.Absorbed == 3));
        Assert.Equal(merged ? 1 : 2, clusterer.StoryCount);
    }

    [Fact]
    public void Only_the_most_recent_articles_can_be_revised()
    {
        var clusterer = new StoryClusterer(ClusteringOptions.Default with { RevisableArticles = 3 });
        for (int i = 1; i <= 10; i++)
        {
            clusterer.Place(Words(i, $"item{i} detail{i}"));
        }

        Assert.Equal(3, clusterer.RevisableCount);
    }
}
