namespace Parallax.Stories.Claims;

/// <summary>Small closed-class word lists and a light stemmer used to compare claims.</summary>
public static class Lexicon
{
    /// <summary>Function words and reporting verbs that carry no claim content.</summary>
    public static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "nor", "so", "yet", "of", "in", "on", "at", "to", "for", "from", "by", "with",
        "as", "into", "onto", "about", "over", "under", "after", "before", "since", "until", "than", "then", "that", "this",
        "these", "those", "there", "here", "it", "its", "it's", "he", "she", "they", "them", "his", "her", "their", "we",
        "our", "you", "your", "i", "me", "my", "us", "who", "whom", "whose", "which", "what", "when", "where", "why", "how",
        "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "also", "even", "just", "only", "very",
        "more", "most", "much", "many", "such", "some", "any", "all", "both", "each", "other", "another", "own", "same",
        "up", "out", "off", "down", "again", "further", "once", "while", "if", "because", "although", "though", "whether",
        "not", "no", "said", "says", "say", "saying", "told", "tell", "according", "added", "mr", "mrs", "ms", "dr",
        "s", "'s", "’s", "n't", "well", "still", "via", "per", "within", "among", "between", "through", "during", "against",
        "without", "upon", "including", "like", "one", "new",
    };

    /// <summary>Words that flip a statement's polarity.</summary>
    public static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "no", "never", "n't", "nobody", "nothing", "none", "neither", "nor", "without", "cannot", "denied", "denies", "deny",
        "refused", "refuses", "rejected", "rejects", "failed", "fails",
    };

    /// <summary>A light suffix stemmer (plural, past, gerund, adverb) good enough to match "closes"/"closed"/"closing".</summary>
    public static string Stem(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length <= 3)
        {
            return w;
        }

        if (w.EndsWith("ies", StringComparison.Ordinal) && w.Length > 4)
        {
            return w[..^3] + "y";
        }

        if (w.EndsWith("sses", StringComparison.Ordinal))
        {
            return w[..^2];
        }

        if (w.EndsWith("ing", StringComparison.Ordinal) && w.Length > 5)
        {
            return Undouble(w[..^3]);
        }

        if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4)
        {
            var s = w[..^2];
            if (s.EndsWith('i'))
            {
                return s[..^1] + "y";
            }

            return Undouble(s.EndsWith('e') ? s[..^1] : s);
        }

        if (w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 5)
        {
            return w[..^2];
        }

        if (w.EndsWith("es", StringComparison.Ordinal) && w.Length > 4 && (w[^3] is 's' or 'x' or 'z' || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)))
        {
            return w[..^2];
        }

        if (w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
        {
            w = w[..^1];
        }

        if (w.EndsWith('e') && w.Length > 4)
        {
            w = w[..^1];
        }

        return w;
    }

    private static string Undouble(string s) =>
        s.Length > 3 && s[^1] == s[^2] && s[^1] is not 'l' and not 's' and not 'z' ? s[..^1] : (s.EndsWith('e') && s.Length > 4 ? s[..^1] : s);
}
