namespace Parallax.Stories.Alignment;

/// <summary>
/// How much of each of two sentences (or claims) the other covers: content words aligned one to one
/// (<see cref="WordAlignment"/>: same lemma, WordNet synonym or relation, shared stem; not word vectors, which relate words of one topic too readily), each word weighted by how specific it is (its news
/// IDF, times its weight in the story when a story is known) and by the strength of its match.
/// </summary>
/// <param name="CoverageA">Weighted share of A's content words aligned to B.</param>
/// <param name="CoverageB">Weighted share of B's content words aligned to A.</param>
/// <param name="SharedA">A's aligned weight (the mass behind <see cref="CoverageA"/>).</param>
/// <param name="SharedB">B's aligned weight.</param>
public readonly record struct WeightedOverlap(float CoverageA, float CoverageB, float SharedA, float SharedB)
{
    /// <summary>How much of the smaller side the larger covers: a short claim inside a longer sentence scores high.</summary>
    public float Containment => Math.Max(CoverageA, CoverageB);

    /// <summary>The aligned weight of the side that <see cref="Containment"/> measures.</summary>
    public float ContainedShared => CoverageA >= CoverageB ? SharedA : SharedB;

    /// <summary>The mean of the two coverages: both must be covered to score high.</summary>
    public float Mutual => 0.5f * (CoverageA + CoverageB);

    /// <summary>
    /// Measures the overlap; <paramref name="weightA"/> and <paramref name="weightB"/> give each word's weight (by index
    /// into the view's words; function words are skipped whatever their weight).
    /// </summary>
    public static WeightedOverlap Measure(SentenceView a, SentenceView b, ReadOnlySpan<float> weightA, ReadOnlySpan<float> weightB)
    {
        int na = a.Words.Length, nb = b.Words.Length;
        Span<int> linkA = na <= 256 ? stackalloc int[na] : new int[na];
        Span<int> linkB = nb <= 256 ? stackalloc int[nb] : new int[nb];
        WordAlignment.Align(a.Words, b.Words, linkA, linkB, vectors: false);
        var (coverA, sharedA) = Cover(a.Words, b.Words, linkA, weightA);
        var (coverB, sharedB) = Cover(b.Words, a.Words, linkB, weightB);
        return new WeightedOverlap(coverA, coverB, sharedA, sharedB);
    }

    /// <summary>The overlap with news IDF weights only (no story).</summary>
    public static WeightedOverlap Measure(SentenceView a, SentenceView b)
    {
        Span<float> wa = a.Words.Length <= 256 ? stackalloc float[a.Words.Length] : new float[a.Words.Length];
        Span<float> wb = b.Words.Length <= 256 ? stackalloc float[b.Words.Length] : new float[b.Words.Length];
        for (int i = 0; i < wa.Length; i++)
        {
            wa[i] = a.Words[i].Idf;
        }

        for (int i = 0; i < wb.Length; i++)
        {
            wb[i] = b.Words[i].Idf;
        }

        return Measure(a, b, wa, wb);
    }

    private static (float Coverage, float Shared) Cover(WordInfo[] self, WordInfo[] other, ReadOnlySpan<int> link, ReadOnlySpan<float> weight)
    {
        float total = 0, shared = 0;
        for (int i = 0; i < self.Length; i++)
        {
            if (self[i].IsStop)
            {
                continue;
            }

            float w = weight[i];
            total += w;
            if (link[i] >= 0)
            {
                shared += w * Strength(self[i], other[link[i]]);
            }
        }

        return total <= 0 ? (0, 0) : (shared / total, shared);
    }

    /// <summary>Strength of an aligned pair: 1 for the same word, else the WordNet or shared-stem strength.</summary>
    private static float Strength(WordInfo x, WordInfo y) => PairFeatures.Match(x, y);
}
