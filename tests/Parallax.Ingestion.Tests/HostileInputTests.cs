using System.Text;
using Parallax.Core;
using Parallax.Testing;

namespace Parallax.Ingestion.Tests;

/// <summary>Each bad input gives one clear failure with a stable code, never an exception, and never stops a batch.</summary>
public class HostileInputTests
{
    [Fact]
    public void Binary_file_is_refused()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var failure = TestInputs.Failure(TestInputs.ReadBytes(bytes, "noise.bin"));
        Assert.Equal(ErrorCodes.InputBinary, failure.Code);
    }

    [Fact]
    public void Known_binary_formats_are_named()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n");
        var failure = TestInputs.Failure(TestInputs.ReadBytes(pdf, "report.txt"));
        Assert.Equal(ErrorCodes.InputBinary, failure.Code);
        Assert.Contains("PDF", failure.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n\t  ")]
    public void Empty_file_is_refused(string content)
    {
        var failure = TestInputs.Failure(TestInputs.ReadText(content, "empty.txt"));
        Assert.Equal(ErrorCodes.InputEmpty, failure.Code);
    }

    [Fact]
    public void Invalid_utf8_text_names_the_offset()
    {
        var prefix = Encoding.UTF8.GetBytes("Tillerson arrived in Beijing on Saturday for talks.\n\nCaf");
        var bytes = prefix.Concat(new byte[] { 0xE9, 0x20, 0x61 }).ToArray();
        var failure = TestInputs.Failure(TestInputs.ReadBytes(bytes, "latin1.txt"));
        Assert.Equal(ErrorCodes.InputEncoding, failure.Code);
        Assert.Contains($"0xE9 at offset {prefix.Length}", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("--encoding", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Forced_encoding_reads_a_legacy_text_file()
    {
        var bytes = Encoding.Latin1.GetBytes("Café owners in Beijing said on Saturday that trade talks had gone well for everyone involved.");
        var draft = TestInputs.Single(TestInputs.ReadBytes(bytes, "latin1.txt", new ReadOptions { Encoding = Encoding.Latin1 }));
        Assert.StartsWith("Café", draft.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_declared_utf8_but_written_in_windows1252_is_refused_with_a_hint()
    {
        Input.TextDecoder.EnsureCodePages();
        var cp1252 = Encoding.GetEncoding(1252);
        var html = "<html><head><meta charset=\"utf-8\"><title>Déjà vu</title></head><body><p>" +
            string.Concat(Enumerable.Repeat("Les négociations à Pékin ont été « difficiles », a déclaré le ministère. ", 8)) + "</p></body></html>";
        var failure = TestInputs.Failure(TestInputs.ReadBytes(cp1252.GetBytes(html), "page.html"));
        Assert.Equal(ErrorCodes.InputEncoding, failure.Code);
        Assert.Contains("windows-1252", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_json_is_malformed()
    {
        var json = "{\"title\": \"Tillerson in China\", \"maintext\": \"US Secretary of State Rex Tillerson will hold top-level tal";
        var failure = TestInputs.Failure(TestInputs.ReadText(json, "cut.json"));
        Assert.Equal(ErrorCodes.InputMalformedJson, failure.Code);
        Assert.Contains("cut short", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_without_text_names_the_missing_field()
    {
        var failure = TestInputs.Failure(TestInputs.ReadText("{\"title\": \"No body here\", \"url\": \"https://example.org/a\"}", "nobody.json"));
        Assert.Equal(ErrorCodes.InputMissingField, failure.Code);
        Assert.Contains("maintext", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_bomb_in_a_feed_is_refused_before_expansion()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
        sb.Append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n");
        for (int i = 2; i < 10; i++)
        {
            sb.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">\n");
        }

        sb.Append("]>\n<rss version=\"2.0\"><channel><title>t</title><item><title>x</title><description>&lol9;</description></item></channel></rss>");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var failure = TestInputs.Failure(TestInputs.ReadText(sb.ToString(), "bomb.xml"));
        Assert.Equal(ErrorCodes.InputUnsafeXml, failure.Code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Xml_bomb_whose_doctype_names_another_root_is_still_read_as_a_feed_and_refused()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]>\n" +
                  "<rss version=\"2.0\"><channel><title>t</title><item><title>&lol2;</title><description>&lol2;</description></item></channel></rss>";
        var failure = TestInputs.Failure(TestInputs.ReadText(xml, "feed.xml"));
        Assert.Equal(ErrorCodes.InputUnsafeXml, failure.Code);
    }

    [Fact]
    public void External_entity_in_a_feed_is_refused()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" +
            "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title><description>&xxe;</description></item></channel></rss>";
        var failure = TestInputs.Failure(TestInputs.ReadText(xml, "xxe.rss"));
        Assert.Equal(ErrorCodes.InputUnsafeXml, failure.Code);
        Assert.DoesNotContain("root:", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_feed_names_the_line()
    {
        var xml = "<rss version=\"2.0\"><channel><title>t</title>\n<item><title>x</item></channel></rss>";
        var failure = TestInputs.Failure(TestInputs.ReadText(xml, "bad.rss"));
        Assert.Equal(ErrorCodes.InputMalformedXml, failure.Code);
        Assert.Contains("line 2", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void File_over_the_size_limit_is_refused()
    {
        var text = string.Concat(Enumerable.Repeat("The talks went on late into the night in Beijing. ", 100));
        var failure = TestInputs.Failure(TestInputs.ReadText(text, "big.txt", new ReadOptions { MaxBytes = 1000 }));
        Assert.Equal(ErrorCodes.InputTooLarge, failure.Code);
        Assert.Contains("--max-bytes", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_file_is_refused_by_its_size_without_reading_it()
    {
        using var dir = RepoPaths.TempDir();
        var path = dir.File("huge.html");
        using (var f = File.Create(path))
        {
            f.Write("<html><body><p>start</p>"u8);
            f.SetLength(2L * 1024 * 1024 * 1024); // sparse: 2 GB without writing them
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var failure = TestInputs.Failure(TestInputs.Read(path));
        Assert.Equal(ErrorCodes.InputTooLarge, failure.Code);
        Assert.Contains("2 GB", failure.Reason, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Gzip_bomb_is_refused_at_the_limit()
    {
        var bomb = TestInputs.Gzip(Encoding.ASCII.GetBytes("<html><body><p>" + new string('a', 5_000_000)));
        var failure = TestInputs.Failure(TestInputs.ReadBytes(bomb, "page.html.gz", new ReadOptions { MaxBytes = 1_000_000 }));
        Assert.Equal(ErrorCodes.InputTooLarge, failure.Code);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        var failure = TestInputs.Failure(TestInputs.Read("/no/such/file.txt"));
        Assert.Equal(ErrorCodes.InputNotFound, failure.Code);
        Assert.Equal("/no/such/file.txt", failure.Origin.Path);
    }

    [Fact]
    public void One_bad_input_never_stops_the_batch()
    {
        using var dir = RepoPaths.TempDir();
        File.WriteAllBytes(dir.File("1-binary.dat"), [0, 1, 2, 3, 0, 0, 255]);
        File.WriteAllText(dir.File("2-empty.txt"), string.Empty);
        File.WriteAllText(dir.File("3-cut.json"), "{\"title\": \"x\", \"text\": \"abc");
        File.Copy(TestInputs.Sample000, dir.File("4-good.txt"));
        var outcomes = InputReader.Read([dir.Path, "/missing.txt", TestInputs.Sample003], TestInputs.Options).ToList();
        Assert.Equal(4, outcomes.OfType<ReadFailure>().Count());
        Assert.Equal(2, outcomes.OfType<ArticleRead>().Count());
    }
}
