namespace Parallax.Core;

/// <summary>
/// What the store needs to recognise the same article twice: an exact content hash, and a near-duplicate signature
/// with locality-sensitive band keys to index. The ingestion library computes it; the store only compares.
/// </summary>
public interface IContentFingerprint
{
    /// <summary>Hash of the normalised body: equal hashes are the same content.</summary>
    string ContentHash { get; }

    /// <summary>Band keys: two articles sharing one are candidates to compare (empty for bodies too short to compare).</summary>
    IReadOnlyList<long> BandKeys { get; }

    /// <summary>Number of distinct shingles the signature summarises.</summary>
    int ShingleCount { get; }

    /// <summary>The signature, for storing.</summary>
    byte[] SignatureBytes();

    /// <summary>If the stored article (its signature, shingle count and hash) is a copy of this one, their similarity; else null.</summary>
    double? CopySimilarity(ReadOnlySpan<byte> storedSignature, int storedShingleCount, string storedContentHash);
}
