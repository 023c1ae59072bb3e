using Parallax.Core;
using Parallax.Nlp.Quotes;
using Parallax.Testing;
using static Parallax.Nlp.Tests.QuotesTestDocuments;

namespace Parallax.Nlp.Tests;

/// <summary>
/// The first Tillerson sample (the real file): every quote of Einar Tangen, John McCain and Susan Thornton and the
/// Russian ministry's statement carries the right speaker; so do Lu Kang's and McMaster's reported speech.
/// Everything runs through the real pipeline (tokenizer, sentence splitter, NER model, quotes).
/// </summary>
public sealed class QuotesSampleTests
{
    private static readonly Lazy<Document> Sample = new(() => Run("000_8bd32afc6ad81d3d.txt"));

    /// <summary>The real pipeline: tokens, sentences, the NER model, then quotes.</summary>
    private static Document Run(string file) =>
        NlpPipeline.CreateDefault([new QuoteComponent()]).Run(new Document(File.ReadAllText(Path.Combine(RepoPaths.TillersonSample, file))));

    [Theory]
    [InlineData("From the Chinese perspective, they see two speeding trains", "Einar Tangen", true)]
    [InlineData("there’s not much more Beijing can do", "Einar Tangen", false)]
    [InlineData("China has not done anything for the last three presidents", "John McCain", true)]
    [InlineData("he was sceptical", "John McCain", false)]
    [InlineData("may be faced with “unacceptable options”", "John McCain", false)]
    [InlineData("We are not seeking regime change or collapse", "Susan Thornton", true)]
    [InlineData("The Russian side confirmed its readiness", "Russian Foreign ministry", true)]
    [InlineData("Moscow, meanwhile, is prepared to work with Pyongyang", "Russian Foreign ministry", false)]
    [InlineData("the United States had issued many “positive signals”", "Lu Kang", false)]
    [InlineData("even options such as a naval blockade", "HR McMaster", false)]
    [InlineData("there was no set list of preconditions for talks", "HR McMaster", false)]
    [InlineData("Pyongyang’s capabilities had advanced too far", "HR McMaster", false)]
    public void Quote_has_the_right_speaker(string fragment, string speaker, bool direct)
    {
        var doc = Sample.Value;
        var q = QuoteWith(doc, fragment);
        Assert.Equal(speaker, q.Speaker);
        Assert.Equal(direct, q.Direct);
        Assert.NotEqual(SpeakerResolution.Unresolved, q.Resolution);
    }

    [Fact]
    public void Ministry_statement_is_resolved_through_it()
    {
        var q = QuoteWith(Sample.Value, "The Russian side confirmed its readiness");
        Assert.Equal(SpeakerResolution.Pronoun, q.Resolution);
        Assert.Equal("it", q.Source!.Value.Of(Sample.Value.Text));
    }

    [Fact]
    public void Quote_paragraph_without_attribution_continues_Tangen()
    {
        var q = QuoteWith(Sample.Value, "From the US side, a nuclear armed North Korea");
        Assert.Equal("Einar Tangen", q.Speaker);
        Assert.Equal(SpeakerResolution.Continuation, q.Resolution);
        Assert.True(q.Direct);
        Assert.EndsWith("if they want to resolve this.", Content(Sample.Value, q), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_direct_quote_of_the_sample_has_a_speaker()
    {
        var direct = AllQuotes(Sample.Value).Where(q => q.Direct).ToList();
        Assert.Equal(5, direct.Count);
        Assert.All(direct, q => Assert.NotNull(q.Speaker));
    }

    [Fact]
    public void Lu_Kang_is_the_speaker_in_the_second_sample_too()
    {
        var doc = Run("003_b954ae2e1036d3dd.txt");
        var q = QuoteWith(doc, "talks would centre on");
        Assert.Equal("Lu Kang", q.Speaker);
        Assert.Equal("said", q.Cue!.Value.Of(doc.Text));
        Assert.Contains("“issues regarding the improvement of bilateral ties", Content(doc, q), StringComparison.Ordinal);
    }
}
