using Lingua;

namespace Parallax.Ingestion.Language;

/// <summary>
/// Detects an article's language (ISO 639-1) among <see cref="Languages"/>, in two steps so that it costs
/// microseconds on ordinary articles:
/// <list type="number">
/// <item>script and function words: a sample dominated by Cyrillic, Arabic, Han or Kana letters is Russian, Arabic,
///   Chinese or Japanese; a Latin-script sample whose most frequent function words (<see cref="FunctionWords"/>)
///   clearly point to one language (at least <see cref="MinFunctionWords"/> hits and <see cref="FunctionWordMargin"/>
///   times the runner-up) is that language;</item>
/// <item>otherwise Lingua, limited to these languages and in its low-accuracy mode (trigram models only: under
///   1 MB shipped, loaded on first use), on the first <see cref="LinguaSampleChars"/> characters.</item>
/// </list>
/// Only the first <see cref="SampleChars"/> characters are looked at, so cost does not grow with article length.
/// </summary>
public static class LanguageIdentifier
{
    /// <summary>How much of the text is examined.</summary>
    public const int SampleChars = 1200;

    /// <summary>How much of the text Lingua examines when function words do not decide.</summary>
    public const int LinguaSampleChars = 600;

    /// <summary>Function-word hits the leading Latin-script language needs ...</summary>
    public const int MinFunctionWords = 6;

    /// <summary>... and how many times the runner-up's.</summary>
    public const double FunctionWordMargin = 2.0;

    /// <summary>Very frequent function words of each Latin-script language (overlaps are fine: the margin decides).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> FunctionWords = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["en"] = ["the", "and", "of", "to", "is", "that", "with", "for", "was", "are", "have", "has", "this", "from", "by", "it", "be", "were", "which", "said", "he", "she", "they", "will", "would", "not", "but", "his", "her", "their"],
        ["fr"] = ["le", "la", "les", "des", "est", "et", "une", "du", "que", "qui", "dans", "pour", "pas", "sur", "au", "avec", "ce", "sont", "il", "ont", "aux", "mais", "ne", "cette", "été"],
        ["de"] = ["der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "mit", "den", "sich", "des", "auf", "für", "im", "dem", "von", "wird", "auch", "sie", "es", "nach", "bei", "wurde"],
        ["es"] = ["el", "los", "las", "del", "que", "y", "en", "un", "una", "por", "con", "para", "es", "se", "su", "al", "lo", "como", "más", "fue", "pero", "sus", "han", "este", "está"],
        ["it"] = ["il", "di", "che", "la", "e", "non", "per", "un", "una", "del", "della", "sono", "con", "gli", "le", "nel", "alla", "anche", "è", "dei", "si", "ha", "delle", "nella", "questo"],
        ["pt"] = ["o", "os", "as", "de", "que", "e", "não", "um", "uma", "do", "da", "em", "para", "com", "por", "dos", "das", "é", "se", "ao", "mais", "foi", "na", "no", "são"],
        ["nl"] = ["de", "het", "een", "van", "en", "is", "dat", "niet", "op", "te", "zijn", "met", "voor", "die", "er", "ook", "aan", "bij", "wordt", "naar", "heeft", "hij", "werd", "nog", "maar"],
        ["pl"] = ["i", "w", "się", "na", "nie", "z", "że", "do", "to", "jest", "jak", "o", "po", "ale", "od", "przez", "dla", "jego", "jej", "już", "oraz", "czy", "tak", "być", "został"],
        ["tr"] = ["ve", "bir", "bu", "da", "de", "için", "ile", "olarak", "çok", "daha", "gibi", "ama", "olan", "kadar", "sonra", "değil", "mi", "ne", "var", "şey", "ise", "göre", "her", "yeni", "oldu"],
    };

    private static readonly Dictionary<string, string[]> WordToLanguages = BuildIndex();

    /// <summary>Texts with fewer letters than this are not classified (null).</summary>
    public const int MinLetters = 20;

