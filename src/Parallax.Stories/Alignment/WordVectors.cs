using System.Collections.Frozen;
using System.Numerics;
using System.Runtime.InteropServices;
using Parallax.Core;
using Parallax.Nlp.Text;

namespace Parallax.Stories.Alignment;

/// <summary>Settings of <see cref="WordVectors.Train"/> (word2vec skip-gram with negative sampling).</summary>
public sealed record WordVectorOptions
{
    public int Dimensions { get; init; } = 100;

    public int Window { get; init; } = 5;

    public int Negatives { get; init; } = 5;

    public int Epochs { get; init; } = 5;

    public int MinCount { get; init; } = 5;

    public int MaxVocabulary { get; init; } = 40_000;

    /// <summary>Frequent-word subsampling threshold.</summary>
    public double Sample { get; init; } = 1e-4;

    public float LearningRate { get; init; } = 0.025f;

    public int Threads { get; init; } = 2;

    public int Seed { get; init; } = 1;
}

/// <summary>
/// Unit-length word vectors for lowercase word forms, learnt from unlabeled news by skip-gram with negative
/// sampling (Mikolov et al. 2013). Stored quantised to one signed byte per dimension.
/// </summary>
public sealed class WordVectors
{
    private readonly FrozenDictionary<string, int> _index;
    private readonly float[] _vectors; // row-major, unit length

    public WordVectors(int dimensions, IReadOnlyList<string> words, float[] vectors)
    {
        Dimensions = dimensions;
        Words = words;
        _vectors = vectors;
        _index = words.Select((w, i) => (w, i)).ToFrozenDictionary(p => p.w, p => p.i, StringComparer.Ordinal);
    }

    public int Dimensions { get; }

    public IReadOnlyList<string> Words { get; }

    public int Count => Words.Count;

    /// <summary>The unit vector of a lowercase word form, or an empty span.</summary>
    public ReadOnlyMemory<float> this[string word] =>
        _index.TryGetValue(word, out int i) ? _vectors.AsMemory(i * Dimensions, Dimensions) : ReadOnlyMemory<float>.Empty;

    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float sum = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (int k = 0; k < va.Length; k++)
            {
                acc += va[k] * vb[k];
            }

