namespace Parallax.Core;

/// <summary>
/// What the store needs to recognise the same article twice: an exact content hash, and a MinHash signature with
/// LSH band keys for near-duplicates and syndicated copies.
/// </summary>
/// <param name="ContentHash">SHA-256 (hex) of the normalised body.</param>
/// <param name="MinHash">MinHash signature over word shingles of the body.</param>
/// <param name="BandKeys">LSH band keys of <paramref name="MinHash"/>: two articles sharing a key are candidates.</param>
public sealed record ArticleFingerprint(string ContentHash, ulong[] MinHash, long[] BandKeys)
{
    /// <summary>Estimated Jaccard similarity of the two bodies' shingle sets (fraction of equal MinHash slots).</summary>
    public double Similarity(ulong[] other)
    {
        int n = Math.Min(MinHash.Length, other.Length);
        if (n == 0)
        {
            return 0;
        }

        int same = 0;
        for (int i = 0; i < n; i++)
        {
            if (MinHash[i] == other[i])
            {
                same++;
            }
        }

        return (double)same / n;
    }

    public byte[] SignatureBytes()
    {
        var bytes = new byte[MinHash.Length * sizeof(ulong)];
        Buffer.BlockCopy(MinHash, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public static ulong[] SignatureFromBytes(byte[] bytes)
    {
        var values = new ulong[bytes.Length / sizeof(ulong)];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * sizeof(ulong));
        return values;
    }
}
