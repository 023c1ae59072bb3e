using Parallax.Core;

namespace Parallax.Nlp.Entities;

/// <summary>
/// A name after an honorific ("Mr Trump", "Dr. Smith") is a person, and the honorific is not part of the name
/// (the CoNLL guideline). The statistical model has seen few honorifics without a period (British style is
/// rare in its Reuters training text), so this rule corrects its spans and types after tagging.
/// </summary>
public static class Honorifics
{
    private static readonly HashSet<string> Words = new(
        ["Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Sir", "Dame", "Mr.", "Mrs.", "Ms.", "Dr.", "Prof.", "Messrs", "Messrs.", "Mme", "Mme."],
        StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsHonorific(ReadOnlySpan<char> token) => Lookup.Contains(token);

    /// <summary>Applies the rule to the mentions of one document, in place.</summary>
    public static void Apply(string text, ReadOnlySpan<Token> tokens, Span<EntityMention> mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (int m = 0; m < mentions.Length; m++)
        {
            var e = mentions[m];
            var first = tokens[e.FirstToken];
            if (e.TokenCount > 1 && IsHonorific(text.AsSpan(first.Start, first.Length)))
            {
                var next = tokens[e.FirstToken + 1];
                mentions[m] = e with
                {
                    Range = new TextRange(next.Start, e.Range.End),
                    Type = EntityType.Person,
                    FirstToken = e.FirstToken + 1,
                    TokenCount = e.TokenCount - 1,
                };
                continue;
            }

            if (e.FirstToken > 0 && e.Type != EntityType.Person)
            {
                var previous = tokens[e.FirstToken - 1];
                if (IsHonorific(text.AsSpan(previous.Start, previous.Length)))
                {
                    mentions[m] = e with { Type = EntityType.Person };
                }
            }
        }
    }
}
