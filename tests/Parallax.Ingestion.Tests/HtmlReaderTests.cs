using System.Text;
using Parallax.Core;
using Parallax.Ingestion.Evaluation;
using Parallax.Ingestion.Html;

namespace Parallax.Ingestion.Tests;

public class HtmlReaderTests
{
    // Pages of the shared article-extraction set (read at test time, never copied): a news site, a blog, an Italian page.
    [Theory]
    [InlineData("06ee193d")] // slashgear.com
    [InlineData("35b15891")] // cleveland.com: article inside an app wrapper with a furniture-like id
    [InlineData("20b2b649")] // remember8090.it, Italian
    [InlineData("7916ecca")] // aljazeera.com: a form around the whole page
    public void Real_pages_yield_their_article_body(string id)
    {
        var (html, truth, url) = TestInputs.ExtractionPage(id);
        var (text, _) = ExtractionEvaluation.ExtractText(html, url);
        var score = ExtractionMetric.ScorePage(id, truth, text);
        Assert.True(score.Precision >= 0.9 && score.Recall >= 0.9, $"precision {score.Precision:F3}, recall {score.Recall:F3}\n{text}");
    }

    [Fact]
    public void The_cascade_order_decides_which_extractor_reads_a_page()
    {
        var (html, truth, url) = TestInputs.ExtractionPage("06ee193d");
        var (ownText, own) = ExtractionEvaluation.ExtractText(html, url);
        var (smartText, smart) = ExtractionEvaluation.ExtractText(html, url, ExtractionCascade.SmartReaderFirst);
        Assert.StartsWith("own", own, StringComparison.Ordinal);
        Assert.Equal("smartreader", smart);
        // both read the article; which one reads better over the whole set is `parallax eval extract --cascade ...`
        Assert.True(ExtractionMetric.ScorePage("own", truth, ownText).Recall >= 0.9);
        Assert.True(ExtractionMetric.ScorePage("smart", truth, smartText).Recall >= 0.5);
    }

    [Fact]
    public void Page_metadata_is_read_from_meta_tags_and_json_ld()
    {
        var (html, _, _) = TestInputs.ExtractionPage("042bb7b5"); // wsj.com
        var draft = TestInputs.Single(TestInputs.ReadBytes(html, "wsj.html"));
        Assert.Equal("Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay", draft.Title);
        Assert.Equal("html", draft.Format);
        Assert.Equal("wsj.com", draft.SourceDomain);
        Assert.Equal(new DateTimeOffset(2019, 11, 19, 13, 3, 0, TimeSpan.Zero), draft.Published);
        Assert.Contains("Sarah E. Needleman", draft.Authors);
        Assert.StartsWith("https://www.wsj.com/articles/", draft.CanonicalUrl, StringComparison.Ordinal);
        Assert.Equal("en", draft.Language);
    }

    [Fact]
    public void Gzipped_page_is_read_like_the_page()
    {
        var (html, _, _) = TestInputs.ExtractionPage("06ee193d");
        var plain = TestInputs.Single(TestInputs.ReadBytes(html, "a.html"));
        var zipped = TestInputs.Single(TestInputs.ReadBytes(TestInputs.Gzip(html), "a.html.gz"));
        Assert.Equal(plain.Text, zipped.Text);
    }

    [Fact]
    public void Windows1252_page_reads_right()
    {
        Input.TextDecoder.EnsureCodePages();
        var html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><title>Pékin</title></head><body><article>" +
            "<h1>Pékin accueille Tillerson</h1><p>Le secrétaire d’État américain a rencontré à Pékin les dirigeants chinois, qui ont évoqué « la Corée du Nord ».</p>" +
            "<p>Les négociations, jugées « difficiles », se poursuivront en novembre lors de la visite du président à Pékin.</p></article></body></html>";
        var draft = TestInputs.Single(TestInputs.ReadBytes(Encoding.GetEncoding(1252).GetBytes(html), "page.html"));
        Assert.Contains("Le secrétaire d’État américain", draft.Text, StringComparison.Ordinal);
        Assert.Contains("« difficiles »", draft.Text, StringComparison.Ordinal);
        Assert.Equal("fr", draft.Language);
    }

    [Fact]
    public void Paragraphs_are_separated_by_blank_lines_and_subheadings_are_marked()
    {
        var html = "<html><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>" +
            "<p>US Secretary of State Rex Tillerson will hold top-level talks in China on Saturday, officials said.</p>" +
            "<h2>Trade surplus</h2><p>Mr Tillerson is also expected to restate concerns about China's massive trade surplus with the US.</p>" +
            "<div class=\"social-share\"><a href=\"#\">Share on Facebook</a></div>" +
            "<p>Washington wants Beijing to make good on its promise to let market forces have a bigger role, he said.</p></article>" +
            "<aside><p>Most read: something else entirely, which is not this article at all.</p></aside></body></html>";
        var draft = TestInputs.Single(TestInputs.ReadText(html, "page.html"));
        Assert.Equal(4, draft.Text.Split("\n\n").Length);
        Assert.DoesNotContain("Share on Facebook", draft.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Most read", draft.Text, StringComparison.Ordinal);
        Assert.Equal(["Trade surplus"], TestInputs.ExcludedTexts(draft, ExclusionKind.Subheading));
    }

    [Fact]
    public void A_page_without_article_text_is_a_failure()
    {
        var html = "<html><body><nav><a href=\"/a\">A</a></nav><div id=\"app\"></div><script>render()</script></body></html>";
        var failure = TestInputs.Failure(TestInputs.ReadText(html, "spa.html"));
        Assert.Equal(ErrorCodes.InputNoArticle, failure.Code);
    }

    [Fact]
    public void Light_parser_survives_broken_markup()
    {
        var html = "<html><body><div><p>Unclosed <b>bold <i>both</b> text</p></div></span></div><p>Second &amp; last paragraph &#8212; with entities&nbsp;here.</p><!-- unterminated";
        var doc = LightHtml.Parse(html);
        var text = MainTextExtractor.FragmentText(doc).Text;
        Assert.Contains("Unclosed bold both text", text, StringComparison.Ordinal);
        Assert.Contains("Second & last paragraph — with entities here.", text, StringComparison.Ordinal);
    }
}
