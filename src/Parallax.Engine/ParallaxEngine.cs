using System.Diagnostics;
using Parallax.Core;
using Parallax.Ingestion;
using Parallax.Storage;

namespace Parallax.Engine;

/// <summary>Options of an engine: where the store is and how it behaves.</summary>
public sealed record EngineOptions
{
    public StoreOptions Store { get; init; } = new();

    /// <summary>Annotate each new article and place it in a story as it is ingested (default). Off: only read and store.</summary>
    public bool AnalyzeOnIngest { get; init; } = true;

    /// <summary>
    /// How many threads read inputs during an ingest (decode, extract, clean, language, fingerprint) while one more
    /// stores them; default: one per core. 1 reads on one background thread.
    /// </summary>
    public int ReadWorkers { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Articles per committed group during an ingest (a group is also committed a second after the previous one). A
    /// kill loses at most the group being written, never part of an article.
    /// </summary>
    public int CommitEvery { get; init; } = 1024;
}

/// <summary>
/// The operations the hosts expose, over one store: ingest inputs, annotate articles, place them in stories, and
/// build briefs. Not thread-safe: one engine per thread or request (opening one is cheap).
/// </summary>
public sealed partial class ParallaxEngine : IDisposable
{
    private ParallaxEngine(ArticleStore store, EngineOptions options)
    {
        Store = store;
        Options = options;
    }

    public ArticleStore Store { get; }

    public EngineOptions Options { get; }

    public static ParallaxEngine Open(string dbPath, EngineOptions? options = null)
    {
        options ??= new EngineOptions();
        return new ParallaxEngine(ArticleStore.Open(dbPath, options.Store), options);
    }

    /// <summary>
    /// Reads every input, stores each article once (duplicates by URL or content are counted, copies are linked), and
    /// records each failure with its origin; one bad input never stops the batch. Writes are committed in small
    /// groups, so an interrupted ingest keeps everything committed before it stopped.
    /// </summary>
    public IngestReport Ingest(IEnumerable<string> inputs, ReadOptions readOptions, Action<IngestEvent>? onEvent = null, CancellationToken cancellationToken = default) =>
        // reading (decode, extract, clean, language, fingerprint) runs on worker threads, several files at once,
        // while the calling thread stores; outcomes arrive in input order, so ids and duplicate decisions are the
        // same as a one-thread ingest's
        IngestOutcomes(
            Options.ReadWorkers > 1
                ? InputReader.ReadParallel(inputs, readOptions, Options.ReadWorkers, cancellationToken)
                : ReadAhead(InputReader.Read(inputs, readOptions, cancellationToken), 256, cancellationToken),
            onEvent,
            cancellationToken);

    /// <summary>
    /// As <see cref="Ingest"/>, for inputs given as bytes (uploads): each is named by <see cref="NamedInput.Name"/> in
    /// origins and failures, and read with the same readers, limits and validation as a file.
    /// </summary>
    public IngestReport Ingest(IEnumerable<NamedInput> inputs, ReadOptions readOptions, Action<IngestEvent>? onEvent = null, CancellationToken cancellationToken = default) =>
        IngestOutcomes(ReadAhead(inputs.SelectMany(i => InputReader.ReadBytes(i.Content, i.Name, readOptions, cancellationToken)), 256, cancellationToken), onEvent, cancellationToken);

    private IngestReport IngestOutcomes(IEnumerable<ReadOutcome> outcomes, Action<IngestEvent>? onEvent, CancellationToken cancellationToken)
    {
        var report = new IngestReport();
        var watch = Stopwatch.StartNew();
        using (Store.BeginWrites(commitEvery: Options.CommitEvery))
        {
            // the readers run on other threads (see Ingest) while this one stores, in input order
            foreach (var outcome in outcomes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                IngestEvent e;
                switch (outcome)
                {
                    case ArticleRead read:
                        e = Save(read, report);
                        break;
                    case ReadFailure failure:
                        var failed = new InputFailed(failure.Origin, failure.Code, failure.Reason);
                        Store.RecordFailure(failure.Origin, failure.Code, failure.Reason);
                        report.Failures.Add(failed);
                        e = failed;
                        break;
                    default:
                        continue;
                }

                onEvent?.Invoke(e);
            }
        }

        if (Options.AnalyzeOnIngest && report.NewArticles.Count > 0)
        {
            AnalyzeNew(cancellationToken);
        }

        report.Elapsed = watch.Elapsed;
        return report;
    }

    /// <summary>Enumerates <paramref name="source"/> on a background thread, up to <paramref name="capacity"/> items ahead.</summary>
    internal static IEnumerable<T> ReadAhead<T>(IEnumerable<T> source, int capacity, CancellationToken cancellationToken)
    {
        using var queue = new System.Collections.Concurrent.BlockingCollection<T>(capacity);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? failure = null;
        var producer = Task.Run(
            () =>
            {
                try
                {
                    foreach (var item in source)
                    {
                        queue.Add(item, stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // the consumer stopped early
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None);
        try
        {
            foreach (var item in queue.GetConsumingEnumerable(cancellationToken))
            {
                yield return item;
            }

            if (failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }
        finally
        {
            stop.Cancel();
            producer.Wait(CancellationToken.None);
        }
    }

    private IngestEvent Save(ArticleRead read, IngestReport report)
    {
        AddResult result;
        try
        {
            result = Store.Add(read.Draft, read.Fingerprint);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            var failed = new InputFailed(read.Draft.Origin, ErrorCodes.Unknown, "could not be stored: " + ex.Message);
            report.Failures.Add(failed);
            return failed;
        }

        switch (result.Outcome)
        {
            case AddOutcome.Duplicate:
                report.Duplicates++;
                return new ArticleDuplicate(read.Draft.Origin, result.Id, result.Reason ?? "duplicate");
            case AddOutcome.StoredAsCopy:
                report.Stored++;
                report.Copies++;
                report.NewArticles.Add(result.Id);
                return new ArticleStored(read.Draft.Origin, result.Id, read.Draft.Title, result.CopyOf, result.Similarity);
            default:
                report.Stored++;
                report.NewArticles.Add(result.Id);
                return new ArticleStored(read.Draft.Origin, result.Id, read.Draft.Title, null, null);
        }
    }

    public void Dispose() => Store.Dispose();
}
