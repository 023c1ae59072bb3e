using System.Collections.Frozen;

namespace Parallax.Stories.Alignment;

/// <summary>Normalised word forms and the closed word classes the paraphrase features need.</summary>
public static class WordForms
{
    /// <summary>Lowercase, curly apostrophes and quotes made straight, "n't" as "not".</summary>
    public static string Normalize(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            buffer[i] = c switch
            {
                '\u2019' or '\u2018' or '`' => '\'',
                '\u201C' or '\u201D' => '"',
                '\u2013' or '\u2014' => '-',
                _ => char.ToLowerInvariant(c),
            };
        }

        if (buffer.SequenceEqual("n't"))
        {
            return "not";
        }

        return new string(buffer);
    }

    public static bool IsStopWord(string lower) => StopWords.Contains(lower);

    public static bool IsNegation(string lower) => Negations.Contains(lower);

    private static readonly FrozenSet<string> Negations = new[]
    {
        "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "without", "cannot", "n't",
        "didn't", "don't", "doesn't", "isn't", "wasn't", "aren't", "weren't", "won't", "wouldn't", "couldn't", "shouldn't",
        "hasn't", "haven't", "hadn't", "can't", "fail", "failed", "fails", "refused", "denied", "denies", "deny",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Function words: articles, pronouns, auxiliaries, prepositions, conjunctions, clitics, punctuation-like tokens.</summary>
    private static readonly FrozenSet<string> StopWords = new[]
    {
        "a", "an", "the", "and", "or", "but", "if", "then", "than", "so", "as", "of", "at", "by", "for", "with", "about",
        "against", "between", "into", "through", "during", "before", "after", "above", "below", "to", "from", "up", "down",
        "in", "out", "on", "off", "over", "under", "again", "further", "once", "here", "there", "when", "where", "why", "how",
        "all", "any", "both", "each", "few", "more", "most", "other", "some", "such", "only", "own", "same", "too", "very",
        "can", "will", "just", "should", "now", "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your",
        "yours", "yourself", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "they",
        "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "whose", "this", "that", "these", "those",
        "am", "is", "are", "was", "were", "be", "been", "being", "have", "has", "had", "having", "do", "does", "did", "doing",
        "would", "could", "might", "must", "shall", "may", "'s", "'re", "'ve", "'ll", "'d", "'m", "also", "while", "because",
        "until", "since", "per", "via", "upon", "onto", "within", "among", "across", "toward", "towards", "yet", "whether",
        "its", "it's", "mr", "mrs", "ms", "mr.", "mrs.", "ms.", "dr", "dr.", "-", "--",
    }.ToFrozenSet(StringComparer.Ordinal);
}
