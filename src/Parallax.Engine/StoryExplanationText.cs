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

        return sb.ToString();
    }
}
