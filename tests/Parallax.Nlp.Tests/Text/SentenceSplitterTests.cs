using Parallax.Core;
using Parallax.Nlp.Text;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Text;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var doc = NlpPipeline.CreateDefault().Run(new Document(text));
        return doc.Get(Layers.Sentences).Sentences.Select(s => text[s.Range.Start..s.Range.End]).ToArray();
    }

    [Fact]
    public void Splits_plain_sentences()
    {
        Assert.Equal(
            ["Choe also met with Russian Deputy Foreign Minister Igor Morgulov, the ministry said.", "Still, it is unclear how and when negotiations with Pyongyang might be possible."],
            Sentences("Choe also met with Russian Deputy Foreign Minister Igor Morgulov, the ministry said. Still, it is unclear how and when negotiations with Pyongyang might be possible."));
    }

    [Fact]
    public void Titles_and_initials_do_not_end_a_sentence()
    {
        Assert.Single(Sentences("Mr. Tillerson met Dr. Smith and J. R. R. Tolkien's heirs on Jan. 5 in St. Louis."));
        Assert.Single(Sentences("White House National Security Adviser HR McMaster said on Monday even options such as a naval blockade carried risks."));
        Assert.Single(Sentences("It is the world's No. 2 economy and the U.S. Senate agreed."));
    }

    [Fact]
    public void An_abbreviation_ends_a_sentence_before_a_usual_sentence_start()
    {
        Assert.Equal(
            ["The talks were held in the U.S.", "The next round is in China."],
            Sentences("The talks were held in the U.S. The next round is in China."));
        Assert.Equal(
            ["He joined Apple Inc.", "He left in 2015."],
            Sentences("He joined Apple Inc. He left in 2015."));
    }

    [Fact]
    public void A_quotation_can_span_several_sentences()
    {
        var text = "“From the US side, a nuclear armed North Korea capable of delivering a strike against US territory is unacceptable. So you have two groups who are not willing to budge an inch. What we need here is diplomacy, not deal-makers. It will require outside-the-box thinking by China and Russia if they want to resolve this.”";
        var sentences = Sentences(text);
        Assert.Equal(4, sentences.Length);
        Assert.StartsWith("“From the US side", sentences[0], StringComparison.Ordinal);
        Assert.Equal("It will require outside-the-box thinking by China and Russia if they want to resolve this.”", sentences[3]);
    }

    [Fact]
    public void Curly_quotes_close_a_sentence()
    {
        Assert.Equal(
            ["“We are not seeking regime change or collapse.”", "Thornton said so on Monday."],
            Sentences("“We are not seeking regime change or collapse.” Thornton said so on Monday."));
    }

    [Fact]
    public void Straight_quotes_close_or_open_by_position()
    {
        Assert.Equal(
            ["\"We are done.\"", "He left.", "\"Good,\" she said."],
            Sentences("\"We are done.\" He left. \"Good,\" she said."));
    }

    [Fact]
    public void Attribution_after_a_quoted_question_stays_in_the_sentence()
    {
        Assert.Single(Sentences("“Should you be worried?” he asked."));
        Assert.Single(Sentences("“The Russian side confirmed its readiness to combine efforts by peaceful means,” it said."));
    }

    [Fact]
    public void Datelines_stay_with_the_first_sentence()
    {
        Assert.Equal(
            ["BEIJING -- China said on Friday it would cut off gas.", "It made no mention of crude oil."],
            Sentences("BEIJING -- China said on Friday it would cut off gas. It made no mention of crude oil."));
        Assert.Single(Sentences("WASHINGTON (Reuters) - The U.S. Senate on Thursday approved the plan."));
    }

    [Fact]
    public void Ellipsis_before_a_lowercase_word_continues()
    {
        Assert.Single(Sentences("We will see ... maybe next year."));
    }

    [Fact]
    public void A_headline_paragraph_is_its_own_sentence()
    {
        var text = "Russia in secret talks with North Korea\n\nThe comments came in a statement issued by the ministry.";
        Assert.Equal(["Russia in secret talks with North Korea", "The comments came in a statement issued by the ministry."], Sentences(text));
    }

    [Fact]
    public void Sentences_of_the_samples_tile_their_paragraphs()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.TillersonSample, "*.txt"))
        {
            var text = File.ReadAllText(file);
            var doc = NlpPipeline.CreateDefault().Run(new Document(text));
            var tokens = doc.Get(Layers.Tokens);
            var sentences = doc.Get(Layers.Sentences).Sentences;
            var paragraphs = doc.BodyParagraphs;
            int next = 0;
            foreach (var s in sentences)
            {
                Assert.Equal(next, s.FirstToken);
                Assert.True(s.TokenCount > 0);
                Assert.True(paragraphs[s.Paragraph].Contains(s.Range));
                next = s.EndToken;
            }

            Assert.Equal(tokens.Count, next);

            // no sentence of these articles is short enough to be a broken abbreviation split
            Assert.DoesNotContain(sentences, s => s.TokenCount == 1);
        }
    }

    [Fact]
    public void Splits_the_sample_paragraph_with_a_spanning_quote_and_attribution()
    {
        var sentences = new List<string>();
        foreach (var file in Directory.GetFiles(RepoPaths.TillersonSample, "*.txt"))
        {
            var text = File.ReadAllText(file);
            var doc = NlpPipeline.CreateDefault().Run(new Document(text));
            sentences.AddRange(doc.Get(Layers.Sentences).Sentences.Select(s => text[s.Range.Start..s.Range.End]));
        }

        Assert.Contains("North Korea has enshrined its nuclear programme in its constitution, there’s no way they are going to give up what they see as the only point of leverage,” Tangen told Al Jazeera.", sentences);
        Assert.Contains("Mr Tillerson is making his second visit in office to the world’s No 2 economy and chief American rival for influence in Asia, and increasingly, the world.", sentences);
    }

    [Fact]
    public void Default_pipeline_declares_its_components()
    {
        var pipeline = NlpPipeline.CreateDefault();
        Assert.StartsWith("parallax.tokens@1 > parallax.sentences@1", pipeline.Signature, StringComparison.Ordinal);
    }
}
