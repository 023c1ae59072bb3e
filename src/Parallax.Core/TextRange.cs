namespace Parallax.Core;

/// <summary>
/// A half-open character range <c>[Start, End)</c> into the ORIGINAL text of a document.
/// Every annotation in Parallax is one of these (or holds some), so any claim can be traced back to its exact place.
/// </summary>
public readonly record struct TextRange(int Start, int End) : IComparable<TextRange>
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public bool Contains(int position) => position >= Start && position < End;

    public bool Contains(TextRange other) => other.Start >= Start && other.End <= End;

    public bool Overlaps(TextRange other) => other.Start < End && Start < other.End;

    public TextRange Union(TextRange other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    public string Of(string text) => text.Substring(Start, Length);

    public ReadOnlySpan<char> SpanOf(string text) => text.AsSpan(Start, Length);

    public int CompareTo(TextRange other)
    {
        var c = Start.CompareTo(other.Start);
        return c != 0 ? c : End.CompareTo(other.End);
    }

    public override string ToString() => $"[{Start},{End})";
}
