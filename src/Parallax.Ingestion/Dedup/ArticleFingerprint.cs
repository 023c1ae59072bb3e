using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Parallax.Ingestion.Dedup;

/// <summary>
/// What duplicate detection needs to know of an article body.
/// <list type="bullet">
/// <item><see cref="ContentHash"/>: SHA-256 (hex) of the normalised body (lower-cased words joined by single spaces),
///   so the same article saved twice with other whitespace, quotes or markup has the same hash.</item>
/// <item><see cref="MinHash"/>: a <see cref="Hashes"/>-value MinHash signature of the body's word
///   <see cref="ShingleSize"/>-gram shingles, whose agreement rate estimates the Jaccard similarity of two bodies.</item>
/// <item><see cref="BandKeys"/>: locality-sensitive hashing keys (<see cref="Bands"/> bands of <see cref="Rows"/>
///   rows) for a store to index: two articles that share any key are candidates to compare. Pairs with Jaccard 0.5
///   share a key with probability 0.995, pairs with Jaccard 0.1 with probability 0.04.</item>
/// </list>
/// A candidate is a copy (syndicated wire story, light edit, re-post) when <see cref="IsCopyOf"/>: estimated
/// Jaccard at least <see cref="CopyJaccard"/>, or the shorter body at least <see cref="CopyContainment"/> contained
/// in the longer (a trimmed wire story). Independent reports of one event by different outlets share names and
/// a few quotes but almost no 5-word sequences (Jaccard well under 0.1), so they stay separate voices.
/// </summary>
public sealed class ArticleFingerprint : Parallax.Core.IContentFingerprint
{
    public const int ShingleSize = 5;
    public const int Bands = 40;
    public const int Rows = 3;
    public const int Hashes = Bands * Rows;

    /// <summary>Estimated Jaccard similarity from which two bodies are copies of one article.</summary>
    public const double CopyJaccard = 0.5;

    /// <summary>Estimated share of the shorter body's shingles found in the longer from which it is a (trimmed) copy.</summary>
    public const double CopyContainment = 0.8;

    /// <summary>Bodies with fewer shingles than this are only matched by <see cref="ContentHash"/> (too short to tell copies from coincidence).</summary>
    public const int MinShinglesForNearDuplicates = 8;

    private static readonly ulong[] A = new ulong[Hashes];
    private static readonly ulong[] B = new ulong[Hashes];

    static ArticleFingerprint()
    {
        ulong state = 0x9E3779B97F4A7C15UL;
        for (int i = 0; i < Hashes; i++)
        {
            A[i] = SplitMix(ref state) | 1UL;
            B[i] = SplitMix(ref state);
        }
    }

    public ArticleFingerprint(string contentHash, ulong[] minHash, int shingleCount)
    {
        if (minHash.Length != Hashes)
        {
            throw new ArgumentException($"A signature has {Hashes} values.", nameof(minHash));
        }

        ContentHash = contentHash;
        MinHash = minHash;
        ShingleCount = shingleCount;
        BandKeys = shingleCount >= MinShinglesForNearDuplicates ? ComputeBandKeys(minHash) : [];
    }

    public string ContentHash { get; }

    public IReadOnlyList<ulong> MinHash { get; }

    /// <summary>The number of distinct shingles of the body.</summary>
    public int ShingleCount { get; }

    /// <summary>One key per band (band index mixed in), to index; empty for bodies too short for near-duplicate detection.</summary>
    public IReadOnlyList<long> BandKeys { get; }

