using System.Globalization;
using System.Text.Json;
using Parallax.Core;

namespace Parallax.Nlp.Facts;

/// <summary>Precision, recall and F1 from counts.</summary>
public sealed record Prf(double Precision, double Recall, double F1, int Correct, int Predicted, int Gold)
{
    public static Prf From(int correct, int predicted, int gold)
    {
        double p = predicted == 0 ? 0 : (double)correct / predicted;
        double r = gold == 0 ? 0 : (double)correct / gold;
        return new Prf(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), correct, predicted, gold);
    }
}

/// <summary>One gold item that the system missed or got wrong, for reading.</summary>
public sealed record FactError(string Source, string Phrase, string Expected, string Got);

/// <param name="Detection">Phrases found (a prediction overlapping a gold phrase counts).</param>
/// <param name="ResolutionAccuracy">Of the gold phrases found, the share resolved to exactly the gold interval (or left unresolved when the gold is).</param>
/// <param name="Strict">Found and resolved exactly, against all predictions and all gold phrases.</param>
public sealed record TimeEvaluation(int Sentences, Prf Detection, double ResolutionAccuracy, Prf Strict, IReadOnlyList<FactError> Errors);

/// <param name="ValueAccuracy">Of the gold quantities found: kind, value, upper value and currency right.</param>
/// <param name="UnitAccuracy">Of the gold quantities found whose unit is annotated: unit right.</param>
/// <param name="GroupAccuracy">Of gold pairs stating one amount twice: linked in one group.</param>
/// <param name="Strict">Found with kind, value, currency and unit (where annotated) right.</param>
public sealed record QuantityEvaluation(int Sentences, Prf Detection, double ValueAccuracy, double UnitAccuracy, double GroupAccuracy, Prf Strict, IReadOnlyList<FactError> Errors);

/// <param name="Roles">(person, role) pairs: a predicted role counts when its person and its role text (ignoring case) match a gold one.</param>
/// <param name="QualifierAccuracy">Of the gold roles found whose qualifier is annotated: qualifier right (null for none).</param>
public sealed record RoleEvaluation(int Sentences, Prf Roles, double QualifierAccuracy, IReadOnlyList<FactError> Errors);

/// <summary>
/// Scores the time and quantity grammars on gold files of real sentences (tests/fixtures/facts/*.gold.jsonl): one
/// JSON object a line, <c>{"source", "published", "sentence", "expect": [...]}</c>, each expected item naming its
/// phrase as written in the sentence.
/// </summary>
public static class FactEvaluation
{
    private sealed record GoldLine(string Source, string? Published, string Sentence, JsonElement[] Expect, JsonElement? Entities = null);

