using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Parallax.Core;

namespace Parallax.Ingestion.Input;

/// <summary>
/// Turns an input's bytes into text, choosing the encoding the way a careful browser would, and refusing bytes
/// that cannot be text rather than guessing silently.
/// <list type="number">
/// <item>A forced encoding (<see cref="ReadOptions.Encoding"/>) wins.</item>
/// <item>A byte-order mark (UTF-8, UTF-16 LE/BE) wins next.</item>
/// <item>HTML and XML: the transport's charset (a WARC record's HTTP header), then a <c>&lt;meta charset&gt;</c> or
///   <c>http-equiv</c> declaration or an XML declaration in the first 4 KB.</item>
/// <item>Otherwise UTF-8. Text and JSON that are not valid UTF-8 are refused (PX2005, naming the offset); an
///   undeclared HTML page that is not UTF-8 is read as windows-1252, as browsers do.</item>
/// </list>
/// Mislabelled pages: a page declared UTF-8 whose bytes are not (more than <see cref="MaxStrayBytes"/> invalid
/// sequences) is refused with a hint to force windows-1252; a page declared as a single-byte charset whose bytes
/// are valid multi-byte UTF-8 is read as UTF-8 (valid multi-byte UTF-8 does not happen by accident).
/// </summary>
public static partial class TextDecoder
{
    /// <summary>A page declared UTF-8 with at most this many invalid sequences is read with U+FFFD in their place.</summary>
    public const int MaxStrayBytes = 3;

    /// <summary>How far into a page a charset declaration is looked for.</summary>
    public const int PrescanBytes = 4096;

    private static readonly Lazy<bool> Registered = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Makes the legacy code pages (windows-1252, Shift-JIS, GB2312, ...) available. Idempotent.</summary>
    public static void EnsureCodePages() => _ = Registered.Value;

