using System.Collections.Frozen;

namespace Parallax.Stories.Clustering;

/// <summary>
/// How words become terms for clustering: lower case, possessive removed, light plural stemming (Harman's
/// S-stemmer), stop words dropped. The background frequencies file is built with the same rules, so changing them
/// means rebuilding it (<c>parallax train background-df</c>).
/// </summary>
public static class TermNormalizer
{
    /// <summary>Bumped whenever the rules change; the background file records the version it was built with.</summary>
    public const int Version = 1;

    private static readonly FrozenSet<string> StopWordSet = new[]
    {
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
        "do", "does", "doing", "down", "during", "each", "even", "ever", "few", "for", "from", "further", "had",
        "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however",
        "i", "if", "in", "into", "is", "it", "its", "itself", "just", "last", "like", "made", "make", "many", "may",
        "me", "might", "more", "most", "much", "must", "my", "myself", "new", "no", "nor", "not", "now", "of", "off",
        "on", "once", "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "said", "same",
        "say", "says", "she", "should", "since", "so", "some", "still", "such", "than", "that", "the", "their",
        "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "though", "through", "to",
        "too", "two", "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where",
        "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within", "without", "would",
        "year", "years", "yet", "you", "your", "yours", "yourself", "told", "according", "reported", "reports",
        "mr", "mrs", "ms", "dr", "s", "t", "don", "didn", "doesn", "isn", "wasn", "won", "can't", "per", "via",
        "another", "around", "among", "amid", "back", "get", "got", "go", "going", "know", "well", "way", "week",
        "day", "days", "time", "three", "first", "second", "next", "take", "took", "come", "came", "see", "set",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tomorrow",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> MonthSet = new[]
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsStopWord(string lower) => StopWordSet.Contains(lower);

    public static bool IsWeekday(string lower) => lower is "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday";

    /// <summary>1-12 for a month name or its abbreviation, else 0.</summary>
    public static int MonthNumber(string lower)
    {
        if (!MonthSet.Contains(lower))
        {
            return 0;
        }

        return lower[..3] switch
        {
            "jan" => 1,
            "feb" => 2,
            "mar" => 3,
            "apr" => 4,
            "may" => 5,
            "jun" => 6,
            "jul" => 7,
            "aug" => 8,
            "sep" => 9,
            "oct" => 10,
            "nov" => 11,
            _ => 12,
        };
    }

    /// <summary>The term for a lower-case word, or null when it is a stop word or too short to carry meaning.</summary>
    public static string? Term(string lower)
    {
        if (lower.Length < 2 || StopWordSet.Contains(lower))
        {
            return null;
        }

        var stem = Stem(lower);
        return stem.Length < 2 ? null : stem;
    }

    /// <summary>Harman's S-stemmer: "victims" to "victim", "policies" to "policy", "crashes" to "crashe" (consistently).</summary>
    public static string Stem(string w)
    {
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal) && !w.EndsWith("eies", StringComparison.Ordinal) && !w.EndsWith("aies", StringComparison.Ordinal))
        {
            return string.Concat(w.AsSpan(0, w.Length - 3), "y");
        }

        if (w.Length > 3 && w.EndsWith("es", StringComparison.Ordinal) && !w.EndsWith("aes", StringComparison.Ordinal) && !w.EndsWith("ees", StringComparison.Ordinal) && !w.EndsWith("oes", StringComparison.Ordinal))
        {
            return w[..^1];
        }

        if (w.Length > 3 && w[^1] == 's' && w[^2] != 'u' && w[^2] != 's')
        {
            return w[..^1];
        }

        return w;
    }
}
