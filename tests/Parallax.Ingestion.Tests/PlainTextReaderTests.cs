using Parallax.Core;
using Parallax.Testing;

namespace Parallax.Ingestion.Tests;

public class PlainTextReaderTests
{
    [Fact]
    public void Title_skips_a_leading_section_label()
    {
        var draft = TestInputs.Single(TestInputs.Read(TestInputs.Sample003));
        Assert.Equal("US´s Tillerson to focus on North Korea and trade during China visit", draft.Title);
        Assert.Contains("News, Culture & Society", TestInputs.ExcludedTexts(draft, ExclusionKind.SectionLabel));
        Assert.Contains(draft.Title, TestInputs.ExcludedTexts(draft, ExclusionKind.Title));
    }

    [Fact]
    public void Closing_source_line_becomes_the_source()
    {
        var draft = TestInputs.Single(TestInputs.Read(TestInputs.Sample000));
        Assert.Equal("Rex Tillerson in China for North Korea talks", draft.Title);
        Assert.Equal("Al Jazeera", draft.Source);
        Assert.Single(TestInputs.ExcludedTexts(draft, ExclusionKind.SourceLine));
        Assert.DoesNotContain("Source:", draft.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_is_kept_as_written_and_every_range_points_into_it()
    {
        var path = TestInputs.Sample000;
        var original = File.ReadAllText(path);
        var draft = TestInputs.Single(TestInputs.Read(path));
        Assert.Equal(original, draft.Text);
        foreach (var p in draft.Cleaning!.Paragraphs.Concat(draft.Cleaning.Excluded.Select(e => e.Range)))
        {
            Assert.InRange(p.End, p.Start + 1, draft.Text.Length);
            Assert.False(char.IsWhiteSpace(draft.Text[p.Start]));
        }
    }

    [Fact]
    public void Options_fill_what_the_file_lacks_but_not_what_it_says()
    {
        var published = new DateTimeOffset(2017, 9, 30, 0, 0, 0, TimeSpan.Zero);
        var options = new ReadOptions { Source = "The Independent", Published = published };
        var without = TestInputs.Single(TestInputs.Read(TestInputs.Sample003, options));
        Assert.Equal("The Independent", without.Source);
        Assert.Equal(published, without.Published);

        var with = TestInputs.Single(TestInputs.Read(TestInputs.Sample000, options));
        Assert.Equal("Al Jazeera", with.Source);
    }

    [Fact]
    public void Sidecar_metadata_file_wins_over_what_the_text_suggests()
    {
        using var dir = RepoPaths.TempDir();
        var text = dir.File("story.txt");
        File.Copy(TestInputs.Sample000, text);
        File.WriteAllText(dir.File("story.meta.json"), """
            {"title": "Tillerson heads to Beijing", "source": "Al Jazeera", "url": "https://www.aljazeera.com/news/2017/9/30/tillerson",
             "published": "2017-09-30T06:00:00Z", "authors": ["Staff"], "language": "en-GB"}
            """);
        var outcomes = TestInputs.Read(dir.Path);
        var draft = TestInputs.Single(outcomes);
        Assert.Equal("Tillerson heads to Beijing", draft.Title);
        Assert.Equal("Al Jazeera", draft.Source);
        Assert.Equal("aljazeera.com", draft.SourceDomain);
        Assert.Equal(new DateTimeOffset(2017, 9, 30, 6, 0, 0, TimeSpan.Zero), draft.Published);
        Assert.Equal(["Staff"], draft.Authors);
        Assert.Equal("en", draft.Language);
    }

    [Fact]
    public void A_broken_sidecar_is_a_failure_naming_it()
    {
        using var dir = RepoPaths.TempDir();
        File.Copy(TestInputs.Sample003, dir.File("a.txt"));
        File.WriteAllText(dir.File("a.meta.json"), "{\"title\": \"x\", \"published\": \"last Tuesday\"}");
        var failure = TestInputs.Failure(TestInputs.Read(dir.Path));
        Assert.Contains("a.meta.json", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("ISO 8601", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_are_read_recursively_in_name_order()
    {
        using var dir = RepoPaths.TempDir();
        Directory.CreateDirectory(dir.File("b"));
        File.Copy(TestInputs.Sample003, dir.File("b/z.txt"));
        File.Copy(TestInputs.Sample000, dir.File("a.txt"));
        File.WriteAllText(dir.File(".hidden.txt"), "ignored");
        var drafts = TestInputs.Read(dir.Path).OfType<ArticleRead>().Select(a => Path.GetFileName(a.Origin.Path)).ToList();
        Assert.Equal(["a.txt", "z.txt"], drafts);
    }
}
