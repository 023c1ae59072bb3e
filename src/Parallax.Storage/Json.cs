using System.Text.Json;
using Parallax.Core;

namespace Parallax.Storage;

/// <summary>Compact JSON for the columns that hold lists: authors and the cleaning layer.</summary>
internal static class Json
{
    public static string Authors(IReadOnlyList<string> authors) => JsonSerializer.Serialize(authors);

    public static IReadOnlyList<string> Authors(string json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<string[]>(json) ?? [];

    public static string Cleaning(CleaningLayer cleaning)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteStartArray("p");
            foreach (var p in cleaning.Paragraphs)
            {
                w.WriteStartArray();
                w.WriteNumberValue(p.Start);
                w.WriteNumberValue(p.End);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteStartArray("x");
            foreach (var x in cleaning.Excluded)
            {
                w.WriteStartArray();
                w.WriteNumberValue(x.Range.Start);
                w.WriteNumberValue(x.Range.End);
                w.WriteStringValue(x.Kind.ToString());
                w.WriteStringValue(x.Rule);
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static CleaningLayer Cleaning(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var paragraphs = doc.RootElement.GetProperty("p").EnumerateArray()
            .Select(a => new TextRange(a[0].GetInt32(), a[1].GetInt32()))
            .ToArray();
        var excluded = doc.RootElement.GetProperty("x").EnumerateArray()
            .Select(a => new Exclusion(
                new TextRange(a[0].GetInt32(), a[1].GetInt32()),
                Enum.TryParse<ExclusionKind>(a[2].GetString(), out var kind) ? kind : ExclusionKind.Other,
                a[3].GetString() ?? string.Empty))
            .ToArray();
        return new CleaningLayer(paragraphs, excluded);
    }
}
