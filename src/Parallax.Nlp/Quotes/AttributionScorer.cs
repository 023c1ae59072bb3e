using System.Text.Json.Serialization;
using Parallax.Core;

namespace Parallax.Nlp.Quotes;

/// <summary>Precision, recall and F1 with the counts they come from.</summary>
public sealed record Prf(
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("matched")] int Matched,
    [property: JsonPropertyName("predicted")] int Predicted,
    [property: JsonPropertyName("gold")] int Gold)
{
    public static Prf From(int matchedPredicted, int matchedGold, int predicted, int gold)
    {
        var p = predicted == 0 ? 0 : (double)matchedPredicted / predicted;
        var r = gold == 0 ? 0 : (double)matchedGold / gold;
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new Prf(Math.Round(p, 4), Math.Round(r, 4), Math.Round(f, 4), matchedGold, predicted, gold);
    }
}

public sealed record ExactScores(
    [property: JsonPropertyName("source")] Prf Source,
    [property: JsonPropertyName("cue")] Prf Cue,
    [property: JsonPropertyName("content")] Prf Content,
    [property: JsonPropertyName("attribution")] Prf Attribution,
    [property: JsonPropertyName("f1")] double F1);

/// <summary>The figures of <c>parallax eval quotes</c>.</summary>
public sealed record AttributionScores(
    [property: JsonPropertyName("documents")] int Documents,
    [property: JsonPropertyName("source")] Prf Source,
    [property: JsonPropertyName("cue")] Prf Cue,
    [property: JsonPropertyName("content")] Prf Content,
    [property: JsonPropertyName("attribution")] Prf Attribution,
    [property: JsonPropertyName("exact")] ExactScores Exact,
    [property: JsonPropertyName("rule")] string Rule);

/// <summary>
/// Scores predicted attributions against gold ones.
/// <para>Spans are compared as sets of scoring tokens: runs of letters/digits (with inner apostrophes and hyphens)
/// and every other non-space character alone, counted when the token starts inside one of the span's parts.
/// Two spans match when the Jaccard index of their token sets is at least <see cref="Threshold"/> (0.5); exact
/// figures require identical token sets.</para>
/// <para>Source, cue and content: each distinct span of that kind in a document (a source shared by several
/// attributions counts once) is matched one-to-one, best overlap first. Attribution: a predicted attribution
/// matches a gold one when their contents, cues and sources all match (a gold attribution without a source
/// needs a prediction without one); also one-to-one.</para>
/// </summary>
public sealed class AttributionScorer
{
    public const double Threshold = 0.5;

    public const string RuleDescription =
        "token sets (word runs and single punctuation marks); span match = Jaccard >= 0.5, one-to-one, best first; " +
        "source/cue/content = distinct spans per document; attribution = content, cue and source all match " +
        "(no gold source = no predicted source); exact = identical token sets";

    private readonly Counter[] _loose = [new(), new(), new(), new()];
    private readonly Counter[] _exact = [new(), new(), new(), new()];
    private int _documents;

    /// <summary>Adds one document.</summary>
    public void Add(string text, IReadOnlyList<GoldAttribution> gold, IReadOnlyList<GoldAttribution> predicted)
    {
        _documents++;
        var tokens = ScoringTokens(text);
        var g = gold.Select(a => Encode(a, tokens)).Where(a => a.Content.Length > 0 && a.Cue.Length > 0).ToList();
        var p = predicted.Select(a => Encode(a, tokens)).Where(a => a.Content.Length > 0 && a.Cue.Length > 0).ToList();
        foreach (var (exact, counters) in new[] { (false, _loose), (true, _exact) })
        {
            counters[0].Add(MatchSpans(Distinct(g.Select(a => a.Source)), Distinct(p.Select(a => a.Source)), exact));
            counters[1].Add(MatchSpans(Distinct(g.Select(a => a.Cue)), Distinct(p.Select(a => a.Cue)), exact));
            counters[2].Add(MatchSpans(Distinct(g.Select(a => a.Content)), Distinct(p.Select(a => a.Content)), exact));
            counters[3].Add(MatchAttributions(g, p, exact));
        }
    }

    public AttributionScores Result()
    {
        var exact = _exact.Select(c => c.Prf()).ToArray();
        return new AttributionScores(
            _documents,
            _loose[0].Prf(),
            _loose[1].Prf(),
            _loose[2].Prf(),
            _loose[3].Prf(),
            new ExactScores(exact[0], exact[1], exact[2], exact[3], exact[3].F1),
            RuleDescription);
    }

    private sealed class Counter
    {
        private int _matched;
        private int _predicted;
        private int _gold;

        public void Add((int Matched, int Predicted, int Gold) c)
        {
            _matched += c.Matched;
            _predicted += c.Predicted;
            _gold += c.Gold;
        }

        public Prf Prf() => Quotes.Prf.From(_matched, _matched, _predicted, _gold);
    }

    private readonly record struct Encoded(int[] Source, int[] Cue, int[] Content, bool HasSource);

