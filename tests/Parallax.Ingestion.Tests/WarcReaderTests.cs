using System.Text;
using Parallax.Core;

namespace Parallax.Ingestion.Tests;

public class WarcReaderTests
{
    private const string Page1 = "<html><head><title>Tillerson in Beijing</title></head><body><article><p>US Secretary of State Rex Tillerson arrived in Beijing on Saturday for talks with President Xi Jinping, officials said.</p><p>The visit prepares President Trump's trip to China in November, the State Department said in a statement.</p></article></body></html>";
    private const string Page2 = "<html><head><title>Sanctions bite</title></head><body><article><p>China ordered North Korean firms to close by January, days after it cut off gas supplies, the commerce ministry said.</p><p>Beijing says the impasse cannot be solved by sanctions alone and urges dialogue with Pyongyang.</p></article></body></html>";

    private static byte[] Record(string type, string uri, byte[] block, string contentType)
    {
        var header = $"WARC/1.0\r\nWARC-Type: {type}\r\nWARC-Target-URI: {uri}\r\nWARC-Record-ID: <urn:uuid:{Guid.NewGuid()}>\r\nContent-Type: {contentType}\r\nContent-Length: {block.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(header), .. block, .. "\r\n\r\n"u8];
    }

    private static byte[] Response(string uri, string html, bool chunked = false)
    {
        var body = Encoding.UTF8.GetBytes(html);
        if (chunked)
        {
            body = [.. Encoding.ASCII.GetBytes($"{body.Length:x}\r\n"), .. body, .. "\r\n0\r\n\r\n"u8];
        }

        var http = $"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{(chunked ? "Transfer-Encoding: chunked\r\n" : string.Empty)}\r\n";
        return Record("response", uri, [.. Encoding.ASCII.GetBytes(http), .. body], "application/http; msgtype=response");
    }

    private static byte[] Archive() =>
    [
        .. Record("warcinfo", string.Empty, "software: test\r\n"u8.ToArray(), "application/warc-fields"),
        .. Record("request", "https://news.example.com/a", "GET /a HTTP/1.1\r\n\r\n"u8.ToArray(), "application/http; msgtype=request"),
        .. Response("https://news.example.com/a", Page1),
        .. Response("https://www.example.org/b", Page2, chunked: true),
    ];

    [Fact]
    public void Html_responses_become_articles_with_their_urls()
    {
        var drafts = TestInputs.ReadBytes(Archive(), "crawl.warc").OfType<ArticleRead>().Select(a => a.Draft).ToList();
        Assert.Equal(["https://news.example.com/a", "https://www.example.org/b"], drafts.Select(d => d.Url));
        Assert.Equal(["news.example.com", "example.org"], drafts.Select(d => d.SourceDomain));
        Assert.All(drafts, d => Assert.Equal("warc", d.Format));
        Assert.Contains("cut off gas supplies", drafts[1].Text, StringComparison.Ordinal);
        Assert.Equal(4, drafts[1].Origin.Record);
    }

    [Fact]
    public void Gzipped_warc_is_read_the_same()
    {
        var drafts = TestInputs.ReadBytes(TestInputs.Gzip(Archive()), "crawl.warc.gz").OfType<ArticleRead>().ToList();
        Assert.Equal(2, drafts.Count);
    }

    [Fact]
    public void A_record_cut_short_is_reported_after_the_good_ones()
    {
        var archive = Archive();
        var cut = archive[..(archive.Length - 200)];
        var outcomes = TestInputs.ReadBytes(cut, "cut.warc");
        Assert.Single(outcomes.OfType<ArticleRead>());
        var failure = TestInputs.Failure(outcomes);
        Assert.Equal(ErrorCodes.InputMalformedWarc, failure.Code);
        Assert.Equal(4, failure.Origin.Record);
        Assert.Contains("cut short", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_record_over_the_limit_is_skipped_and_reading_goes_on()
    {
        var big = Response("https://news.example.com/big", "<html><body><p>" + new string('x', 5000) + "</p></body></html>");
        byte[] archive = [.. big, .. Response("https://news.example.com/a", Page1)];
        var outcomes = TestInputs.ReadBytes(archive, "mixed.warc", new ReadOptions { MaxBytes = 2000 });
        Assert.Equal(ErrorCodes.InputTooLarge, TestInputs.Failure(outcomes).Code);
        Assert.Single(outcomes.OfType<ArticleRead>());
    }
}
