using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Parallax.Core;
using Parallax.Nlp.Text;

namespace Parallax.Nlp.Entities;

public sealed record WordClusterOptions
{
    public int Dimensions { get; init; } = 100;

    public int Window { get; init; } = 5;

    public int Negative { get; init; } = 5;

    public int Epochs { get; init; } = 3;

    public int MinCount { get; init; } = 3;

    public double Subsample { get; init; } = 1e-4;

    public float LearningRate { get; init; } = 0.025f;

    public IReadOnlyList<int> ClusterCounts { get; init; } = [64, 256, 1024];

    public int KMeansIterations { get; init; } = 12;

    public int Threads { get; init; } = 2;

    public int Seed { get; init; } = 7;

    public Action<string>? Log { get; init; }
}

/// <summary>
/// Learns word representations from unlabelled news for the NER model: skip-gram embeddings with negative
/// sampling (word2vec), then k-means clusterings of the unit vectors at several sizes. Words are the normalised
/// forms of <see cref="Tokenizer"/> tokens, case kept.
/// </summary>
public static class WordClusterTrainer
{
    /// <summary>Reads sentences of normalised tokens: .txt, .jsonl ("title" and "text"), .csv (quoted fields after the first), other files as CoNLL.</summary>
    public static IEnumerable<string[]> ReadCorpus(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            var files = Directory.Exists(path)
                ? Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
                : File.Exists(path) ? [path] : throw new ParallaxException(ErrorCodes.InputNotFound, $"'{path}' does not exist.");
            foreach (var file in files)
            {
                var ext = Path.GetExtension(file).ToLowerInvariant();
                var name = Path.GetFileName(file);
                if (name.StartsWith("README", StringComparison.OrdinalIgnoreCase) || name.StartsWith("SOURCE", StringComparison.OrdinalIgnoreCase) || name.Equals("readme.txt", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                IEnumerable<string> texts = ext switch
                {
                    ".txt" => [File.ReadAllText(file)],
                    ".jsonl" => JsonLines(file),
                    ".csv" => CsvTexts(file),
                    _ => [],
                };
                if (ext is not (".txt" or ".jsonl" or ".csv"))
                {
                    foreach (var doc in ConllReader.Read(file))
                    {
                        var d = doc.Document;
                        var toks = d.Get(Layers.Tokens).Tokens;
                        foreach (var s in d.Get(Layers.Sentences).Sentences)
                        {
                            var words = new string[s.TokenCount];
                            for (int i = 0; i < s.TokenCount; i++)
                            {
                                var t = toks[s.FirstToken + i];
                                words[i] = TokenForms.ToForm(d.Text.AsSpan(t.Start, t.Length));
                            }

                            yield return words;
                        }
                    }

                    continue;
                }

                foreach (var text in texts)
                {
                    var doc = new Document(text);
                    var tokens = TokenizerComponent.Tokenize(text, doc.BodyParagraphs);
                    var sentences = SentenceComponent.Split(text, tokens, doc.BodyParagraphs);
                    foreach (var s in sentences.Sentences)
                    {
                        var words = new string[s.TokenCount];
                        for (int i = 0; i < s.TokenCount; i++)
                        {
                            var t = tokens[s.FirstToken + i];
                            words[i] = TokenForms.ToForm(text.AsSpan(t.Start, t.Length));
                        }

                        yield return words;
                    }
                }
            }
        }
    }

    private static IEnumerable<string> JsonLines(string file)
    {
        foreach (var line in File.ReadLines(file))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var parts = new List<string>();
            foreach (var field in new[] { "title", "text" })
            {
                if (json.RootElement.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s)
                {
                    parts.Add(s);
                }
            }

            yield return string.Join("\n\n", parts);
        }
    }

