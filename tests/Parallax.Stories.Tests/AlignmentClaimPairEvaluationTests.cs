using Parallax.Stories.Alignment;
using Parallax.Stories.Claims;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

/// <summary>The ECB+ reader behind <c>parallax eval claims</c>, on one real topic.</summary>
public class AlignmentClaimPairEvaluationTests
{
    private static List<EventSentence> Topic1() => ClaimPairEvaluation.ReadEcbPlus(Path.Combine(RepoPaths.Data, "ecbplus", "1"));

    [Fact]
    public void Sentences_carry_their_sub_topic_and_the_events_they_mention()
    {
        var sentences = Topic1();
        Assert.Equal(["1ecb", "1ecbplus"], sentences.Select(s => s.Story).Distinct().Order(StringComparer.Ordinal));
        Assert.All(sentences, s => Assert.NotEmpty(s.Events));
        // the tokenised text is joined back to ordinary spelling
        Assert.Contains(sentences, s => s.Text.Contains("Tara Reid", StringComparison.Ordinal) && !s.Text.Contains(" ,", StringComparison.Ordinal));
    }

    [Fact]
    public void Articles_of_one_story_share_event_instances_across_documents()
    {
        var story = Topic1().Where(s => s.Story == "1ecb").ToList();
        Assert.Contains(story, a => story.Any(b => b.Document != a.Document && a.Events.Overlaps(b.Events)));
    }

    [Fact]
    public void A_scorer_that_links_everything_has_full_recall_and_every_unrelated_pair_as_false_alarm()
    {
        var report = ClaimPairEvaluation.Run(Topic1(), new Constant(1), 0.5);
        Assert.True(report.RelatedPairs > 0 && report.UnrelatedPairs > 0);
        Assert.Equal(1, report.Recall);
        Assert.Equal(1, report.FalseAlarmRate);
        Assert.Equal(0.5, report.Auc);
    }

    private sealed class Constant(double value) : IClaimScorer
    {
        public double Score(ClaimUnit a, ClaimUnit b, ClaimContext context) => value;
    }
}
