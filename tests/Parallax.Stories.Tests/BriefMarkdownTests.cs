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

    [Theory]
    [InlineData("No 2 economy", 2, null, null, "ordinal", "rank 2")]
    [InlineData("347 billion US dollars", 347e9, null, "USD", "money", "347 billion USD")]
    [InlineData("thousands of artillery pieces", 2000, 9999d, null, "count", "2,000–9,999")]
    [InlineData("4.5%", 4.5, null, null, "percent", "4.5%")]
    public void Figures_read_as_amounts_and_ranks_as_ranks(string text, double value, double? max, string? currency, string kind, string expected) =>
        Assert.Equal(expected, BriefMarkdown.FormatValue(new BriefNumber(text, value, max, null, currency, kind, 1, "outlet", text, 0, text.Length, false, null, [])));
}
