using Parallax.Core;
using Parallax.Nlp.Quotes;
using Parallax.Testing;

namespace Parallax.Nlp.Tests;

/// <summary>The PolNeAR reader and the attribution scorer.</summary>
public sealed class QuotesPolnearTests
{
    private static readonly string[] Ann =
    [
        "T1\tSource 0 11\tPat Caddell",
        "T2\tCue 11 12\t:",
        "T3\tContent 13 98\tDemocrat Voters",
        "T4\tAttribution 11 12\t:",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T9\tContent 315 448;463 553\t“One of the things” “Yesterday”",
        "T10\tCue 449 453\tsaid",
        "T11\tSource 454 461\tCaddell",
        "T12\tAttribution 449 453\tsaid",
        "E3\tAttribution:T12 Source:T11 Cue:T10 Content:T9",
        "T20\tCue 600 610\treportedly",
        "T21\tContent 611 640\tsomething",
        "T22\tAttribution-no-source 600 610\treportedly",
        "E4\tAttribution-no-source:T22 Content:T21 Cue:T20",
        "T30\tDiscard 700 720\tFollow us on Twitter",
        "#1\tAnnotatorNotes T30\ta note",
    ];

    [Fact]
    public void Reader_joins_discontinuous_spans_and_keeps_sourceless_attributions()
    {
        var attributions = PolnearCorpus.ParseAnn(Ann);
        Assert.Equal(3, attributions.Count);
        Assert.Equal([new TextRange(315, 448), new TextRange(463, 553)], attributions[1].Content.Parts);
        Assert.Null(attributions[2].Source);
        Assert.Equal(new TextRange(454, 461), attributions[1].Source!.Parts[0]);
    }

    [Fact]
    public void Dev_split_counts_each_article_once()
    {
        var dir = RepoPaths.DataFile("polnear", "dev");
        var once = PolnearCorpus.Read(dir);
        var all = PolnearCorpus.Read(dir, oneAnnotatorPerArticle: false);
        Assert.Equal(84, once.Count);
        Assert.True(all.Count > once.Count);
        Assert.Equal(once.Count, once.Select(d => d.Article).Distinct(StringComparer.Ordinal).Count());
        Assert.All(once, d => Assert.NotEmpty(d.Attributions));
    }

    [Fact]
    public void Scorer_gives_full_marks_to_the_gold_itself_and_none_to_nothing()
    {
        var doc = PolnearCorpus.Read(RepoPaths.DataFile("polnear", "dev"))[0];
        var perfect = new AttributionScorer();
        perfect.Add(doc.Text, doc.Attributions, doc.Attributions);
        var p = perfect.Result();
        Assert.Equal(1.0, p.Attribution.F1);
        Assert.Equal(1.0, p.Exact.Content.F1);
        var empty = new AttributionScorer();
        empty.Add(doc.Text, doc.Attributions, []);
        Assert.Equal(0, empty.Result().Content.Recall);
    }

    [Fact]
    public void Span_match_needs_half_the_tokens_in_common()
    {
        const string text = "Pat Caddell told Breitbart News Daily host Alex Marlow on Thursday.";
        var gold = new GoldAttribution(new BratSpan([new TextRange(0, 11)]), new BratSpan([new TextRange(12, 16)]), new BratSpan([new TextRange(17, 53)]));
        // content "Breitbart News Daily host" vs gold "Breitbart News Daily host Alex Marlow": 4 of 6 tokens
        var near = gold with { Content = new BratSpan([new TextRange(17, 42)]) };
        // content "Alex Marlow": 2 of 6 tokens
        var far = gold with { Content = new BratSpan([new TextRange(43, 53)]) };
        var a = new AttributionScorer();
        a.Add(text, [gold], [near]);
        Assert.Equal(1.0, a.Result().Content.F1);
        Assert.Equal(0.0, a.Result().Exact.Content.F1);
        var b = new AttributionScorer();
        b.Add(text, [gold], [far]);
        Assert.Equal(0.0, b.Result().Content.F1);
    }
}
