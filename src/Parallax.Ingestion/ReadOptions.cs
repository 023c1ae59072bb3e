using System.Text;

namespace Parallax.Ingestion;

/// <summary>How inputs are read. Immutable; the defaults suit a folder of news files.</summary>
public sealed record ReadOptions
{
    /// <summary>The default size limit: 20 MB.</summary>
    public const long DefaultMaxBytes = 20L * 1024 * 1024;

    /// <summary>The reader to use for every input; <see cref="InputFormat.Auto"/> (the default) sniffs each input's content.</summary>
    public InputFormat Format { get; init; } = InputFormat.Auto;

    /// <summary>The outlet's name for articles whose input does not say (a text file without a "Source:" line, ...).</summary>
    public string? Source { get; init; }

    /// <summary>The publication date for articles whose input does not say.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>
    /// The size limit in bytes. Files read whole (text, HTML, JSON, feeds) larger than this are refused before they
    /// are read; streamed formats (JSON Lines, WARC) apply it to each line or record instead, so a large archive can
    /// be read record by record. Decompressed sizes count (a gzip bomb is refused).
    /// </summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>How the reader's user raises <see cref="MaxBytes"/>, named in the error of an input over it.</summary>
    public string MaxBytesAdvice { get; init; } = "--max-bytes";

    /// <summary>Keep the decoded HTML page in <see cref="Core.ArticleDraft.Raw"/>.</summary>
    public bool KeepRaw { get; init; }

    /// <summary>
    /// Force this encoding for every input, overriding byte-order marks and declarations (for a file whose declared
    /// encoding is wrong). Null: BOM, then declaration, then UTF-8, as described in <see cref="Input.TextDecoder"/>.
    /// </summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Detect the language of articles whose input does not say (default on).</summary>
    public bool DetectLanguage { get; init; } = true;

    /// <summary>Include hidden files and folders (names starting with '.') when walking folders (default off).</summary>
    public bool IncludeHidden { get; init; }
}

/// <summary>The input formats Parallax reads.</summary>
public enum InputFormat
{
    /// <summary>Chosen by content for each input.</summary>
    Auto,
    Text,
    Html,

    /// <summary>One news-please JSON object (or an array of them).</summary>
    NewsPlease,

    /// <summary>news-please JSON Lines: one object a line.</summary>
    JsonLines,

    /// <summary>RSS 2.0, RSS 1.0 (RDF) or Atom.</summary>
    Feed,
    Warc,
}

public static class InputFormats
{
    /// <summary>The names accepted by <c>--format</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["auto", "text", "html", "json", "jsonl", "rss", "atom", "feed", "warc"];

    /// <summary>Parses a <c>--format</c> value ("text", "html", "json"/"newsplease", "jsonl", "rss"/"atom"/"feed", "warc", "auto").</summary>
    public static bool TryParse(string? value, out InputFormat format)
    {
        format = (value ?? "auto").Trim().ToLowerInvariant() switch
        {
            "auto" or "" => InputFormat.Auto,
            "text" or "txt" or "plain" => InputFormat.Text,
            "html" or "htm" => InputFormat.Html,
            "json" or "newsplease" or "news-please" => InputFormat.NewsPlease,
            "jsonl" or "ndjson" or "jsonlines" => InputFormat.JsonLines,
            "rss" or "atom" or "feed" or "rdf" => InputFormat.Feed,
            "warc" => InputFormat.Warc,
            _ => (InputFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    /// <summary>The name stored in <see cref="Core.ArticleDraft.Format"/>.</summary>
    public static string Name(this InputFormat format) => format switch
    {
        InputFormat.Text => "text",
        InputFormat.Html => "html",
        InputFormat.NewsPlease => "newsplease",
        InputFormat.JsonLines => "jsonl",
        InputFormat.Feed => "feed",
        InputFormat.Warc => "warc",
        _ => "auto",
    };
}
