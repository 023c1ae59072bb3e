using Parallax.Stories.Briefs;

namespace Parallax.Stories.Tests;

public class BriefMarkdownTests
{
    private static TimelineEntry Entry(string date, string granularity, string? end = null) =>
        new(date, granularity, end, "text", "phrase", [1], ["outlet"], true, null, null);

    [Theory]
    [InlineData("2017-09-30", "day", null, "Sat 2017-09-30")] // "on Saturday": the weekday lets an editor check it
    [InlineData("2017-09-25", "week", null, "week of 2017-09-25")] // "this week"
    [InlineData("2017-11", "month", null, "2017-11")]
    [InlineData("2010", "decade", null, "2010s")]
    [InlineData("2017-09", "month", "2017-09-10", "2017-09 – Sun 2017-09-10")] // "since early September"
    public void Timeline_dates_read_as_an_editor_reads_them(string date, string granularity, string? end, string expected) =>
        Assert.Equal(expected, BriefMarkdown.When(Entry(date, granularity, end)));
}
