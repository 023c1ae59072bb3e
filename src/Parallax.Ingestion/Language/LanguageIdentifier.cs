using Lingua;

namespace Parallax.Ingestion.Language;

/// <summary>
/// Detects an article's language (ISO 639-1) with Lingua, limited to <see cref="Languages"/> and in its low-accuracy
/// mode (trigram models only: a few MB, loaded on first use; accurate on paragraphs, which is what articles are).
/// Only the first <see cref="SampleChars"/> characters are looked at, so cost does not grow with article length.
/// </summary>
public static class LanguageIdentifier
{
    /// <summary>How much of the text is examined.</summary>
    public const int SampleChars = 1200;

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

        var language = Detector.Value.DetectLanguageOf(sample);
        if (language == Lingua.Language.Unknown)
        {
            return null;
        }

        return language.IsoCode6391().ToString().ToLowerInvariant();
    }

    private static string CutAtSpace(string text, int max)
    {
        int cut = text.LastIndexOf(' ', max);
        return text[..(cut > max / 2 ? cut : max)];
    }
}
