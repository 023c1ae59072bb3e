using Parallax.Stories.Alignment;
using Parallax.Stories.Briefs;
using Parallax.Stories.Claims;

namespace Parallax.Stories.Tests;

/// <summary>The paraphrase claim scorer plugged into the real brief of the two sample articles (default claim threshold).</summary>
[Collection(AlignmentCollection.Name)]
public class AlignmentClaimScorerTests(AlignmentFixture fixture)
{
    private StoryBrief Brief => fixture.SampleBrief.Brief;

    private List<Fact> FactsMentioning(string phrase) =>
        Brief.Facts.Where(f => f.Sentences.Any(s => s.Text.Contains(phrase, StringComparison.Ordinal))).ToList();

    [Fact]
    public void Both_outlets_reports_of_the_Saturday_meetings_are_one_claim()
    {
        var fact = Assert.Single(FactsMentioning("Yang Jiechi"));
        Assert.Equal(2, fact.Articles.Count);
        Assert.Contains(fact.Sentences, s => s.Text.StartsWith("Tillerson will hold talks", StringComparison.Ordinal));
        Assert.Contains(fact.Sentences, s => s.Text.StartsWith("On Saturday, he was scheduled to meet", StringComparison.Ordinal));
    }

    [Fact]
    public void The_order_closing_North_Korean_firms_is_one_claim_though_each_sentence_carries_a_second_fact()
    {
        var fact = Assert.Single(FactsMentioning("close by early January"));
        Assert.Equal(2, fact.Articles.Count);
        Assert.Contains(fact.Sentences, s => s.Text.Contains("would be shut down by January", StringComparison.Ordinal));
        // the clause is the unit: the fuel cut joined to it by "days after" is not part of the claim
        Assert.DoesNotContain(fact.Sentences, s => s.Text.Contains("cut off gas", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("trade surplus")] // only the second outlet
    [InlineData("cut off gas")]
    [InlineData("banned imports")]
    [InlineData("Moscow, meanwhile, is prepared to work with Pyongyang")] // only Al Jazeera
    [InlineData("McCain")]
    [InlineData("McMaster")]
    public void What_only_one_outlet_reports_stays_a_claim_of_that_outlet(string phrase)
    {
        var facts = FactsMentioning(phrase);
        Assert.NotEmpty(facts);
        Assert.All(facts, f => Assert.True(f.Articles.Count == 1, $"'{f.Text}' joined {string.Join(" | ", f.Sentences.Select(s => s.Text))}"));
    }

    [Fact]
    public void A_short_sentence_sharing_only_the_names_does_not_stand_for_the_lead()
    {
        // "Tillerson has in the past expressed hope for dialogue with North Korea" shares Tillerson, North Korea and
        // dialogue/talks with the second outlet's lead, but says something else; the two leads are the shared claim
        var fact = Assert.Single(FactsMentioning("is in Beijing for talks focused on trade"));
        Assert.DoesNotContain(fact.Sentences, s => s.Text.Contains("expressed hope", StringComparison.Ordinal));
        Assert.Single(Assert.Single(FactsMentioning("expressed hope")).Articles);
    }

    [Fact]
    public void A_short_claim_inside_a_longer_sentence_counts_by_containment()
    {
        var scorer = new ParaphraseClaimScorer(fixture.Model);
        var (a, b, context) = fixture.SampleBrief.Pairs.First(p =>
            p.A.Text.StartsWith("On Thursday, Beijing ordered", StringComparison.Ordinal) && p.B.Text.Contains("shut down by January", StringComparison.Ordinal) ||
            p.B.Text.StartsWith("On Thursday, Beijing ordered", StringComparison.Ordinal) && p.A.Text.Contains("shut down by January", StringComparison.Ordinal));
        var match = scorer.Measure(a, b, context);
        Assert.True(match.Containment >= ClaimBuilder.DefaultThreshold, $"containment {match.Containment:F2}");
        Assert.True(match.Score >= match.Probability);
        // the two sentences are far apart in length: one covers the other much better than the reverse
        Assert.True(Math.Abs(match.Overlap.CoverageA - match.Overlap.CoverageB) > 0.2f);
    }

    [Fact]
    public void Unrelated_units_of_one_story_score_low()
    {
        var scorer = new ParaphraseClaimScorer(fixture.Model);
        // every cross-article pair of units, not only the candidates the builder chose to score
        var context = fixture.SampleBrief.Pairs[0].Context;
        var scores = context.Units
            .SelectMany(a => context.Units.Where(b => a.Article < b.Article).Select(b => scorer.Score(a, b, context)))
            .Order()
            .ToArray();
        Assert.True(scores.Length > 500, $"{scores.Length} pairs");
        // the two outlets share a handful of claims among about a thousand unit pairs that all name the same people
        Assert.True(scores.Count(s => s >= ClaimBuilder.DefaultThreshold) <= 0.01 * scores.Length, $"{scores.Count(s => s >= ClaimBuilder.DefaultThreshold)} pairs reach the threshold");
        Assert.True(scores[(int)(0.95 * scores.Length)] < 0.2, $"95th percentile {scores[(int)(0.95 * scores.Length)]:F2}");
    }

    [Fact]
    public void Scores_do_not_depend_on_the_order_of_the_units()
    {
        var scorer = new ParaphraseClaimScorer(fixture.Model);
        foreach (var (a, b, context) in fixture.SampleBrief.Pairs.Where(p => p.A.Article != p.B.Article).Take(300))
        {
            Assert.Equal(scorer.Score(a, b, context), scorer.Score(b, a, context), 5);
        }
    }
}
