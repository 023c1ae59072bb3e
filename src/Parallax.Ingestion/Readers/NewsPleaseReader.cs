using System.Text.Json;
using Parallax.Core;
using Parallax.Ingestion.Cleaning;
using Parallax.Ingestion.Html;

namespace Parallax.Ingestion.Readers;

/// <summary>
/// news-please JSON (the output of the news-please crawler): <c>title</c>, <c>maintext</c> or <c>text</c>, <c>url</c>,
/// <c>date_publish</c>, <c>source_domain</c> (or <c>publisher</c>), <c>authors</c>, <c>language</c>. One object,
/// an array of objects, or JSON Lines (one object a line, streamed).
/// </summary>
internal static class NewsPleaseReader
{
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    /// <summary>A whole file: one object or an array of them.</summary>
    public static IEnumerable<Parsed> ReadDocument(string json, InputOrigin origin, ReadOptions options)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, JsonOptions);
        }
        catch (JsonException ex)
        {
            return [Parsed.Fail(origin, ErrorCodes.InputMalformedJson, Describe(ex, json))];
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                return [FromObject(root, origin, options)];
            }

            if (root.ValueKind == JsonValueKind.Array)
            {
                var results = new List<Parsed>();
                int index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    index++;
                    var itemOrigin = origin with { Record = index };
                    results.Add(item.ValueKind == JsonValueKind.Object
                        ? FromObject(item, itemOrigin, options)
                        : Parsed.Fail(itemOrigin, ErrorCodes.InputMalformedJson, $"item {index} of the array is not a JSON object."));
                }

                return results.Count > 0 ? results : [Parsed.Fail(origin, ErrorCodes.InputEmpty, "the JSON array is empty: there is no article to read.")];
            }

            return [Parsed.Fail(origin, ErrorCodes.InputMalformedJson, "the JSON is not an object (news-please writes one object per article).")];
        }
    }

    /// <summary>One line of a JSON Lines file.</summary>
    public static Parsed ReadLine(ReadOnlySpan<byte> line, InputOrigin origin, ReadOptions options)
    {
        try
        {
            using var doc = JsonDocument.Parse(line.ToArray(), JsonOptions);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? FromObject(doc.RootElement, origin, options)
                : Parsed.Fail(origin, ErrorCodes.InputMalformedJson, "the line is not a JSON object (JSON Lines holds one object a line).");
        }
        catch (JsonException ex)
        {
            return Parsed.Fail(origin, ErrorCodes.InputMalformedJson, $"the line is not valid JSON (at byte {ex.BytePositionInLine}): {FirstSentence(ex.Message)}");
        }
        catch (ArgumentException ex)
        {
            return Parsed.Fail(origin, ErrorCodes.InputEncoding, $"the line is not valid UTF-8: {ex.Message}");
        }
    }

    private static Parsed FromObject(JsonElement o, InputOrigin origin, ReadOptions options)
    {
        var text = Str(o, "maintext") ?? Str(o, "text") ?? Str(o, "articleBody") ?? Str(o, "content");
        if (string.IsNullOrWhiteSpace(text))
        {
            return Parsed.Fail(origin, ErrorCodes.InputMissingField, "the article has no 'maintext' or 'text' field (or it is empty); news-please puts the article's text there.");
        }

        var title = Str(o, "title")?.Trim();
        var url = Urls.Absolute(Str(o, "url"));
        var domain = Str(o, "source_domain") ?? Urls.DomainOf(url);
        var authors = new List<string>();
        if (o.TryGetProperty("authors", out var a))
        {
            foreach (var x in a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToArray() : [a])
            {
                if (x.ValueKind == JsonValueKind.String)
                {
                    PageMetadata.AddAuthor(authors, x.GetString());
                }
            }
        }

        var cleaning = ArticleCleaner.Clean(text, new CleaningHints { Title = title });
        return new Parsed.Draft(new ArticleDraft
        {
            Text = text,
            Title = string.IsNullOrEmpty(title) ? Titles.FromText(text, "untitled") : title,
            Source = Str(o, "source_name") ?? Str(o, "publisher") ?? options.Source,
            SourceDomain = domain,
            Url = url,
            Published = PageMetadata.ParseDate(Str(o, "date_publish")) ?? options.Published,
            Authors = authors,
            Language = PageMetadata.NormaliseLanguage(Str(o, "language")),
            Format = origin.Line is not null ? InputFormat.JsonLines.Name() : InputFormat.NewsPlease.Name(),
            Origin = origin,
            Cleaning = cleaning.Layer,
        });
    }

    private static string? Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string Describe(JsonException ex, string json)
    {
        var where = ex.LineNumber is long line ? $" at line {line + 1}" : string.Empty;
        var truncated = ex.Message.Contains("end of", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("expected end", StringComparison.OrdinalIgnoreCase)
            || json.TrimEnd().Length == 0 || ex.BytePositionInLine is null;
        return $"the JSON is malformed{where}{(truncated ? " (the file may be cut short)" : string.Empty)}: {FirstSentence(ex.Message)}";
    }

    private static string FirstSentence(string message)
    {
        int at = message.IndexOf(". ", StringComparison.Ordinal);
        return at > 0 ? message[..(at + 1)] : message;
    }
}