            sum = Vector.Sum(acc);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>y += alpha * x.</summary>
    private static void AddScaled(Span<float> y, ReadOnlySpan<float> x, float alpha)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && y.Length >= Vector<float>.Count)
        {
            var vy = MemoryMarshal.Cast<float, Vector<float>>(y);
            var vx = MemoryMarshal.Cast<float, Vector<float>>(x);
            var va = new Vector<float>(alpha);
            for (int k = 0; k < vy.Length; k++)
            {
                vy[k] += va * vx[k];
            }

            i = vy.Length * Vector<float>.Count;
        }

        for (; i < y.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    public void Write(BinaryWriter w)
    {
        w.Write(Dimensions);
        w.Write(Count);
        var bytes = new sbyte[Dimensions];
        for (int i = 0; i < Count; i++)
        {
            w.Write(Words[i]);
            var v = _vectors.AsSpan(i * Dimensions, Dimensions);
            float max = 1e-9f;
            foreach (float x in v)
            {
                max = Math.Max(max, Math.Abs(x));
            }

            for (int k = 0; k < Dimensions; k++)
            {
                bytes[k] = (sbyte)Math.Round(v[k] / max * 127f);
            }

            w.Write(MemoryMarshal.AsBytes(bytes.AsSpan()));
        }
    }

    public static WordVectors Read(BinaryReader r)
    {
        int dims = r.ReadInt32();
        int count = r.ReadInt32();
        if (dims <= 0 || dims > 1024 || count < 0 || count > 2_000_000)
        {
            throw new ParallaxException(ErrorCodes.ModelFormat, "Bad word vector header.");
        }

        var words = new string[count];
        var vectors = new float[count * dims];
        var bytes = new byte[dims];
        for (int i = 0; i < count; i++)
        {
            words[i] = r.ReadString();
            r.BaseStream.ReadExactly(bytes);
            var v = vectors.AsSpan(i * dims, dims);
            for (int k = 0; k < dims; k++)
            {
                v[k] = (sbyte)bytes[k];
            }

            Normalize(v);
        }

        return new WordVectors(dims, words, vectors);
    }

    private static void Normalize(Span<float> v)
    {
        float norm = MathF.Sqrt(Dot(v, v));
        if (norm > 0)
        {
            for (int k = 0; k < v.Length; k++)
            {
                v[k] /= norm;
            }
        }
    }

    /// <summary>Trains vectors on documents of text (each tokenised by the project tokenizer, <see cref="Tokenizer"/> and normalised).</summary>
    public static WordVectors Train(IEnumerable<string> documents, WordVectorOptions options, CancellationToken cancellationToken = default)
    {
        // 1. the corpus as form ids, and the vocabulary
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new List<long>();
        var docs = new List<int[]>();
        var buffer = new List<int>();
        foreach (var text in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            buffer.Clear();
            foreach (var token in Tokenizer.Tokenize(text))
            {
                if (token.Kind is not (TokenKind.Word or TokenKind.Number))
                {
                    continue;
                }

                var form = WordForms.Normalize(text.AsSpan(token.Start, token.Length));
                if (!ids.TryGetValue(form, out int id))
                {
                    id = ids.Count;
                    ids[form] = id;
                    counts.Add(0);
                }

                counts[id]++;
                buffer.Add(id);
            }

            if (buffer.Count > 1)
            {
                docs.Add([.. buffer]);
            }
        }

        var kept = ids.Where(p => counts[p.Value] >= options.MinCount)
            .OrderByDescending(p => counts[p.Value]).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(options.MaxVocabulary).ToList();
        var remap = new int[ids.Count];
        Array.Fill(remap, -1);
        var words = new string[kept.Count];
        var freq = new long[kept.Count];
        for (int i = 0; i < kept.Count; i++)
        {
            remap[kept[i].Value] = i;
            words[i] = kept[i].Key;
            freq[i] = counts[kept[i].Value];
        }

        long total = 0;
        for (int d = 0; d < docs.Count; d++)
        {
            docs[d] = docs[d].Select(x => remap[x]).Where(x => x >= 0).ToArray();
            total += docs[d].Length;
        }

        // 2. negative-sampling table (unigram^0.75) and subsampling probabilities
        int v = words.Length, dim = options.Dimensions;
        const int tableSize = 2_000_000;
        var table = new int[tableSize];
        double norm = freq.Sum(f => Math.Pow(f, 0.75));
        double cumulative = 0;
        int w = 0;
        for (int t = 0; t < tableSize; t++)
        {
            if (t / (double)tableSize > cumulative / norm && w < v)
            {
                cumulative += Math.Pow(freq[w], 0.75);
                w++;
            }

            table[t] = Math.Max(0, w - 1);
        }

        var keep = new float[v];
        double threshold = options.Sample * total;
        for (int i = 0; i < v; i++)
        {
            keep[i] = threshold <= 0 ? 1f : (float)Math.Min(1.0, (Math.Sqrt(freq[i] / threshold) + 1) * threshold / freq[i]);
        }

        // 3. SGD, Hogwild over threads
        var input = new float[v * dim];
        var output = new float[v * dim];
        var init = new Random(options.Seed);
        for (int i = 0; i < input.Length; i++)
        {
            input[i] = (init.NextSingle() - 0.5f) / dim;
        }

        long totalWork = total * options.Epochs;
        long done = 0;
        Parallel.For(0, options.Threads, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken }, thread =>
        {
            var random = new Random(options.Seed + (thread * 7919));
            var gradient = new float[dim];
            var sentence = new List<int>(1024);
            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                for (int d = thread; d < docs.Count; d += options.Threads)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var doc = docs[d];
                    sentence.Clear();
                    foreach (int id in doc)
                    {
                        if (random.NextSingle() < keep[id])
                        {
                            sentence.Add(id);
                        }
                    }

                    float progress = Interlocked.Add(ref done, doc.Length) / (float)totalWork;
                    float alpha = Math.Max(options.LearningRate * 1e-4f, options.LearningRate * (1 - progress));
                    for (int pos = 0; pos < sentence.Count; pos++)
                    {
                        int center = sentence[pos];
                        int b = random.Next(options.Window);
                        for (int c = pos - options.Window + b; c <= pos + options.Window - b; c++)
                        {
                            if (c < 0 || c >= sentence.Count || c == pos)
                            {
                                continue;
                            }

                            var context = input.AsSpan(sentence[c] * dim, dim);
                            Array.Clear(gradient);
                            for (int n = 0; n <= options.Negatives; n++)
                            {
                                int target;
                                float label;
                                if (n == 0)
                                {
                                    target = center;
                                    label = 1;
                                }
                                else
                                {
                                    target = table[random.Next(tableSize)];
                                    if (target == center)
                                    {
                                        continue;
                                    }

                                    label = 0;
                                }

                                var outVec = output.AsSpan(target * dim, dim);
                                float f = Dot(context, outVec);
                                float g = f > 6 ? label - 1 : f < -6 ? label : label - (1f / (1f + MathF.Exp(-f)));
                                g *= alpha;
                                AddScaled(gradient, outVec, g);
                                AddScaled(outVec, context, g);
                            }

                            AddScaled(context, gradient, 1f);
                        }
                    }
                }
            }
        });

        for (int i = 0; i < v; i++)
        {
            Normalize(input.AsSpan(i * dim, dim));
        }

        return new WordVectors(dim, words, input);
    }
}