    /// <summary>
    /// Roles on gold lines that also give the entity mentions (<c>"entities": [["Lu Kang", "PER"], ...]</c>), so the
    /// role grammar is measured apart from the NER model. <paramref name="pipeline"/> must assign tokens and sentences.
    /// </summary>
    public static RoleEvaluation Roles(string goldPath, Pipeline pipeline, IPipelineComponent roles, CancellationToken cancellationToken = default)
    {
        var lines = Load(goldPath);
        int predicted = 0, gold = 0, found = 0, qualGold = 0, qualRight = 0;
        var errors = new List<FactError>();
        foreach (var line in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var doc = pipeline.Run(new Document(line.Sentence, Info(line)), cancellationToken);
            doc = doc.With(Layers.Entities, GoldEntities(line, doc.Get(Layers.Tokens)));
            doc = roles.Process(doc, cancellationToken);
            var mentions = doc.Get(Layers.Entities).Mentions;
            var preds = doc.Get(Layers.Roles).Roles;
            predicted += preds.Count;
            var used = new bool[preds.Count];
            foreach (var e in line.Expect)
            {
                gold++;
                var person = e.GetProperty("person").GetString()!;
                var role = e.GetProperty("role").GetString()!;
                int k = -1;
                for (int j = 0; j < preds.Count; j++)
                {
                    var m = mentions[preds[j].Entity];
                    if (!used[j] && line.Sentence[m.Range.Start..m.Range.End] == person && string.Equals(preds[j].Role, role, StringComparison.OrdinalIgnoreCase))
                    {
                        k = j;
                        break;
                    }
                }

                if (k < 0)
                {
                    var got = string.Join("; ", preds.Where(p => line.Sentence[mentions[p.Entity].Range.Start..mentions[p.Entity].Range.End] == person).Select(p => p.Role + " / " + p.Qualifier));
                    errors.Add(new FactError(line.Source, person, role, got.Length == 0 ? "(not found)" : got));
                    continue;
                }

                used[k] = true;
                found++;
                if (e.TryGetProperty("qualifier", out var q))
                {
                    qualGold++;
                    var expected = q.ValueKind == JsonValueKind.Null ? null : q.GetString();
                    if (string.Equals(expected, preds[k].Qualifier, StringComparison.Ordinal))
                    {
                        qualRight++;
                    }
                    else
                    {
                        errors.Add(new FactError(line.Source, person + " (" + role + ")", "qualifier " + (expected ?? "-"), "qualifier " + (preds[k].Qualifier ?? "-")));
                    }
                }
            }

            for (int j = 0; j < preds.Count; j++)
            {
                if (!used[j])
                {
                    var m = mentions[preds[j].Entity];
                    errors.Add(new FactError(line.Source, line.Sentence[m.Range.Start..m.Range.End], "(nothing)", preds[j].Role + " / " + preds[j].Qualifier));
                }
            }
        }

        return new RoleEvaluation(lines.Count, Prf.From(found, predicted, gold), qualGold == 0 ? 0 : (double)qualRight / qualGold, errors);
    }

    private static EntityLayer GoldEntities(GoldLine line, TokenLayer tokens)
    {
        var list = new List<EntityMention>();
        if (line.Entities is not { } entities)
        {
            return new EntityLayer([]);
        }

        foreach (var pair in entities.EnumerateArray())
        {
            var name = pair[0].GetString()!;
            if (!EntityTypes.TryParse(pair[1].GetString()!, out var type))
            {
                throw new ParallaxException(ErrorCodes.DataFormat, $"Unknown entity type '{pair[1].GetString()}' in {line.Source}.");
            }

            int at = 0;
            while ((at = line.Sentence.IndexOf(name, at, StringComparison.Ordinal)) >= 0)
            {
                int end = at + name.Length;
                bool bounded = (at == 0 || !char.IsLetterOrDigit(line.Sentence[at - 1])) && (end == line.Sentence.Length || !char.IsLetterOrDigit(line.Sentence[end]));
                var range = new TextRange(at, end);
                if (bounded && !list.Exists(m => m.Range.Overlaps(range)))
                {
                    int first = tokens.IndexAtOrAfter(at);
                    int last = first;
                    while (last < tokens.Count && tokens[last].Start < end)
                    {
                        last++;
                    }

                    list.Add(new EntityMention(range, type, first, last - first, 1f));
                }

                at = end;
            }
        }

        list.Sort((x, y) => x.Range.CompareTo(y.Range));
        return new EntityLayer([.. list]);
    }

