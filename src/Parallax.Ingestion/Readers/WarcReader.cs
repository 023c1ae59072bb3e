using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parallax.Core;
using Parallax.Ingestion.Html;
using Parallax.Ingestion.Input;

namespace Parallax.Ingestion.Readers;

/// <summary>
/// WARC files (ISO 28500; Common Crawl's news archive), plain or gzip-compressed, read record by record: the
/// HTML responses (and HTML resource records) become articles; requests, metadata, warcinfo and non-HTML
/// responses are skipped. The HTTP payload is de-chunked and decompressed as its headers say, and its charset
/// header is used to decode it. <see cref="ReadOptions.MaxBytes"/> applies to each record. A record cut short
/// (the file ends before its Content-Length) is reported and ends the file.
/// </summary>
internal static class WarcReader
{
    private const int MaxHeaderLine = 64 * 1024;
    private const int MaxHeaderLines = 500;

    public static IEnumerable<Parsed> Read(Stream stream, InputOrigin origin, ReadOptions options, CancellationToken ct)
    {
        var input = new BufferedStream(stream, 64 * 1024);
        int record = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            string? version;
            do
            {
                version = ReadLine(input);
            }
            while (version is { Length: 0 });

            if (version is null)
            {
                yield break;
            }

            record++;
            var at = origin with { Record = record };
            if (!version.StartsWith("WARC/", StringComparison.Ordinal))
            {
                yield return Parsed.Fail(at, ErrorCodes.InputMalformedWarc, $"record {record} does not start with a WARC version line (found \"{Short(version)}\"); the file is damaged here, so the rest is not read.");
                yield break;
            }

            var headers = ReadHeaders(input, out var headerError);
            if (headerError is not null)
            {
                yield return Parsed.Fail(at, ErrorCodes.InputMalformedWarc, $"record {record}: {headerError}");
                yield break;
            }

            if (!headers.TryGetValue("content-length", out var lengthText) || !long.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out long length))
            {
                yield return Parsed.Fail(at, ErrorCodes.InputMalformedWarc, $"record {record} has no valid Content-Length header, so its end cannot be found; the rest of the file is not read.");
                yield break;
            }

            if (length > options.MaxBytes)
            {
                long skipped = Skip(input, length);
                if (skipped < length)
                {
                    yield return Parsed.Fail(at, ErrorCodes.InputMalformedWarc, $"record {record} is cut short: its header says {length} bytes but the file ends after {skipped}.");
                    yield break;
                }

                yield return Parsed.Fail(at, ErrorCodes.InputTooLarge, $"record {record} is {Sizes.Describe(length)}, over the {Sizes.Describe(options.MaxBytes)} limit; it was skipped (raise {options.MaxBytesAdvice} to read it).");
                continue;
            }

            var block = new byte[length];
            int read = BoundedRead.Fill(input, block);
            if (read < length)
            {
                yield return Parsed.Fail(at, ErrorCodes.InputMalformedWarc, $"record {record} is cut short: its header says {length} bytes but the file ends after {read}.");
                yield break;
            }

