using Parallax.Core;
using Parallax.Ingestion.Cleaning;

namespace Parallax.Ingestion.Tests;

public class CleaningTests
{
    private static CleaningResult Clean(string text, bool findTitle = false) => ArticleCleaner.Clean(text, new CleaningHints { FindTitle = findTitle });

    private static List<(string Text, ExclusionKind Kind, string Rule)> Excluded(string text, CleaningResult result) =>
        result.Layer.Excluded.Select(e => (e.Range.Of(text), e.Kind, e.Rule)).ToList();

    [Fact]
    public void Teasers_interrupting_sample_000_are_marked_but_its_subheading_is_kept_apart()
    {
        var draft = TestInputs.Single(TestInputs.Read(TestInputs.Sample000));
        var teasers = TestInputs.ExcludedTexts(draft, ExclusionKind.RelatedTeaser).ToList();
        Assert.Contains("OPINION: Should you be worried about North Korea?", teasers);
        Assert.Contains("North Korea’s nuclear weapons: Here is what we know", teasers);
        Assert.Contains("Russia in secret talks with North Korea", teasers);
        Assert.Contains("Covering the North Korean threat – The Listening Post", teasers);
        Assert.Equal(["‘Unacceptable options’"], TestInputs.ExcludedTexts(draft, ExclusionKind.Subheading));

        // the body keeps the prose around them
        Assert.Contains("Moscow, meanwhile, is prepared to work with Pyongyang", draft.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Listening Post", draft.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Comment_notices_at_the_end_of_sample_003_are_marked()
    {
        var draft = TestInputs.Single(TestInputs.Read(TestInputs.Sample003));
        var notices = TestInputs.ExcludedTexts(draft, ExclusionKind.CommentNotice).ToList();
        Assert.Equal(["Sorry we are not currently accepting comments on this article.", "Comments are closed."], notices);
        Assert.EndsWith("had simply been under-prepared for his meetings.", draft.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Share_subscribe_and_photo_credit_lines_are_marked_with_their_rule()
    {
        const string prose = "The ministry said on Friday that talks would continue next week, according to a statement issued in Beijing.";
        var text = $"{prose}\n\nShare this article\n\nSign up for our daily newsletter to get the news in your inbox\n\nPhoto: Reuters/Jason Lee\n\n{prose}";
        var result = Excluded(text, Clean(text));
        Assert.Contains(("Share this article", ExclusionKind.SharePrompt, "share-prompt"), result);
        Assert.Contains(("Sign up for our daily newsletter to get the news in your inbox", ExclusionKind.SubscribePrompt, "subscribe-prompt"), result);
        Assert.Contains(("Photo: Reuters/Jason Lee", ExclusionKind.PhotoCredit, "photo-credit"), result);
    }

    [Fact]
    public void A_headline_whose_words_recur_below_is_a_subheading_not_a_teaser()
    {
        const string before = "Officials in Seoul said the talks had been difficult but that both sides wanted to continue them.";
        const string after = "Sanctions on coal exports have cut the North's revenue sharply, diplomats said on Thursday.";
        var text = $"{before}\n\nCoal sanctions bite\n\n{after}";
        var result = Excluded(text, Clean(text));
        Assert.Equal([("Coal sanctions bite", ExclusionKind.Subheading, "echoed-subheading")], result);
    }

    [Fact]
    public void Short_lines_outside_prose_are_not_teasers()
    {
        // a list of items between short lines is content, not interruptions
        var text = "Ingredients\n\nTwo eggs\n\nFresh basil leaves\n\nSalt and pepper";
        Assert.Empty(Clean(text).Layer.Excluded);
    }

    [Fact]
    public void Long_prose_mentioning_comments_is_not_a_comment_notice()
    {
        var text = "Comments are closed on most of the ministry's social media accounts, a spokesman said, after a flood of abuse that followed the announcement.";
        Assert.Empty(Clean(text).Layer.Excluded);
    }

    [Fact]
    public void A_text_without_blank_lines_is_cleaned_line_by_line()
    {
        var text = "Sports\nLocal team wins the regional final after extra time\nThe home side scored twice in the last ten minutes to take the title.\nComments are closed.";
        var result = Clean(text, findTitle: true);
        Assert.Equal("Local team wins the regional final after extra time", result.TitleOf(text));
        Assert.Equal(["The home side scored twice in the last ten minutes to take the title."], result.Layer.Paragraphs.Select(p => p.Of(text)));
    }
}
