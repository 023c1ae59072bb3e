using Parallax.Core;

namespace Parallax.Ingestion.Tests;

public class FeedReaderTests
{
    [Fact]
    public void Rss_items_with_content_encoded_become_articles()
    {
        const string rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel>
                <title>World News</title>
                <item>
                  <title>Tillerson in China for North Korea talks</title>
                  <link>https://www.example.com/news/tillerson-china</link>
                  <pubDate>Sat, 30 Sep 2017 08:00:00 GMT</pubDate>
                  <dc:creator>Jane Reporter</dc:creator>
                  <description>Short teaser.</description>
                  <content:encoded><![CDATA[<p>US Secretary of State Rex Tillerson will hold top-level talks in China on Saturday.</p><p>The US sees China as critical to averting a military confrontation with Pyongyang.</p>]]></content:encoded>
                </item>
                <item>
                  <title>Second item</title>
                  <description>Beijing ordered North Korean firms to close by January, the commerce ministry said on Thursday.</description>
                </item>
                <item><title>Empty</title></item>
              </channel>
            </rss>
            """;
        var outcomes = TestInputs.ReadText(rss, "feed.xml");
        var drafts = outcomes.OfType<ArticleRead>().Select(a => a.Draft).ToList();
        Assert.Equal(2, drafts.Count);
        var first = drafts[0];
        Assert.Equal("Tillerson in China for North Korea talks", first.Title);
        Assert.Equal("World News", first.Source);
        Assert.Equal(new DateTimeOffset(2017, 9, 30, 8, 0, 0, TimeSpan.Zero), first.Published);
        Assert.Equal(["Jane Reporter"], first.Authors);
        Assert.Equal("US Secretary of State Rex Tillerson will hold top-level talks in China on Saturday.\n\nThe US sees China as critical to averting a military confrontation with Pyongyang.", first.Text);
        var failure = TestInputs.Failure(outcomes);
        Assert.Equal(3, failure.Origin.Record);
        Assert.Equal(ErrorCodes.InputNoArticle, failure.Code);
    }

    [Fact]
    public void Atom_entries_become_articles()
    {
        const string atom = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Example Wire</title>
              <entry>
                <title>China says it will enforce UN resolutions</title>
                <link rel="alternate" href="https://wire.example.org/2017/09/29/china-un"/>
                <published>2017-09-29T10:00:00Z</published>
                <author><name>Wire Staff</name></author>
                <content type="html">&lt;p&gt;China says it will strictly and fully enforce UN resolutions against North Korea, its commerce ministry said.&lt;/p&gt;</content>
              </entry>
            </feed>
            """;
        var draft = TestInputs.Single(TestInputs.ReadText(atom, "wire.atom"));
        Assert.Equal("https://wire.example.org/2017/09/29/china-un", draft.Url);
        Assert.Equal(["Wire Staff"], draft.Authors);
        Assert.StartsWith("China says it will strictly", draft.Text, StringComparison.Ordinal);
        Assert.Equal("feed", draft.Format);
    }
}
