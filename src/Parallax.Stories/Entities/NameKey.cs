using System.Globalization;
using System.Text;

namespace Parallax.Stories.Entities;

/// <summary>
/// Normalised keys for names: case, diacritics, hyphens and apostrophes folded, possessives and honorifics dropped,
/// so that "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" share a key, and "Mr Tillerson's" becomes "tillerson".
/// </summary>
public static class NameKey
{
    private static readonly HashSet<string> Honorifics = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "mx", "madam", "mme", "m", "messrs",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "the", "and", "for", "&", "de", "la", "du", "des", "on", "in", "at", "to",
    };

    /// <summary>The words of a name, lower-cased and folded, without possessive or leading honorifics or a leading "the".</summary>
    public static string[] Words(string name)
    {
        var folded = Fold(name);
        var words = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c) || c == '&')
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’' or '.')
            {
                // "O'Brien" -> "obrien"; "U.S." -> "us"
            }
            else if (sb.Length > 0)
            {
                words.Add(sb.ToString());
                sb.Clear();
            }
        }

        if (sb.Length > 0)
        {
            words.Add(sb.ToString());
        }

        // possessive: "tillerson's" -> words ["tillersons"]? we removed the apostrophe; handle the raw form instead
        if (words.Count > 0 && EndsWithPossessive(name))
        {
            var last = words[^1];
            if (last.Length > 2 && last.EndsWith('s'))
            {
                words[^1] = last[..^1];
            }
        }

        while (words.Count > 1 && (Honorifics.Contains(words[0]) || words[0] == "the"))
        {
            words.RemoveAt(0);
        }

        return [.. words];
    }

    public static string Key(string name) => string.Join(' ', Words(name));

    /// <summary>Initials of the significant words: "United Nations" -> "un", "International Atomic Energy Agency" -> "iaea".</summary>
    public static string Acronym(string name)
    {
        var sb = new StringBuilder();
        foreach (var w in Words(name))
        {
            if (!Connectors.Contains(w) && w.Length > 0)
            {
                sb.Append(w[0]);
            }
        }

        return sb.ToString();
    }

    /// <summary>True when the name, as written, looks like an acronym ("UN", "U.S.", "IAEA", "NATO").</summary>
    public static bool LooksLikeAcronym(string name)
    {
        int letters = 0;
        foreach (var c in name)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
            else if (c is not '.' and not '&' and not '-')
            {
                return false;
            }
        }

        return letters is >= 2 and <= 8;
    }

    public static bool EndsWithPossessive(string name) =>
        name.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || name.EndsWith("’s", StringComparison.OrdinalIgnoreCase) ||
        name.EndsWith("s'", StringComparison.OrdinalIgnoreCase) || name.EndsWith("s’", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name as shown: possessive and leading honorific removed, whitespace collapsed, original casing kept.</summary>
    public static string Display(string name)
    {
        var s = name.Trim();
        if (s.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || s.EndsWith("’s", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^2];
        }
        else if (s.EndsWith("s'", StringComparison.Ordinal) || s.EndsWith("s’", StringComparison.Ordinal))
        {
            s = s[..^1];
        }

        var parts = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        while (parts.Count > 1 && Honorifics.Contains(parts[0].TrimEnd('.')))
        {
            parts.RemoveAt(0);
        }

        return string.Join(' ', parts);
    }

    private static string Fold(string s)
    {
        var normalized = s.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
