using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Parallax.Ingestion;

/// <summary>
/// Runs a lazy expansion of each item on several worker threads and yields the results in input order, as if the
/// items had been expanded one after another on the caller's thread. Bounded: at most <c>window</c> items are in
/// flight, and each holds at most <c>perItem</c> results the consumer has not taken yet, so one huge item (a JSON
/// Lines file of a million lines) streams with back-pressure instead of filling memory.
/// </summary>
/// <remarks>
/// Workers take items in input order, so the item the consumer waits for is always being expanded (or done): the
/// pipeline cannot deadlock. When the consumer stops early (or is cancelled) the workers are stopped and awaited.
/// An exception thrown by an expansion is rethrown to the consumer at that item's place in the order.
/// </remarks>
internal static class ParallelReading
{
    private sealed class Slot<TOut>(int perItem)
    {
        public BlockingCollection<TOut> Results { get; } = new(perItem);

        public Exception? Failure { get; set; }
    }

    public static IEnumerable<TOut> Ordered<TIn, TOut>(
        IEnumerable<TIn> items, Func<TIn, IEnumerable<TOut>> expand, int workers, int window, int perItem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(expand);
        workers = Math.Max(1, workers);
        window = Math.Max(workers, window);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var order = new BlockingCollection<Slot<TOut>>(window);
        using var work = new BlockingCollection<(TIn Item, Slot<TOut> Slot)>();
        Exception? dispatchFailure = null;

        var dispatcher = Task.Run(
            () =>
            {
                try
                {
                    foreach (var item in items)
                    {
                        var slot = new Slot<TOut>(perItem);
                        order.Add(slot, stop.Token); // blocks while the window is full
                        work.Add((item, slot), stop.Token);
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    // the consumer stopped
                }
                catch (Exception ex)
                {
                    dispatchFailure = ex; // enumerating the items failed: reported after the items before it
                }
                finally
                {
                    order.CompleteAdding();
                    work.CompleteAdding();
                }
            },
            CancellationToken.None);

        var pool = new Task[workers];
        for (int w = 0; w < workers; w++)
        {
            pool[w] = Task.Factory.StartNew(
                () =>
                {
                    try
                    {
                        foreach (var (item, slot) in work.GetConsumingEnumerable(stop.Token))
                        {
                            try
                            {
                                foreach (var result in expand(item))
                                {
                                    slot.Results.Add(result, stop.Token);
                                }
                            }
                            catch (OperationCanceledException) when (stop.IsCancellationRequested)
                            {
                                return;
                            }
                            catch (Exception ex)
                            {
                                slot.Failure = ex;
                            }
                            finally
                            {
                                slot.Results.CompleteAdding();
                            }
                        }
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        // the consumer stopped
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        try
        {
            foreach (var slot in order.GetConsumingEnumerable(cancellationToken))
            {
                foreach (var result in slot.Results.GetConsumingEnumerable(cancellationToken))
                {
                    yield return result;
                }

                slot.Results.Dispose();
                if (slot.Failure is not null)
                {
                    ExceptionDispatchInfo.Capture(slot.Failure).Throw();
                }
            }

            if (dispatchFailure is not null)
            {
                ExceptionDispatchInfo.Capture(dispatchFailure).Throw();
            }
        }
        finally
        {
            stop.Cancel();
            Task.WaitAll([dispatcher, .. pool], CancellationToken.None);
        }
    }
}
