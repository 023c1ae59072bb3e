namespace Parallax.Stories.Alignment;

/// <summary>
/// The features of a sentence pair. All are symmetric (the same for (a, b) and (b, a)): a directional measure
/// appears as its minimum and maximum over the two directions.
/// </summary>
public static class PairFeatures
{
    /// <summary>Feature names, in vector order.</summary>
    public static readonly string[] Names =
    [
        "word_overlap_min", "word_overlap_max",
        "bigram_overlap_min", "bigram_overlap_max",
        "trigram_overlap_min", "trigram_overlap_max",
        "lemma_overlap_min", "lemma_overlap_max",
        "lemma_bigram_overlap_min", "lemma_bigram_overlap_max",
        "content_overlap_min", "content_overlap_max",
        "idf_content_overlap_min", "idf_content_overlap_max",
        "soft_alignment_min", "soft_alignment_max",
        "unaligned_words_min", "unaligned_words_max",
        "unaligned_idf_min", "unaligned_idf_max",
        "wordnet_matches",
        "char3_dice", "char5_dice",
        "bleu_min", "bleu_max",
        "lcs_min", "lcs_max",
        "edit_distance",
        "length_min", "length_max", "length_difference", "length_ratio",
        "numbers_present", "numbers_jaccard", "numbers_unmatched",
        "negation_mismatch", "negations",
        "names_jaccard", "names_unmatched_min", "names_unmatched_max",
        "tfidf_cosine",
        "order_agreement",
        "content_words_min", "content_words_max",
        "quote_mismatch",
        "vector_alignment_min", "vector_alignment_max",
        "vector_sentence_cosine",
        "vector_unaligned_cosine",
        "unaligned_run_min", "unaligned_run_max",
        "meteor_min", "meteor_max", "fragmentation",
        "aligned_idf_min", "aligned_idf_max",
        "unaligned_names_min", "unaligned_names_max",
        "unaligned_numbers_min", "unaligned_numbers_max",
        "unaligned_other_min", "unaligned_other_max",
        "edge_unaligned_max", "middle_unaligned_min", "middle_unaligned_max",
    ];

    public static int Count => Names.Length;

    /// <summary>Match strength at or above which a content word counts as aligned.</summary>
    public const float AlignedThreshold = 0.5f;

    public static float[] Compute(SentenceView a, SentenceView b)
    {
        var f = new float[Names.Length];
        Compute(a, b, f);
        return f;
    }