    public static TimeEvaluation Times(string goldPath, Pipeline pipeline, CancellationToken cancellationToken = default)
    {
        var lines = Load(goldPath);
        int predicted = 0, gold = 0, found = 0, resolvedRight = 0;
        var errors = new List<FactError>();
        foreach (var line in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var doc = pipeline.Run(new Document(line.Sentence, Info(line)), cancellationToken);
            var preds = doc.Get(Layers.Times).Expressions;
            predicted += preds.Length;
            var used = new bool[preds.Length];
            foreach (var e in line.Expect)
            {
                gold++;
                var phrase = e.GetProperty("phrase").GetString()!;
                var range = Locate(line, phrase);
                string expected = Interval(Date(e, "start"), Date(e, "end"));
                int k = Match(preds.Select(p => p.Range).ToArray(), used, range);
                if (k < 0)
                {
                    errors.Add(new FactError(line.Source, phrase, expected, "(not found)"));
                    continue;
                }

                found++;
                var p = preds[k];
                string got = Interval(p.Start, p.End);
                if (got == expected)
                {
                    resolvedRight++;
                }
                else
                {
                    errors.Add(new FactError(line.Source, phrase, expected, got + " from '" + line.Sentence[p.Range.Start..p.Range.End] + "' " + p.Relative));
                }
            }

            for (int k = 0; k < preds.Length; k++)
            {
                if (!used[k])
                {
                    errors.Add(new FactError(line.Source, line.Sentence[preds[k].Range.Start..preds[k].Range.End], "(nothing)", Interval(preds[k].Start, preds[k].End)));
                }
            }
        }

        return new TimeEvaluation(
            lines.Count,
            Prf.From(found, predicted, gold),
            found == 0 ? 0 : (double)resolvedRight / found,
            Prf.From(resolvedRight, predicted, gold),
            errors);
    }

    public static QuantityEvaluation Quantities(string goldPath, Pipeline pipeline, CancellationToken cancellationToken = default)
    {
        var lines = Load(goldPath);
        int predicted = 0, gold = 0, found = 0, valueRight = 0, unitGold = 0, unitRight = 0, strict = 0, groups = 0, groupsRight = 0;
        var errors = new List<FactError>();
        foreach (var line in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var doc = pipeline.Run(new Document(line.Sentence, Info(line)), cancellationToken);
            var preds = doc.Get(Layers.Quantities).Quantities;
            predicted += preds.Length;
            var used = new bool[preds.Length];
            var groupOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            foreach (var e in line.Expect)
            {
                gold++;
                var phrase = e.GetProperty("phrase").GetString()!;
                var range = Locate(line, phrase);
                string expected = Describe(e);
                int k = Match(preds.Select(p => p.Range).ToArray(), used, range);
                if (e.TryGetProperty("group", out var g))
                {
                    var key = g.GetString()!;
                    if (!groupOf.TryGetValue(key, out var members))
                    {
                        groupOf[key] = members = [];
                    }

                    members.Add(k);
                }

                if (k < 0)
                {
                    errors.Add(new FactError(line.Source, phrase, expected, "(not found)"));
                    continue;
                }

                found++;
                var p = preds[k];
                bool value = SameValue(e, p);
                bool unitAnnotated = e.TryGetProperty("unit", out var u);
                bool unit = !unitAnnotated || string.Equals(u.ValueKind == JsonValueKind.Null ? null : u.GetString(), p.Unit, StringComparison.Ordinal);
                valueRight += value ? 1 : 0;
                unitGold += unitAnnotated ? 1 : 0;
                unitRight += unitAnnotated && unit ? 1 : 0;
                if (value && unit)
                {
                    strict++;
                }
                else
                {
                    errors.Add(new FactError(line.Source, phrase, expected, Describe(p) + " from '" + line.Sentence[p.Range.Start..p.Range.End] + "'"));
                }
            }

            foreach (var members in groupOf.Values)
            {
                groups++;
                if (members.All(m => m >= 0) && members.Select(m => preds[m].Group).Distinct().Count() == 1 && preds[members[0]].Group >= 0)
                {
                    groupsRight++;
                }
            }

            for (int k = 0; k < preds.Length; k++)
            {
                if (!used[k])
                {
                    errors.Add(new FactError(line.Source, line.Sentence[preds[k].Range.Start..preds[k].Range.End], "(nothing)", Describe(preds[k])));
                }
            }
        }

        return new QuantityEvaluation(
            lines.Count,
            Prf.From(found, predicted, gold),
            found == 0 ? 0 : (double)valueRight / found,
            unitGold == 0 ? 0 : (double)unitRight / unitGold,
            groups == 0 ? 1 : (double)groupsRight / groups,
            Prf.From(strict, predicted, gold),
            errors);
    }

