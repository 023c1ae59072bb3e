using Parallax.Core;
using Parallax.Nlp.Entities;

namespace Parallax.Nlp.Tests.Entities;

public class NerTagsTests
{
    private static List<(int, int, EntityType)> Spans(params string[] tags)
    {
        var list = new List<(int Start, int End, EntityType Type)>();
        NerTags.SpansFromStrings(tags, 0, list);
        return list.Select(x => (x.Start, x.End, x.Type)).ToList();
    }

    [Fact]
    public void Reads_iobes_spans()
    {
        // "Peter Blackburn" then "BRUSSELS" (eng.train)
        Assert.Equal([(0, 2, EntityType.Person), (3, 4, EntityType.Location)], Spans("B-PER", "E-PER", "O", "S-LOC"));
        Assert.Equal([(0, 3, EntityType.Organization)], Spans("B-ORG", "I-ORG", "E-ORG"));
    }

    [Fact]
    public void Reads_iob1_where_i_starts_an_entity_and_b_splits_adjacent_ones()
    {
        Assert.Equal([(0, 2, EntityType.Misc), (2, 3, EntityType.Misc)], Spans("I-MISC", "I-MISC", "B-MISC"));
        Assert.Equal([(0, 1, EntityType.Location), (1, 2, EntityType.Person)], Spans("I-LOC", "I-PER"));
    }

    [Fact]
    public void Reads_iob2_and_bilou()
    {
        Assert.Equal([(1, 3, EntityType.Person)], Spans("O", "B-PER", "I-PER", "O"));
        Assert.Equal([(0, 2, EntityType.Person), (2, 3, EntityType.Organization)], Spans("B-PER", "L-PER", "U-ORG"));
    }

    [Fact]
    public void Bilou_round_trips_through_spans()
    {
        var spans = new List<(int, int, EntityType)> { (0, 1, EntityType.Location), (2, 5, EntityType.Organization) };
        var tags = new byte[6];
        NerTags.TagsFromSpans(spans, tags);
        Assert.Equal(["U-LOC", "O", "B-ORG", "I-ORG", "L-ORG", "O"], tags.Select(t => NerTags.Name(t)));
    }

    [Fact]
    public void Transitions_follow_bilou_rules()
    {
        int bPer = NerTags.Tag(EntityType.Person, NerTags.Part.Begin);
        int iPer = NerTags.Tag(EntityType.Person, NerTags.Part.Inside);
        int lPer = NerTags.Tag(EntityType.Person, NerTags.Part.Last);
        int lOrg = NerTags.Tag(EntityType.Organization, NerTags.Part.Last);
        Assert.True(NerTags.CanFollow(-1, bPer));
        Assert.False(NerTags.CanFollow(-1, iPer));
        Assert.True(NerTags.CanFollow(bPer, lPer));
        Assert.False(NerTags.CanFollow(bPer, lOrg));
        Assert.False(NerTags.CanFollow(bPer, NerTags.O));
        Assert.False(NerTags.CanEnd(bPer));
    }

    [Fact]
    public void Scores_count_only_exact_spans_of_the_right_type()
    {
        IReadOnlyList<(int, int, EntityType)> gold = [(0, 2, EntityType.Person), (3, 4, EntityType.Location)];
        IReadOnlyList<(int, int, EntityType)> predicted = [(0, 2, EntityType.Person), (3, 4, EntityType.Organization), (5, 6, EntityType.Location)];
        var scores = NerScores.Compute([(gold, predicted, 6)]);
        Assert.Equal(1.0 / 3, scores.Overall.Precision, 6);
        Assert.Equal(0.5, scores.Overall.Recall, 6);
        Assert.Equal(1.0, scores.ByType["PER"].F1, 6);
        Assert.Equal(0.0, scores.ByType["LOC"].Recall, 6);
    }
}