    public static void Compute(SentenceView a, SentenceView b, Span<float> f)
    {
        int i = 0;
        MinMax(Overlap(a.FormGrams1, b.FormGrams1), a.FormGrams1.Length, b.FormGrams1.Length, f, ref i);
        MinMax(Overlap(a.FormGrams2, b.FormGrams2), a.FormGrams2.Length, b.FormGrams2.Length, f, ref i);
        MinMax(Overlap(a.FormGrams3, b.FormGrams3), a.FormGrams3.Length, b.FormGrams3.Length, f, ref i);
        MinMax(Overlap(a.LemmaGrams1, b.LemmaGrams1), a.LemmaGrams1.Length, b.LemmaGrams1.Length, f, ref i);
        MinMax(Overlap(a.LemmaGrams2, b.LemmaGrams2), a.LemmaGrams2.Length, b.LemmaGrams2.Length, f, ref i);
        MinMax(Overlap(a.ContentLemmas, b.ContentLemmas), a.ContentLemmas.Length, b.ContentLemmas.Length, f, ref i);

        // IDF-weighted exact content overlap and soft alignment (lemma, WordNet synonym, relation, shared stem)
        // best match of each content word in the other sentence, both ways, in one pass over the pairs of words
        int na = a.Content.Length, nb = b.Content.Length;
        Span<float> bestA = na <= 128 ? stackalloc float[na] : new float[na];
        Span<float> bestB = nb <= 128 ? stackalloc float[nb] : new float[nb];
        Span<float> cosA = na <= 128 ? stackalloc float[na] : new float[na];
        Span<float> cosB = nb <= 128 ? stackalloc float[nb] : new float[nb];
        BestMatches(a.Content, b.Content, bestA, bestB, cosA, cosB);
        var ab = Align(a.Content, bestA);
        var ba = Align(b.Content, bestB);
        Pair(ab.ExactIdf, ba.ExactIdf, f, ref i);
        Pair(ab.SoftIdf, ba.SoftIdf, f, ref i);
        Pair(ab.Unaligned, ba.Unaligned, f, ref i);
        Pair(ab.UnalignedIdf, ba.UnalignedIdf, f, ref i);
        f[i++] = ab.WordNet + ba.WordNet;

        f[i++] = Dice(a.CharGrams3, b.CharGrams3);
        f[i++] = Dice(a.CharGrams5, b.CharGrams5);
        Pair(Bleu(a, b), Bleu(b, a), f, ref i);

        int lcs = Lcs(a.LemmaIds, b.LemmaIds);
        MinMax(lcs, a.LemmaIds.Length, b.LemmaIds.Length, f, ref i);
        int maxLen = Math.Max(1, Math.Max(a.LemmaIds.Length, b.LemmaIds.Length));
        f[i++] = EditDistance(a.LemmaIds, b.LemmaIds) / (float)maxLen;

        int la = a.WordCount, lb = b.WordCount;
        f[i++] = Math.Min(la, lb);
        f[i++] = Math.Max(la, lb);
        f[i++] = Math.Abs(la - lb);
        f[i++] = Math.Min(la, lb) / (float)Math.Max(1, Math.Max(la, lb));

        // numbers
        int numbersA = a.Numbers.Length, numbersB = b.Numbers.Length;
        int sharedNumbers = SharedNumbers(a.Numbers, b.Numbers);
        int unmatchedNumbers = numbersA + numbersB - 2 * sharedNumbers;
        f[i++] = (numbersA > 0 ? 1 : 0) + (numbersB > 0 ? 1 : 0);
        f[i++] = numbersA + numbersB == 0 ? 1f : sharedNumbers / (float)Math.Max(1, numbersA + numbersB - sharedNumbers);
        f[i++] = unmatchedNumbers;

        // negation
        f[i++] = (a.Negations & 1) != (b.Negations & 1) ? 1 : 0;
        f[i++] = a.Negations + b.Negations;

        // names (capitalised words)
        int sharedNames = SharedSorted(a.Capitalised, b.Capitalised);
        int namesUnion = a.Capitalised.Length + b.Capitalised.Length - sharedNames;
        f[i++] = namesUnion == 0 ? 1f : sharedNames / (float)namesUnion;
        int unA = a.Capitalised.Length - sharedNames, unB = b.Capitalised.Length - sharedNames;
        f[i++] = Math.Min(unA, unB);
        f[i++] = Math.Max(unA, unB);

        f[i++] = TfIdfCosine(a.Content, b.Content);
        f[i++] = (OrderAgreement(a.Content, b.Content) + OrderAgreement(b.Content, a.Content)) / 2;
        f[i++] = Math.Min(a.Content.Length, b.Content.Length);
        f[i++] = Math.Max(a.Content.Length, b.Content.Length);
        f[i++] = (a.Quotes > 0) != (b.Quotes > 0) ? 1 : 0;

        // word vectors: soft alignment by cosine, whole-sentence cosine, and how alike the unaligned remainders are
        Pair(VectorAlignment(a.Content, b.Content.Length, cosA), VectorAlignment(b.Content, a.Content.Length, cosB), f, ref i);
        f[i++] = VectorCosine(a.Content, b.Content, null, null);
        f[i++] = UnalignedCosine(a.Content, b.Content, bestA, bestB);
        Pair(LongestUnalignedRun(a.Words, b.Words), LongestUnalignedRun(b.Words, a.Words), f, ref i);

        // one-to-one word alignment (exact, then WordNet and word vectors): METEOR-like score, and what is left over
        int wa = a.Words.Length, wb = b.Words.Length;
        Span<int> linkA = wa <= 256 ? stackalloc int[wa] : new int[wa];
        Span<int> linkB = wb <= 256 ? stackalloc int[wb] : new int[wb];
        WordAlignment.Align(a.Words, b.Words, linkA, linkB);
        var sa = WordAlignment.Summarise(a, b, linkA, linkB);
        var sb = WordAlignment.Summarise(b, a, linkB, linkA);
        int matches = sa.Matches;
        float p = wa == 0 ? 0 : matches / (float)wa, r = wb == 0 ? 0 : matches / (float)wb;
        float fragmentation = matches == 0 ? 1 : sa.Chunks / (float)matches;
        float penalty = 0.5f * fragmentation * fragmentation * fragmentation;
        float fab = matches == 0 ? 0 : 10 * p * r / (r + (9 * p)) * (1 - penalty);
        float fba = matches == 0 ? 0 : 10 * p * r / (p + (9 * r)) * (1 - penalty);
        Pair(fab, fba, f, ref i);
        f[i++] = fragmentation;
        Pair(sa.AlignedIdf, sb.AlignedIdf, f, ref i);
        Pair(sa.UnalignedNames, sb.UnalignedNames, f, ref i);
        Pair(sa.UnalignedNumbers, sb.UnalignedNumbers, f, ref i);
        Pair(sa.UnalignedOther, sb.UnalignedOther, f, ref i);
        f[i++] = Math.Max(sa.EdgeUnaligned, sb.EdgeUnaligned);
        Pair(sa.MiddleUnaligned, sb.MiddleUnaligned, f, ref i);
    }

