using System.Text;
using System.Text.Json;
using Parallax.Core;

namespace Parallax.Storage;

/// <summary>
/// Compact JSON for the standard annotation layers, so an annotated article can be stored and read back without
/// running the pipeline again. Each layer is an array of flat arrays; ranges are offsets into the original text.
/// </summary>
public static class LayerCodec
{
    public static readonly string[] Stored =
    [
        Layers.Tokens.Name, Layers.Sentences.Name, Layers.Entities.Name, Layers.Roles.Name,
        Layers.Quantities.Name, Layers.Times.Name, Layers.Quotes.Name,
    ];

    public static string? Encode(Document document, string layer)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            if (!Write(document, layer, w))
            {
                return null;
            }
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static bool Write(Document d, string layer, Utf8JsonWriter w)
    {
        switch (layer)
        {
            case "tokens" when d.GetOrDefault(Layers.Tokens) is { } tokens:
                w.WriteStartArray();
                foreach (var t in tokens.Tokens)
                {
                    w.WriteNumberValue(t.Start);
                    w.WriteNumberValue(t.End - t.Start);
                    w.WriteNumberValue((int)t.Kind);
                }

                w.WriteEndArray();
                return true;
            case "sentences" when d.GetOrDefault(Layers.Sentences) is { } sentences:
                w.WriteStartArray();
                foreach (var s in sentences.Sentences)
                {
                    Row(w, s.Range.Start, s.Range.End, s.FirstToken, s.TokenCount, s.Paragraph);
                }

                w.WriteEndArray();
                return true;
            case "entities" when d.GetOrDefault(Layers.Entities) is { } entities:
                w.WriteStartArray();
                foreach (var e in entities.Mentions)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(e.Range.Start);
                    w.WriteNumberValue(e.Range.End);
                    w.WriteNumberValue((int)e.Type);
                    w.WriteNumberValue(e.FirstToken);
                    w.WriteNumberValue(e.TokenCount);
                    w.WriteNumberValue(Math.Round(e.Confidence, 4));
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                return true;
            case "roles" when d.GetOrDefault(Layers.Roles) is { } roles:
                w.WriteStartObject();
                w.WriteStartArray("roles");
                foreach (var r in roles.Roles)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(r.Entity);
                    w.WriteNumberValue(r.Range.Start);
                    w.WriteNumberValue(r.Range.End);
                    w.WriteStringValue(r.Role);
                    w.WriteStringValue(r.Qualifier);
                    w.WriteNumberValue((int)r.Position);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                w.WriteStartArray("honorifics");
                foreach (var h in roles.Honorifics)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(h.Entity);
                    w.WriteNumberValue(h.Range.Start);
                    w.WriteNumberValue(h.Range.End);
                    w.WriteStringValue(h.Value);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                w.WriteEndObject();
                return true;
            case "quantities" when d.GetOrDefault(Layers.Quantities) is { } quantities:
                w.WriteStartArray();
                foreach (var q in quantities.Quantities)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(q.Range.Start);
                    w.WriteNumberValue(q.Range.End);
                    w.WriteNumberValue((int)q.Kind);
                    w.WriteNumberValue(q.Value);
                    if (q.ValueMax is double max)
                    {
                        w.WriteNumberValue(max);
                    }
                    else
                    {
                        w.WriteNullValue();
                    }

                    w.WriteStringValue(q.Unit);
                    w.WriteStringValue(q.Currency);
                    w.WriteBooleanValue(q.Approximate);
                    w.WriteNumberValue(q.Group);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                return true;
            case "times" when d.GetOrDefault(Layers.Times) is { } times:
                w.WriteStartArray();
                foreach (var t in times.Expressions)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(t.Range.Start);
                    w.WriteNumberValue(t.Range.End);
                    w.WriteStringValue(t.Start?.ToString("O"));
                    w.WriteStringValue(t.End?.ToString("O"));
                    w.WriteNumberValue((int)t.Granularity);
                    w.WriteNumberValue((int)t.Resolution);
                    w.WriteStringValue(t.Relative);
                    w.WriteStringValue(t.Modifier);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                return true;
            case "quotes" when d.GetOrDefault(Layers.Quotes) is { } quotes:
                w.WriteStartArray();
                foreach (var q in quotes.Quotes)
                {
                    w.WriteStartArray();
                    w.WriteNumberValue(q.Content.Start);
                    w.WriteNumberValue(q.Content.End);
                    RangeOrNull(w, q.Cue);
                    RangeOrNull(w, q.Source);
                    w.WriteNumberValue(q.Entity);
                    w.WriteStringValue(q.Speaker);
                    w.WriteBooleanValue(q.Direct);
                    w.WriteNumberValue((int)q.Resolution);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
                return true;
            default:
                return false;
        }
    }

    /// <summary>Adds the stored layer to the document.</summary>
    public static Document Decode(Document d, string layer, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        switch (layer)
        {
            case "tokens":
            {
                var items = root.EnumerateArray().Select(e => e.GetInt32()).ToArray();
                var tokens = new Token[items.Length / 3];
                for (int i = 0; i < tokens.Length; i++)
                {
                    tokens[i] = new Token(items[i * 3], items[i * 3] + items[(i * 3) + 1], (TokenKind)items[(i * 3) + 2]);
                }

                return d.With(Layers.Tokens, new TokenLayer(tokens));
            }

            case "sentences":
                return d.With(Layers.Sentences, new SentenceLayer(root.EnumerateArray()
                    .Select(a => new Sentence(new TextRange(a[0].GetInt32(), a[1].GetInt32()), a[2].GetInt32(), a[3].GetInt32(), a[4].GetInt32())).ToArray()));
            case "entities":
                return d.With(Layers.Entities, new EntityLayer(root.EnumerateArray()
                    .Select(a => new EntityMention(new TextRange(a[0].GetInt32(), a[1].GetInt32()), (EntityType)a[2].GetInt32(), a[3].GetInt32(), a[4].GetInt32(), a[5].GetSingle())).ToArray()));
            case "roles":
                return d.With(Layers.Roles, new RoleLayer(
                    root.GetProperty("roles").EnumerateArray()
                        .Select(a => new RoleMention(a[0].GetInt32(), new TextRange(a[1].GetInt32(), a[2].GetInt32()), a[3].GetString()!, a[4].GetString(), (RolePosition)a[5].GetInt32())).ToArray(),
                    root.GetProperty("honorifics").EnumerateArray()
                        .Select(a => new Honorific(a[0].GetInt32(), new TextRange(a[1].GetInt32(), a[2].GetInt32()), a[3].GetString()!)).ToArray()));
            case "quantities":
                return d.With(Layers.Quantities, new QuantityLayer(root.EnumerateArray()
                    .Select(a => new Quantity(
                        new TextRange(a[0].GetInt32(), a[1].GetInt32()),
                        (QuantityKind)a[2].GetInt32(),
                        a[3].GetDouble(),
                        a[4].ValueKind == JsonValueKind.Null ? null : a[4].GetDouble(),
                        a[5].GetString(),
                        a[6].GetString(),
                        a[7].GetBoolean(),
                        a[8].GetInt32())).ToArray()));
            case "times":
                return d.With(Layers.Times, new TimeLayer(root.EnumerateArray()
                    .Select(a => new TimeExpression(
                        new TextRange(a[0].GetInt32(), a[1].GetInt32()),
                        a[2].GetString() is { } s ? DateOnly.ParseExact(s, "O") : null,
                        a[3].GetString() is { } e ? DateOnly.ParseExact(e, "O") : null,
                        (TimeGranularity)a[4].GetInt32(),
                        (TimeResolution)a[5].GetInt32(),
                        a[6].GetString(),
                        a[7].GetString())).ToArray()));
            case "quotes":
                return d.With(Layers.Quotes, new QuoteLayer(root.EnumerateArray()
                    .Select(a => new QuoteMention(
                        new TextRange(a[0].GetInt32(), a[1].GetInt32()),
                        ReadRange(a[2]),
                        ReadRange(a[3]),
                        a[4].GetInt32(),
                        a[5].GetString(),
                        a[6].GetBoolean(),
                        (SpeakerResolution)a[7].GetInt32())).ToArray()));
            default:
                return d;
        }
    }

    private static void Row(Utf8JsonWriter w, params int[] values)
    {
        w.WriteStartArray();
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }

    private static void RangeOrNull(Utf8JsonWriter w, TextRange? r)
    {
        if (r is TextRange range)
        {
            w.WriteStartArray();
            w.WriteNumberValue(range.Start);
            w.WriteNumberValue(range.End);
            w.WriteEndArray();
        }
        else
        {
            w.WriteNullValue();
        }
    }

    private static TextRange? ReadRange(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null ? null : new TextRange(e[0].GetInt32(), e[1].GetInt32());
}
