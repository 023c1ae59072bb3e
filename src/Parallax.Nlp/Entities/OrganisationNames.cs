using Parallax.Core;

namespace Parallax.Nlp.Entities;

/// <summary>
/// Long organisation names the tagger breaks ("Senate | Armed | Services Committee"): a name ending in an
/// organisation head word (Committee, Ministry, Council ...) is an organisation, and it takes in the capitalised
/// words and the organisation directly before it within the sentence. Only untagged words and organisations are
/// absorbed, so "Chinese Foreign Ministry" keeps "Chinese" apart, as CoNLL does.
/// </summary>
public static class OrganisationNames
{
    private static readonly HashSet<string> Heads = new(
        [
            "Committee", "Subcommittee", "Commission", "Council", "Ministry", "Department", "Agency", "Bureau", "Office",
            "Authority", "Board", "Assembly", "Parliament", "Congress", "Tribunal", "Corporation", "Association",
            "Federation", "Institute", "Foundation", "Organisation", "Organization", "Union", "Party", "Services", "Service",
            "Directorate", "Secretariat", "Administration",
        ],
        StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadLookup = Heads.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the mentions with broken organisation names joined (the same array when nothing changes).</summary>
    public static EntityMention[] Apply(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<Sentence> sentences, EntityMention[] mentions)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        List<EntityMention>? result = null;
        int sentence = 0;
        for (int m = 0; m < mentions.Length; m++)
        {
            var e = mentions[m];
            int last = e.FirstToken + e.TokenCount - 1;

            // an organisation the tagger stopped short of its head word ("House Foreign Affairs | Committee")
            int nextTagged = m + 1 < mentions.Length ? mentions[m + 1].FirstToken : int.MaxValue;
            bool extended = false;
            while (e.Type == EntityType.Organization && last + 1 < tokens.Length && last + 1 < nextTagged
                && (sentences.IsEmpty || last + 1 < SentenceOf(sentences, e.FirstToken).EndToken)
                && HeadLookup.Contains(text.AsSpan(tokens[last + 1].Start, tokens[last + 1].Length)))
            {
                last++;
                extended = true;
            }

            if (extended)
            {
                e = new EntityMention(new TextRange(tokens[e.FirstToken].Start, tokens[last].End), e.Type, e.FirstToken, last - e.FirstToken + 1, e.Confidence);
                result ??= [.. mentions.AsSpan(0, m)];
            }

            if (!HeadLookup.Contains(text.AsSpan(tokens[last].Start, tokens[last].Length)))
            {
                result?.Add(e);
                continue;
            }

            while (sentence < sentences.Length - 1 && sentences[sentence].EndToken <= e.FirstToken)
            {
                sentence++;
            }

            int sentenceStart = sentences.IsEmpty ? 0 : sentences[sentence].FirstToken;
            var kept = result ?? (IList<EntityMention>)mentions.AsSpan(0, m).ToArray();
            int first = e.FirstToken;
            int absorbed = 0; // mentions already emitted that the name takes in
            while (first > sentenceStart)
            {
                int prev = first - 1;
                var word = text.AsSpan(tokens[prev].Start, tokens[prev].Length);
                int k = kept.Count - 1 - absorbed;
                if (k >= 0 && kept[k].FirstToken + kept[k].TokenCount == first)
                {
                    if (kept[k].Type != EntityType.Organization)
                    {
                        break;
                    }

                    first = kept[k].FirstToken;
                    absorbed++;
                    continue;
                }

                // an untagged capitalised word, not the sentence's first (which is capitalised anyway)
                if (prev == sentenceStart || word.Length < 2 || !char.IsUpper(word[0]) || !char.IsLower(word[^1]))
                {
                    break;
                }

                first = prev;
            }

            // alone, a place keeps its type ("Congress" and "Parliament" stand for buildings too); a person or a
            // nationality ending in a head word ("Services Committee" as PER) is an organisation
            if (first == e.FirstToken && e.Type is EntityType.Organization or EntityType.Location)
            {
                result?.Add(e);
                continue;
            }

            result ??= [.. mentions.AsSpan(0, m)];
            if (absorbed > 0)
            {
                result.RemoveRange(result.Count - absorbed, absorbed);
            }

            result.Add(new EntityMention(new TextRange(tokens[first].Start, tokens[last].End), EntityType.Organization, first, last - first + 1, e.Confidence));
        }

        return result is null ? mentions : [.. result];
    }

    private static Sentence SentenceOf(ReadOnlySpan<Sentence> sentences, int token)
    {
        foreach (var s in sentences)
        {
            if (token < s.EndToken)
            {
                return s;
            }
        }

        return sentences[^1];
    }
}