    /// <summary>
    /// For each content word of <paramref name="a"/> its best <see cref="Match"/> and best cosine (1 for the same lemma)
    /// with a content word of <paramref name="b"/>, and the other way round.
    /// </summary>
    private static void BestMatches(WordInfo[] a, WordInfo[] b, Span<float> bestA, Span<float> bestB, Span<float> cosA, Span<float> cosB)
    {
        bestA.Clear();
        bestB.Clear();
        cosA.Clear();
        cosB.Clear();
        for (int i = 0; i < a.Length; i++)
        {
            var x = a[i];
            var vx = x.Vector.Span;
            for (int j = 0; j < b.Length; j++)
            {
                var y = b[j];
                float m = Match(x, y);
                if (m > bestA[i])
                {
                    bestA[i] = m;
                }

                if (m > bestB[j])
                {
                    bestB[j] = m;
                }

                float c;
                if (x.LemmaId == y.LemmaId)
                {
                    c = 1;
                }
                else if (!vx.IsEmpty && !y.Vector.IsEmpty)
                {
                    c = WordVectors.Dot(vx, y.Vector.Span);
                }
                else
                {
                    continue;
                }

                if (c > cosA[i])
                {
                    cosA[i] = c;
                }

                if (c > cosB[j])
                {
                    cosB[j] = c;
                }
            }
        }
    }

    /// <summary>IDF-weighted mean over content words of the best cosine to a content word of the other sentence (1 for the same lemma).</summary>
    private static float VectorAlignment(WordInfo[] from, int otherCount, ReadOnlySpan<float> bestCosine)
    {
        if (from.Length == 0 || otherCount == 0)
        {
            return 0;
        }

        float total = 0, sum = 0;
        for (int i = 0; i < from.Length; i++)
        {
            total += from[i].Idf;
            sum += from[i].Idf * bestCosine[i];
        }

        return total <= 0 ? 0 : sum / total;
    }

    /// <summary>Cosine of the IDF-weighted sums of word vectors (words selected by the masks when given).</summary>
    private static float VectorCosine(WordInfo[] a, WordInfo[] b, bool[]? maskA, bool[]? maskB)
    {
        int dim = 0;
        foreach (var w in a)
        {
            if (!w.Vector.IsEmpty)
            {
                dim = w.Vector.Length;
                break;
            }
        }

        if (dim == 0)
        {
            return 0;
        }

        Span<float> sa = stackalloc float[dim];
        Span<float> sb = stackalloc float[dim];
        sa.Clear();
        sb.Clear();
        bool anyA = Sum(a, maskA, sa), anyB = Sum(b, maskB, sb);
        if (!anyA || !anyB)
        {
            return 0;
        }

        float na = WordVectors.Dot(sa, sa), nb = WordVectors.Dot(sb, sb);
        return na <= 0 || nb <= 0 ? 0 : WordVectors.Dot(sa, sb) / MathF.Sqrt(na * nb);

        static bool Sum(WordInfo[] words, bool[]? mask, Span<float> sum)
        {
            bool any = false;
            for (int i = 0; i < words.Length; i++)
            {
                if ((mask is null || mask[i]) && !words[i].Vector.IsEmpty)
                {
                    var v = words[i].Vector.Span;
                    float weight = words[i].Idf;
                    for (int k = 0; k < sum.Length; k++)
                    {
                        sum[k] += weight * v[k];
                    }

                    any = true;
                }
            }

            return any;
        }
    }

