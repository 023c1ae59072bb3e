using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Parallax.Engine;
using Parallax.Ingestion;
using Parallax.Web.Hosting;

namespace Parallax.Web.Api;

/// <summary>The inputs of one upload and how to read them.</summary>
public sealed record UploadRequest(IReadOnlyList<NamedInput> Inputs, ReadOptions Options);

/// <summary>
/// Turns an upload (multipart files, a pasted text field, or a JSON, text, HTML or feed body) into named inputs for
/// the engine, with the same options and validation as <c>parallax ingest</c>: format, source, published; the
/// readers then apply the same size limit and report each bad input on its own.
/// </summary>
public static class Uploads
{
    public static async Task<(UploadRequest? Request, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, ParallaxWebOptions options, CancellationToken cancellationToken)
    {
        var inputs = new List<NamedInput>();
        string? format = request.Query["format"], source = request.Query["source"], published = request.Query["published"];
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            format = Field(form, "format") ?? format;
            source = Field(form, "source") ?? source;
            published = Field(form, "published") ?? published;
            if (form.Files.Count > options.MaxFiles)
            {
                return (null, Problems.Of(StatusCodes.Status413PayloadTooLarge, WebErrorCodes.TooLarge, "Too many files", $"An upload may carry at most {options.MaxFiles} files; this one has {form.Files.Count}."));
            }

            int index = 0;
            foreach (var file in form.Files)
            {
                index++;
                if (file.Length == 0 && string.IsNullOrEmpty(file.FileName))
                {
                    continue; // an empty file field of a form
                }

                using var stream = file.OpenReadStream();
                var content = new byte[file.Length];
                await stream.ReadExactlyAsync(content, cancellationToken);
                inputs.Add(new NamedInput(SafeName(file.FileName, index), content));
            }

            if (Field(form, "text") is { } pasted)
            {
                inputs.Add(new NamedInput("pasted.txt", System.Text.Encoding.UTF8.GetBytes(pasted)));
            }
        }
        else if (request.ContentLength != 0 && NameForBody(request.ContentType) is { } name)
        {
            var body = await ReadBodyAsync(request, options.MaxRequestBytes, cancellationToken);
            if (body is null)
            {
                return (null, Problems.Of(StatusCodes.Status413PayloadTooLarge, WebErrorCodes.TooLarge, "Request too large", $"The request body is larger than the limit of {options.MaxRequestBytes} bytes."));
            }

            inputs.Add(new NamedInput(name, body));
        }
        else if (!string.IsNullOrEmpty(request.ContentType))
        {
            return (null, Problems.Of(
                StatusCodes.Status415UnsupportedMediaType,
                WebErrorCodes.UnsupportedMediaType,
                "Unsupported media type",
                $"Send files as multipart/form-data (field 'files'), or one input as the body with type application/json, application/x-ndjson, text/plain, text/html or an XML feed type; got '{request.ContentType}'."));
        }

        if (inputs.Count == 0)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, WebErrorCodes.NoInput, "Nothing to ingest", "The request carries no input: attach files (multipart field 'files'), paste a text, or send one input as the body."));
        }

        var (readOptions, errors) = ParseOptions(format, source, published, options.MaxInputBytes);
        if (errors.Count > 0)
        {
            return (null, Problems.BadRequest(string.Join(" ", errors.Values.SelectMany(v => v)), new Dictionary<string, object?> { ["errors"] = errors }));
        }

        return (new UploadRequest(inputs, readOptions), null);
    }

    /// <summary>The read options of an upload, validated as <c>parallax ingest</c> validates its options.</summary>
    public static (ReadOptions Options, Dictionary<string, string[]> Errors) ParseOptions(string? format, string? source, string? published, long maxBytes)
    {
        // the limit is the server's setting, not a command-line option the uploader could pass
        var options = new ReadOptions { MaxBytes = maxBytes, MaxBytesAdvice = "the server's " + ParallaxWebOptions.Section + ":MaxInputBytes setting" };
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(format))
        {
            if (InputFormats.TryParse(format, out var parsed))
            {
                options = options with { Format = parsed };
            }
            else
            {
                errors["format"] = [$"Unknown format '{format}'; use one of: {string.Join(", ", InputFormats.Names)}."];
            }
        }

        if (!string.IsNullOrWhiteSpace(source))
        {
            options = options with { Source = source.Trim() };
        }

        if (!string.IsNullOrWhiteSpace(published))
        {
            if (DateTimeOffset.TryParse(published, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            {
                options = options with { Published = date };
            }
            else
            {
                errors["published"] = [$"'{published}' is not a date; use ISO 8601, e.g. 2017-09-30 or 2017-09-30T08:00:00Z."];
            }
        }

        return (options, errors);
    }

    /// <summary>Ingests the upload (one writer at a time) and says what happened to each input.</summary>
    public static IngestResponse Run(ParallaxEngine engine, UploadRequest upload, CancellationToken cancellationToken)
    {
        var events = new List<IngestEvent>();
        var report = engine.Ingest(upload.Inputs, upload.Options, events.Add, cancellationToken);
        var results = events.Select(e => e switch
        {
            ArticleStored s => new IngestResult(s.Origin.ToString(), s.CopyOf is null ? "stored" : "copy", s.Id, s.CopyOf, StoryOf(engine, s.Id), s.Title, null, null),
            ArticleDuplicate d => new IngestResult(d.Origin.ToString(), "duplicate", d.ExistingId, null, StoryOf(engine, d.ExistingId), null, null, "already stored: " + d.Reason),
            InputFailed f => new IngestResult(f.Origin.ToString(), "failed", null, null, null, null, f.Code, f.Reason),
            _ => new IngestResult(e.Origin.ToString(), "unknown", null, null, null, null, null, null),
        }).ToList();
        return new IngestResponse(report.Stored, report.Copies, report.Duplicates, report.Failed, report.NewArticles, results, Math.Round(report.Elapsed.TotalSeconds, 3));
    }

    private static long? StoryOf(ParallaxEngine engine, long articleId) =>
        engine.Store.StoryOfArticle(articleId) is long s ? engine.Store.ResolveStory(s) : null;

    /// <summary>A file name fit to name an input: the last path segment, no control characters, at most 120 characters.</summary>
    public static string SafeName(string? fileName, int index)
    {
        var name = (fileName ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim().TrimStart('.');
        if (name.Length > 120)
        {
            name = name[^120..];
        }

        return name.Length == 0 ? $"upload-{index}" : name;
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;

    private static string? NameForBody(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType.Value is not { } type)
        {
            return null;
        }

        return type.ToLowerInvariant() switch
        {
            "application/json" => "request.json",
            "application/x-ndjson" or "application/jsonl" or "application/json-seq" => "request.jsonl",
            "text/plain" => "request.txt",
            "text/html" or "application/xhtml+xml" => "request.html",
            "application/rss+xml" or "application/atom+xml" or "application/xml" or "text/xml" => "request.xml",
            _ when type.EndsWith("+json", StringComparison.OrdinalIgnoreCase) => "request.json",
            _ => null,
        };
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
