using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Parallax.Core;
using Parallax.Nlp.Text;

namespace Parallax.Stories.Alignment;

/// <summary>
/// Background statistics of news English: document frequencies of lowercase words, counted over a corpus of news
/// text (the shared unlabeled-news set). Only the counts are kept, never the text.
/// </summary>
public sealed class NewsLexicon
{
    private const int Magic = 0x4C4E5850; // "PXNL"
    private const int Version = 2;

    private readonly FrozenDictionary<string, int> _df;

    public NewsLexicon(int documents, IReadOnlyDictionary<string, int> documentFrequencies, WordVectors? vectors = null)
    {
        Documents = documents;
        Vectors = vectors;
        _df = documentFrequencies.ToFrozenDictionary(StringComparer.Ordinal);
        MaxIdf = (float)Math.Log((documents + 1.0) / 1.0);
    }

    /// <summary>Number of documents counted.</summary>
    public int Documents { get; }

    public int Count => _df.Count;

    /// <summary>Word vectors learnt from the same text, if trained.</summary>
    public WordVectors? Vectors { get; }

    /// <summary>The IDF of a word never seen (or seen too rarely to be kept).</summary>
    public float MaxIdf { get; }

    public bool TryGetDocumentFrequency(string lowerWord, out int df) => _df.TryGetValue(lowerWord, out df);

    /// <summary>log((N + 1) / (df + 1)) for a lowercase word.</summary>
    public float Idf(string lowerWord) =>
        _df.TryGetValue(lowerWord, out int df) ? (float)Math.Log((Documents + 1.0) / (df + 1.0)) : MaxIdf;

    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8);
        w.Write(Magic);
        w.Write(Version);
        w.Write(Documents);
        w.Write(_df.Count);
        foreach (var (word, df) in _df.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            w.Write(word);
            w.Write7BitEncodedInt(df);
        }

        w.Write(Vectors is not null);
        Vectors?.Write(w);
    }

    public static NewsLexicon Load(Stream stream)
    {
        try
        {
            using var gz = new GZipStream(stream, CompressionMode.Decompress);
            using var r = new BinaryReader(gz, Encoding.UTF8);
            if (r.ReadInt32() != Magic || r.ReadInt32() != Version)
            {
                throw new ParallaxException(ErrorCodes.ModelFormat, "Not a Parallax news lexicon file (or a newer version).");
            }

            int docs = r.ReadInt32();
            int n = r.ReadInt32();
            var df = new Dictionary<string, int>(n, StringComparer.Ordinal);
            for (int i = 0; i < n; i++)
            {
                var word = r.ReadString();
                df[word] = r.Read7BitEncodedInt();
            }

            var vectors = r.ReadBoolean() ? WordVectors.Read(r) : null;
            return new NewsLexicon(docs, df, vectors);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException)
        {
            throw new ParallaxException(ErrorCodes.ModelFormat, "The news lexicon file is truncated or corrupt: " + ex.Message);
        }
    }

    /// <summary>
    /// Counts document frequencies over the unlabeled-news folder: reuters21578/*.jsonl (title and text),
    /// bbc/*/*.txt (one article a file) and ag-news/*.csv (label,title,description). Words kept: df at least
    /// <paramref name="minDf"/>. With <paramref name="vectors"/>, also trains word vectors on the same text.
    /// </summary>
    public static NewsLexicon Build(string newsFolder, int minDf = 2, WordVectorOptions? vectors = null, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(newsFolder))
        {
            throw new ParallaxException(ErrorCodes.InputNotFound, $"No news folder at {newsFolder}.");
        }

        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int docs = 0;
        foreach (var text in ReadDocuments(newsFolder, cancellationToken))
        {
            docs++;
            seen.Clear();
            foreach (var token in Tokenizer.Tokenize(text))
            {
                if (token.Kind is TokenKind.Word or TokenKind.Number)
                {
                    var word = WordForms.Normalize(text.AsSpan(token.Start, token.Length));
                    if (seen.Add(word))
                    {
                        df[word] = df.GetValueOrDefault(word) + 1;
                    }
                }
            }
        }

        if (docs == 0)
        {
            throw new ParallaxException(ErrorCodes.InputEmpty, $"No documents found under {newsFolder}.");
        }

        var wordVectors = vectors is null ? null : WordVectors.Train(ReadDocuments(newsFolder, cancellationToken), vectors, cancellationToken);
        return new NewsLexicon(docs, df.Where(p => p.Value >= minDf).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), wordVectors);
    }

    /// <summary>The texts of the unlabeled-news folder, one document each.</summary>
    public static IEnumerable<string> ReadDocuments(string newsFolder, CancellationToken cancellationToken = default)
    {
        foreach (var file in Directory.EnumerateFiles(newsFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = Path.GetFileName(file);
            if (name.StartsWith("readme", StringComparison.OrdinalIgnoreCase) || name.Equals("SOURCE.txt", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (file.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var line in File.ReadLines(file))
                {
                    if (string.IsNullOrWhiteSpace(line))
                    {
                        continue;
                    }

                    using var json = JsonDocument.Parse(line);
                    var root = json.RootElement;
                    var title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                    var body = root.TryGetProperty("text", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
                    if (!string.IsNullOrWhiteSpace(body) || !string.IsNullOrWhiteSpace(title))
                    {
                        yield return (title + "\n" + body).Trim();
                    }
                }
            }
            else if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var line in File.ReadLines(file).Skip(1))
                {
                    // label,"title","description": the text is everything after the first comma, quotes removed
                    int comma = line.IndexOf(',', StringComparison.Ordinal);
                    if (comma > 0)
                    {
                        yield return line[(comma + 1)..].Replace("\"\"", "\u0001", StringComparison.Ordinal).Replace("\"", " ", StringComparison.Ordinal).Replace('\u0001', '"').Replace("\\", " ", StringComparison.Ordinal);
                    }
                }
            }
            else if (file.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                yield return File.ReadAllText(file);
            }
        }
    }
}
