using Parallax.Core;
using Parallax.Nlp.Dates;

namespace Parallax.Nlp.Tests;

public class DatesTests
{
    private const string Published = "2017-09-30T10:00:00+00:00";

    private static TimeExpression[] Times(string text, string? published = Published) =>
        TimeComponent.Extract(FactsTestDocs.Build(text, published));

    private static TimeExpression Only(string text, string phrase, string? published = Published)
    {
        var all = Times(text, published);
        var found = all.Where(t => text.Substring(t.Range.Start, t.Range.Length).Contains(phrase, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 1, $"expected one time expression containing '{phrase}' in: {text}\nfound: {string.Join(" | ", all.Select(t => text.Substring(t.Range.Start, t.Range.Length)))}");
        return found[0];
    }

    private static void AssertDay(TimeExpression t, string date)
    {
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), t.Start);
        Assert.Equal(t.Start, t.End);
        Assert.Equal(TimeGranularity.Day, t.Granularity);
    }

    private static void AssertMonth(TimeExpression t, int year, int month)
    {
        Assert.Equal(TimeGranularity.Month, t.Granularity);
        Assert.Equal(year, t.Start!.Value.Year);
        Assert.Equal(month, t.Start!.Value.Month);
    }

    // ---------------------------------------------------------------- sample 000 (published Saturday 2017-09-30)

    [Fact]
    public void Future_tense_weekday_is_ahead_or_today()
    {
        var t = Only("US Secretary of State Rex Tillerson will hold top-level talks in China on Saturday as the United States looks to an economic squeeze of North Korea.", "Saturday");
        AssertDay(t, "2017-09-30");
        Assert.Equal("on Saturday", "US Secretary of State Rex Tillerson will hold top-level talks in China on Saturday as the United States looks to an economic squeeze of North Korea."[t.Range.Start..t.Range.End]);
        Assert.Equal(TimeResolution.Resolved, t.Resolution);
        Assert.Contains("future", t.Relative, StringComparison.Ordinal);
    }

    [Fact]
    public void Said_on_Friday_is_the_day_before()
    {
        AssertDay(Only("Moscow, meanwhile, is prepared to work with Pyongyang to try to find a peaceful resolution to the North Korean missile crisis, the Russian Foreign ministry said on Friday.", "Friday"), "2017-09-29");
    }

    [Fact]
    public void Weekday_before_its_past_tense_verb()
    {
        AssertDay(Only("China says it will strictly and fully enforce UN resolutions against North Korea and its Commerce Ministry on Thursday said North Korean firms and joint ventures in China and overseas would be shut down by January, in line with the latest UN resolution.", "Thursday"), "2017-09-28");
    }

    [Fact]
    public void By_January_with_would_is_next_year()
    {
        AssertMonth(Only("its Commerce Ministry on Thursday said North Korean firms and joint ventures in China and overseas would be shut down by January, in line with the latest UN resolution.", "January"), 2018, 1);
    }

    [Fact]
    public void Said_on_Monday_is_earlier_that_week()
    {
        AssertDay(Only("White House National Security Adviser HR McMaster said on Monday even options such as a naval blockade meant to enforce sanctions carried risks of military escalation.", "Monday"), "2017-09-25");
    }

    [Fact]
    public void This_week_is_the_iso_week_of_publication()
    {
        var t = Only("US Senator John McCain, who heads the Senate Armed Services Committee, said this week he was sceptical.", "this week");
        Assert.Equal(TimeGranularity.Week, t.Granularity);
        Assert.Equal(new DateOnly(2017, 9, 25), t.Start);
        Assert.Equal(new DateOnly(2017, 10, 1), t.End);
        Assert.Equal("0 week", t.Relative);
    }

    // ---------------------------------------------------------------- sample 003 (published 2017-09-30)

    [Fact]
    public void In_November_without_tense_is_the_nearest_november()
    {
        AssertMonth(Only("US Secretary of State Rex Tillerson is in Beijing for talks focused on trade and North Korea, along with preparations for a visit by President Donald Trump in November.", "November"), 2017, 11);
    }

    [Fact]
    public void From_January_1_with_would_is_next_year()
    {
        var text = "On Thursday, Beijing ordered North Korean-owned businesses and ventures with Chinese partners to close by early January, days after it said it would cut off gas and limit shipments of refined petroleum products, effective from January 1.";
        var t = Only(text, "January 1");
        AssertDay(t, "2018-01-01");
        Assert.Equal("from", t.Modifier);
        Assert.Equal("from January 1", text[t.Range.Start..t.Range.End]);
    }

    [Fact]
    public void By_early_January_after_an_order_to_close_is_ahead()
    {
        var text = "On Thursday, Beijing ordered North Korean-owned businesses and ventures with Chinese partners to close by early January, days after it said it would cut off gas.";
        var t = Only(text, "early January");
        Assert.Equal(new DateOnly(2018, 1, 1), t.Start);
        Assert.Equal(new DateOnly(2018, 1, 10), t.End);
        Assert.Equal("by early", t.Modifier);
        Assert.Equal("by early January", text[t.Range.Start..t.Range.End]);
        AssertDay(Only(text, "Thursday"), "2017-09-28");
    }

    [Fact]
    public void Days_after_is_relative_to_an_event_and_unresolved()
    {
        var t = Only("Beijing ordered businesses to close by early January, days after it said it would cut off gas.", "days after");
        Assert.Equal(TimeResolution.Unresolved, t.Resolution);
        Assert.Null(t.Start);
        Assert.Equal("+days;after-event", t.Relative);
    }

    [Fact]
    public void Since_early_September_points_back()
    {
        var t = Only("China has also banned imports of North Korean coal, iron and lead ore, and seafood since early September.", "September");
        Assert.Equal(new DateOnly(2017, 9, 1), t.Start);
        Assert.Equal(new DateOnly(2017, 9, 10), t.End);
        Assert.Equal("since early", t.Modifier);
    }

    [Fact]
    public void Last_year_is_the_year_before_publication()
    {
        var t = Only("Mr Tillerson is also expected to restate concerns about China's massive trade surplus with the US – 347 billion US dollars (£259 billion) last year – and what American companies say.", "last year");
        Assert.Equal(TimeGranularity.Year, t.Granularity);
        Assert.Equal(new DateOnly(2016, 1, 1), t.Start);
        Assert.Equal(new DateOnly(2016, 12, 31), t.End);
        Assert.Equal("-1 year", t.Relative);
    }

    [Fact]
    public void In_March_with_a_past_verb_is_this_year()
    {
        AssertMonth(Only("He surprised some observers during his first official visit to China in March when he employed China's own words to characterise relations between the sides.", "March"), 2017, 3);
    }

    [Fact]
    public void In_April_in_a_present_perfect_sentence_is_this_year()
    {
        AssertMonth(Only("Despite his tough criticism of China's trade practices, Mr Trump has forged a personal connection with Mr Xi over phone calls and while hosting him at the US President's Mar-a-Lago resort in April, where they agreed on four high-level dialogues.", "April"), 2017, 4);
    }

    [Fact]
    public void Within_the_year_runs_from_publication_to_year_end()
    {
        var t = Only("talks would centre on issues regarding President Trump's visit to China within the year as invited by President Xi.", "within the year");
        Assert.Equal(new DateOnly(2017, 9, 30), t.Start);
        Assert.Equal(new DateOnly(2017, 12, 31), t.End);
        Assert.Equal("within", t.Modifier);
    }

    [Fact]
    public void Both_samples_resolve_their_weekdays()
    {
        var doc = FactsTestDocs.Build(FactsTestDocs.Sample(FactsTestDocs.Sample003), Published);
        var times = TimeComponent.Extract(doc);
        var text = doc.Text;
        var saturday = times.Single(t => text[t.Range.Start..t.Range.End] == "On Saturday");
        AssertDay(saturday, "2017-09-30");
        var friday = times.Single(t => text[t.Range.Start..t.Range.End] == "on Friday");
        AssertDay(friday, "2017-09-29");
        Assert.All(times.Where(t => text[t.Range.Start..t.Range.End].Contains("Thursday", StringComparison.Ordinal)), t => AssertDay(t, "2017-09-28"));
    }

    // ---------------------------------------------------------------- explicit dates and years

    [Theory]
    [InlineData("The attack happened on September 30, 2017, in the capital.", "2017-09-30")]
    [InlineData("The attack happened on 30 Sept 2017 in the capital.", "2017-09-30")]
    [InlineData("The attack happened on 2017-09-30 in the capital.", "2017-09-30")]
    [InlineData("The vote was held on Nov. 8, 2016.", "2016-11-08")]
    [InlineData("The vote was held on Tuesday, November 8, 2016.", "2016-11-08")]
    [InlineData("It was signed on the 4th of July 1776.", "1776-07-04")]
    public void Explicit_dates_are_absolute(string text, string date)
    {
        var t = Assert.Single(Times(text));
        AssertDay(t, date);
        Assert.Equal(TimeResolution.Absolute, t.Resolution);
        Assert.Null(t.Relative);
    }

    [Fact]
    public void A_month_day_without_year_in_the_past_resolves_to_the_last_one()
    {
        AssertDay(Only("The company said on Monday that profits fell after the storm hit on August 25.", "August 25"), "2017-08-25");
    }

    [Fact]
    public void Years_decades_and_year_ranges()
    {
        var text = "Sales rose in 2016 after a slump in the 1990s and the 2015-16 season.";
        var all = Times(text);
        Assert.Equal(3, all.Length);
        Assert.Equal(TimeGranularity.Year, all[0].Granularity);
        Assert.Equal(new DateOnly(2016, 1, 1), all[0].Start);
        Assert.Equal(TimeGranularity.Decade, all[1].Granularity);
        Assert.Equal(new DateOnly(1999, 12, 31), all[1].End);
        Assert.Equal(new DateOnly(2015, 1, 1), all[2].Start);
        Assert.Equal(new DateOnly(2016, 12, 31), all[2].End);
    }

    [Fact]
    public void Early_and_late_narrow_a_year()
    {
        var t = Only("The plant will open in late 2018, officials said.", "2018");
        Assert.Equal(new DateOnly(2018, 9, 1), t.Start);
        Assert.Equal(new DateOnly(2018, 12, 31), t.End);
        Assert.Equal("late", t.Modifier);
    }

    // ---------------------------------------------------------------- relative phrases

    [Theory]
    [InlineData("The minister resigned yesterday.", "yesterday", "2017-09-29", "2017-09-29")]
    [InlineData("The minister will resign tomorrow.", "tomorrow", "2017-10-01", "2017-10-01")]
    [InlineData("Talks resume next month, diplomats said.", "next month", "2017-10-01", "2017-10-31")]
    [InlineData("Exports fell last month.", "last month", "2017-08-01", "2017-08-31")]
    [InlineData("The deal collapsed two weeks ago.", "two weeks ago", "2017-09-11", "2017-09-17")]
    [InlineData("The deal collapsed three days ago.", "three days ago", "2017-09-27", "2017-09-27")]
    [InlineData("Prices rose sharply earlier this month.", "earlier this month", "2017-09-01", "2017-09-30")]
    [InlineData("The ministry said on Friday talks could resume later this year.", "later this year", "2017-09-30", "2017-12-31")]
    [InlineData("The economy grew over the past three years.", "past three years", "2014-10-01", "2017-09-30")]
    [InlineData("Voters go to the polls next Saturday.", "next Saturday", "2017-10-07", "2017-10-07")]
    [InlineData("Protesters marched last Saturday.", "last Saturday", "2017-09-23", "2017-09-23")]
    [InlineData("The ban was lifted last night.", "last night", "2017-09-29", "2017-09-29")]
    [InlineData("The summit will take place next year.", "next year", "2018-01-01", "2018-12-31")]
    [InlineData("Parliament will debate the bill this autumn.", "this autumn", "2017-09-01", "2017-11-30")]
    [InlineData("The company lost money last summer.", "last summer", "2017-06-01", "2017-08-31")]
    [InlineData("Profits fell in the first quarter of 2017.", "first quarter", "2017-01-01", "2017-03-31")]
    [InlineData("A decision is expected within 30 days.", "within 30 days", "2017-09-30", "2017-10-30")]
    [InlineData("The talks will end early next year.", "early next year", "2018-01-01", "2018-04-30")]
    public void Relative_phrases_resolve_against_publication(string text, string phrase, string start, string end)
    {
        var t = Only(text, phrase);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), t.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), t.End);
        Assert.NotEqual(TimeResolution.Unresolved, t.Resolution);
    }

    [Theory]
    [InlineData("Officials will meet on Saturday.", "Saturday", "weekday:Saturday;future")]
    [InlineData("Officials met on Friday.", "Friday", "weekday:Friday;past")]
    [InlineData("The company said its profit fell last year.", "last year", "-1 year")]
    [InlineData("The ban takes effect in November.", "November", "month:November")]
    public void Without_a_publication_date_phrases_stay_relative(string text, string phrase, string relative)
    {
        var t = Only(text, phrase, published: null);
        Assert.Equal(TimeResolution.Unresolved, t.Resolution);
        Assert.Null(t.Start);
        Assert.Equal(relative, t.Relative);
    }

    [Theory]
    [InlineData("In recent weeks the rebels have advanced.", "-weeks;recent")]
    [InlineData("More troops will arrive in the coming days.", "+days")]
    public void Vague_phrases_stay_unresolved(string text, string relative)
    {
        var t = Assert.Single(Times(text));
        Assert.Equal(TimeResolution.Unresolved, t.Resolution);
        Assert.Equal(relative, t.Relative);
    }

    // ---------------------------------------------------------------- what is not a time

    [Theory]
    [InlineData("Theresa May spoke to reporters.")]
    [InlineData("Shoppers crowded the stores on Black Friday.")]
    [InlineData("The Sunday Times reported the story.")]
    [InlineData("Officials may decide to act.")]
    [InlineData("The fall of the city shocked the world.")]
    [InlineData("About 2,000 people were evacuated.")]
    [InlineData("The company employs 2000 workers.")]
    public void Names_verbs_and_counts_are_not_times(string text)
    {
        Assert.Empty(Times(text));
    }
}