    /// <summary>The languages Parallax tells apart; their model files are the only ones shipped.</summary>
    public static readonly IReadOnlyList<Lingua.Language> Languages =
    [
        Lingua.Language.English, Lingua.Language.French, Lingua.Language.German, Lingua.Language.Spanish, Lingua.Language.Italian,
        Lingua.Language.Portuguese, Lingua.Language.Dutch, Lingua.Language.Russian, Lingua.Language.Chinese, Lingua.Language.Arabic,
        Lingua.Language.Japanese, Lingua.Language.Polish, Lingua.Language.Turkish,
    ];

    private static readonly Lazy<LanguageDetector> Detector = new(
        () => LanguageDetectorBuilder.FromLanguages([.. Languages]).WithLowAccuracyMode().Build(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The ISO 639-1 code of the text's language, or null when it is too short or unclear.</summary>
    public static string? Detect(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var sample = text.Length > SampleChars ? CutAtSpace(text, SampleChars) : text;
        int letters = 0;
        foreach (char c in sample)
        {
            if (char.IsLetter(c) && ++letters >= MinLetters)
            {
                break;
            }
        }

        if (letters < MinLetters)
        {
            return null;
        }

        var fast = ByScriptAndFunctionWords(sample);
        if (fast is not null)
        {
            return fast;
        }

        var language = Detector.Value.DetectLanguageOf(sample.Length > LinguaSampleChars ? CutAtSpace(sample, LinguaSampleChars) : sample);
        if (language == Lingua.Language.Unknown)
        {
            return null;
        }

        return language.IsoCode6391().ToString().ToLowerInvariant();
    }

    /// <summary>The first step: script, then function words; null when they do not decide.</summary>
    internal static string? ByScriptAndFunctionWords(string sample)
    {
        int latin = 0, cyrillic = 0, arabic = 0, han = 0, kana = 0;
        foreach (char c in sample)
        {
            if (c < 0x80)
            {
                if (char.IsAsciiLetter(c))
                {
                    latin++;
                }
            }
            else if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
            }
            else if (c is >= '\u0600' and <= '\u06FF')
            {
                arabic++;
            }
            else if (c is >= '\u3040' and <= '\u30FF')
            {
                kana++;
            }
            else if (c is >= '\u4E00' and <= '\u9FFF')
            {
                han++;
            }
            else if (char.IsLetter(c))
            {
                latin++;
            }
        }

        int total = latin + cyrillic + arabic + han + kana;
        if (total == 0)
        {
            return null;
        }

        if (kana * 10 > total)
        {
            return "ja";
        }

        if (han * 2 > total)
        {
            return "zh";
        }

        if (cyrillic * 2 > total)
        {
            return "ru";
        }

        if (arabic * 2 > total)
        {
            return "ar";
        }

        if (latin * 2 <= total)
        {
            return null;
        }

        var hits = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = WordToLanguages.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> lower = stackalloc char[16];
        int i = 0;
        while (i < sample.Length)
        {
            while (i < sample.Length && !char.IsLetter(sample[i]))
            {
                i++;
            }

            int start = i;
            while (i < sample.Length && char.IsLetter(sample[i]))
            {
                i++;
            }

            int length = i - start;
            if (length is > 0 and <= 16)
            {
                int n = sample.AsSpan(start, length).ToLowerInvariant(lower);
                if (lookup.TryGetValue(lower[..n], out var languages))
                {
                    foreach (var l in languages)
                    {
                        hits[l] = hits.GetValueOrDefault(l) + 1;
                    }
                }
            }
        }

        string? best = null;
        int top = 0, second = 0;
        foreach (var (l, count) in hits)
        {
            if (count > top)
            {
                second = top;
                top = count;
                best = l;
            }
            else if (count > second)
            {
                second = count;
            }
        }

        return top >= MinFunctionWords && top >= second * FunctionWordMargin ? best : null;
    }

    private static Dictionary<string, string[]> BuildIndex()
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (language, words) in FunctionWords)
        {
            foreach (var w in words)
            {
                if (!index.TryGetValue(w, out var list))
                {
                    index[w] = list = [];
                }

                list.Add(language);
            }
        }

        return index.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    private static string CutAtSpace(string text, int max)
    {
        int cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)];
    }
}
