using System.Globalization;
using System.IO.Compression;
using System.Text;
using Parallax.Core;

namespace Parallax.Stories.Clustering;

/// <summary>
/// Document frequencies of terms and details in a background corpus of news (the unlabeled-news data set:
/// Reuters-21578, BBC News, AG News), and the words that are mostly written in lower case mid-sentence (which the
/// capitalised-sequence entity finder must not take for names). Only counts are kept, never text.
/// Built by <c>parallax train background-df</c>; the committed copy is embedded in this assembly.
/// </summary>
public sealed class BackgroundFrequencies
{
    public const string ResourceName = "Parallax.Stories.Clustering.background-df.tsv.gz";

    private readonly Dictionary<string, int> _df;
    private readonly HashSet<string> _lowerWords;

    public BackgroundFrequencies(int documents, Dictionary<string, int> df, HashSet<string> lowerWords, string description = "")
    {
        Documents = documents;
        _df = df;
        _lowerWords = lowerWords;
        Description = description;
    }

    /// <summary>No background: every term is as rare as the store says.</summary>
    public static BackgroundFrequencies Empty { get; } = new(0, new Dictionary<string, int>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    public int Documents { get; }

    public int TermCount => _df.Count;

    public int LowerWordCount => _lowerWords.Count;

    public string Description { get; }

    public int DocumentFrequency(string key) => _df.TryGetValue(key, out var df) ? df : 0;

    /// <summary>True when the word (lower case) is usually written in lower case in running text: a common word, not a name.</summary>
    public bool IsCommonLowerCaseWord(string lower) => _lowerWords.Contains(lower);

    public IEnumerable<KeyValuePair<string, int>> Frequencies => _df;

    private static readonly Lazy<BackgroundFrequencies> LazyEmbedded = new(LoadEmbedded);

    /// <summary>The committed background frequencies, embedded in this assembly.</summary>
    public static BackgroundFrequencies Embedded => LazyEmbedded.Value;

    private static BackgroundFrequencies LoadEmbedded()
    {
        using var stream = typeof(BackgroundFrequencies).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new ParallaxException(ErrorCodes.ModelMissing, $"The background frequencies resource '{ResourceName}' is missing from Parallax.Stories; rebuild with models/background-df/background-df.tsv.gz present.");
        return Read(stream);
    }

    public static BackgroundFrequencies Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new ParallaxException(ErrorCodes.ModelMissing, $"Background frequencies file not found: {path}");
        }

        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads the gzip-compressed TSV: a header line, then <c>t TERM DF</c> and <c>l WORD</c> lines.</summary>
    public static BackgroundFrequencies Read(Stream gzipStream)
    {
        using var gz = new GZipStream(gzipStream, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        var header = reader.ReadLine() ?? throw new ParallaxException(ErrorCodes.ModelFormat, "Background frequencies file is empty.");
        if (!header.StartsWith("#parallax-background-df", StringComparison.Ordinal))
        {
            throw new ParallaxException(ErrorCodes.ModelFormat, "Not a background frequencies file (bad header).");
        }

        int docs = 0;
        int normalizer = 0;
        foreach (var field in header.Split('\t'))
        {
            if (field.StartsWith("docs=", StringComparison.Ordinal))
            {
                docs = int.Parse(field.AsSpan(5), CultureInfo.InvariantCulture);
            }
            else if (field.StartsWith("normalizer=", StringComparison.Ordinal))
            {
                normalizer = int.Parse(field.AsSpan(11), CultureInfo.InvariantCulture);
            }
        }

        if (normalizer != TermNormalizer.Version)
        {
            throw new ParallaxException(ErrorCodes.ModelFormat, $"Background frequencies were built with term normalizer v{normalizer}, this build uses v{TermNormalizer.Version}: rebuild them with 'parallax train background-df'.");
        }

        var df = new Dictionary<string, int>(200_000, StringComparer.Ordinal);
        var lower = new HashSet<string>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length < 3)
            {
                continue;
            }

            if (line[0] == 't')
            {
                int tab = line.IndexOf('\t', 2);
                df[line[2..tab]] = int.Parse(line.AsSpan(tab + 1), CultureInfo.InvariantCulture);
            }
            else if (line[0] == 'l')
            {
                lower.Add(line[2..]);
            }
        }

        return new BackgroundFrequencies(docs, df, lower, header);
    }

    public void Write(Stream output, string source)
    {
        using var gz = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new StreamWriter(gz, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine($"#parallax-background-df\tversion=1\tnormalizer={TermNormalizer.Version}\tdocs={Documents}\tsource={source}");
        foreach (var (term, df) in _df.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            writer.Write("t\t");
            writer.Write(term);
            writer.Write('\t');
            writer.WriteLine(df.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var word in _lowerWords.Order(StringComparer.Ordinal))
        {
            writer.Write("l\t");
            writer.WriteLine(word);
        }
    }
}
