using System.Text;
using System.Text.Json;
using Parallax.Core;

namespace Parallax.Stories.Clustering;

/// <summary>
/// Builds <see cref="BackgroundFrequencies"/> from the unlabeled-news data set (Reuters-21578 JSONL, BBC News text
/// files, AG News CSV): for each document the set of its terms and details, counted once; and for each word how
/// often it is written in lower case mid-sentence. Keys held by fewer than <c>minDf</c> documents are dropped, so no
/// rare string of the source text survives: the output is counts of common words only.
/// </summary>
public static class BackgroundFrequencyBuilder
{
    public const string Source = "unlabeled-news(reuters21578,bbc,ag-news)";

    public static BackgroundFrequencies Build(string unlabeledNewsDirectory, int minDf = 3, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(unlabeledNewsDirectory))
        {
            throw new ParallaxException(ErrorCodes.InputNotFound, $"unlabeled-news folder not found: {unlabeledNewsDirectory}");
        }

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var lowerCount = new Dictionary<string, int>(StringComparer.Ordinal);
        var capCount = new Dictionary<string, int>(StringComparer.Ordinal);
        int docs = 0;
        foreach (var text in UnlabeledNewsTexts(unlabeledNewsDirectory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            docs++;
            Count(text, df, lowerCount, capCount);
        }

        if (docs == 0)
        {
            throw new ParallaxException(ErrorCodes.InputEmpty, $"No documents found under {unlabeledNewsDirectory} (expected reuters21578/reuters21578.jsonl, bbc/*/*.txt, ag-news/test.csv).");
        }

        var kept = df.Where(kv => kv.Value >= minDf).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var lower = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (word, lc) in lowerCount)
        {
            int cc = capCount.GetValueOrDefault(word);
            if (lc + cc >= minDf && lc >= cc)
            {
                lower.Add(word);
            }
        }

        return new BackgroundFrequencies(docs, kept, lower, Source);
    }

    private static void Count(string text, Dictionary<string, int> df, Dictionary<string, int> lowerCount, Dictionary<string, int> capCount)
    {
        var tokens = ClusterTokenizer.Tokenize(text);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<string>();
        foreach (var t in tokens)
        {
            TextFeatureExtractor.AddTerms(text, t, terms, null, lead: false);
            var span = text.AsSpan(t.Start, t.Length);
            if (!t.SentenceStart && char.IsLetter(span[0]) && !span.Contains('.'))
            {
                bool allUpper = true;
                foreach (var c in span)
                {
                    if (char.IsLetter(c) && !char.IsUpper(c))
                    {
                        allUpper = false;
                        break;
                    }
                }

                if (!allUpper)
                {
                    var lower = span.ToString().ToLowerInvariant();
                    var counts = char.IsUpper(span[0]) ? capCount : lowerCount;
                    counts[lower] = counts.GetValueOrDefault(lower) + 1;
                }
            }
        }

        foreach (var term in terms)
        {
            seen.Add(term);
        }

        var details = new Dictionary<string, (DetailKind Kind, int Count)>(StringComparer.Ordinal);
        TextFeatureExtractor.CollectDetails(text, tokens, details);
        foreach (var key in details.Keys)
        {
            seen.Add(key);
        }

        foreach (var key in seen)
        {
            df[key] = df.GetValueOrDefault(key) + 1;
        }
    }

    /// <summary>The texts of the unlabeled-news data set (title and body), in a fixed order. For counting and benchmarks only: never store them.</summary>
    public static IEnumerable<string> UnlabeledNewsTexts(string root)
    {
        var reuters = Path.Combine(root, "reuters21578", "reuters21578.jsonl");
        if (File.Exists(reuters))
        {
            foreach (var line in File.ReadLines(reuters))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var doc = JsonDocument.Parse(line);
                var r = doc.RootElement;
                var title = r.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                var body = r.TryGetProperty("text", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
                if (!string.IsNullOrWhiteSpace(body) || !string.IsNullOrWhiteSpace(title))
                {
                    yield return (title ?? "") + "\n" + (body ?? "");
                }
            }
        }

        var bbc = Path.Combine(root, "bbc");
        if (Directory.Exists(bbc))
        {
            var latin1 = Encoding.Latin1;
            foreach (var file in Directory.EnumerateFiles(bbc, "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var bytes = File.ReadAllBytes(file);
                string text;
                try
                {
                    text = new UTF8Encoding(false, true).GetString(bytes);
                }
                catch (DecoderFallbackException)
                {
                    text = latin1.GetString(bytes);
                }

                yield return text;
            }
        }

        var ag = Path.Combine(root, "ag-news", "test.csv");
        if (File.Exists(ag))
        {
            bool header = true;
            foreach (var fields in Csv(File.ReadAllText(ag)))
            {
                if (header)
                {
                    header = false;
                    continue;
                }

                if (fields.Count >= 3)
                {
                    yield return fields[1] + "\n" + fields[2].Replace("\\", " ", StringComparison.Ordinal).Replace(" #36;", " $", StringComparison.Ordinal);
                }
            }
        }
    }

    /// <summary>A small RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes.</summary>
    internal static IEnumerable<List<string>> Csv(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                yield return row;
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
