using Parallax.Core;
using static Parallax.Nlp.Tests.QuotesTestDocuments;

namespace Parallax.Nlp.Tests;

/// <summary>Quote layouts and speaker resolution, on real sentences from the samples and PolNeAR.</summary>
public sealed class QuotesTests
{
    [Fact]
    public void Quote_split_by_its_attribution_is_one_speaker()
    {
        var doc = Annotate(
            "That position, but Pence was adamant.\n\n“It is a tough charge,” Pence said. “But, come on.”\n\nEarlier this week, Todd pressed him.",
            ("Pence", EntityType.Person), ("Todd", EntityType.Person));
        var first = QuoteWith(doc, "It is a tough charge");
        var second = QuoteWith(doc, "But, come on.");
        Assert.Equal("Pence", first.Speaker);
        Assert.Equal(first.Cue, second.Cue);
        Assert.Equal("Pence", second.Speaker);
        Assert.True(first.Direct && second.Direct);
        Assert.Equal("said", first.Cue!.Value.Of(doc.Text));
    }

    [Fact]
    public void Said_before_the_name_after_a_quote()
    {
        var doc = Annotate(
            "“This is in their heads. This is in their consciousness,” said Caddell, speaking of Clinton’s health issue.",
            ("Caddell", EntityType.Person), ("Clinton", EntityType.Person));
        var q = QuoteWith(doc, "This is in their heads");
        Assert.Equal("Caddell", q.Speaker);
        Assert.Equal(SpeakerResolution.Named, q.Resolution);
        Assert.Equal("This is in their heads. This is in their consciousness,", Content(doc, q));
    }

    [Fact]
    public void Cue_and_colon_introduce_a_quote_in_the_next_paragraph()
    {
        var doc = Annotate(
            "Caddell continued:\n\n\"The health issue overall is very much a partisan issue, but that doesn't account for almost the same numbers here.\"",
            ("Caddell", EntityType.Person));
        var q = QuoteWith(doc, "The health issue overall");
        Assert.Equal("Caddell", q.Speaker);
        Assert.True(q.Direct);
        Assert.Equal("continued", q.Cue!.Value.Of(doc.Text));
    }

    [Fact]
    public void Reported_speech_skips_the_time_and_that()
    {
        var doc = Annotate(
            "Chinese foreign ministry spokesman Lu Kang said on Friday that talks would centre on bilateral ties.",
            ("Lu Kang", EntityType.Person));
        var q = Assert.Single(AllQuotes(doc));
        Assert.Equal("talks would centre on bilateral ties", Content(doc, q));
        Assert.Equal("Lu Kang", q.Speaker);
        Assert.False(q.Direct);
        Assert.Equal("Chinese foreign ministry spokesman Lu Kang", q.Source!.Value.Of(doc.Text));
    }

    [Fact]
    public void According_to_names_the_source_after_the_content()
    {
        var doc = Annotate(
            "The campaign is paying dozens of canvassers $15 an hour to go door to door, according to campaign manager Jeff Weaver.",
            ("Jeff Weaver", EntityType.Person));
        var q = Assert.Single(AllQuotes(doc));
        Assert.Equal("according to", q.Cue!.Value.Of(doc.Text));
        Assert.Equal("campaign manager Jeff Weaver", q.Source!.Value.Of(doc.Text));
        Assert.StartsWith("The campaign is paying", Content(doc, q), StringComparison.Ordinal);
        Assert.Equal("Jeff Weaver", q.Speaker);
    }

    [Fact]
    public void Short_name_shows_the_fullest_name_of_the_person()
    {
        var doc = Annotate(
            "Einar Tangen, a political analyst, spoke on Friday.\n\n“There is no way they are going to give up,” Tangen told Al Jazeera.",
            ("Einar Tangen", EntityType.Person), ("Tangen", EntityType.Person), ("Al Jazeera", EntityType.Organization));
        var q = QuoteWith(doc, "There is no way");
        Assert.Equal("Einar Tangen", q.Speaker);
        Assert.Equal("told Al Jazeera", q.Cue!.Value.Of(doc.Text));
    }

    [Fact]
    public void She_resolves_to_the_nearest_woman_not_the_nearest_person()
    {
        var doc = Annotate(
            "Ms Susan Thornton met John McCain in Washington.\n\n“We are not seeking regime change or collapse,” she said.",
            ("Susan Thornton", EntityType.Person), ("John McCain", EntityType.Person));
        var q = QuoteWith(doc, "We are not seeking");
        Assert.Equal("Susan Thornton", q.Speaker);
        Assert.Equal(SpeakerResolution.Pronoun, q.Resolution);
    }

