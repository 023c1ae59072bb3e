using System.Diagnostics;

namespace Parallax.Stories.Alignment;

/// <summary>What <see cref="AlignmentEvaluation.Run"/> measured.</summary>
/// <param name="Articles">Articles in the synthetic story.</param>
/// <param name="Sentences">Sentences in all.</param>
/// <param name="GoldParaphrases">Labelled paraphrase pairs placed across articles.</param>
/// <param name="GoldNonParaphrases">Labelled non-paraphrase pairs placed across articles.</param>
/// <param name="FoundParaphrases">Gold paraphrase pairs the aligner returned.</param>
/// <param name="FoundNonParaphrases">Gold non-paraphrase pairs it returned (errors).</param>
/// <param name="OtherPairs">Pairs it returned that are not labelled (sentences of different pairs).</param>
/// <param name="CandidateRecall">Gold paraphrase pairs that passed the cheap candidate filter.</param>
/// <param name="Milliseconds">Time to align, analysis of the sentences excluded (median of the runs).</param>
/// <param name="AnalysisMilliseconds">Time to analyse the sentences (build the views).</param>
public sealed record AlignmentReport(
    int Articles, int Sentences, int GoldParaphrases, int GoldNonParaphrases, int FoundParaphrases, int FoundNonParaphrases,
    int OtherPairs, double CandidateRecall, double Milliseconds, double AnalysisMilliseconds)
{
    public double Recall => GoldParaphrases == 0 ? 0 : FoundParaphrases / (double)GoldParaphrases;

    /// <summary>Of the labelled pairs returned, the fraction that are paraphrases.</summary>
    public double Precision => FoundParaphrases + FoundNonParaphrases == 0 ? 0 : FoundParaphrases / (double)(FoundParaphrases + FoundNonParaphrases);
}

/// <summary>
/// Measures the aligner on a synthetic story made of labelled pairs: the two sentences of each pair are placed in
/// two different articles, the articles filled up to their length, so every other sentence is a distractor.
/// </summary>
public static class AlignmentEvaluation
{
    public static AlignmentReport Run(ParaphraseModel model, IReadOnlyList<ParaphrasePair> pairs, int articles, int sentencesPerArticle, AlignerOptions? options = null, int seed = ParaphraseEvaluation.DefaultSeed, int runs = 3, CancellationToken cancellationToken = default)
    {
        var (story, gold) = Build(pairs, articles, sentencesPerArticle, seed);
        var watch = Stopwatch.StartNew();
        var views = story.Select(a => (IReadOnlyList<SentenceView>)a.Select(model.View).ToArray()).ToArray();
        double analysis = watch.Elapsed.TotalMilliseconds;

        var aligner = new SentenceAligner(model, options);
        var times = new List<double>();
        IReadOnlyList<AlignedPair> aligned = [];
        for (int r = 0; r < Math.Max(1, runs); r++)
        {
            watch.Restart();
            aligned = aligner.Align(views, cancellationToken);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        var candidates = aligner.Candidates(views, cancellationToken);
        int found = 0, wrong = 0, other = 0, candidatePositives = 0, positives = 0, negatives = 0;
        foreach (var (key, label) in gold)
        {
            if (label)
            {
                positives++;
                if (candidates.Contains(key))
                {
                    candidatePositives++;
                }
            }
            else
            {
                negatives++;
            }
        }

        foreach (var pair in aligned)
        {
            if (gold.TryGetValue((pair.A, pair.B), out bool label))
            {
                if (label)
                {
                    found++;
                }
                else
                {
                    wrong++;
                }
            }
            else
            {
                other++;
            }
        }

        return new AlignmentReport(articles, articles * sentencesPerArticle, positives, negatives, found, wrong, other,
            positives == 0 ? 0 : candidatePositives / (double)positives, times[times.Count / 2], analysis);
    }

    /// <summary>The synthetic story: sentences per article, and the labelled pairs by their (earlier, later) positions.</summary>
    public static (string[][] Story, Dictionary<(SentenceRef, SentenceRef), bool> Gold) Build(IReadOnlyList<ParaphrasePair> pairs, int articles, int sentencesPerArticle, int seed)
    {
        if (articles < 2 || sentencesPerArticle < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(articles), "Need at least two articles of at least one sentence.");
        }

        var random = new Random(seed);
        var order = Enumerable.Range(0, pairs.Count).ToArray();
        random.Shuffle(order);
        var story = new string[articles][];
        var fill = new int[articles];
        for (int a = 0; a < articles; a++)
        {
            story[a] = new string[sentencesPerArticle];
        }

        var gold = new Dictionary<(SentenceRef, SentenceRef), bool>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        int capacity = articles * sentencesPerArticle;
        int placed = 0;
        foreach (int p in order)
        {
            if (placed + 2 > capacity)
            {
                break;
            }

            var pair = pairs[p];
            if (!used.Add(pair.Sentence1) || !used.Add(pair.Sentence2))
            {
                continue; // a sentence in two pairs would blur the gold
            }

            int a1 = PickArticle(random, fill, sentencesPerArticle, -1);
            int a2 = PickArticle(random, fill, sentencesPerArticle, a1);
            if (a1 < 0 || a2 < 0)
            {
                break;
            }

            var r1 = new SentenceRef(a1, fill[a1]);
            story[a1][fill[a1]++] = pair.Sentence1;
            var r2 = new SentenceRef(a2, fill[a2]);
            story[a2][fill[a2]++] = pair.Sentence2;
            gold[r1.CompareTo(r2) <= 0 ? (r1, r2) : (r2, r1)] = pair.IsParaphrase;
            placed += 2;
        }

        return (story.Select((s, a) => s.Take(fill[a]).ToArray()).ToArray(), gold);
    }

    private static int PickArticle(Random random, int[] fill, int capacity, int not)
    {
        for (int attempt = 0; attempt < 64; attempt++)
        {
            int a = random.Next(fill.Length);
            if (a != not && fill[a] < capacity)
            {
                return a;
            }
        }

        for (int a = 0; a < fill.Length; a++)
        {
            if (a != not && fill[a] < capacity)
            {
                return a;
            }
        }

        return -1;
    }
}
