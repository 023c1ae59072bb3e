using Parallax.Core;

namespace Parallax.Stories.Claims;

/// <summary>
/// The smallest piece of an article that states one claim: a sentence, or a clause of a long sentence that joins two
/// claims ("Beijing ordered firms to close by early January, days after it said it would cut off gas").
/// </summary>
public sealed record ClaimUnit
{
    public required long Article { get; init; }

    public required string Outlet { get; init; }

    /// <summary>The independent voice this article counts as (copies share their original's voice).</summary>
    public required string Voice { get; init; }

    /// <summary>Index of the sentence in the article's sentence layer.</summary>
    public required int Sentence { get; init; }

    public required TextRange SentenceRange { get; init; }

    /// <summary>The unit's own range (the sentence, or one clause of it).</summary>
    public required TextRange Range { get; init; }

    public required string Text { get; init; }

    public required string SentenceText { get; init; }

    /// <summary>Distinct stems of the content words.</summary>
    public required string[] Stems { get; init; }

    /// <summary>Story entity ids mentioned in the unit.</summary>
    public required HashSet<string> Entities { get; init; }

    public required Quantity[] Quantities { get; init; }

    public required TimeExpression[] Times { get; init; }

    public required bool Negated { get; init; }

    /// <summary>Position in the article in [0, 1): where in the story the outlet put it.</summary>
    public required double Position { get; init; }

    /// <summary>Order of the unit in its article.</summary>
    public required int Order { get; init; }

    /// <summary>True when the unit is wholly inside a direct quote.</summary>
    public bool InQuote { get; init; }

    /// <summary>The full original text of the article the unit belongs to (ranges point into it).</summary>
    public required string SourceText { get; init; }

    public int ContentWords => Stems.Length;

    /// <summary>For an attribution ("X said that P"), the unit of what was said (P); null otherwise.</summary>
    public ClaimUnit? Said { get; init; }

    /// <summary>Units are compared by identity: two units are the same only if they are one object.</summary>
    public bool Equals(ClaimUnit? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    /// <summary>For an attribution, who said it (story entity id, or the name as written).</summary>
    public string? Speaker { get; init; }

    /// <summary>True when the unit is its whole sentence, not one clause of it.</summary>
    public bool IsWholeSentence => Range.Start <= SentenceRange.Start && Range.End >= SentenceRange.End;

    /// <summary>The unit as shown on its own: a clause that does not open its sentence is marked with a leading ellipsis.</summary>
    public string DisplayText => Range.Start > SentenceRange.Start ? "… " + Text : Text;
}
