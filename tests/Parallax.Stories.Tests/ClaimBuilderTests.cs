using Parallax.Core;
using Parallax.Stories.Claims;

namespace Parallax.Stories.Tests;

public class ClaimBuilderTests
{
    private static ClaimUnit Unit(long article, string outlet, string text, Quantity[]? quantities = null, TimeExpression[]? times = null, bool negated = false)
    {
        var stems = text.Split([' ', ',', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !Lexicon.StopWords.Contains(w)).Select(Lexicon.Stem).Distinct().ToArray();
        return new ClaimUnit
        {
            Article = article,
            Outlet = outlet,
            Voice = outlet,
            Sentence = 0,
            SentenceRange = new TextRange(0, text.Length),
            Range = new TextRange(0, text.Length),
            Text = text,
            SentenceText = text,
            SourceText = text,
            Stems = stems,
            Entities = [],
            Quantities = quantities ?? [],
            Times = times ?? [],
            Negated = negated,
            Position = 0,
            Order = 0,
        };
    }

    private static Quantity Count(string text, string phrase, double value, string unit)
    {
        int at = text.IndexOf(phrase, StringComparison.Ordinal);
        return new Quantity(new TextRange(at, at + phrase.Length), QuantityKind.Count, value, null, unit, null, false, -1);
    }

    private static TimeExpression Month(string text, string phrase, DateOnly start, DateOnly end)
    {
        int at = text.IndexOf(phrase, StringComparison.Ordinal);
        return new TimeExpression(new TextRange(at, at + phrase.Length), start, end, TimeGranularity.Month, TimeResolution.Resolved, null, null);
    }

    [Fact]
    public void Different_death_tolls_in_aligned_reports_are_a_conflict()
    {
        const string a = "The earthquake killed 12 people in the mountain villages on Sunday.";
        const string b = "The earthquake killed 15 people in the mountain villages on Sunday.";
        var groups = new ClaimBuilder(new LexicalClaimScorer()).Build([
            Unit(1, "A", a, [Count(a, "12 people", 12, "people")]),
            Unit(2, "B", b, [Count(b, "15 people", 15, "people")]),
        ]);
        var g = Assert.Single(groups);
        Assert.Equal("conflict", g.Status);
        var d = Assert.Single(g.Differences);
        Assert.Equal("number", d.Kind);
        Assert.Equal(["12 people", "15 people"], new[] { d.ATerm, d.BTerm }.Order());
    }

    [Fact]
    public void The_same_toll_is_consensus()
    {
        const string a = "The earthquake killed 12 people in the mountain villages on Sunday.";
        const string b = "On Sunday the earthquake killed 12 people in mountain villages.";
        var g = Assert.Single(new ClaimBuilder(new LexicalClaimScorer()).Build([
            Unit(1, "A", a, [Count(a, "12 people", 12, "people")]),
            Unit(2, "B", b, [Count(b, "12 people", 12, "people")]),
        ]));
        Assert.Equal("consensus", g.Status);
    }

    [Fact]
    public void A_narrower_date_inside_a_wider_one_is_a_refinement()
    {
        const string a = "North Korean firms and joint ventures would be shut down by January under the order.";
        const string b = "North Korean firms and joint ventures would be shut down by early January under the order.";
        var g = Assert.Single(new ClaimBuilder(new LexicalClaimScorer()).Build([
            Unit(1, "A", a, times: [Month(a, "by January", new DateOnly(2018, 1, 1), new DateOnly(2018, 1, 31))]),
            Unit(2, "B", b, times: [Month(b, "by early January", new DateOnly(2018, 1, 1), new DateOnly(2018, 1, 10))]),
        ]));
        Assert.Equal("refinement", g.Status);
        Assert.Contains("\"by early January\" is more precise", g.Differences.Single().Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negated_version_of_the_same_statement_is_a_conflict()
    {
        var g = Assert.Single(new ClaimBuilder(new LexicalClaimScorer()).Build([
            Unit(1, "A", "The minister confirmed the talks with the rebels in Geneva."),
            Unit(2, "B", "The minister not confirmed the talks with the rebels in Geneva.", negated: true),
        ]));
        Assert.Equal("conflict", g.Status);
        Assert.Equal("polarity", g.Differences.Single().Kind);
    }

    [Fact]
    public void Unrelated_statements_stay_single_and_copies_of_one_voice_are_not_consensus()
    {
        var groups = new ClaimBuilder(new LexicalClaimScorer()).Build([
            Unit(1, "A", "The central bank raised interest rates by half a point on Tuesday."),
            Unit(2, "B", "Floods closed the coastal highway for a second day."),
        ]);
        Assert.Equal(2, groups.Count);
        Assert.All(groups, g => Assert.Equal("single", g.Status));

        var copies = new ClaimBuilder(new LexicalClaimScorer()).Build([
            Unit(1, "Wire", "The central bank raised interest rates by half a point on Tuesday."),
            Unit(2, "Wire", "The central bank raised interest rates by half a point on Tuesday."),
        ]);
        var g = Assert.Single(copies);
        Assert.Equal("single", g.Status);
        Assert.Equal(2, g.Units.Count);
    }
}