    /// <summary>
    /// Cosine between what each sentence has that the other lacks (content words with no lexical or WordNet match):
    /// 1 when neither has anything left over, -1 when only one has.
    /// </summary>
    private static float UnalignedCosine(WordInfo[] a, WordInfo[] b, ReadOnlySpan<float> bestA, ReadOnlySpan<float> bestB)
    {
        var maskA = Unaligned(bestA, out int na);
        var maskB = Unaligned(bestB, out int nb);
        if (na == 0 && nb == 0)
        {
            return 1;
        }

        if (na == 0 || nb == 0)
        {
            return -1;
        }

        return VectorCosine(a, b, maskA, maskB);
    }

    private static bool[] Unaligned(ReadOnlySpan<float> best, out int count)
    {
        var mask = new bool[best.Length];
        count = 0;
        for (int i = 0; i < best.Length; i++)
        {
            if (best[i] < AlignedThreshold)
            {
                mask[i] = true;
                count++;
            }
        }

        return mask;
    }

    /// <summary>The longest run of consecutive words (function words included) with no exact form or lemma in the other sentence.</summary>
    private static float LongestUnalignedRun(WordInfo[] from, WordInfo[] to)
    {
        int best = 0, run = 0;
        foreach (var x in from)
        {
            bool found = false;
            foreach (var y in to)
            {
                if (x.LemmaId == y.LemmaId || x.FormId == y.FormId)
                {
                    found = true;
                    break;
                }
            }

            run = found ? 0 : run + 1;
            best = Math.Max(best, run);
        }

        return best;
    }

    private static void MinMax(int shared, int lengthA, int lengthB, Span<float> f, ref int i)
    {
        float ra = lengthA == 0 ? 0 : shared / (float)lengthA;
        float rb = lengthB == 0 ? 0 : shared / (float)lengthB;
        f[i++] = Math.Min(ra, rb);
        f[i++] = Math.Max(ra, rb);
    }

    private static void Pair(float x, float y, Span<float> f, ref int i)
    {
        f[i++] = Math.Min(x, y);
        f[i++] = Math.Max(x, y);
    }

