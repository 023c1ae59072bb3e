using Parallax.Ingestion.Evaluation;

namespace Parallax.Ingestion.Tests;

public class ExtractionMetricTests
{
    [Fact]
    public void Words_are_split_like_pythons_word_pattern()
    {
        Assert.Equal(["don", "t", "stop", "3", "14", "naïve", "snake_case", "日本語"], ExtractionMetric.Tokenize("Don't stop: 3.14 naïve snake_case, 日本語!").Select((t, i) => i == 0 ? t.ToLowerInvariant() : t));
    }

    [Fact]
    public void Identical_texts_score_one_and_disjoint_texts_zero()
    {
        var same = ExtractionMetric.ScorePage("a", "one two three four five six", "one two three four five six");
        Assert.Equal(1.0, same.Precision);
        Assert.Equal(1.0, same.Recall);
        Assert.True(same.ExactMatch);
        var disjoint = ExtractionMetric.ScorePage("b", "one two three four five", "six seven eight nine ten");
        Assert.Equal(0.0, disjoint.Precision);
        Assert.Equal(0.0, disjoint.Recall);
    }

    [Fact]
    public void Extra_text_lowers_precision_only_and_f1_uses_the_averages()
    {
        // truth: 6 words -> 3 shingles; prediction adds 2 words -> 5 shingles, 3 of them true
        var page = ExtractionMetric.ScorePage("c", "a b c d e f", "a b c d e f g h");
        Assert.Equal(3.0 / 5, page.Precision!.Value, 6);
        Assert.Equal(1.0, page.Recall!.Value, 6);
        var empty = ExtractionMetric.ScorePage("d", "a b c d e", string.Empty);
        Assert.Null(empty.Precision); // not counted in the precision average
        Assert.Equal(0.0, empty.Recall);
        var score = ExtractionMetric.Aggregate([page, empty]);
        Assert.Equal(0.6, score.Precision, 6);
        Assert.Equal(0.5, score.Recall, 6);
        Assert.Equal(2 * 0.6 * 0.5 / 1.1, score.F1, 6);
        Assert.Equal(0.0, score.Accuracy);
    }
}
