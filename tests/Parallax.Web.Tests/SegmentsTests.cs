using Parallax.Core;
using Parallax.Web.Pages;

namespace Parallax.Web.Tests;

public class SegmentsTests
{
    private const string Text = "Title\n\nOn Saturday, Rex Tillerson met Xi Jinping in Beijing. \"We talked,\" he said.";

    private static Mark<string> At(string what, string name, int occurrence = 0)
    {
        int start = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            start = Text.IndexOf(what, start + 1, StringComparison.Ordinal);
        }

        return new Mark<string>(start, start + what.Length, name);
    }

    [Fact]
    public void Segments_rebuild_the_paragraph_exactly_and_say_which_marks_cover_each_piece()
    {
        var paragraph = new TextRange(Text.IndexOf("On", StringComparison.Ordinal), Text.Length);
        var marks = new[] { At("Rex Tillerson", "person"), At("On Saturday", "date"), At("On Saturday, Rex Tillerson met Xi Jinping in Beijing.", "sentence"), At("Title", "outside") };
        var segments = Segments.Split(Text, paragraph, marks);

        Assert.Equal(paragraph.Of(Text), string.Concat(segments.Select(s => s.Text)));
        Assert.Equal(["date", "sentence"], segments.Single(s => s.Text == "On Saturday").Marks);
        Assert.Equal(["person", "sentence"], segments.Single(s => s.Text == "Rex Tillerson").Marks);
        Assert.Equal(["sentence"], segments.Single(s => s.Text == " met Xi Jinping in Beijing.").Marks);
        Assert.True(segments[^1].IsPlain);
        Assert.DoesNotContain(segments, s => s.Marks.Contains("outside"));
    }

    [Fact]
    public void A_mark_crossing_the_paragraph_edge_is_cut_at_the_edge()
    {
        var paragraph = new TextRange(0, 5);
        var segments = Segments.Split(Text, paragraph, [new Mark<string>(2, 40, "long")]);
        Assert.Equal(["Ti", "tle"], segments.Select(s => s.Text));
        Assert.Equal(["long"], segments[1].Marks);
    }

    [Fact]
    public void Without_marks_a_paragraph_is_one_plain_segment()
    {
        var segment = Assert.Single(Segments.Split(Text, new TextRange(7, 20), Array.Empty<Mark<string>>()));
        Assert.Equal(Text[7..20], segment.Text);
        Assert.True(segment.IsPlain);
    }
}