    /// <summary>Computes the fingerprint of a body text.</summary>
    public static ArticleFingerprint Of(string body)
    {
        // one pass: lower-cased words hashed in place and written, space-separated, into the normal form
        var normal = new char[body.Length];
        int normalLength = 0;
        var wordHashes = new List<ulong>(body.Length / 5);
        int i = 0;
        while (i < body.Length)
        {
            while (i < body.Length && !char.IsLetterOrDigit(body[i]))
            {
                i++;
            }

            int start = i;
            while (i < body.Length && (char.IsLetterOrDigit(body[i]) || (body[i] is '\'' or '’' && i + 1 < body.Length && char.IsLetter(body[i + 1]) && i > start)))
            {
                i++;
            }

            if (i == start)
            {
                continue;
            }

            if (normalLength > 0)
            {
                normal[normalLength++] = ' ';
            }

            ulong h = 0xCBF29CE484222325UL;
            for (int k = start; k < i; k++)
            {
                char c = char.ToLowerInvariant(body[k]);
                if (c == '’')
                {
                    c = '\'';
                }

                normal[normalLength++] = c;
                h = (h ^ c) * 0x100000001B3UL;
            }

            wordHashes.Add(Mix(h));
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normal, 0, normalLength)));
        var signature = new ulong[Hashes];
        Array.Fill(signature, ulong.MaxValue);
        var seen = new HashSet<ulong>(wordHashes.Count);
        if (wordHashes.Count > 0)
        {
            int count = Math.Max(1, wordHashes.Count - ShingleSize + 1);
            for (int s = 0; s < count; s++)
            {
                ulong h = 0xCBF29CE484222325UL;
                int end = Math.Min(wordHashes.Count, s + ShingleSize);
                for (int j = s; j < end; j++)
                {
                    h = Mix(h ^ wordHashes[j]);
                }

                if (!seen.Add(h))
                {
                    continue;
                }

                for (int k = 0; k < Hashes; k++)
                {
                    ulong v = (A[k] * h) + B[k];
                    if (v < signature[k])
                    {
                        signature[k] = v;
                    }
                }
            }
        }

        return new ArticleFingerprint(hash, signature, seen.Count);
    }

    /// <summary>Estimated Jaccard similarity of the two bodies' shingle sets, in [0, 1].</summary>
    public double EstimateJaccard(ArticleFingerprint other)
    {
        if (ShingleCount == 0 || other.ShingleCount == 0)
        {
            return ContentHash == other.ContentHash ? 1 : 0;
        }

        int same = 0;
        for (int i = 0; i < Hashes; i++)
        {
            if (MinHash[i] == other.MinHash[i])
            {
                same++;
            }
        }

        return same / (double)Hashes;
    }

    /// <summary>Estimated share of the shorter body's shingles that are in the longer one, in [0, 1].</summary>
    public double EstimateContainment(ArticleFingerprint other)
    {
        double j = EstimateJaccard(other);
        int small = Math.Min(ShingleCount, other.ShingleCount);
        int large = Math.Max(ShingleCount, other.ShingleCount);
        if (small == 0)
        {
            return j;
        }

        // |A∩B| = J·|A∪B| and |A∪B| = (|A|+|B|)/(1+J)
        return Math.Min(1, j * (small + large) / ((1 + j) * small));
    }

    /// <summary>The similarity to report for a copy: the larger of Jaccard and containment.</summary>
    public double Similarity(ArticleFingerprint other) => Math.Max(EstimateJaccard(other), EstimateContainment(other));

    /// <summary>True when the two bodies are one article (same content, a light edit, or a trimmed copy).</summary>
    public bool IsCopyOf(ArticleFingerprint other)
    {
        if (ContentHash == other.ContentHash)
        {
            return true;
        }

        if (ShingleCount < MinShinglesForNearDuplicates || other.ShingleCount < MinShinglesForNearDuplicates)
        {
            return false;
        }

        return EstimateJaccard(other) >= CopyJaccard || EstimateContainment(other) >= CopyContainment;
    }

    /// <summary>The signature as bytes (little-endian), for storing.</summary>
    public byte[] SignatureBytes()
    {
        var bytes = new byte[Hashes * 8];
        for (int i = 0; i < Hashes; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), MinHash[i]);
        }

        return bytes;
    }

    /// <summary>Rebuilds a fingerprint from its stored parts.</summary>
    public static ArticleFingerprint FromStored(string contentHash, ReadOnlySpan<byte> signature, int shingleCount)
    {
        if (signature.Length != Hashes * 8)
        {
            throw new ArgumentException($"A stored signature has {Hashes * 8} bytes, not {signature.Length}.", nameof(signature));
        }

        var values = new ulong[Hashes];
        for (int i = 0; i < Hashes; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt64LittleEndian(signature[(i * 8)..]);
        }

        return new ArticleFingerprint(contentHash, values, shingleCount);
    }

    /// <inheritdoc/>
    public double? CopySimilarity(ReadOnlySpan<byte> storedSignature, int storedShingleCount, string storedContentHash)
    {
        if (storedSignature.Length != Hashes * 8)
        {
            return null;
        }

        var stored = FromStored(storedContentHash, storedSignature, storedShingleCount);
        return IsCopyOf(stored) ? Similarity(stored) : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{ContentHash[..12]} ({ShingleCount} shingles)");

    /// <summary>Lower-cased words (letters and digits), the normal form of a body.</summary>
    internal static List<string> Words(string text)
    {
        var words = new List<string>(text.Length / 6);
        int i = 0;
        Span<char> buffer = stackalloc char[64];
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)))
            {
                i++;
            }

            if (i > start)
            {
                var word = text.AsSpan(start, i - start);
                if (word.Length <= buffer.Length)
                {
                    int n = word.ToLowerInvariant(buffer);
                    for (int k = 0; k < n; k++)
                    {
                        if (buffer[k] == '’')
                        {
                            buffer[k] = '\'';
                        }
                    }

                    words.Add(new string(buffer[..n]));
                }
                else
                {
                    words.Add(word.ToString().ToLowerInvariant());
                }
            }
        }

        return words;
    }

    private static long[] ComputeBandKeys(ulong[] signature)
    {
        var keys = new long[Bands];
        for (int b = 0; b < Bands; b++)
        {
            ulong h = Mix(0x51AFD7ED558CCD00UL ^ (ulong)b);
            for (int r = 0; r < Rows; r++)
            {
                h = Mix(h ^ signature[(b * Rows) + r]);
            }

            keys[b] = (long)h;
        }

        return keys;
    }

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong SplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }
}
