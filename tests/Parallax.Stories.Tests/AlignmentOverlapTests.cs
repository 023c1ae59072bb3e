using Parallax.Stories.Alignment;

namespace Parallax.Stories.Tests;

/// <summary>One-to-one word alignment, the features read from it, and the weighted overlap behind the relatedness gate.</summary>
[Collection(AlignmentCollection.Name)]
public class AlignmentOverlapTests(AlignmentFixture fixture)
{
    // an MSRP pair (msr_paraphrase_train.txt): the second adds "until elections can be held" and spells U.S. with stops
    private const string Named = "Representatives of its tribal and ethnic groups named a cross section of residents yesterday to run municipal affairs alongside the US military.";
    private const string NamedLonger = "Representatives of its tribal and ethnic groups named a cross-section of residents yesterday to run municipal affairs alongside the U.S. military until elections can be held.";

    private const string OrderClause = "On Thursday, Beijing ordered North Korean-owned businesses and ventures with Chinese partners to close by early January,";
    private const string OrderSentence = "China says it will strictly and fully enforce UN resolutions against North Korea and its Commerce Ministry on Thursday said North Korean firms and joint ventures in China and overseas would be shut down by January, in line with the latest UN resolution.";

    private float Feature(string a, string b, string name) =>
        PairFeatures.Compute(fixture.Model.View(a), fixture.Model.View(b))[Array.IndexOf(PairFeatures.Names, name)];

    [Fact]
    public void A_name_spelt_with_or_without_stops_is_the_same_name()
    {
        Assert.Equal(0f, Feature(Named, NamedLonger, "unaligned_names_max"));
    }

    [Fact]
    public void Extra_detail_at_the_end_of_one_sentence_counts_as_edge_material_not_middle()
    {
        // "elections", "held" follow the last aligned word; only "cross-section" (one token against two) is in the middle
        Assert.True(Feature(Named, NamedLonger, "edge_unaligned_max") >= 2);
        Assert.True(Feature(Named, NamedLonger, "middle_unaligned_max") <= 1);
    }

    [Fact]
    public void Every_word_aligns_to_itself_in_one_unbroken_chunk()
    {
        Assert.Equal(1f, Feature(OrderSentence, OrderSentence, "meteor_min"), 3);
        Assert.Equal(1f / fixture.Model.View(OrderSentence).WordCount, Feature(OrderSentence, OrderSentence, "fragmentation"), 4);
    }

    [Fact]
    public void A_short_claim_is_covered_by_the_longer_sentence_that_contains_it_and_not_the_reverse()
    {
        var overlap = WeightedOverlap.Measure(fixture.Model.View(OrderClause), fixture.Model.View(OrderSentence));
        Assert.True(overlap.CoverageA > 0.5f, $"clause covered {overlap.CoverageA:F2}");
        Assert.True(overlap.CoverageB < overlap.CoverageA - 0.2f, $"sentence covered {overlap.CoverageB:F2}");
        Assert.Equal(overlap.CoverageA, overlap.Containment);
    }

    [Fact]
    public void Overlap_is_symmetric()
    {
        var ab = WeightedOverlap.Measure(fixture.Model.View(OrderClause), fixture.Model.View(OrderSentence));
        var ba = WeightedOverlap.Measure(fixture.Model.View(OrderSentence), fixture.Model.View(OrderClause));
        Assert.Equal(ab.CoverageA, ba.CoverageB, 5);
        Assert.Equal(ab.Mutual, ba.Mutual, 5);
    }
}
