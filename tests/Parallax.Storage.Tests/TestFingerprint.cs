using Parallax.Core;

namespace Parallax.Storage.Tests;

/// <summary>A hand-made fingerprint for store tests: a copy when at least half the signature slots agree.</summary>
internal sealed record TestFingerprint(string ContentHash, ulong[] MinHash, long[] Bands) : IContentFingerprint
{
    public IReadOnlyList<long> BandKeys => Bands;

    public int ShingleCount => MinHash.Length;

    public byte[] SignatureBytes()
    {
        var bytes = new byte[MinHash.Length * sizeof(ulong)];
        Buffer.BlockCopy(MinHash, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    public double? CopySimilarity(ReadOnlySpan<byte> storedSignature, int storedShingleCount, string storedContentHash)
    {
        var other = new ulong[storedSignature.Length / sizeof(ulong)];
        Buffer.BlockCopy(storedSignature.ToArray(), 0, other, 0, storedSignature.Length);
        int n = Math.Min(other.Length, MinHash.Length);
        if (n == 0)
        {
            return null;
        }

        int same = 0;
        for (int i = 0; i < n; i++)
        {
            same += MinHash[i] == other[i] ? 1 : 0;
        }

        double s = (double)same / n;
        return s >= 0.5 ? s : null;
    }
}