    private static IEnumerable<string> CsvTexts(string file)
    {
        foreach (var line in File.ReadLines(file))
        {
            // label,"title","description": every quoted field is a paragraph
            var fields = new List<string>();
            int i = 0;
            while (i < line.Length)
            {
                if (line[i] == '"')
                {
                    var sb = new System.Text.StringBuilder();
                    i++;
                    while (i < line.Length)
                    {
                        if (line[i] == '"' && i + 1 < line.Length && line[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                        }
                        else if (line[i] == '"')
                        {
                            i++;
                            break;
                        }
                        else
                        {
                            sb.Append(line[i++]);
                        }
                    }

                    fields.Add(sb.ToString().Replace("\\\\", "\n\n", StringComparison.Ordinal));
                }

                int comma = line.IndexOf(',', i);
                i = comma < 0 ? line.Length : comma + 1;
            }

            if (fields.Count > 0)
            {
                yield return string.Join("\n\n", fields);
            }
        }
    }

    public static WordClusters Train(IEnumerable<string[]> corpus, WordClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);
        var log = options.Log ?? (_ => { });

        // vocabulary
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var sentences = new List<string[]>();
        foreach (var s in corpus)
        {
            sentences.Add(s);
            foreach (var w in s)
            {
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        }

        var vocab = counts.Where(kv => kv.Value >= options.MinCount)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key).ToArray();
        var index = new Dictionary<string, int>(vocab.Length, StringComparer.Ordinal);
        for (int i = 0; i < vocab.Length; i++)
        {
            index[vocab[i]] = i;
        }

        var freq = vocab.Select(w => counts[w]).ToArray();
        long total = freq.Sum();
        var ids = new List<int>((int)Math.Min(int.MaxValue, total + sentences.Count));
        foreach (var s in sentences)
        {
            foreach (var w in s)
            {
                if (index.TryGetValue(w, out int id))
                {
                    ids.Add(id);
                }
            }

            ids.Add(-1);
        }

        sentences.Clear();
        log($"corpus: {total} tokens in vocabulary, {vocab.Length} words (min count {options.MinCount})");

        var vectors = TrainSkipGram(ids.ToArray(), freq, total, options, log);

        // normalise and cluster at each size
        int dim = options.Dimensions;
        for (int w = 0; w < vocab.Length; w++)
        {
            var v = vectors.AsSpan(w * dim, dim);
            float norm = MathF.Sqrt(Dot(v, v));
            if (norm > 0)
            {
                for (int d = 0; d < dim; d++)
                {
                    v[d] /= norm;
                }
            }
        }

        int levels = options.ClusterCounts.Count;
        var result = new int[vocab.Length * levels];
        for (int level = 0; level < levels; level++)
        {
            var assign = KMeans(vectors, vocab.Length, dim, options.ClusterCounts[level], options, log);
            for (int w = 0; w < vocab.Length; w++)
            {
                result[(w * levels) + level] = assign[w];
            }
        }

        return new WordClusters(vocab, result, levels);
    }