public class FactPipelineTests
{
    [Fact]
    public void Fact_components_run_in_the_default_pipeline_on_a_sample()
    {
        var pipeline = Parallax.Nlp.Facts.FactComponents.CreatePipeline();
        Assert.Contains("parallax.times@1", pipeline.Signature, StringComparison.Ordinal);
        var text = FactsTestDocs.Sample(FactsTestDocs.Sample000);
        var doc = pipeline.Run(new Document(text, new DocumentInfo { Published = new DateTimeOffset(2017, 9, 30, 9, 0, 0, TimeSpan.Zero) }));
        Assert.Contains(doc.Get(Layers.Times).Expressions, t => text[t.Range.Start..t.Range.End] == "on Monday" && t.Start == new DateOnly(2017, 9, 25));
        Assert.Contains(doc.Get(Layers.Quantities).Quantities, q => q.Value == 25e6 && q.Unit == "people");
    }

    [Fact]
    public void Roles_require_entities_and_the_pipeline_says_so()
    {
        var ex = Assert.Throws<ParallaxException>(() => Pipeline.Create(new Parallax.Nlp.Text.TokenizerComponent(), new Parallax.Nlp.Text.SentenceComponent(), new Parallax.Nlp.Roles.RoleComponent()));
        Assert.Equal(ErrorCodes.PipelineOrder, ex.Code);
    }
}