    [Fact]
    public void They_is_left_unresolved()
    {
        var doc = Annotate(
            "Officials met in Beijing.\n\n“We are not seeking regime change or collapse,” they said.",
            ("Beijing", EntityType.Location));
        var q = QuoteWith(doc, "We are not seeking");
        Assert.Equal(SpeakerResolution.Unresolved, q.Resolution);
        Assert.Null(q.Speaker);
        Assert.Equal(-1, q.Entity);
    }

    [Fact]
    public void Straight_quotes_work_like_curly_ones()
    {
        var doc = Annotate(
            "\"That's a pretty clear statement by Congress, unambiguous, and it will receive near-unanimous support,\" Cardin said.",
            ("Cardin", EntityType.Person));
        var q = Assert.Single(AllQuotes(doc));
        Assert.Equal("Cardin", q.Speaker);
        Assert.True(q.Direct);
        Assert.StartsWith("That's a pretty clear", Content(doc, q), StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_left_open_at_a_paragraph_end_continues_in_the_next()
    {
        var doc = Annotate(
            "“From the Chinese perspective, they see two speeding trains on the same track.\n\n“North Korea has enshrined its nuclear programme in its constitution,” Tangen told Al Jazeera.",
            ("Tangen", EntityType.Person), ("Al Jazeera", EntityType.Organization), ("North Korea", EntityType.Location));
        var first = QuoteWith(doc, "two speeding trains");
        var second = QuoteWith(doc, "enshrined its nuclear");
        Assert.Equal("Tangen", first.Speaker);
        Assert.Equal("Tangen", second.Speaker);
        Assert.Equal(first.Cue, second.Cue);
    }

    [Fact]
    public void Partial_quote_is_part_of_the_reported_speech()
    {
        var doc = Annotate(
            "McCain has repeatedly warned the United States may be faced with “unacceptable options”.",
            ("McCain", EntityType.Person), ("United States", EntityType.Location));
        var q = Assert.Single(AllQuotes(doc));
        Assert.Equal("McCain", q.Speaker);
        Assert.Equal("has repeatedly warned", q.Cue!.Value.Of(doc.Text));
        Assert.Contains("“unacceptable options”", Content(doc, q), StringComparison.Ordinal);
        Assert.False(q.Direct);
    }

    [Fact]
    public void Scare_quotes_without_a_cue_are_not_quotes()
    {
        var doc = Annotate(
            "The so-called “maximum pressure” campaign began in the spring, and its “results” are disputed.",
            ("Washington", EntityType.Location));
        Assert.Empty(AllQuotes(doc));
    }

    [Fact]
    public void The_spokesman_resolves_to_the_person_with_that_role()
    {
        var doc = Annotate(
            "Chinese Foreign Ministry spokesman Lu Kang met reporters. Rex Tillerson arrived later.\n\nThe United States had issued many positive signals, the spokesman said.",
            ("Lu Kang", EntityType.Person), ("Rex Tillerson", EntityType.Person), ("United States", EntityType.Location),
            ("Chinese Foreign Ministry", EntityType.Organization));
        var q = QuoteWith(doc, "many positive signals");
        Assert.Equal("Lu Kang", q.Speaker);
        Assert.Equal(SpeakerResolution.Description, q.Resolution);
    }

    [Fact]
    public void Unknown_description_is_not_guessed()
    {
        var doc = Annotate(
            "Rex Tillerson arrived in Beijing.\n\nTalks would centre on trade, the official said.",
            ("Rex Tillerson", EntityType.Person), ("Beijing", EntityType.Location));
        var q = QuoteWith(doc, "Talks would centre");
        Assert.Equal(SpeakerResolution.Unresolved, q.Resolution);
        Assert.Null(q.Speaker);
    }

    [Fact]
    public void Offsets_point_into_the_original_text()
    {
        const string text = "“We are not seeking regime change or collapse,” State Department Assistant Secretary Susan Thornton, who is traveling with Tillerson, told a Senate hearing.";
        var doc = Annotate(text, ("Susan Thornton", EntityType.Person), ("Tillerson", EntityType.Person), ("State Department", EntityType.Organization));
        var q = Assert.Single(AllQuotes(doc));
        Assert.Equal("We are not seeking regime change or collapse,", text[q.Content.Start..q.Content.End]);
        Assert.Equal("told a Senate hearing", text[q.Cue!.Value.Start..q.Cue.Value.End]);
        Assert.Equal("Susan Thornton", q.Speaker);
    }
}