    private static float[] TrainSkipGram(int[] corpus, long[] freq, long total, WordClusterOptions o, Action<string> log)
    {
        int v = freq.Length, dim = o.Dimensions;
        var rng = new Random(o.Seed);
        var syn0 = new float[v * dim];
        var syn1 = new float[v * dim];
        for (int i = 0; i < syn0.Length; i++)
        {
            syn0[i] = (float)((rng.NextDouble() - 0.5) / dim);
        }

        // unigram^0.75 table for negatives
        const int tableSize = 10_000_000;
        var table = new int[tableSize];
        double norm = freq.Sum(f => Math.Pow(f, 0.75));
        double cum = Math.Pow(freq[0], 0.75) / norm;
        for (int a = 0, w = 0; a < tableSize; a++)
        {
            table[a] = w;
            if ((double)a / tableSize > cum && w < v - 1)
            {
                w++;
                cum += Math.Pow(freq[w], 0.75) / norm;
            }
        }

        var keep = new float[v];
        for (int w = 0; w < v; w++)
        {
            double f = (double)freq[w] / total;
            keep[w] = (float)Math.Min(1.0, (Math.Sqrt(f / o.Subsample) + 1) * o.Subsample / f);
        }

        long totalWork = (long)o.Epochs * corpus.Length;
        long done = 0;
        int threads = Math.Max(1, o.Threads);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int epoch = 0; epoch < o.Epochs; epoch++)
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, thread =>
            {
                var random = new Random(o.Seed + (epoch * 31) + thread);
                var neu1e = new float[dim];
                var sentence = new List<int>(256);
                int start = (int)((long)corpus.Length * thread / threads);
                int end = (int)((long)corpus.Length * (thread + 1) / threads);
                int pos = start;
                while (pos < end)
                {
                    sentence.Clear();
                    while (pos < end && corpus[pos] >= 0)
                    {
                        int w = corpus[pos++];
                        if (keep[w] >= 1 || random.NextSingle() < keep[w])
                        {
                            sentence.Add(w);
                        }
                    }

                    pos++;
                    long progress = Interlocked.Add(ref done, sentence.Count + 1);
                    float alpha = Math.Max(o.LearningRate * 0.0001f, o.LearningRate * (1 - ((float)progress / (totalWork + 1))));
                    for (int i = 0; i < sentence.Count; i++)
                    {
                        int b = random.Next(o.Window);
                        int center = sentence[i];
                        for (int j = i - o.Window + b; j <= i + o.Window - b; j++)
                        {
                            if (j < 0 || j >= sentence.Count || j == i)
                            {
                                continue;
                            }

                            var input = syn0.AsSpan(sentence[j] * dim, dim);
                            Array.Clear(neu1e);
                            for (int n = 0; n <= o.Negative; n++)
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

                                var output = syn1.AsSpan(target * dim, dim);
                                float f = Dot(input, output);
                                float sig = f > 6 ? 1 : f < -6 ? 0 : 1f / (1f + MathF.Exp(-f));
                                float g = (label - sig) * alpha;
                                Axpy(g, output, neu1e);
                                Axpy(g, input, output);
                            }

                            Axpy(1, neu1e, input);
                        }
                    }
                }
            });
            log($"skip-gram epoch {epoch + 1}/{o.Epochs} done, {clock.Elapsed.TotalSeconds:F0}s");
        }

        return syn0;
    }

    private static int[] KMeans(float[] vectors, int count, int dim, int k, WordClusterOptions o, Action<string> log)
    {
        k = Math.Min(k, count);
        var rng = new Random(o.Seed + k);
        var centroids = new float[k * dim];

        // initialise from distinct words spread over the frequency range
        var picks = Enumerable.Range(0, count).OrderBy(_ => rng.Next()).Take(k).ToArray();
        for (int c = 0; c < k; c++)
        {
            vectors.AsSpan(picks[c] * dim, dim).CopyTo(centroids.AsSpan(c * dim, dim));
        }

        var assign = new int[count];
        for (int iter = 0; iter < o.KMeansIterations; iter++)
        {
            int changed = 0;
            Parallel.For(0, o.Threads, new ParallelOptions { MaxDegreeOfParallelism = o.Threads }, thread =>
            {
                int local = 0;
                for (int w = thread; w < count; w += o.Threads)
                {
                    var v = vectors.AsSpan(w * dim, dim);
                    int best = 0;
                    float bestDot = float.NegativeInfinity;
                    for (int c = 0; c < k; c++)
                    {
                        float d = Dot(v, centroids.AsSpan(c * dim, dim));
                        if (d > bestDot)
                        {
                            bestDot = d;
                            best = c;
                        }
                    }

                    if (assign[w] != best || iter == 0)
                    {
                        local++;
                    }

                    assign[w] = best;
                }

                Interlocked.Add(ref changed, local);
            });

            Array.Clear(centroids);
            var sizes = new int[k];
            for (int w = 0; w < count; w++)
            {
                Axpy(1, vectors.AsSpan(w * dim, dim), centroids.AsSpan(assign[w] * dim, dim));
                sizes[assign[w]]++;
            }

            for (int c = 0; c < k; c++)
            {
                var centroid = centroids.AsSpan(c * dim, dim);
                if (sizes[c] == 0)
                {
                    vectors.AsSpan(rng.Next(count) * dim, dim).CopyTo(centroid);
                    continue;
                }

                float norm = MathF.Sqrt(Dot(centroid, centroid));
                for (int d = 0; d < dim; d++)
                {
                    centroid[d] /= norm;
                }
            }

            if (changed < count / 1000)
            {
                break;
            }
        }

        log($"k-means k={k} done");
        return assign;
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float sum = 0;
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var acc = Vector<float>.Zero;
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                acc += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
            }

            sum = Vector.Sum(acc);
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = new Vector<float>(alpha);
            for (; i <= x.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (new Vector<float>(y[i..]) + (va * new Vector<float>(x[i..]))).CopyTo(y[i..]);
            }
        }

        for (; i < x.Length; i++)
        {
            y[i] += alpha * x[i];
        }
    }

    public static void Write(WordClusters clusters, string path)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        using var writer = new StreamWriter(path);
        writer.WriteLine($"# word clusters: {clusters.Words.Count} words, {clusters.Levels} levels");
        for (int w = 0; w < clusters.Words.Count; w++)
        {
            writer.Write(clusters.Words[w]);
            for (int l = 0; l < clusters.Levels; l++)
            {
                writer.Write('\t');
                writer.Write(clusters.Ids[(w * clusters.Levels) + l].ToString(CultureInfo.InvariantCulture));
            }

            writer.WriteLine();
        }
    }

    public static WordClusters Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ParallaxException(ErrorCodes.InputNotFound, $"The clusters file '{path}' does not exist.");
        }

        var words = new List<string>();
        var ids = new List<int>();
        int levels = -1;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (levels < 0)
            {
                levels = f.Length - 1;
            }

            if (f.Length - 1 != levels)
            {
                throw new ParallaxException(ErrorCodes.DataFormat, $"{path}: every line needs a word and {levels} cluster ids.");
            }

            words.Add(f[0]);
            for (int l = 1; l <= levels; l++)
            {
                ids.Add(int.Parse(f[l], CultureInfo.InvariantCulture));
            }
        }

        return new WordClusters(words, [.. ids], Math.Max(levels, 0));
    }
}
