using Parallax.Stories.Briefs;
using Parallax.Web.Pages;

namespace Parallax.Web.Tests;

public class TimelineChartTests
{
    private static TimelineEntry Entry(string? date, string text, string granularity = "day", string? fact = null) =>
        new(date, granularity, null, text, "on a day", [1], ["Al Jazeera"], date is not null, null, fact);

    [Fact]
    public void Dated_events_are_drawn_in_date_order_and_undated_ones_only_listed()
    {
        var facts = new Dictionary<string, Fact>
        {
            ["f1"] = new() { Id = "f1", Text = "x", Status = "consensus", Articles = [1, 2], Outlets = ["A", "B"], Sentences = [] },
        };
        var chart = TimelineChart.Build(
            [Entry("2017-09-30", "Talks in Beijing", fact: "f1"), Entry("2017-09-28", "Order to close firms"), Entry(null, "Some day"), Entry("2018-01", "Firms closed", "month")],
            facts);

        Assert.Equal(3, chart.Rows.Count);
        Assert.Equal(["Order to close firms", "Talks in Beijing", "Firms closed"], chart.Dated.Select(d => d.Text));
        Assert.Equal("Some day", Assert.Single(chart.Undated).Text);
        Assert.True(chart.Rows[0].X1 < chart.Rows[1].X1 && chart.Rows[1].X1 < chart.Rows[2].X1);
        Assert.Equal("consensus", chart.Rows[1].Status);
        Assert.True(chart.Rows[2].X2 > chart.Rows[2].X1, "a month is drawn as a bar");
        Assert.All(chart.Rows, r => Assert.InRange(r.X1, 0, chart.Width));
        Assert.NotEmpty(chart.Ticks);
    }

    [Fact]
    public void A_vague_period_does_not_stretch_the_axis_away_from_the_days()
    {
        var chart = TimelineChart.Build(
            [Entry("2016", "Trade surplus last year", "year"), Entry("2017-09-28", "Order to close firms"), Entry("2017-09-30", "Talks in Beijing")],
            new Dictionary<string, Fact>());
        Assert.Equal(3, chart.Dated.Count);
        Assert.Equal(2, chart.Rows.Count); // "last year" is listed, not drawn
        Assert.StartsWith("28 Sep 2017: Order to close firms", chart.Rows[0].Title, StringComparison.Ordinal);
        Assert.True(chart.Rows[1].X1 - chart.Rows[0].X1 > 100, "two days apart are far apart on the axis");
        Assert.Equal("30 Sep 2017", TimelineChart.When(chart.Dated[2]));
        Assert.Equal("2016", TimelineChart.When(chart.Dated[0]));
    }

    [Fact]
    public void Without_dates_there_is_nothing_to_draw()
    {
        var chart = TimelineChart.Build([Entry(null, "Some day")], new Dictionary<string, Fact>());
        Assert.True(chart.IsEmpty);
        Assert.Single(chart.Undated);
    }
}
