using System.IO.Compression;
using Parallax.Core;
using Parallax.Ingestion.Dedup;
using Parallax.Ingestion.Html;
using Parallax.Ingestion.Input;
using Parallax.Ingestion.Language;
using Parallax.Ingestion.Readers;

namespace Parallax.Ingestion;

/// <summary>
/// The one entry point of ingestion: reads files, folders (recursively, in name order) and standard input
/// (<c>"-"</c>), chooses each input's format by content (<see cref="Sniffer"/>, or <see cref="ReadOptions.Format"/>),
/// and yields one <see cref="ReadOutcome"/> per article or failure, lazily, so a huge folder streams.
/// It never throws for a bad input: every problem becomes a <see cref="ReadFailure"/> with a stable code and a
/// reason naming the file (and line or record), and the batch goes on. Only cancellation ends it early.
/// Each article comes cleaned (<see cref="ArticleDraft.Cleaning"/>), with its language (detected when the input
/// did not say) and its duplicate <see cref="ArticleFingerprint"/>.
/// </summary>
public static class InputReader
{
    /// <summary>The path that means standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>How standard input is named in origins.</summary>
    public const string StandardInputName = "<stdin>";

    /// <summary>Reads the given paths.</summary>
    public static IEnumerable<ReadOutcome> Read(IEnumerable<string> paths, ReadOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        TextDecoder.EnsureCodePages();
        foreach (var path in paths)
        {
            ct.ThrowIfCancellationRequested();
            if (path == StandardInput)
            {
                foreach (var outcome in ReadStream(() => Console.OpenStandardInput(), StandardInputName, null, options, ct))
                {
                    yield return outcome;
                }
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in EnumerateFolder(path, options))
                {
                    foreach (var outcome in ReadFile(file, options, ct))
                    {
                        yield return outcome;
                    }
                }
            }
            else
            {
                foreach (var outcome in ReadFile(path, options, ct))
                {
                    yield return outcome;
                }
            }
        }
    }

    /// <summary>
    /// Reads the given paths like <see cref="Read"/> and yields the same outcomes in the same order, but reads up to
    /// <paramref name="workers"/> files at once (decode, extract, clean, language, fingerprint), each on its own
    /// thread. The order is kept so that ids and duplicate decisions do not depend on thread timing. Memory stays
    /// bounded: a few files ahead of the consumer, and a big streamed file (JSON Lines, WARC) is read record by record
    /// as the consumer takes them.
    /// </summary>
    public static IEnumerable<ReadOutcome> ReadParallel(IEnumerable<string> paths, ReadOptions options, int workers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        if (workers <= 1)
        {
            return Read(paths, options, ct);
        }

        TextDecoder.EnsureCodePages();
        return ParallelReading.Ordered(
            Units(paths, options, ct),
            path => path == StandardInput
                ? ReadStream(() => Console.OpenStandardInput(), StandardInputName, null, options, ct)
                : ReadFile(path, options, ct),
            workers,
            window: workers * 8,
            perItem: 64,
            ct);
    }

    /// <summary>The inputs <see cref="Read"/> reads one after another: standard input, files, and the files of folders.</summary>
    private static IEnumerable<string> Units(IEnumerable<string> paths, ReadOptions options, CancellationToken ct)
    {
        foreach (var path in paths)
        {
            ct.ThrowIfCancellationRequested();
            if (path != StandardInput && Directory.Exists(path))
            {
                foreach (var file in EnumerateFolder(path, options))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    /// <summary>Reads one file.</summary>
    public static IEnumerable<ReadOutcome> ReadFile(string path, ReadOptions options, CancellationToken ct = default)
    {
        var origin = new InputOrigin(path);
        if (!File.Exists(path))
        {
            return [new ReadFailure(origin, ErrorCodes.InputNotFound, Directory.Exists(path) ? "is a folder (pass it to Read to walk it)." : "no such file or folder.")];
        }

        return ReadStream(() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan), path, path, options, ct);
    }

    /// <summary>Reads an input given as bytes (tests, uploads). <paramref name="name"/> names it in origins and gives its extension.</summary>
    public static IEnumerable<ReadOutcome> ReadBytes(byte[] content, string name, ReadOptions options, CancellationToken ct = default) =>
        ReadStream(() => new MemoryStream(content, writable: false), name, null, options, ct);

    /// <summary>The files of a folder, recursively, in ordinal name order; sidecar metadata files and (by default) hidden entries are left out.</summary>
    public static IEnumerable<string> EnumerateFolder(string folder, ReadOptions options)
    {
        var stack = new Stack<string>();
        stack.Push(folder);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            string[] files, dirs;
            try
            {
                files = Directory.GetFiles(dir);
                dirs = Directory.GetDirectories(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(dirs, StringComparer.Ordinal);
            foreach (var file in files)
            {
                var name = Path.GetFileName(file);
                if ((!options.IncludeHidden && name.StartsWith('.')) || name.EndsWith(".meta.json", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                yield return file;
            }

            for (int i = dirs.Length - 1; i >= 0; i--)
            {
                if (options.IncludeHidden || !Path.GetFileName(dirs[i]).StartsWith('.'))
                {
                    stack.Push(dirs[i]);
                }
            }
        }
    }

    /// <summary>Cleans up a reader's draft: language and fingerprint.</summary>
    public static ArticleRead Complete(ArticleDraft draft, ReadOptions options)
    {
        var body = draft.Body;
        if (draft.Language is null && options.DetectLanguage)
        {
            draft = draft with { Language = LanguageIdentifier.Detect(body) };
        }

        return new ArticleRead(draft, ArticleFingerprint.Of(body));
    }

    private static IEnumerable<ReadOutcome> ReadStream(Func<Stream> open, string name, string? filePath, ReadOptions options, CancellationToken ct)
    {
        var origin = new InputOrigin(name);
        Stream? stream = null;
        IEnumerator<Parsed>? records = null;
        ReadOutcome? failure = null;
        try
        {
            stream = open();
            records = Dispatch(stream, name, filePath, origin, options, ct).GetEnumerator();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            failure = ToFailure(origin, ex);
            stream?.Dispose();
        }

        if (failure is not null)
        {
            yield return failure;
            yield break;
        }

        using (stream)
        using (records)
        {
            while (true)
            {
                ct.ThrowIfCancellationRequested();
                ReadOutcome outcome;
                bool stop = false;
                try
                {
                    if (!records!.MoveNext())
                    {
                        break;
                    }

                    outcome = records.Current switch
                    {
                        Parsed.Draft d => Complete(d.Value, options),
                        Parsed.Failed f => f.Value,
                        _ => throw new InvalidOperationException("unknown record"),
                    };
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // a reader failed in the middle of a stream: report it and stop this input
                    outcome = ToFailure(origin, ex);
                    stop = true;
                }

                yield return outcome;
                if (stop)
                {
                    yield break;
                }
            }
        }
    }

    private static IEnumerable<Parsed> Dispatch(Stream raw, string name, string? filePath, InputOrigin origin, ReadOptions options, CancellationToken ct)
    {
        var what = name == StandardInputName ? "standard input" : "the file";
        long? size = raw.CanSeek ? raw.Length : null;
        if (size == 0)
        {
            throw BoundedRead.Empty(what);
        }

        // the head: enough to sniff, and to see gzip
        var head = new byte[Sniffer.HeadBytes];
        int headLength = BoundedRead.Fill(raw, head);
        if (headLength == 0)
        {
            throw BoundedRead.Empty(what);
        }

        Stream stream = new PrefixedStream(head, headLength, raw);
        bool compressed = Sniffer.IsGzip(head.AsSpan(0, headLength));
        if (compressed)
        {
            stream = new GZipStream(stream, CompressionMode.Decompress);
            head = new byte[Sniffer.HeadBytes];
            try
            {
                headLength = BoundedRead.Fill(stream, head);
            }
            catch (InvalidDataException ex)
            {
                throw new InputError(ErrorCodes.InputBinary, $"{what} starts like a gzip archive but is not one ({ex.Message}).", ex);
            }

            if (headLength == 0)
            {
                throw BoundedRead.Empty(what + " (decompressed)");
            }

            stream = new PrefixedStream(head, headLength, stream);
        }

        var headSpan = head.AsSpan(0, headLength);
        if (size is long large && !compressed && large > options.MaxBytes && options.Format is not (InputFormat.Warc or InputFormat.JsonLines))
        {
            // refuse early by size, unless it is a streamed format (whose limit is per record)
            InputFormat sniffed;
            try
            {
                sniffed = options.Format != InputFormat.Auto ? options.Format : Sniffer.Sniff(headSpan, name, what);
            }
            catch (InputError)
            {
                sniffed = InputFormat.Text;
            }

            if (sniffed is not (InputFormat.Warc or InputFormat.JsonLines))
            {
                throw Sizes.TooLarge(what, large, options.MaxBytes, advice: options.MaxBytesAdvice);
            }
        }

        var format = options.Format != InputFormat.Auto ? options.Format : Sniffer.Sniff(headSpan, name, what);
        if (options.Format != InputFormat.Auto)
        {
            Sniffer.RefuseBinary(headSpan, what);
        }

        // streamed formats: the size limit is per line or record
        if (format == InputFormat.Warc)
        {
            return WarcReader.Read(stream, origin, options, ct);
        }

        if (format == InputFormat.JsonLines)
        {
            return ReadJsonLines(stream, origin, options, ct);
        }

        // whole-file formats: refuse early by size, then read with the limit (decompressed sizes count)
        if (size is long known && !compressed && known > options.MaxBytes)
        {
            throw Sizes.TooLarge(what, known, options.MaxBytes, advice: options.MaxBytesAdvice);
        }

        var bytes = BoundedRead.ReadAll(stream, options.MaxBytes, compressed ? what + " (decompressed)" : what, ct, compressed ? null : size, options.MaxBytesAdvice);
        switch (format)
        {
            case InputFormat.Html:
            {
                var html = TextDecoder.DecodeMarkup(bytes, options.Encoding, null, what, out _);
                return [HtmlArticleReader.Read(html, origin, null, options, InputFormat.Html.Name())];
            }

            case InputFormat.Feed:
            {
                var xml = TextDecoder.DecodeMarkup(bytes, options.Encoding, null, what, out _);
                return FeedReader.Read(xml, origin, options);
            }

            case InputFormat.NewsPlease:
                return NewsPleaseReader.ReadDocument(TextDecoder.DecodeText(bytes, options.Encoding, what), origin, options);

            default:
                return [PlainTextReader.Read(TextDecoder.DecodeText(bytes, options.Encoding, what), origin, options, filePath)];
        }
    }

    /// <summary>JSON Lines, streamed line by line; each line is at most <see cref="ReadOptions.MaxBytes"/>.</summary>
    private static IEnumerable<Parsed> ReadJsonLines(Stream stream, InputOrigin origin, ReadOptions options, CancellationToken ct)
    {
        var splitter = new LineSplitter(stream, options.MaxBytes);
        int articles = 0;
        while (splitter.Next(out var line, out int number, out bool tooLong))
        {
            ct.ThrowIfCancellationRequested();
            var at = origin with { Line = number };
            if (tooLong)
            {
                articles++;
                yield return Parsed.Fail(at, ErrorCodes.InputTooLarge, $"line {number} is over the {Sizes.Describe(options.MaxBytes)} limit; it was skipped (raise {options.MaxBytesAdvice} to read it).");
                continue;
            }

            var trimmed = line.Span.Trim(" \t\r"u8);
            if (trimmed.IsEmpty)
            {
                continue;
            }

            if (number == 1 && trimmed.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                trimmed = trimmed[3..];
            }

            articles++;
            yield return NewsPleaseReader.ReadLine(trimmed, at, options);
        }

        if (articles == 0)
        {
            yield return Parsed.Fail(origin, ErrorCodes.InputEmpty, "the JSON Lines file has no lines with content.");
        }
    }

    private static ReadFailure ToFailure(InputOrigin origin, Exception ex) => ex switch
    {
        ParallaxException px => new ReadFailure(origin, px.Code, px.Message),
        FileNotFoundException or DirectoryNotFoundException => new ReadFailure(origin, ErrorCodes.InputNotFound, "no such file or folder."),
        UnauthorizedAccessException => new ReadFailure(origin, ErrorCodes.InputNotFound, "cannot be read: permission denied."),
        InvalidDataException => new ReadFailure(origin, ErrorCodes.InputBinary, $"the compressed data is damaged or cut short ({ex.Message})."),
        IOException => new ReadFailure(origin, ErrorCodes.InputNotFound, $"could not be read: {ex.Message}"),
        _ => new ReadFailure(origin, ErrorCodes.Unknown, $"could not be read ({ex.GetType().Name}: {ex.Message}); please report this input."),
    };
}
