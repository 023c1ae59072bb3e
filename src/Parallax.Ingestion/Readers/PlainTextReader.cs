using System.Text.Json;
using Parallax.Core;
using Parallax.Ingestion.Cleaning;
using Parallax.Ingestion.Html;

namespace Parallax.Ingestion.Readers;

/// <summary>
/// Plain text articles. The text is kept as written; cleaning finds the title (the first headline-shaped line
/// that is not a section label) and a closing "Source: ..." line. A sidecar file <c>NAME.meta.json</c> (or
/// <c>NAME.txt.meta.json</c>) next to <c>NAME.txt</c> may give <c>title</c>, <c>source</c>, <c>url</c>,
/// <c>published</c>, <c>authors</c> and <c>language</c>; what it gives wins over what the text suggests, and
/// <see cref="ReadOptions.Source"/>/<see cref="ReadOptions.Published"/> fill what neither says.
/// </summary>
internal static class PlainTextReader
{
    public static Parsed Read(string text, InputOrigin origin, ReadOptions options, string? filePath)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Parsed.Fail(origin, ErrorCodes.InputEmpty, "the file holds only whitespace: there is no text to read.");
        }

        Sidecar? meta = null;
        if (filePath is not null)
        {
            var (sidecar, error) = Sidecar.Load(filePath);
            if (error is not null)
            {
                return Parsed.Fail(origin, ErrorCodes.InputMalformedJson, error);
            }

            meta = sidecar;
        }

        var cleaning = ArticleCleaner.Clean(text, new CleaningHints { FindTitle = true });
        var title = meta?.Title ?? cleaning.TitleOf(text) ?? Titles.FromText(text, Path.GetFileNameWithoutExtension(origin.Path));
        var url = Urls.Absolute(meta?.Url);
        return new Parsed.Draft(new ArticleDraft
        {
            Text = text,
            Title = title,
            Source = meta?.Source ?? cleaning.SourceName ?? options.Source,
            SourceDomain = Urls.DomainOf(url),
            Url = url,
            Published = meta?.Published ?? options.Published,
            Authors = meta?.Authors ?? [],
            Language = meta?.Language,
            Format = InputFormat.Text.Name(),
            Origin = origin,
            Cleaning = cleaning.Layer,
        });
    }

    /// <summary>The optional metadata file next to a text file.</summary>
    internal sealed record Sidecar(string? Title, string? Source, string? Url, DateTimeOffset? Published, IReadOnlyList<string>? Authors, string? Language)
    {
        public const int MaxBytes = 64 * 1024;

        public static (Sidecar? Sidecar, string? Error) Load(string textPath)
        {
            var candidates = new[] { Path.ChangeExtension(textPath, ".meta.json"), textPath + ".meta.json" };
            var path = candidates.FirstOrDefault(File.Exists);
            if (path is null)
            {
                return (null, null);
            }

            try
            {
                if (new FileInfo(path).Length > MaxBytes)
                {
                    return (null, $"its metadata file {Path.GetFileName(path)} is over {MaxBytes / 1024} KB; it should hold a few fields.");
                }

                using var json = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return (null, $"its metadata file {Path.GetFileName(path)} must hold one JSON object ({{\"title\", \"source\", \"url\", \"published\", \"authors\", \"language\"}}).");
                }

                string? Str(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()) ? v.GetString()!.Trim() : null;
                var published = Str("published");
                var date = PageMetadata.ParseDate(published);
                if (published is not null && date is null)
                {
                    return (null, $"its metadata file {Path.GetFileName(path)} has a 'published' date that is not ISO 8601 (\"{published}\"); write it like 2017-09-30 or 2017-09-30T08:00:00Z.");
                }

                List<string>? authors = null;
                if (root.TryGetProperty("authors", out var a))
                {
                    authors = a.ValueKind == JsonValueKind.Array
                        ? a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!.Trim()).Where(x => x.Length > 0).ToList()
                        : a.ValueKind == JsonValueKind.String ? [a.GetString()!.Trim()] : null;
                }

                return (new Sidecar(Str("title"), Str("source"), Str("url"), date, authors, PageMetadata.NormaliseLanguage(Str("language"))), null);
            }
            catch (JsonException ex)
            {
                return (null, $"its metadata file {Path.GetFileName(path)} is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}");
            }
            catch (IOException ex)
            {
                return (null, $"its metadata file {Path.GetFileName(path)} could not be read: {ex.Message}");
            }
        }
    }
}
