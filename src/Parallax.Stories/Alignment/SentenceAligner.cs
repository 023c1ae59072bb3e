using System.Collections.Concurrent;
using Parallax.Core;

namespace Parallax.Stories.Alignment;

/// <summary>Settings of <see cref="SentenceAligner"/>.</summary>
public sealed record AlignerOptions
{
    /// <summary>
    /// Pairs the classifier gives at least this probability are returned. Lower than the classifier's own threshold
    /// (0.5, "paraphrase" in the strict MSRP sense): outlets reporting one fact usually add detail of their own
    /// ("On Saturday, he was scheduled to meet ..."), and unrelated sentences score far below this.
    /// </summary>
    public float MinProbability { get; init; } = 0.25f;

    /// <summary>
    /// Cheap filter: a pair goes to the classifier only if the cosine of its IDF-weighted content lemmas is at least this,
    /// or that cosine is at least <see cref="MinLexicalCosineWithVectors"/> and the cosine of the IDF-weighted sentence
    /// vectors at least <see cref="MinVectorCosine"/> (same meaning in other words).
    /// </summary>
    public float MinLexicalCosine { get; init; } = 0.3f;

    /// <summary>See <see cref="MinLexicalCosine"/>.</summary>
    public float MinLexicalCosineWithVectors { get; init; } = 0.1f;

    /// <summary>See <see cref="MinLexicalCosine"/>.</summary>
    public float MinVectorCosine { get; init; } = 0.9f;

    /// <summary>For each sentence and each other article, at most this many best candidates go to the classifier.</summary>
    public int CandidatesPerArticle { get; init; } = 2;

    /// <summary>Sentences with fewer content words are not aligned ("Read more.", datelines).</summary>
    public int MinContentWords { get; init; } = 3;

    /// <summary>
    /// Relatedness gate: a candidate goes to the classifier only when the mean of its two story-weighted coverages
    /// (<see cref="WeightedOverlap.Mutual"/>; each word weighted by news IDF times how rare it is among the story's
    /// sentences) reaches this. The classifier is trained on MSRP pairs, all chosen for their overlap, so it cannot
    /// tell on its own that two sentences of one story sharing its names are about different things. Default: the 1st
    /// percentile of MSRP paraphrases (<see cref="ParaphraseClaimScorer.MinMutualOverlap"/>).
    /// </summary>
    public float MinMutualOverlap { get; init; } = ParaphraseClaimScorer.MinMutualOverlap;

    /// <summary>Also align sentences of the same article (off: a story compares outlets).</summary>
    public bool WithinArticles { get; init; }
}

/// <summary>Where a sentence is: article index and sentence index in the input.</summary>
public readonly record struct SentenceRef(int Article, int Sentence) : IComparable<SentenceRef>
{
    public int CompareTo(SentenceRef other) => Article != other.Article ? Article.CompareTo(other.Article) : Sentence.CompareTo(other.Sentence);
}

/// <summary>Two sentences of different articles that say the same thing. <see cref="A"/> is the earlier of the two in input order.</summary>
/// <param name="Probability">The classifier's probability that they are paraphrases (1 for identical wording).</param>
/// <param name="LexicalCosine">Cosine of their IDF-weighted content lemmas (the cheap filter's score).</param>
public readonly record struct AlignedPair(SentenceRef A, SentenceRef B, float Probability, float LexicalCosine)
{
    /// <summary>The classifier also calls them paraphrases in the strict sense (probability at least 0.5).</summary>
    public bool IsParaphrase => Probability >= 0.5f;
}

/// <summary>
/// Finds which sentences of several articles say the same thing. Every cross-article pair is first scored cheaply
/// (cosine of IDF-weighted content lemmas, then of IDF-weighted sentence vectors for pairs sharing some words); for
/// each sentence and each other article only the best few candidates over the thresholds go on. A candidate must then
/// pass the relatedness gate (<see cref="AlignerOptions.MinMutualOverlap"/>: story-weighted one-to-one word overlap)
/// before the <see cref="ParaphraseModel"/> decides. Identical wording is accepted without either. Thread-safe; work
/// is spread over the cores.
/// </summary>
public sealed class SentenceAligner(ParaphraseModel model, AlignerOptions? options = null)
{
    public ParaphraseModel Model { get; } = model;

    public AlignerOptions Options { get; } = options ?? new AlignerOptions();

    /// <summary>Aligns documents that have a sentence layer (and, ideally, a token layer).</summary>
    public IReadOnlyList<AlignedPair> Align(IReadOnlyList<Document> documents, CancellationToken cancellationToken = default)
    {
        var views = new SentenceView[documents.Count][];
        for (int d = 0; d < documents.Count; d++)
        {
            int count = documents[d].Get(Layers.Sentences).Count;
            views[d] = new SentenceView[count];
            for (int s = 0; s < count; s++)
            {
                views[d][s] = Model.View(documents[d], s);
            }
        }

        return Align(views, cancellationToken);
    }

