using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Parallax.Engine;

/// <summary>Turns a stored placement explanation into lines a person reads.</summary>
public static class StoryExplanationText
{
    public static string Describe(string decision, double? score, string explanationJson)
    {
        using var doc = JsonDocument.Parse(explanationJson);
        var root = doc.RootElement;
        var sb = new StringBuilder();
        sb.Append(decision);
        if (score is double s)
        {
            sb.Append(string.Create(CultureInfo.InvariantCulture, $" (score {s:0.000}"));
            if (root.TryGetProperty("threshold", out var t) && t.ValueKind == JsonValueKind.Number)
            {
                sb.Append(string.Create(CultureInfo.InvariantCulture, $", threshold {t.GetDouble():0.000}"));
            }

            sb.Append(')');
        }

        if (root.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.String)
        {
            sb.Append(": ").Append(reason.GetString());
        }

        if (root.TryGetProperty("shared_entities", out var entities) && entities.ValueKind == JsonValueKind.Array && entities.GetArrayLength() > 0)
        {
            sb.Append("\nshared entities: ").Append(string.Join(", ", entities.EnumerateArray().Take(8).Select(e =>
                string.Create(CultureInfo.InvariantCulture, $"{e.GetProperty("name").GetString()} ({e.GetProperty("contribution").GetDouble():0.00})"))));
        }

        if (root.TryGetProperty("shared_terms", out var terms) && terms.ValueKind == JsonValueKind.Array && terms.GetArrayLength() > 0)
        {
            sb.Append("\nshared terms: ").Append(string.Join(", ", terms.EnumerateArray().Take(10).Select(e =>
                string.Create(CultureInfo.InvariantCulture, $"{e.GetProperty("term").GetString()} ({e.GetProperty("contribution").GetDouble():0.00})"))));
        }

        if (root.TryGetProperty("candidates", out var candidates) && candidates.ValueKind == JsonValueKind.Array && candidates.GetArrayLength() > 0)
        {
            sb.Append("\ncandidates: ").Append(string.Join("; ", candidates.EnumerateArray().Take(4).Select(c =>
                string.Create(CultureInfo.InvariantCulture, $"story {c.GetProperty("story_id").GetInt64()} at {c.GetProperty("score").GetDouble():0.000}"))));
        }

        if (root.TryGetProperty("merges", out var merges) && merges.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in merges.EnumerateArray())
            {
                sb.Append(string.Create(CultureInfo.InvariantCulture, $"\nmerged story {m.GetProperty("absorbed").GetInt64()} into story {m.GetProperty("into").GetInt64()}"));
            }
        }

        if (root.TryGetProperty("moves", out var moves) && moves.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in moves.EnumerateArray())
            {
                sb.Append('\n').Append(DescribeMove(m));
            }
        }

        return sb.ToString();
    }

    /// <summary>One line for a stored move (<c>story_moves.explanation</c>, or an item of a placement's <c>moves</c>).</summary>
    public static string DescribeMove(string moveJson)
    {
        using var doc = JsonDocument.Parse(moveJson);
        return DescribeMove(doc.RootElement);
    }

    private static string DescribeMove(JsonElement m)
    {
        long article = m.GetProperty("article_id").GetInt64(), from = m.GetProperty("from").GetInt64(), to = m.GetProperty("to").GetInt64();
        bool split = m.TryGetProperty("split", out var sp) && sp.ValueKind == JsonValueKind.True;
        long trigger = m.GetProperty("triggered_by").GetInt64();
        return split
            ? string.Create(CultureInfo.InvariantCulture, $"split: article {article} left story {from} for story {to} when article {trigger} arrived (the story's recent articles formed two groups, margin {m.GetProperty("score_with_new").GetDouble():0.000})")
            : string.Create(CultureInfo.InvariantCulture, $"moved: article {article} from story {from} to story {to} when article {trigger} arrived ({m.GetProperty("score_with_new").GetDouble():0.000} there against {m.GetProperty("score_with_rest").GetDouble():0.000} with the rest of story {from})");
    }
}