    /// <summary>Size of the multiset intersection of two sorted arrays.</summary>
    internal static int Overlap(ulong[] a, ulong[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    private static int SharedSorted(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }

    /// <summary>Whether two sorted arrays share an element: a merge when their sizes are alike, binary searches of the larger otherwise.</summary>
    private static bool Intersects(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0 || a[^1] < b[0] || b[^1] < a[0])
        {
            return false;
        }

        if (a.Length > b.Length)
        {
            (a, b) = (b, a);
        }

        if (b.Length > 8 * a.Length)
        {
            foreach (int x in a)
            {
                if (Array.BinarySearch(b, x) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                return true;
            }

            if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return false;
    }

    private static float Dice(ulong[] a, ulong[] b) =>
        a.Length + b.Length == 0 ? 0 : 2f * Overlap(a, b) / (a.Length + b.Length);

    /// <summary>How strongly two content words match: same lemma 1, WordNet synonyms 0.9, one relation apart 0.7, shared stem 0.6.</summary>
    internal static float Match(WordInfo x, WordInfo y)
    {
        if (x.LemmaId == y.LemmaId || x.FormId == y.FormId)
        {
            return 1f;
        }

        if (x.Concepts.Length > 0 && y.Concepts.Length > 0)
        {
            return WordNetMatch(x, y);
        }

        return SharedStem(x.Lemma, y.Lemma) ? 0.6f : 0f;
    }

    private static float WordNetMatch(WordInfo x, WordInfo y)
    {
        if (Intersects(x.Concepts, y.Concepts))
        {
            return 0.9f;
        }

        if (Intersects(x.Concepts, y.Neighbours) || Intersects(y.Concepts, x.Neighbours))
        {
            return 0.7f;
        }

        return SharedStem(x.Lemma, y.Lemma) ? 0.6f : 0f;
    }

    private static bool SharedStem(string x, string y)
    {
        if (x.Length < 5 || y.Length < 5 || !char.IsLetter(x[0]))
        {
            return false;
        }

        int prefix = 0;
        int max = Math.Min(x.Length, y.Length);
        while (prefix < max && x[prefix] == y[prefix])
        {
            prefix++;
        }

        return prefix >= 5 && prefix >= max - 3;
    }

    private readonly record struct Alignment(float ExactIdf, float SoftIdf, int Unaligned, float UnalignedIdf, int WordNet);

    private static Alignment Align(WordInfo[] from, ReadOnlySpan<float> bestMatch)
    {
        if (from.Length == 0)
        {
            return new Alignment(0, 0, 0, 0, 0);
        }

        float total = 0, exact = 0, soft = 0, unalignedIdf = 0;
        int unaligned = 0, viaWordNet = 0;
        for (int i = 0; i < from.Length; i++)
        {
            var x = from[i];
            float best = bestMatch[i];
            total += x.Idf;
            soft += best * x.Idf;
            if (best >= 1f)
            {
                exact += x.Idf;
            }
            else if (best >= AlignedThreshold)
            {
                viaWordNet++;
            }

            if (best < AlignedThreshold)
            {
                unaligned++;
                unalignedIdf += x.Idf;
            }
        }

        return total <= 0 ? new Alignment(0, 0, unaligned, unalignedIdf, viaWordNet) : new Alignment(exact / total, soft / total, unaligned, unalignedIdf, viaWordNet);
    }

    /// <summary>Sentence BLEU of <paramref name="candidate"/> against <paramref name="reference"/> (1- to 4-grams, add-one smoothing above unigrams).</summary>
    private static float Bleu(SentenceView candidate, SentenceView reference)
    {
        int n1 = candidate.FormGrams1.Length;
        if (n1 == 0)
        {
            return 0;
        }

        double logSum = Math.Log(Math.Max(Overlap(candidate.FormGrams1, reference.FormGrams1), 0.1) / n1)
            + Math.Log((Overlap(candidate.FormGrams2, reference.FormGrams2) + 1.0) / (candidate.FormGrams2.Length + 1.0))
            + Math.Log((Overlap(candidate.FormGrams3, reference.FormGrams3) + 1.0) / (candidate.FormGrams3.Length + 1.0))
            + Math.Log((Overlap(candidate.FormGrams4, reference.FormGrams4) + 1.0) / (candidate.FormGrams4.Length + 1.0));
        double brevity = n1 >= reference.FormGrams1.Length ? 1 : Math.Exp(1 - reference.FormGrams1.Length / (double)n1);
        return (float)(brevity * Math.Exp(logSum / 4));
    }

    internal static int Lcs(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        Span<int> prev = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> curr = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        prev.Clear();
        curr.Clear();
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                curr[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : Math.Max(prev[j], curr[j - 1]);
            }

            var t = prev;
            prev = curr;
            curr = t;
        }

        return prev[b.Length];
    }

    internal static int EditDistance(int[] a, int[] b)
    {
        Span<int> prev = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        Span<int> curr = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            curr[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                curr[j] = Math.Min(Math.Min(prev[j] + 1, curr[j - 1] + 1), prev[j - 1] + cost);
            }

            var t = prev;
            prev = curr;
            curr = t;
        }

        return prev[b.Length];
    }

    private static int SharedNumbers(double[] a, double[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        Span<bool> used = b.Length <= 64 ? stackalloc bool[b.Length] : new bool[b.Length];
        used.Clear();
        int shared = 0;
        foreach (double x in a)
        {
            for (int j = 0; j < b.Length; j++)
            {
                if (!used[j] && Math.Abs(x - b[j]) <= 1e-9 * Math.Max(1, Math.Abs(x)))
                {
                    used[j] = true;
                    shared++;
                    break;
                }
            }
        }

        return shared;
    }

    private static float TfIdfCosine(WordInfo[] a, WordInfo[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        double dot = 0, na = 0, nb = 0;
        foreach (var x in a)
        {
            na += x.Idf * x.Idf;
            foreach (var y in b)
            {
                if (x.LemmaId == y.LemmaId)
                {
                    dot += x.Idf * y.Idf;
                }
            }
        }

        foreach (var y in b)
        {
            nb += y.Idf * y.Idf;
        }

        return na <= 0 || nb <= 0 ? 0 : (float)(dot / Math.Sqrt(na * nb));
    }

    /// <summary>Of the pairs of exactly shared content lemmas, the fraction that appear in the same order in both sentences.</summary>
    private static float OrderAgreement(WordInfo[] a, WordInfo[] b)
    {
        Span<int> positions = a.Length <= 256 ? stackalloc int[a.Length] : new int[a.Length];
        int n = 0;
        foreach (var x in a)
        {
            for (int j = 0; j < b.Length; j++)
            {
                if (b[j].LemmaId == x.LemmaId)
                {
                    positions[n++] = j;
                    break;
                }
            }
        }

        if (n < 2)
        {
            return 1f;
        }

        int concordant = 0, total = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                total++;
                if (positions[j] > positions[i])
                {
                    concordant++;
                }
            }
        }

        return concordant / (float)total;
    }
}