    private static Encoded Encode(GoldAttribution a, int[] tokenStarts)
    {
        var source = a.Source is null ? [] : TokenSet(a.Source, tokenStarts);
        return new Encoded(source, TokenSet(a.Cue, tokenStarts), TokenSet(a.Content, tokenStarts), source.Length > 0);
    }

    private static List<int[]> Distinct(IEnumerable<int[]> spans)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<int[]>();
        foreach (var s in spans)
        {
            if (s.Length > 0 && seen.Add(string.Join(',', s)))
            {
                list.Add(s);
            }
        }

        return list;
    }

    private static (int, int, int) MatchSpans(List<int[]> gold, List<int[]> predicted, bool exact)
    {
        var pairs = new List<(double Score, int G, int P)>();
        for (var i = 0; i < gold.Count; i++)
        {
            for (var j = 0; j < predicted.Count; j++)
            {
                var jac = Jaccard(gold[i], predicted[j]);
                if (exact ? jac >= 1 : jac >= Threshold)
                {
                    pairs.Add((jac, i, j));
                }
            }
        }

        return (Assign(pairs, gold.Count, predicted.Count), predicted.Count, gold.Count);
    }

    private static (int, int, int) MatchAttributions(List<Encoded> gold, List<Encoded> predicted, bool exact)
    {
        var pairs = new List<(double Score, int G, int P)>();
        for (var i = 0; i < gold.Count; i++)
        {
            for (var j = 0; j < predicted.Count; j++)
            {
                var g = gold[i];
                var p = predicted[j];
                var content = Jaccard(g.Content, p.Content);
                var cue = Jaccard(g.Cue, p.Cue);
                double source;
                if (g.HasSource)
                {
                    source = p.HasSource ? Jaccard(g.Source, p.Source) : 0;
                }
                else
                {
                    source = p.HasSource ? 0 : 1;
                }

                var min = exact ? 1 : Threshold;
                if (content >= min && cue >= min && source >= min)
                {
                    pairs.Add((content + cue + source, i, j));
                }
            }
        }

        return (Assign(pairs, gold.Count, predicted.Count), predicted.Count, gold.Count);
    }

    private static int Assign(List<(double Score, int G, int P)> pairs, int goldCount, int predictedCount)
    {
        pairs.Sort((a, b) => b.Score.CompareTo(a.Score));
        var usedG = new bool[goldCount];
        var usedP = new bool[predictedCount];
        var matched = 0;
        foreach (var (_, g, p) in pairs)
        {
            if (!usedG[g] && !usedP[p])
            {
                usedG[g] = usedP[p] = true;
                matched++;
            }
        }

        return matched;
    }

    /// <summary>Jaccard index of two sorted, distinct int arrays.</summary>
    public static double Jaccard(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, inter = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                inter++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)inter / (a.Length + b.Length - inter);
    }

    /// <summary>Start offsets of the scoring tokens of <paramref name="text"/>.</summary>
    public static int[] ScoringTokens(string text)
    {
        var starts = new List<int>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            starts.Add(i);
            if (char.IsLetterOrDigit(c))
            {
                i++;
                while (i < text.Length)
                {
                    var d = text[i];
                    if (char.IsLetterOrDigit(d))
                    {
                        i++;
                    }
                    else if ((d is '\'' or '\u2019' or '-') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
                    {
                        i += 2;
                    }
                    else
                    {
                        break;
                    }
                }
            }
            else
            {
                i++;
            }
        }

        return [.. starts];
    }

    private static int[] TokenSet(BratSpan span, int[] tokenStarts)
    {
        var set = new List<int>();
        foreach (var part in span.Parts)
        {
            var k = LowerBound(tokenStarts, part.Start);
            while (k < tokenStarts.Length && tokenStarts[k] < part.End)
            {
                set.Add(k);
                k++;
            }
        }

        set.Sort();
        return [.. set.Distinct()];
    }

    private static int LowerBound(int[] a, int value)
    {
        int lo = 0, hi = a.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (a[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The attributions of a quote layer in PolNeAR's shape: mentions sharing a cue are one attribution with a discontinuous content.</summary>
    public static IReadOnlyList<GoldAttribution> FromLayer(QuoteLayer layer)
    {
        var result = new List<GoldAttribution>();
        var byCue = new Dictionary<TextRange, int>();
        foreach (var q in layer.Quotes)
        {
            if (q.Cue is not { } cue)
            {
                continue;
            }

            var source = q.Source is { } s ? new BratSpan([s]) : null;
            if (byCue.TryGetValue(cue, out var index))
            {
                var prev = result[index];
                var parts = prev.Content.Parts.Append(q.Content).ToList();
                parts.Sort();
                result[index] = prev with { Content = new BratSpan(parts) };
            }
            else
            {
                byCue[cue] = result.Count;
                result.Add(new GoldAttribution(source, new BratSpan([cue]), new BratSpan([q.Content])));
            }
        }

        return result;
    }
}