    private static bool SameValue(JsonElement e, Quantity p)
    {
        var kind = e.GetProperty("kind").GetString();
        if (!string.Equals(kind, p.Kind.ToString(), StringComparison.Ordinal) || !Close(e.GetProperty("value").GetDouble(), p.Value))
        {
            return false;
        }

        double? max = e.TryGetProperty("max", out var m) ? m.GetDouble() : null;
        if (max.HasValue != p.ValueMax.HasValue || max is { } mv && !Close(mv, p.ValueMax!.Value))
        {
            return false;
        }

        return !e.TryGetProperty("currency", out var c) || string.Equals(c.GetString(), p.Currency, StringComparison.Ordinal);
    }

    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(1, Math.Abs(a));

    private static string Describe(JsonElement e)
    {
        var s = e.GetProperty("kind").GetString() + " " + e.GetProperty("value").GetDouble().ToString("R", CultureInfo.InvariantCulture);
        if (e.TryGetProperty("max", out var m))
        {
            s += ".." + m.GetDouble().ToString("R", CultureInfo.InvariantCulture);
        }

        if (e.TryGetProperty("currency", out var c))
        {
            s += " " + c.GetString();
        }

        if (e.TryGetProperty("unit", out var u))
        {
            s += " [" + (u.ValueKind == JsonValueKind.Null ? "-" : u.GetString()) + "]";
        }

        return s;
    }

    private static string Describe(Quantity q) =>
        q.Kind + " " + q.Value.ToString("R", CultureInfo.InvariantCulture)
        + (q.ValueMax is { } m ? ".." + m.ToString("R", CultureInfo.InvariantCulture) : string.Empty)
        + (q.Currency is null ? string.Empty : " " + q.Currency)
        + " [" + (q.Unit ?? "-") + "]";

    private static string Interval(DateOnly? start, DateOnly? end) =>
        start is null ? "unresolved" : start.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".." + end!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Date(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? DateOnly.Parse(v.GetString()!, CultureInfo.InvariantCulture) : null;

    /// <summary>The first unused prediction overlapping the gold range, or -1.</summary>
    private static int Match(TextRange[] predictions, bool[] used, TextRange gold)
    {
        for (int k = 0; k < predictions.Length; k++)
        {
            if (!used[k] && predictions[k].Overlaps(gold))
            {
                used[k] = true;
                return k;
            }
        }

        return -1;
    }

    private static TextRange Locate(GoldLine line, string phrase)
    {
        int at = line.Sentence.IndexOf(phrase, StringComparison.Ordinal);
        if (at < 0)
        {
            throw new ParallaxException(ErrorCodes.DataFormat, $"Gold phrase '{phrase}' is not in its sentence ({line.Source}).");
        }

        return new TextRange(at, at + phrase.Length);
    }

    private static DocumentInfo Info(GoldLine line)
    {
        DateTimeOffset? published = null;
        if (line.Published is { } p)
        {
            if (!DateTimeOffset.TryParse(p, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                throw new ParallaxException(ErrorCodes.DataFormat, $"Gold line from '{line.Source}' has published '{p}', which is not a date (use null when unknown).");
            }

            published = parsed;
        }

        return new DocumentInfo { Id = line.Source, Published = published };
    }

    private static List<GoldLine> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ParallaxException(ErrorCodes.InputNotFound, $"Gold file '{path}' does not exist.");
        }

        var list = new List<GoldLine>();
        int n = 0;
        foreach (var raw in File.ReadLines(path))
        {
            n++;
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            try
            {
                using var json = JsonDocument.Parse(raw);
                var r = json.RootElement;
                list.Add(new GoldLine(
                    r.GetProperty("source").GetString()!,
                    r.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null,
                    r.GetProperty("sentence").GetString()!,
                    [.. r.GetProperty("expect").EnumerateArray().Select(x => x.Clone())],
                    r.TryGetProperty("entities", out var ents) ? ents.Clone() : null));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new ParallaxException(ErrorCodes.DataFormat, $"{path}:{n}: not a gold line ({{\"source\", \"published\", \"sentence\", \"expect\"}}): {ex.Message}");
            }
        }

        return list;
    }
}
