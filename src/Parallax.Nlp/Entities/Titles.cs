using Parallax.Core;

namespace Parallax.Nlp.Entities;

/// <summary>
/// Titles before a name are not part of it (the CoNLL guideline): when the model tags "State Councillor Yang
/// Jiechi" as one entity, the name after the title run is the person, and an organisation before the title
/// ("State Department" in "State Department Assistant Secretary Susan Thornton") stays an organisation. The
/// Reuters training text has few of these long titles, so this rule corrects spans after tagging.
/// </summary>
public static class Titles
{
    /// <summary>Words that are titles by themselves.</summary>
    private static readonly HashSet<string> Core = new(
        [
            "President", "Vice-President", "Premier", "Vice-Premier", "Minister", "Secretary", "Secretary-General", "Undersecretary",
            "Councillor", "Councilor", "Chancellor", "Senator", "Sen.", "Representative", "Rep.", "Congressman", "Congresswoman",
            "Governor", "Gov.", "Mayor", "Ambassador", "Envoy", "General", "Gen.", "Admiral", "Adm.", "Colonel", "Col.",
            "Lieutenant", "Lt.", "Major", "Maj.", "Captain", "Capt.", "Commander", "Sergeant", "Sgt.", "Chairman", "Chairwoman",
            "Director", "Director-General", "Spokesman", "Spokeswoman", "Spokesperson", "Judge", "Justice", "King", "Queen",
            "Prince", "Princess", "Pope", "Cardinal", "Archbishop", "Bishop", "Rabbi", "Imam", "Sheikh", "Emir", "Sultan",
            "Ayatollah", "Adviser", "Advisor", "Attorney", "Speaker", "Commissioner", "Coach", "Manager", "Striker",
            "Prosecutor", "Chief", "Leader", "Dictator", "Consul",
        ],
        StringComparer.Ordinal);

    /// <summary>Words that extend a title ("Deputy Foreign Minister", "Secretary of State").</summary>
    private static readonly HashSet<string> Modifiers = new(
        [
            "Vice", "Deputy", "Assistant", "Acting", "Prime", "State", "Foreign", "Defence", "Defense", "Finance", "Trade",
            "Interior", "Home", "Security", "National", "Senior", "Chief", "Executive", "Principal", "First", "Under",
            "Attorney", "General", "Supreme", "Grand", "Crown", "Special", "Associate", "Lord", "of", "Affairs", "Economy",
            "Commerce", "Justice", "Health", "Education", "Energy", "Agriculture", "Environment", "Labour", "Labor", "Culture",
            "Information", "Intelligence", "Army", "Navy", "Air", "Force",
        ],
        StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CoreLookup = Core.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ModifierLookup = Modifiers.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsTitle(ReadOnlySpan<char> word) => CoreLookup.Contains(word);

    /// <summary>Returns the mentions with title runs split off names (the same array when nothing changes).</summary>
    public static EntityMention[] Apply(string text, ReadOnlySpan<Token> tokens, EntityMention[] mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        List<EntityMention>? result = null;
        for (int m = 0; m < mentions.Length; m++)
        {
            var e = mentions[m];
            if (!TrySplit(text, tokens, e, out var prefix, out var name))
            {
                result?.Add(e);
                continue;
            }

            result ??= [.. mentions.AsSpan(0, m)];
            if (prefix is { } p)
            {
                result.Add(p);
            }

            result.Add(name);
        }

        return result is null ? mentions : [.. result];
    }

    private static ReadOnlySpan<char> Word(string text, ReadOnlySpan<Token> tokens, int i) => text.AsSpan(tokens[i].Start, tokens[i].Length);

    private static bool TrySplit(string text, ReadOnlySpan<Token> tokens, EntityMention e, out EntityMention? prefix, out EntityMention name)
    {
        prefix = null;
        name = e;
        if (e.TokenCount < 3)
        {
            return false;
        }

        int start = e.FirstToken, end = e.FirstToken + e.TokenCount;

        // the name: trailing capitalised tokens that are not title words
        int k = end;
        while (k > start && Word(text, tokens, k - 1) is { Length: > 0 } w && char.IsUpper(w[0]) && !CoreLookup.Contains(w) && !ModifierLookup.Contains(w))
        {
            k--;
        }

        if (k == end || k == start || !CoreLookup.Contains(Word(text, tokens, k - 1)))
        {
            return false;
        }

        // the title run before it
        int j = k - 1;
        while (j > start && (CoreLookup.Contains(Word(text, tokens, j - 1)) || ModifierLookup.Contains(Word(text, tokens, j - 1))))
        {
            j--;
        }

        name = new EntityMention(new TextRange(tokens[k].Start, tokens[end - 1].End), EntityType.Person, k, end - k, e.Confidence);
        if (j > start && e.Type == EntityType.Organization)
        {
            prefix = new EntityMention(new TextRange(tokens[start].Start, tokens[j - 1].End), EntityType.Organization, start, j - start, e.Confidence);
        }

        return true;
    }
}