    /// <summary>Aligns the sentences of several articles: <c>articles[i][j]</c> is sentence j of article i.</summary>
    public IReadOnlyList<AlignedPair> Align(IReadOnlyList<IReadOnlyList<SentenceView>> articles, CancellationToken cancellationToken = default)
    {
        var items = Items(articles);
        var postings = Postings(items);
        var keys = CandidatePairs(items, postings, articles.Count, cancellationToken);
        var weights = StoryWeights(items, postings);

        // the relatedness gate and the classifier on the candidates; identical wording needs neither
        var results = new ConcurrentBag<AlignedPair>();
        Parallel.ForEach(keys, new ParallelOptions { CancellationToken = cancellationToken }, key =>
        {
            var x = items[key.Item1];
            var y = items[key.Item2];
            float p;
            if (x.View.FormIds.AsSpan().SequenceEqual(y.View.FormIds))
            {
                p = 1f;
            }
            else if (WeightedOverlap.Measure(x.View, y.View, weights[key.Item1], weights[key.Item2]).Mutual < Options.MinMutualOverlap)
            {
                return;
            }
            else
            {
                p = Model.Probability(x.View, y.View);
            }

            if (p >= Options.MinProbability)
            {
                var (a, b) = x.Ref.CompareTo(y.Ref) <= 0 ? (x.Ref, y.Ref) : (y.Ref, x.Ref);
                results.Add(new AlignedPair(a, b, p, SparseDot(x.Lemmas, x.Weights, y.Lemmas, y.Weights)));
            }
        });

        var list = results.ToList();
        list.Sort((p, q) => p.A.CompareTo(q.A) != 0 ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B));
        return list;
    }

    /// <summary>The pairs that pass the cheap filter and would go to the classifier (earlier sentence first).</summary>
    public HashSet<(SentenceRef A, SentenceRef B)> Candidates(IReadOnlyList<IReadOnlyList<SentenceView>> articles, CancellationToken cancellationToken = default)
    {
        var items = Items(articles);
        var result = new HashSet<(SentenceRef, SentenceRef)>();
        foreach (var (i, j) in CandidatePairs(items, Postings(items), articles.Count, cancellationToken))
        {
            var (a, b) = items[i].Ref.CompareTo(items[j].Ref) <= 0 ? (items[i].Ref, items[j].Ref) : (items[j].Ref, items[i].Ref);
            result.Add((a, b));
        }

        return result;
    }

    /// <summary>Per sentence with enough content words: unit sparse vector of content lemmas (IDF weights) and unit dense vector.</summary>
    private List<Item> Items(IReadOnlyList<IReadOnlyList<SentenceView>> articles)
    {
        var items = new List<Item>();
        for (int d = 0; d < articles.Count; d++)
        {
            for (int s = 0; s < articles[d].Count; s++)
            {
                var view = articles[d][s];
                if (view.Content.Length >= Options.MinContentWords)
                {
                    items.Add(Item.Create(new SentenceRef(d, s), view));
                }
            }
        }

        return items;
    }

    /// <summary>
    /// Cheap scores for the pairs that share a content lemma (through an inverted index, so the cost grows with the
    /// shared words, not with the square of the sentences); for each sentence the best few per other article over the thresholds.
    /// </summary>
    private (int, int)[] CandidatePairs(List<Item> items, Dictionary<int, List<(int Item, float Weight)>> postings, int articleCount, CancellationToken cancellationToken)
    {
        int n = items.Count;

        var candidates = new ConcurrentDictionary<(int, int), byte>();
        Parallel.For(0, n, new ParallelOptions { CancellationToken = cancellationToken }, () => new Scratch(n, Options.CandidatesPerArticle, articleCount), (i, _, scratch) =>
        {
            var x = items[i];
            var scores = scratch.Scores;
            var touched = scratch.Touched;
            touched.Clear();
            for (int k = 0; k < x.Lemmas.Length; k++)
            {
                float w = x.Weights[k];
                foreach (var (j, wj) in postings[x.Lemmas[k]])
                {
                    if (scores[j] == 0)
                    {
                        touched.Add(j);
                    }

                    scores[j] += w * wj;
                }
            }

            var best = scratch.Best;
            best.Clear();
            foreach (int j in touched)
            {
                float lexical = scores[j];
                scores[j] = 0;
                var y = items[j];
                if (j == i || (y.Ref.Article == x.Ref.Article && !Options.WithinArticles) || lexical < Options.MinLexicalCosineWithVectors)
                {
                    continue;
                }

                float dense = x.Vector.Length > 0 && y.Vector.Length > 0 ? WordVectors.Dot(x.Vector, y.Vector) : 0;
                if (lexical < Options.MinLexicalCosine && dense < Options.MinVectorCosine)
                {
                    continue;
                }

                best.Offer(y.Ref.Article, j, lexical + dense);
            }

            foreach (int j in best.Chosen())
            {
                candidates.TryAdd(i < j ? (i, j) : (j, i), 0);
            }

            return scratch;
        }, _ => { });
        return [.. candidates.Keys];
    }

    /// <summary>Inverted index: content lemma to the sentences that have it, with the lemma's weight in each.</summary>
    private static Dictionary<int, List<(int Item, float Weight)>> Postings(List<Item> items)
    {
        var postings = new Dictionary<int, List<(int Item, float Weight)>>();
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            for (int k = 0; k < item.Lemmas.Length; k++)
            {
                if (!postings.TryGetValue(item.Lemmas[k], out var list))
                {
                    postings[item.Lemmas[k]] = list = [];
                }

                list.Add((i, item.Weights[k]));
            }
        }

        return postings;
    }

    /// <summary>
    /// Per sentence, per word: news IDF times the lemma's weight in the story, log(1 + N / sentences with it) over
    /// log(1 + N), so the names every sentence repeats count for little (function words 0).
    /// </summary>
    private static float[][] StoryWeights(List<Item> items, Dictionary<int, List<(int Item, float Weight)>> postings)
    {
        int n = items.Count;
        double max = Math.Log(1.0 + n);
        var result = new float[n][];
        for (int i = 0; i < n; i++)
        {
            var words = items[i].View.Words;
            var w = new float[words.Length];
            for (int k = 0; k < words.Length; k++)
            {
                if (!words[k].IsStop)
                {
                    int sentences = postings.TryGetValue(words[k].LemmaId, out var list) ? list.Count : 1;
                    w[k] = words[k].Idf * (float)(Math.Log(1.0 + ((double)n / sentences)) / max);
                }
            }

            result[i] = w;
        }

        return result;
    }

    private sealed class Scratch(int items, int perArticle, int articles)
    {
        public float[] Scores { get; } = new float[items];

        public List<int> Touched { get; } = [];

        public Best Best { get; } = new(perArticle, articles);
    }

    private static float SparseDot(int[] la, float[] wa, int[] lb, float[] wb)
    {
        int i = 0, j = 0;
        float dot = 0;
        while (i < la.Length && j < lb.Length)
        {
            if (la[i] == lb[j])
            {
                dot += wa[i++] * wb[j++];
            }
            else if (la[i] < lb[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return dot;
    }

    private sealed record Item(SentenceRef Ref, SentenceView View, int[] Lemmas, float[] Weights, float[] Vector)
    {
        public static Item Create(SentenceRef reference, SentenceView view)
        {
            var weights = new SortedDictionary<int, float>();
            foreach (var w in view.Content)
            {
                weights[w.LemmaId] = weights.GetValueOrDefault(w.LemmaId) + w.Idf;
            }

            var lemmas = weights.Keys.ToArray();
            var values = weights.Values.ToArray();
            Normalize(values);
            float[] vector = [];
            foreach (var w in view.Content)
            {
                if (!w.Vector.IsEmpty)
                {
                    if (vector.Length == 0)
                    {
                        vector = new float[w.Vector.Length];
                    }

                    var v = w.Vector.Span;
                    for (int k = 0; k < vector.Length; k++)
                    {
                        vector[k] += w.Idf * v[k];
                    }
                }
            }

            Normalize(vector);
            return new Item(reference, view, lemmas, values, vector);
        }

        private static void Normalize(float[] v)
        {
            float norm = MathF.Sqrt(WordVectors.Dot(v, v));
            if (norm > 0)
            {
                for (int k = 0; k < v.Length; k++)
                {
                    v[k] /= norm;
                }
            }
        }
    }

    /// <summary>The best few candidates per other article, for one sentence.</summary>
    private sealed class Best(int perArticle, int articles)
    {
        private readonly (int Item, float Score)[] _slots = new (int, float)[perArticle * articles];
        private readonly int[] _filled = new int[articles];

        public void Clear() => Array.Clear(_filled);

        public void Offer(int article, int item, float score)
        {
            int start = article * perArticle;
            int filled = _filled[article];
            if (filled < perArticle)
            {
                _slots[start + filled] = (item, score);
                _filled[article] = filled + 1;
                return;
            }

            int worst = start;
            for (int k = start + 1; k < start + perArticle; k++)
            {
                if (_slots[k].Score < _slots[worst].Score)
                {
                    worst = k;
                }
            }

            if (score > _slots[worst].Score)
            {
                _slots[worst] = (item, score);
            }
        }

        public IEnumerable<int> Chosen()
        {
            for (int a = 0; a < _filled.Length; a++)
            {
                for (int k = 0; k < _filled[a]; k++)
                {
                    yield return _slots[(a * perArticle) + k].Item;
                }
            }
        }
    }
}
