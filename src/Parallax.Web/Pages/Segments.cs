using Parallax.Core;

namespace Parallax.Web.Pages;

/// <summary>A range of the original text carrying something to show (a claim, an entity, a date...).</summary>
public readonly record struct Mark<T>(int Start, int End, T Value);

/// <summary>A piece of text and the marks that cover all of it (none for plain text).</summary>
public sealed record Segment<T>(int Start, int End, string Text, IReadOnlyList<T> Marks)
{
    public bool IsPlain => Marks.Count == 0;
}

/// <summary>
/// Cuts a paragraph of the original text into segments at every mark boundary, so overlapping marks (a date inside a
/// quote, a name inside both) become flat runs that each know every mark covering them. The text is never changed:
/// the segments' texts joined are the paragraph.
/// </summary>
public static class Segments
{
    public static IReadOnlyList<Segment<T>> Split<T>(string text, TextRange within, IReadOnlyList<Mark<T>> marks)
    {
        var inside = new List<Mark<T>>();
        var cuts = new SortedSet<int> { within.Start, within.End };
        foreach (var m in marks)
        {
            int s = Math.Max(m.Start, within.Start), e = Math.Min(m.End, within.End);
            if (s < e)
            {
                inside.Add(m with { Start = s, End = e });
                cuts.Add(s);
                cuts.Add(e);
            }
        }

        var result = new List<Segment<T>>(cuts.Count);
        int previous = -1;
        foreach (var cut in cuts)
        {
            if (previous >= 0 && cut > previous)
            {
                var covering = new List<T>();
                foreach (var m in inside)
                {
                    if (m.Start <= previous && m.End >= cut)
                    {
                        covering.Add(m.Value);
                    }
                }

                // neighbours with the same marks merge, so a sentence stays one piece
                if (result.Count > 0 && result[^1].End == previous && SameMarks(result[^1].Marks, covering))
                {
                    var last = result[^1];
                    result[^1] = last with { End = cut, Text = text[last.Start..cut] };
                }
                else
                {
                    result.Add(new Segment<T>(previous, cut, text[previous..cut], covering));
                }
            }

            previous = cut;
        }

        return result;
    }

    private static bool SameMarks<T>(IReadOnlyList<T> a, List<T> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (int i = 0; i < a.Count; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
