using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Parallax.Core;
using Parallax.Ingestion.Cleaning;
using Parallax.Ingestion.Html;
using Parallax.Ingestion.Input;

namespace Parallax.Ingestion.Evaluation;

/// <summary>The result of running the extraction cascade over a benchmark folder.</summary>
public sealed record ExtractionEvaluationResult(ExtractionScore Score, IReadOnlyList<PageScore> Pages, IReadOnlyDictionary<string, int> Extractors, double Seconds);

/// <summary>
/// Runs HTML extraction over the article-extraction benchmark (<c>html/&lt;id&gt;.html.gz</c> and a
/// <c>ground-truth.json</c> of <c>{id: {articleBody, url}}</c>) and scores it with <see cref="ExtractionMetric"/>.
/// The text scored is what later stages read: the extracted text less what cleaning excluded, except
/// subheadings (part of the article, kept in its text).
/// </summary>
public static class ExtractionEvaluation
{
    public static ExtractionEvaluationResult Run(string htmlDir, string truthFile, CancellationToken ct = default, ExtractionCascade cascade = ExtractionCascade.OwnFirst)
    {
        if (!Directory.Exists(htmlDir))
        {
            throw new ParallaxException(ErrorCodes.InputNotFound, $"The HTML folder {htmlDir} does not exist.");
        }

        if (!File.Exists(truthFile))
        {
            throw new ParallaxException(ErrorCodes.InputNotFound, $"The ground-truth file {truthFile} does not exist.");
        }

        TextDecoder.EnsureCodePages();
        using var truth = ParseTruth(truthFile);
        var pages = new List<PageScore>();
        var extractors = new Dictionary<string, int>(StringComparer.Ordinal);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var entry in truth.RootElement.EnumerateObject())
        {
            ct.ThrowIfCancellationRequested();
            var expected = entry.Value.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString()! : string.Empty;
            var url = entry.Value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            var predicted = string.Empty;
            var bytes = LoadPage(htmlDir, entry.Name);
            if (bytes is not null)
            {
                var (text, extractor) = ExtractText(bytes, url, cascade);
                predicted = text;
                extractors[extractor] = extractors.GetValueOrDefault(extractor) + 1;
            }
            else
            {
                extractors["missing"] = extractors.GetValueOrDefault("missing") + 1;
            }

            pages.Add(ExtractionMetric.ScorePage(entry.Name, expected, predicted));
        }

        return new ExtractionEvaluationResult(ExtractionMetric.Aggregate(pages), pages, extractors, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The article text the product would keep from a page's bytes, and the cascade step that produced it.</summary>
    public static (string Text, string Extractor) ExtractText(byte[] page, string? url, ExtractionCascade cascade = ExtractionCascade.OwnFirst)
    {
        string html;
        try
        {
            html = TextDecoder.DecodeMarkup(page, null, null, "the page", out _);
        }
        catch (ParallaxException)
        {
            return (string.Empty, "undecodable");
        }

        var (meta, extracted) = HtmlArticleReader.Extract(html, url, cascade);
        var cleaning = ArticleCleaner.Clean(extracted.Text, new CleaningHints { Title = meta.Title, Headings = extracted.Headings });
        return (ReadableText(extracted.Text, cleaning.Layer), extracted.Extractor);
    }

    /// <summary>The body paragraphs and subheadings, in text order, separated by blank lines.</summary>
    public static string ReadableText(string text, CleaningLayer layer)
    {
        var ranges = layer.Paragraphs.Concat(layer.Excluded.Where(e => e.Kind == ExclusionKind.Subheading).Select(e => e.Range)).Order().ToList();
        var sb = new StringBuilder(text.Length);
        foreach (var r in ranges)
        {
            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            sb.Append(text, r.Start, r.Length);
        }

        return sb.ToString();
    }

    private static JsonDocument ParseTruth(string truthFile)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllBytes(truthFile));
        }
        catch (JsonException ex)
        {
            throw new ParallaxException(ErrorCodes.DataFormat, $"{truthFile} is not valid JSON ({ex.Message}); it should map page ids to {{\"articleBody\", \"url\"}}.", ex);
        }
    }

    private static byte[]? LoadPage(string dir, string id)
    {
        var gz = Path.Combine(dir, id + ".html.gz");
        if (File.Exists(gz))
        {
            using var file = File.OpenRead(gz);
            using var unzip = new GZipStream(file, CompressionMode.Decompress);
            using var ms = new MemoryStream();
            unzip.CopyTo(ms);
            return ms.ToArray();
        }

        var plain = Path.Combine(dir, id + ".html");
        return File.Exists(plain) ? File.ReadAllBytes(plain) : null;
    }
}
