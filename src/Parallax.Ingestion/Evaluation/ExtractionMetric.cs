using System.Globalization;
using System.Text;

namespace Parallax.Ingestion.Evaluation;

/// <summary>One page's shingle counts, normalised so that each page weighs the same.</summary>
public readonly record struct PageScore(string Id, double TruePositive, double FalsePositive, double FalseNegative, bool ExactMatch)
{
    public double? Precision => TruePositive + FalsePositive > 0 ? ExtractionMetric.PrecisionOf(TruePositive, FalsePositive, FalseNegative) : null;

    public double? Recall => TruePositive + FalseNegative > 0 ? ExtractionMetric.RecallOf(TruePositive, FalsePositive, FalseNegative) : null;
}

/// <summary>The article-extraction benchmark's figures over a set of pages.</summary>
public sealed record ExtractionScore(double Precision, double Recall, double F1, double Accuracy, int Pages);

/// <summary>
/// The article-extraction benchmark's metric, exactly: texts are split into words (runs of Unicode letters, digits
/// and underscores, like Python's <c>\w+</c>); each page's word 4-gram shingles are matched as multisets into true
/// positives, false positives and false negatives, normalised by their sum; precision is averaged over the pages
/// that predicted something, recall over the pages whose truth is not empty, and F1 is computed from those two
/// averages. Accuracy is the share of pages whose predicted word sequence equals the truth's exactly.
/// </summary>
public static class ExtractionMetric
{
    public const int ShingleSize = 4;

    public static PageScore ScorePage(string id, string truth, string predicted)
    {
        var trueTokens = Tokenize(truth);
        var predTokens = Tokenize(predicted);
        var trueShingles = Shingles(trueTokens);
        var predShingles = Shingles(predTokens);
        double tp = 0, fp = 0, fn = 0;
        foreach (var (key, trueCount) in trueShingles)
        {
            predShingles.TryGetValue(key, out int predCount);
            tp += Math.Min(trueCount, predCount);
            fn += Math.Max(0, trueCount - predCount);
        }

        foreach (var (key, predCount) in predShingles)
        {
            trueShingles.TryGetValue(key, out int trueCount);
            fp += Math.Max(0, predCount - trueCount);
        }

        double sum = tp + fp + fn;
        if (sum > 0)
        {
            tp /= sum;
            fp /= sum;
            fn /= sum;
        }

        return new PageScore(id, tp, fp, fn, trueTokens.SequenceEqual(predTokens, StringComparer.Ordinal));
    }

    public static ExtractionScore Aggregate(IReadOnlyList<PageScore> pages)
    {
        var precisions = pages.Select(p => p.Precision).OfType<double>().ToList();
        var recalls = pages.Select(p => p.Recall).OfType<double>().ToList();
        double precision = precisions.Count > 0 ? precisions.Average() : 0;
        double recall = recalls.Count > 0 ? recalls.Average() : 0;
        double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        double accuracy = pages.Count > 0 ? pages.Count(p => p.ExactMatch) / (double)pages.Count : 0;
        return new ExtractionScore(precision, recall, f1, accuracy, pages.Count);
    }

    internal static double PrecisionOf(double tp, double fp, double fn) =>
        fp == 0 && fn == 0 ? 1 : tp == 0 && fp == 0 ? 0 : tp / (tp + fp);

    internal static double RecallOf(double tp, double fp, double fn) =>
        fp == 0 && fn == 0 ? 1 : tp == 0 && fn == 0 ? 0 : tp / (tp + fn);

    /// <summary>Words as Python's <c>re.findall(r'\w+', text)</c> finds them.</summary>
    public static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        int i = 0;
        while (i < text.Length)
        {
            int len = WordCharLength(text, i);
            if (len == 0)
            {
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && (len = WordCharLength(text, i)) > 0)
            {
                i += len;
            }

            tokens.Add(text[start..i]);
        }

        return tokens;
    }

    /// <summary>Length (1 or 2 chars) of the word character at <paramref name="i"/>, or 0 when it is not one.</summary>
    private static int WordCharLength(string text, int i)
    {
        char c = text[i];
        if (c < 0x80)
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_' ? 1 : 0;
        }

        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            return IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, text[i + 1]))) ? 2 : 0;
        }

        return IsWordCategory(CharUnicodeInfo.GetUnicodeCategory(c)) ? 1 : 0;
    }

    // Python's \w: str.isalnum() (letters Lu Ll Lt Lm Lo, numbers Nd Nl No) plus '_'.
    private static bool IsWordCategory(UnicodeCategory category) => category is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
        UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or
        UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;

    private static Dictionary<string, int> Shingles(List<string> tokens)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        int count = Math.Max(1, tokens.Count - ShingleSize + 1);
        var sb = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            int end = Math.Min(tokens.Count, i + ShingleSize);
            if (end <= i)
            {
                break;
            }

            sb.Clear();
            for (int j = i; j < end; j++)
            {
                sb.Append(tokens[j]).Append('\u0001');
            }

            var key = sb.ToString();
            result[key] = result.TryGetValue(key, out int c) ? c + 1 : 1;
        }

        return result;
    }
}
