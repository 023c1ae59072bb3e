namespace Parallax.Stories.Alignment;

/// <summary>
/// One-to-one alignment of the words of two sentences: first the same form or lemma (the closest relative position
/// wins), then content words by strength (WordNet synonym or relation, shared stem, or word vectors at least
/// <see cref="MinVectorCosine"/>), strongest first. What is left unaligned is what one sentence says and the other does not.
/// </summary>
internal static class WordAlignment
{
    /// <summary>Word vectors this close count as a match for content words WordNet does not relate.</summary>
    public const float MinVectorCosine = 0.6f;

    /// <summary>What one side of an alignment leaves over.</summary>
    /// <param name="Matches">Aligned word pairs.</param>
    /// <param name="Chunks">Runs of aligned words that are adjacent in both sentences.</param>
    /// <param name="AlignedIdf">IDF mass of this side's aligned content words over all of its content words.</param>
    /// <param name="UnalignedNames">Names of this side with no aligned word and no name of the same letters on the other side.</param>
    /// <param name="UnalignedNumbers">Numbers of this side with no aligned word.</param>
    /// <param name="UnalignedOther">Other content words with no aligned word.</param>
    /// <param name="EdgeUnaligned">Unaligned content words before the first or after the last aligned content word.</param>
    /// <param name="MiddleUnaligned">Unaligned content words between aligned ones.</param>
    public readonly record struct Side(int Matches, int Chunks, float AlignedIdf, int UnalignedNames, int UnalignedNumbers, int UnalignedOther, int EdgeUnaligned, int MiddleUnaligned);

    /// <summary>
    /// Fills <paramref name="linkA"/> (index in b or -1) and <paramref name="linkB"/> (index in a or -1); word vectors
    /// join words WordNet does not relate only when <paramref name="vectors"/> is true.
    /// </summary>
    public static void Align(WordInfo[] a, WordInfo[] b, Span<int> linkA, Span<int> linkB, bool vectors = true)
    {
        linkA.Fill(-1);
        linkB.Fill(-1);
        int na = a.Length, nb = b.Length;
        if (na == 0 || nb == 0)
        {
            return;
        }

        // stage 1: same form or lemma, closest relative position
        for (int i = 0; i < na; i++)
        {
            int best = -1;
            float bestGap = float.MaxValue;
            float pi = na == 1 ? 0 : i / (float)(na - 1);
            for (int j = 0; j < nb; j++)
            {
                if (linkB[j] >= 0 || (a[i].LemmaId != b[j].LemmaId && a[i].FormId != b[j].FormId))
                {
                    continue;
                }

                float gap = Math.Abs(pi - (nb == 1 ? 0 : j / (float)(nb - 1)));
                if (gap < bestGap)
                {
                    bestGap = gap;
                    best = j;
                }
            }

            if (best >= 0)
            {
                linkA[i] = best;
                linkB[best] = i;
            }
        }

        // stage 2: remaining content words by match strength, strongest first
        int pending = 0;
        for (int i = 0; i < na; i++)
        {
            if (linkA[i] < 0 && !a[i].IsStop)
            {
                pending++;
            }
        }

        if (pending == 0)
        {
            return;
        }

        var candidates = new List<(float Score, int I, int J)>();
        for (int i = 0; i < na; i++)
        {
            var x = a[i];
            if (linkA[i] >= 0 || x.IsStop)
            {
                continue;
            }

            for (int j = 0; j < nb; j++)
            {
                var y = b[j];
                if (linkB[j] >= 0 || y.IsStop)
                {
                    continue;
                }

                float m = PairFeatures.Match(x, y);
                if (vectors && m < PairFeatures.AlignedThreshold && !x.Vector.IsEmpty && !y.Vector.IsEmpty)
                {
                    float c = WordVectors.Dot(x.Vector.Span, y.Vector.Span);
                    if (c >= MinVectorCosine)
                    {
                        m = 0.5f * c;
                    }
                }

                if (m >= 0.3f)
                {
                    candidates.Add((m, i, j));
                }
            }
        }

        candidates.Sort((p, q) => q.Score.CompareTo(p.Score));
        foreach (var (_, i, j) in candidates)
        {
            if (linkA[i] < 0 && linkB[j] < 0)
            {
                linkA[i] = j;
                linkB[j] = i;
            }
        }
    }

    /// <summary>The side of <paramref name="self"/> (aligned to <paramref name="other"/> by <paramref name="link"/>).</summary>
    public static Side Summarise(SentenceView self, SentenceView other, ReadOnlySpan<int> link, ReadOnlySpan<int> otherLink)
    {
        var words = self.Words;
        int matches = 0, chunks = 0;
        float total = 0, aligned = 0;
        int names = 0, numbers = 0, others = 0;
        int firstAligned = -1, lastAligned = -1;
        for (int i = 0; i < words.Length; i++)
        {
            if (link[i] >= 0)
            {
                matches++;
                if (i == 0 || link[i - 1] < 0 || link[i - 1] != link[i] - 1)
                {
                    chunks++;
                }

                if (!words[i].IsStop)
                {
                    firstAligned = firstAligned < 0 ? i : firstAligned;
                    lastAligned = i;
                }
            }

            if (words[i].IsStop)
            {
                continue;
            }

            total += words[i].Idf;
            if (link[i] >= 0)
            {
                aligned += words[i].Idf;
                continue;
            }

            switch (self.Kinds[i])
            {
                case WordKind.Name:
                    if (!HasName(other.NameKeys, NameKeyOf(self, i)))
                    {
                        names++;
                    }

                    break;
                case WordKind.Number:
                    numbers++;
                    break;
                default:
                    others++;
                    break;
            }
        }

        int edge = 0, middle = 0;
        for (int i = 0; i < words.Length; i++)
        {
            if (words[i].IsStop || link[i] >= 0)
            {
                continue;
            }

            if (firstAligned < 0 || i < firstAligned || i > lastAligned)
            {
                edge++;
            }
            else
            {
                middle++;
            }
        }

        return new Side(matches, chunks, total <= 0 ? 0 : aligned / total, names, numbers, others, edge, middle);
    }

    private static string NameKeyOf(SentenceView view, int word)
    {
        var form = view.Words[word].Form;
        Span<char> buffer = form.Length <= 64 ? stackalloc char[form.Length] : new char[form.Length];
        int n = 0;
        foreach (char c in form)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }

    /// <summary>A name of the same letters, or one that starts with it or it starts with (at least 4 letters: "Sun", "Microsoft"/"Microsoft's").</summary>
    private static bool HasName(string[] keys, string key)
    {
        if (key.Length == 0)
        {
            return true;
        }

        if (Array.BinarySearch(keys, key, StringComparer.Ordinal) >= 0)
        {
            return true;
        }

        if (key.Length < 4)
        {
            return false;
        }

        foreach (var k in keys)
        {
            if (k.Length >= 4 && (k.StartsWith(key, StringComparison.Ordinal) || key.StartsWith(k, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }
}