    /// <summary>Looks up an encoding by its IANA or WHATWG label; null when unknown. Latin-1 and ASCII labels mean windows-1252.</summary>
    public static Encoding? FromLabel(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        EnsureCodePages();
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        name = name switch
        {
            "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "windows1252" or "x-cp1252" => "windows-1252",
            "utf8" or "unicode-1-1-utf-8" => "utf-8",
            "gb2312" or "gbk" or "x-gbk" => "gb2312",
            _ => name,
        };
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Length of a byte-order mark at the start, and its encoding; 0 and null when there is none.</summary>
    public static int DetectBom(ReadOnlySpan<byte> bytes, out Encoding? encoding)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            encoding = Encoding.UTF8;
            return 3;
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            encoding = Encoding.Unicode;
            return 2;
        }

        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            encoding = Encoding.BigEndianUnicode;
            return 2;
        }

        encoding = null;
        return 0;
    }

    /// <summary>Decodes text or JSON: forced encoding, else BOM, else strict UTF-8.</summary>
    /// <exception cref="InputError">PX2005 when the bytes are not valid in the chosen encoding.</exception>
    public static string DecodeText(ReadOnlySpan<byte> bytes, Encoding? forced, string what)
    {
        if (forced is not null)
        {
            return Decode(bytes, forced, what);
        }

        int bom = DetectBom(bytes, out var bomEncoding);
        if (bomEncoding is not null)
        {
            return Decode(bytes[bom..], bomEncoding, what);
        }

        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var (offset, _) = FirstInvalidUtf8(bytes);
        throw new InputError(
            ErrorCodes.InputEncoding,
            $"{what} is not valid UTF-8 (byte 0x{bytes[offset]:X2} at offset {offset} cannot start or continue a UTF-8 character). " +
            "Save it as UTF-8, or name its encoding with --encoding (e.g. windows-1252).");
    }

    /// <summary>Decodes an HTML page or XML document (see the class summary for the order of choices).</summary>
    /// <param name="transportCharset">The charset a transport declared (an HTTP Content-Type header), if any.</param>
    /// <param name="encodingName">The encoding used, for the record.</param>
    public static string DecodeMarkup(ReadOnlySpan<byte> bytes, Encoding? forced, string? transportCharset, string what, out string encodingName)
    {
        if (forced is not null)
        {
            encodingName = forced.WebName;
            return Decode(bytes, forced, what);
        }

        int bom = DetectBom(bytes, out var bomEncoding);
        if (bomEncoding is not null)
        {
            encodingName = bomEncoding.WebName;
            return Decode(bytes[bom..], bomEncoding, what);
        }

        var declared = FromLabel(transportCharset) ?? FromLabel(PrescanCharset(bytes));
        bool isUtf8 = Utf8.IsValid(bytes);
        if (declared is null || declared.CodePage == Encoding.UTF8.CodePage)
        {
            if (isUtf8)
            {
                encodingName = "utf-8";
                return Encoding.UTF8.GetString(bytes);
            }

            if (declared is null)
            {
                // Undeclared and not UTF-8: browsers fall back to windows-1252.
                encodingName = "windows-1252";
                return FromLabel("windows-1252")!.GetString(bytes);
            }

            var (offset, invalid) = FirstInvalidUtf8(bytes);
            if (invalid <= MaxStrayBytes && !Ascii.IsValid(bytes))
            {
                encodingName = "utf-8";
                return Encoding.UTF8.GetString(bytes); // a few stray bytes become U+FFFD
            }

            throw new InputError(
                ErrorCodes.InputEncoding,
                $"{what} declares UTF-8 but is not UTF-8 ({invalid} invalid byte sequences, the first 0x{bytes[offset]:X2} at offset {offset}); " +
                "it is probably windows-1252: read it with --encoding windows-1252.");
        }

        // Declared a legacy charset. Valid UTF-8 with multi-byte characters is UTF-8 whatever the label says.
        if (isUtf8 && !Ascii.IsValid(bytes) && declared.IsSingleByte)
        {
            encodingName = "utf-8";
            return Encoding.UTF8.GetString(bytes);
        }

        encodingName = declared.WebName;
        return Decode(bytes, declared, what);
    }

    /// <summary>The charset a page declares in its first <see cref="PrescanBytes"/> bytes (meta charset, http-equiv, XML declaration).</summary>
    public static string? PrescanCharset(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, PrescanBytes)];
        var text = Encoding.Latin1.GetString(head);
        var m = MetaCharset().Match(text);
        if (m.Success)
        {
            return m.Groups[1].Value;
        }

        m = XmlEncoding().Match(text);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string Decode(ReadOnlySpan<byte> bytes, Encoding encoding, string what)
    {
        if (encoding.CodePage == Encoding.UTF8.CodePage)
        {
            if (!Utf8.IsValid(bytes))
            {
                var (offset, _) = FirstInvalidUtf8(bytes);
                throw new InputError(
                    ErrorCodes.InputEncoding,
                    $"{what} is marked UTF-8 but byte 0x{bytes[offset]:X2} at offset {offset} is not UTF-8; name its real encoding with --encoding.");
            }

            return StrictUtf8.GetString(bytes);
        }

        try
        {
            var strict = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return strict.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InputError(ErrorCodes.InputEncoding, $"{what} is not valid {encoding.WebName} ({ex.Message}); name its real encoding with --encoding.", ex);
        }
    }

    /// <summary>Offset of the first invalid UTF-8 sequence and how many there are in all.</summary>
    private static (int Offset, int Count) FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        int first = -1, count = 0, position = 0;
        while (position < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[position..], out _, out int consumed);
            if (status == OperationStatus.InvalidData || status == OperationStatus.NeedMoreData)
            {
                if (first < 0)
                {
                    first = position;
                }

                count++;
                if (count > 1000)
                {
                    break;
                }
            }
            else
            {
                // skip ASCII runs quickly
                int ascii = bytes[position..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
                if (ascii > 1)
                {
                    consumed = ascii;
                }
            }

            position += Math.Max(1, consumed);
        }

        return (Math.Max(first, 0), count);
    }

    [GeneratedRegex("""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharset();

    [GeneratedRegex("""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_:.\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex XmlEncoding();
}
