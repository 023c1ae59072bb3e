using Parallax.Core;

namespace Parallax.Engine;

/// <summary>What happened to one input (or one record of it) during an ingest.</summary>
public abstract record IngestEvent(InputOrigin Origin);

public sealed record ArticleStored(InputOrigin Origin, long Id, string Title, long? CopyOf, double? Similarity) : IngestEvent(Origin);

public sealed record ArticleDuplicate(InputOrigin Origin, long ExistingId, string Reason) : IngestEvent(Origin);

public sealed record InputFailed(InputOrigin Origin, string Code, string Reason) : IngestEvent(Origin);

/// <summary>An input given as bytes (an upload): <paramref name="Name"/> names it in origins and gives its extension.</summary>
public sealed record NamedInput(string Name, byte[] Content);

/// <summary>The summary of an ingest: stored, duplicates, failures (with what to do about them), and the new ids.</summary>
public sealed class IngestReport
{
    public int Stored { get; internal set; }

    public int Copies { get; internal set; }

    public int Duplicates { get; internal set; }

    public List<InputFailed> Failures { get; } = [];

    public List<long> NewArticles { get; } = [];

    public int Failed => Failures.Count;

    public TimeSpan Elapsed { get; internal set; }
}
