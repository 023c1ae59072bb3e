using Parallax.Core;
using Parallax.Ingestion.Dedup;

namespace Parallax.Ingestion;

/// <summary>
/// What reading one input (or one record of it: a JSON line, a feed item, a WARC record) gave: an article
/// (<see cref="ArticleRead"/>) or a failure a person can act on (<see cref="ReadFailure"/>).
/// </summary>
public abstract record ReadOutcome(InputOrigin Origin);

/// <summary>An article read from an input, cleaned, with its language and its duplicate fingerprint.</summary>
public sealed record ArticleRead(ArticleDraft Draft, ArticleFingerprint Fingerprint) : ReadOutcome(Draft.Origin);

/// <summary>An input (or a record of it) that could not be read.</summary>
/// <param name="Code">A stable code from <see cref="ErrorCodes"/> (PX2xxx).</param>
/// <param name="Reason">What went wrong and what to do about it, naming the line or record where it helps.</param>
public sealed record ReadFailure(InputOrigin Origin, string Code, string Reason) : ReadOutcome(Origin)
{
    public override string ToString() => $"{Origin}: {Code}: {Reason}";
}