            var type = headers.GetValueOrDefault("warc-type") ?? string.Empty;
            var contentType = headers.GetValueOrDefault("content-type") ?? string.Empty;
            var url = headers.GetValueOrDefault("warc-target-uri")?.Trim('<', '>', ' ');
            Parsed? result = null;
            try
            {
                if (type.Equals("response", StringComparison.OrdinalIgnoreCase) && contentType.Contains("application/http", StringComparison.OrdinalIgnoreCase))
                {
                    result = FromHttpResponse(block, at, url, options, record);
                }
                else if (type.Equals("resource", StringComparison.OrdinalIgnoreCase) && contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
                {
                    result = FromHtml(block, Charset(contentType), at, url, options, record);
                }
            }
            catch (ParallaxException ex)
            {
                result = Parsed.Fail(at, ex.Code, ex.Message); // one bad record does not stop the archive
            }

            if (result is not null)
            {
                yield return result;
            }
        }
    }

    private static Parsed? FromHttpResponse(byte[] block, InputOrigin at, string? url, ReadOptions options, int record)
    {
        int headerEnd = block.AsSpan().IndexOf("\r\n\r\n"u8);
        int bodyStart = headerEnd + 4;
        if (headerEnd < 0)
        {
            headerEnd = block.AsSpan().IndexOf("\n\n"u8);
            bodyStart = headerEnd + 2;
        }

        if (headerEnd < 0)
        {
            return Parsed.Fail(at, ErrorCodes.InputMalformedWarc, $"record {record}'s HTTP response has no end of headers.");
        }

        var head = Encoding.Latin1.GetString(block, 0, headerEnd).Split('\n');
        var status = head[0].Trim();
        var httpHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                httpHeaders[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var parts = status.Split(' ', 3);
        if (parts.Length < 2 || !parts[1].StartsWith('2'))
        {
            return null; // redirects, errors: not articles
        }

        var contentType = httpHeaders.GetValueOrDefault("Content-Type") ?? string.Empty;
        if (contentType.Length > 0 && !contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        byte[] body = block[bodyStart..];
        try
        {
            if (httpHeaders.GetValueOrDefault("Transfer-Encoding")?.Contains("chunked", StringComparison.OrdinalIgnoreCase) == true)
            {
                body = Dechunk(body);
            }

            var encoding = httpHeaders.GetValueOrDefault("Content-Encoding")?.Trim().ToLowerInvariant();
            if (encoding is "gzip" or "x-gzip" or "deflate" or "br")
            {
                using var compressed = new MemoryStream(body);
                using Stream decompressor = encoding switch
                {
                    "br" => new BrotliStream(compressed, CompressionMode.Decompress),
                    "deflate" => new ZLibStream(compressed, CompressionMode.Decompress),
                    _ => new GZipStream(compressed, CompressionMode.Decompress),
                };
                body = BoundedRead.ReadAll(decompressor, options.MaxBytes, $"record {record}'s decompressed page", CancellationToken.None, advice: options.MaxBytesAdvice).ToArray();
            }
        }
        catch (InvalidDataException ex)
        {
            return Parsed.Fail(at, ErrorCodes.InputMalformedWarc, $"record {record}'s HTTP body could not be decoded ({ex.Message}).");
        }

        return FromHtml(body, Charset(contentType), at, url, options, record);
    }

    private static Parsed FromHtml(byte[] body, string? charset, InputOrigin at, string? url, ReadOptions options, int record)
    {
        if (body.Length == 0)
        {
            return Parsed.Fail(at, ErrorCodes.InputEmpty, $"record {record}'s page is empty.");
        }

        Sniffer.RefuseBinary(body.AsSpan(0, Math.Min(body.Length, Sniffer.HeadBytes)), $"record {record}'s page");
        var html = TextDecoder.DecodeMarkup(body, options.Encoding, charset, $"record {record}'s page", out _);
        return HtmlArticleReader.Read(html, at, url, options, InputFormat.Warc.Name());
    }

    private static string? Charset(string contentType)
    {
        int at = contentType.IndexOf("charset=", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : contentType[(at + 8)..].Split(';')[0].Trim().Trim('"', '\'');
    }

    private static byte[] Dechunk(byte[] body)
    {
        using var output = new MemoryStream(body.Length);
        int i = 0;
        while (i < body.Length)
        {
            int nl = Array.IndexOf(body, (byte)'\n', i);
            if (nl < 0)
            {
                break;
            }

            var sizeText = Encoding.ASCII.GetString(body, i, nl - i).Split(';')[0].Trim();
            if (!int.TryParse(sizeText, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int size))
            {
                return body; // not really chunked: keep as is
            }

            i = nl + 1;
            if (size == 0)
            {
                break;
            }

            size = Math.Min(size, body.Length - i);
            output.Write(body, i, size);
            i += size;
            while (i < body.Length && body[i] is (byte)'\r' or (byte)'\n')
            {
                i++;
            }
        }

        return output.ToArray();
    }

    private static Dictionary<string, string> ReadHeaders(Stream input, out string? error)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        error = null;
        for (int count = 0; ; count++)
        {
            var line = ReadLine(input);
            if (line is null)
            {
                error = "the file ends inside the record's header (cut short).";
                return headers;
            }

            if (line.Length == 0)
            {
                return headers;
            }

            if (count > MaxHeaderLines)
            {
                error = $"its header has more than {MaxHeaderLines} lines; the file is damaged.";
                return headers;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }
    }

    /// <summary>A header line without its CRLF; null at the end of the stream.</summary>
    private static string? ReadLine(Stream input)
    {
        var bytes = new List<byte>(128);
        while (true)
        {
            int b = input.ReadByte();
            if (b < 0)
            {
                return bytes.Count == 0 ? null : Encoding.UTF8.GetString([.. bytes]);
            }

            if (b == '\n')
            {
                if (bytes.Count > 0 && bytes[^1] == '\r')
                {
                    bytes.RemoveAt(bytes.Count - 1);
                }

                return Encoding.UTF8.GetString([.. bytes]);
            }

            if (bytes.Count < MaxHeaderLine)
            {
                bytes.Add((byte)b);
            }
        }
    }

    private static long Skip(Stream input, long length)
    {
        var buffer = new byte[64 * 1024];
        long done = 0;
        while (done < length)
        {
            int n = input.Read(buffer, 0, (int)Math.Min(buffer.Length, length - done));
            if (n == 0)
            {
                break;
            }

            done += n;
        }

        return done;
    }

    private static string Short(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
