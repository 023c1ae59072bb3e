using System.Collections.Frozen;

namespace Parallax.Nlp.Quotes;

/// <summary>A case-insensitive set of words looked up by span, without allocating.</summary>
internal sealed class WordSet
{
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(params string[] words)
    {
        var set = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
        _lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);
}

/// <summary>The closed word classes the attribution rules look at.</summary>
internal static class WordSets
{
    public static readonly WordSet Determiners = new(
        "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "that", "'s", "’s", "no", "every", "each", "any", "some");

    public static readonly WordSet PersonalPronouns = new("he", "she", "they", "it", "i", "we", "you");

    public static readonly WordSet RelativePronouns = new("who", "which", "that");

    public static readonly WordSet SubjectPronounsBeforeBase = new("i", "we", "you", "they", "to", "will", "would", "can", "could", "should", "may", "might", "must", "did", "do", "does", "not", "n't", "never", "also", "often", "still", "now");

    /// <summary>Auxiliaries and adverbs that sit between a subject and its cue verb; they join the cue.</summary>
    public static readonly WordSet CueModifiers = new(
        "has", "have", "had", "also", "repeatedly", "later", "then", "now", "recently", "previously", "reportedly", "initially",
        "publicly", "privately", "first", "again", "once", "already", "since", "long", "similarly", "likewise", "flatly", "openly",
        "frequently", "often", "bluntly", "simply", "further", "explicitly", "separately", "subsequently", "earlier", "frankly", "firmly",
        "'s", "’s", "has", "reiterated", "quickly", "immediately", "even", "just", "herself", "himself", "itself");

    /// <summary>Words that end a noun phrase when walking left from a cue.</summary>
    public static readonly WordSet NpStop = new(
        "is", "was", "are", "were", "be", "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could",
        "should", "may", "might", "must", "shall", "and", "but", "or", "nor", "that", "when", "while", "as", "because", "after",
        "before", "if", "since", "where", "whether", "though", "although", "so", "then", "than", "until", "unless", "once", "whereas",
        "why", "how", "what", "which", "who", "whom", "whose", "on", "by", "during", "to", "into", "about", "over", "under", "against",
        "without", "through", "like", "also", "not", "n't", "yet", "meanwhile", "however", "still", "instead", "thus", "therefore",
        "already", "even", "only", "just", "too", "very", "said", "says", "say", "told", "here", "there", "now", "today", "yesterday",
        "i", "he", "she", "it", "we", "they", "you", "me", "him", "us", "them", "says", "saying");

    /// <summary>Prepositions allowed inside a noun phrase but not at its left edge.</summary>
    public static readonly WordSet NpInnerPrepositions = new("of", "for", "at", "from", "in", "with", "&", "and");

    public static readonly WordSet Weekdays = new(
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

    public static readonly WordSet Months = new(
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec");

    public static readonly WordSet TimeAdverbs = new(
        "yesterday", "today", "tonight", "earlier", "later", "recently", "afterward", "afterwards", "then", "again", "previously",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "repeatedly", "also", "too", "flatly",
        "bluntly", "simply", "publicly", "privately", "late", "last", "in", "this", "on", "at");

    /// <summary>Nouns of "in a statement", "in an interview".</summary>
    public static readonly WordSet StatementNouns = new(
        "statement", "interview", "email", "e-mail", "speech", "post", "tweet", "letter", "note", "release", "op-ed", "memo",
        "briefing", "conference", "call", "video", "message", "rally", "radio", "broadcast", "filing", "report");

    /// <summary>Subordinators and conjunctions that end reported content.</summary>
    public static readonly WordSet ClauseJoiners = new("and", "but", "while", "whereas");

    /// <summary>Words that start an apposition or relative clause after a name.</summary>
    public static readonly WordSet AppositionStarts = new(
        "a", "an", "the", "who", "which", "whose", "whom", "one", "himself", "herself", "its", "his", "her", "their", "now", "then",
        "both", "also", "formerly", "former", "currently", "once", "then-", "chief", "director", "head", "spokesman", "spokeswoman",
        "spokesperson", "president", "chairman", "chairwoman", "chair", "executive", "senior", "deputy", "professor", "author", "founder",
        "co-founder", "secretary", "minister", "leader", "member", "manager", "editor", "analyst", "adviser", "advisor", "ceo", "speaking",
        "writing", "asked", "citing", "referring", "according", "in", "at", "for", "of", "with", "from");

    public static readonly FrozenSet<string> Empty = FrozenSet<string>.Empty;
}
