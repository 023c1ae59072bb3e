using System.Text;
using System.Text.Json;
using Parallax.Core;

namespace Parallax.Ingestion.Input;

/// <summary>
/// Chooses an input's format from its first bytes (the name's extension only breaks ties), and refuses what is not
/// text at all (binary files, known non-text formats) before any reader sees it.
/// </summary>
public static class Sniffer
{
    /// <summary>How many leading bytes are examined.</summary>
    public const int HeadBytes = 16 * 1024;

    /// <summary>Control characters (other than tab, newlines, form feed, escape) allowed per 1,000 bytes of a text head.</summary>
    public const int MaxControlPerMille = 10;

    private static readonly (byte[] Magic, string Name)[] KnownBinary =
    [
        ("%PDF"u8.ToArray(), "a PDF document"),
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ("GIF8"u8.ToArray(), "a GIF image"),
        ("PK\u0003\u0004"u8.ToArray(), "a ZIP archive (or a Word/Excel document)"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "a program (ELF)"),
        ("MZ"u8.ToArray(), "a Windows program"),
        ("BZh"u8.ToArray(), "a bzip2 archive (decompress it first)"),
        ([0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z'], "an xz archive (decompress it first)"),
        ([0x28, 0xB5, 0x2F, 0xFD], "a zstd archive (decompress it first)"),
        ("7z"u8.ToArray(), "a 7-Zip archive"),
        ("SQLite format 3"u8.ToArray(), "an SQLite database"),
        ("RIFF"u8.ToArray(), "a media file (RIFF)"),
        ("ID3"u8.ToArray(), "an MP3 file"),
    ];

    /// <summary>True when the bytes start with the gzip magic number.</summary>
    public static bool IsGzip(ReadOnlySpan<byte> head) => head.Length >= 2 && head[0] == 0x1F && head[1] == 0x8B;

    /// <summary>Chooses the format of an input from its head.</summary>
    /// <param name="head">The first bytes (up to <see cref="HeadBytes"/>), decompressed.</param>
    /// <param name="name">The file name, for its extension; may be null (standard input).</param>
    /// <exception cref="InputError">PX2002 empty, PX2004 binary.</exception>
    public static InputFormat Sniff(ReadOnlySpan<byte> head, string? name, string what)
    {
        RefuseBinary(head, what);
        int bom = TextDecoder.DetectBom(head, out var bomEncoding);
        var body = head[bom..];
        string start;
        if (bomEncoding is not null && bomEncoding.CodePage != Encoding.UTF8.CodePage)
        {
            start = bomEncoding.GetString(body[..(body.Length & ~1)]);
        }
        else
        {
            start = Encoding.Latin1.GetString(body);
        }

        int i = 0;
        while (i < start.Length && char.IsWhiteSpace(start[i]))
        {
            i++;
        }

        if (i == start.Length)
        {
            throw BoundedRead.Empty(what);
        }

        var rest = start.AsSpan(i);
        var ext = Extension(name);
        if (rest.StartsWith("WARC/", StringComparison.Ordinal))
        {
            return InputFormat.Warc;
        }

        if (rest[0] is '{' or '[')
        {
            if (ext is ".jsonl" or ".ndjson" or ".jl")
            {
                return InputFormat.JsonLines;
            }

            return rest[0] == '{' && LooksLikeJsonLines(body[(bom > 0 ? 0 : 0)..]) ? InputFormat.JsonLines : InputFormat.NewsPlease;
        }

        if (rest[0] == '<')
        {
            var element = FirstElementName(rest);
            if (element is "rss" or "feed" or "rdf:rdf")
            {
                return InputFormat.Feed;
            }

            return InputFormat.Html;
        }

        // Text that is really a page with leading junk.
        if (ext is ".html" or ".htm" or ".xhtml")
        {
            return InputFormat.Html;
        }

        return InputFormat.Text;
    }

    /// <summary>Refuses known binary formats and anything with NUL bytes or many control characters.</summary>
    public static void RefuseBinary(ReadOnlySpan<byte> head, string what)
    {
        foreach (var (magic, kind) in KnownBinary)
        {
            if (head.StartsWith(magic))
            {
                throw new InputError(ErrorCodes.InputBinary, $"{what} is {kind}, not text: Parallax reads text, HTML, news-please JSON, JSON Lines, RSS/Atom and WARC files.");
            }
        }

        int bom = TextDecoder.DetectBom(head, out var enc);
        if (enc is not null && enc.CodePage != Encoding.UTF8.CodePage)
        {
            return; // UTF-16 text has NUL bytes by nature
        }

        int control = 0;
        foreach (var b in head[bom..])
        {
            if (b == 0)
            {
                throw new InputError(ErrorCodes.InputBinary, $"{what} looks binary (it holds NUL bytes), not text: Parallax reads text, HTML, news-please JSON, JSON Lines, RSS/Atom and WARC files.");
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C or 0x1B))
            {
                control++;
            }
        }

        if (head.Length > 0 && control * 1000 > head.Length * MaxControlPerMille)
        {
            throw new InputError(ErrorCodes.InputBinary, $"{what} looks binary ({control} control bytes in its first {head.Length}), not text.");
        }
    }

    private static string? Extension(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var n = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
        return Path.GetExtension(n).ToLowerInvariant();
    }

    /// <summary>The first line is one complete JSON object and another object follows on a later line.</summary>
    private static bool LooksLikeJsonLines(ReadOnlySpan<byte> head)
    {
        int nl = head.IndexOf((byte)'\n');
        if (nl < 0)
        {
            return false;
        }

        var first = head[..nl];
        var after = head[(nl + 1)..].TrimStart(" \t\r\n"u8);
        if (after.Length == 0 || after[0] != (byte)'{')
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(first, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The lower-cased name of the first element after any XML declaration, comments and doctype.</summary>
    private static string FirstElementName(ReadOnlySpan<char> text)
    {
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length || text[i] != '<')
            {
                return string.Empty;
            }

            var at = text[i..];
            if (at.StartsWith("<?", StringComparison.Ordinal) || at.StartsWith("<!", StringComparison.Ordinal))
            {
                int end = at.StartsWith("<!--", StringComparison.Ordinal) ? at.IndexOf("-->", StringComparison.Ordinal) : at.IndexOf('>');
                if (end < 0)
                {
                    return string.Empty;
                }

                if (at.StartsWith("<!doctype", StringComparison.OrdinalIgnoreCase))
                {
                    // the doctype names the root element; an internal subset ([...]) may hold '>' characters
                    int n = 9;
                    while (n < at.Length && char.IsWhiteSpace(at[n]))
                    {
                        n++;
                    }

                    int nameEnd = n;
                    while (nameEnd < at.Length && (char.IsLetterOrDigit(at[nameEnd]) || at[nameEnd] is ':' or '-' or '_'))
                    {
                        nameEnd++;
                    }

                    var rootName = at[n..nameEnd].ToString().ToLowerInvariant();
                    if (rootName is "rss" or "feed" or "rdf:rdf" or "html")
                    {
                        return rootName;
                    }

                    // another name: look at the first element itself, past an internal subset ([...]) if there is one
                    int subset = at.IndexOf('[');
                    if (subset >= 0 && subset < end)
                    {
                        int close = at.IndexOf("]>", StringComparison.Ordinal);
                        if (close < 0)
                        {
                            return rootName;
                        }

                        end = close + 1;
                    }
                }

                i += end + 1;
                continue;
            }

            int j = 1;
            while (j < at.Length && (char.IsLetterOrDigit(at[j]) || at[j] is ':' or '-' or '_'))
            {
                j++;
            }

            return at[1..j].ToString().ToLowerInvariant();
        }

        return string.Empty;
    }
}
