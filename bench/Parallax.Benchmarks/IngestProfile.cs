using System.Diagnostics;
using System.IO.Compression;
using Parallax.Core;
using Parallax.Engine;
using Parallax.Ingestion;
using Parallax.Ingestion.Cleaning;
using Parallax.Ingestion.Dedup;
using Parallax.Ingestion.Html;
using Parallax.Ingestion.Input;
using Parallax.Ingestion.Language;
using Parallax.Storage;

namespace Parallax.Benchmarks;

/// <summary>
/// Where the time of an ingest goes, stage by stage, on one thread (CPU time is what a loaded machine cannot
/// distort much), then the whole engine ingest with its wall and process CPU time.
/// dotnet run -c Release --project bench/Parallax.Benchmarks -- profile-ingest [FOLDER...]
/// (default folders: the BBC News texts and the article-extraction HTML pages, as in <see cref="IngestStoreBenchmarks"/>).
/// </summary>
public static class IngestProfile
{
    public static int Run(string[] folders)
    {
        if (folders.Length == 0)
        {
            var bench = new IngestStoreBenchmarks();
            bench.Setup();
            folders = [Path.Combine(Path.GetTempPath(), "parallax-bench-ingest", "bbc-text"), Path.Combine(Path.GetTempPath(), "parallax-bench-ingest", "html-pages")];
        }

        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var folder in folders)
        {
            var files = InputReader.EnumerateFolder(folder, new ReadOptions()).ToList();
            Stages(folder, files); // warm-up
            Stages(folder, files);
            foreach (var workers in new[] { 1, Environment.ProcessorCount, 1, Environment.ProcessorCount })
            {
                Whole(folder, files.Count, workers);
            }
        }

        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}");
        return 0;
    }

    private static void Stages(string folder, List<string> files)
    {
        // thread CPU time per stage: on a shared machine wall time mostly measures the other processes
        var t = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        void Add(string stage, long start) => t[stage] = t.GetValueOrDefault(stage) + TimeSpan.FromTicks((ThreadCpu.Now() - start) / 100);
        var db = Path.Combine(Path.GetTempPath(), "parallax-profile-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        int articles = 0, fallbacks = 0;
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        int gc0 = GC.CollectionCount(0), gc1 = GC.CollectionCount(1), gc2 = GC.CollectionCount(2);
        var pause0 = GC.GetTotalPauseDuration();
        using var store = ArticleStore.Open(db);
        using (store.BeginWrites(256))
        {
            foreach (var file in files)
            {
                long s = ThreadCpu.Now();
                byte[] bytes = File.ReadAllBytes(file);
                if (Sniffer.IsGzip(bytes))
                {
                    using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                    using var ms = new MemoryStream();
                    gz.CopyTo(ms);
                    bytes = ms.ToArray();
                }

                Add("1 read file", s);
                s = ThreadCpu.Now();
                InputFormat format;
                string text;
                try
                {
                    format = Sniffer.Sniff(bytes.AsSpan(0, Math.Min(bytes.Length, Sniffer.HeadBytes)), file, "the file");
                    text = format == InputFormat.Html
                        ? TextDecoder.DecodeMarkup(bytes, null, null, "the file", out _)
                        : TextDecoder.DecodeText(bytes, null, "the file");
                }
                catch (ParallaxException)
                {
                    continue; // counted as failed by the engine too
                }

                Add("2 sniff+decode", s);
                ArticleDraft draft;
                if (format == InputFormat.Html)
                {
                    s = ThreadCpu.Now();
                    var doc = LightHtml.Parse(text);
                    Add("3 html parse", s);
                    s = ThreadCpu.Now();
                    var meta = PageMetadata.Read(doc);
                    Add("4 html metadata", s);
                    s = ThreadCpu.Now();
                    var own = MainTextExtractor.Extract(doc, meta.Title);
                    Add("5 html extract (own)", s);
                    var extracted = own;
                    if (own.Text.Length < ExtractionRules.MinArticleChars)
                    {
                        s = ThreadCpu.Now();
                        extracted = HtmlArticleReader.Extract(text, null).Text;
                        fallbacks++;
                        Add("6 html fallback (whole cascade again)", s);
                    }

                    if (extracted.Text.Length == 0)
                    {
                        continue;
                    }

                    s = ThreadCpu.Now();
                    var title = meta.Title ?? "untitled";
                    var cleaning = ArticleCleaner.Clean(extracted.Text, new CleaningHints { Title = title, Headings = extracted.Headings });
                    Add("7 clean", s);
                    draft = new ArticleDraft { Text = extracted.Text, Title = title, Format = "html", Origin = new InputOrigin(file), Cleaning = cleaning.Layer };
                }
                else
                {
                    s = ThreadCpu.Now();
                    var cleaning = ArticleCleaner.Clean(text, new CleaningHints { FindTitle = true });
                    Add("7 clean", s);
                    draft = new ArticleDraft { Text = text, Title = cleaning.TitleOf(text) ?? "untitled", Format = "text", Origin = new InputOrigin(file), Cleaning = cleaning.Layer };
                }

                s = ThreadCpu.Now();
                var body = draft.Body;
                Add("8 body text", s);
                s = ThreadCpu.Now();
                draft = draft with { Language = LanguageIdentifier.Detect(body) };
                Add("9 language", s);
                s = ThreadCpu.Now();
                var fingerprint = ArticleFingerprint.Of(body);
                Add("10 fingerprint", s);
                s = ThreadCpu.Now();
                store.Add(draft, fingerprint);
                Add("11 store add", s);
                articles++;
            }

            long c = ThreadCpu.Now();
            store.Commit();
            Add("12 final commit", c);
        }

        store.Dispose();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        Console.WriteLine($"\n  GC collections gen0/1/2: {GC.CollectionCount(0) - gc0}/{GC.CollectionCount(1) - gc1}/{GC.CollectionCount(2) - gc2}, pauses {(GC.GetTotalPauseDuration() - pause0).TotalMilliseconds:F0} ms");
        foreach (var f in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(f);
        }

        var total = t.Values.Aggregate(TimeSpan.Zero, (a, b) => a + b);
        Console.WriteLine($"\n{Path.GetFileName(folder)}: {articles} articles of {files.Count} inputs ({fallbacks} fell back), one thread, {total.TotalMilliseconds / articles:F3} ms/article thread CPU in stages, process CPU {cpu.TotalMilliseconds / articles:F3} ms/article");
        foreach (var (stage, time) in t.OrderBy(kv => int.Parse(kv.Key.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)))
        {
            Console.WriteLine($"  {stage,-40} {time.TotalMilliseconds / articles,8:F3} ms/article {100 * time / total,5:F1} %");
        }
    }

    private static void Whole(string folder, int inputs, int workers)
    {
        var db = Path.Combine(Path.GetTempPath(), "parallax-profile-" + Guid.NewGuid().ToString("N")[..8] + ".db");
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        IngestReport report;
        using (var engine = ParallaxEngine.Open(db, new EngineOptions { AnalyzeOnIngest = false, ReadWorkers = workers }))
        {
            report = engine.Ingest([folder], new ReadOptions());
        }

        watch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        foreach (var f in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(f);
        }

        Console.WriteLine(
            $"  engine ingest, {workers} reader(s): {report.Stored} stored, {report.Duplicates} dup, {report.Failed} failed of {inputs} in {watch.Elapsed.TotalSeconds:F2} s = {inputs / watch.Elapsed.TotalSeconds:F0} inputs/s; " +
            $"process CPU {cpu.TotalSeconds:F2} s = {cpu.TotalMilliseconds / inputs:F3} ms/input; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
    }
}

/// <summary>The calling thread's CPU time in nanoseconds (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)).</summary>
internal static partial class ThreadCpu
{
    public static long Now()
    {
        _ = ClockGetTime(3, out var ts);
        return (ts.Seconds * 1_000_000_000L) + ts.Nanoseconds;
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
