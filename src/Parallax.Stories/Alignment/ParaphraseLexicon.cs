using System.Collections.Concurrent;
using System.Reflection;

namespace Parallax.Stories.Alignment;

/// <summary>What the features know about one lowercase word form; built once per form and shared.</summary>
public sealed class WordInfo
{
    internal WordInfo(string form, int formId, string lemma, int lemmaId, float idf, bool isStop, bool isNegation, int[] concepts, int[] neighbours, ReadOnlyMemory<float> vector)
    {
        Vector = vector;
        Form = form;
        FormId = formId;
        Lemma = lemma;
        LemmaId = lemmaId;
        Idf = idf;
        IsStop = isStop;
        IsNegation = isNegation;
        Concepts = concepts;
        Neighbours = neighbours;
    }

    /// <summary>The normalised (lowercase) form.</summary>
    public string Form { get; }

    public int FormId { get; }

    public string Lemma { get; }

    public int LemmaId { get; }

    public float Idf { get; }

    public bool IsStop { get; }

    public bool IsNegation { get; }

    /// <summary>WordNet synsets of the lemma (first senses), sorted.</summary>
    public int[] Concepts { get; }

    /// <summary>Synsets one WordNet relation away from <see cref="Concepts"/>, sorted.</summary>
    public int[] Neighbours { get; }

    /// <summary>The word's unit vector from news text, or empty.</summary>
    public ReadOnlyMemory<float> Vector { get; }
}

/// <summary>
/// The word knowledge shared by the paraphrase features: WordNet and news document frequencies, with a
/// thread-safe cache of <see cref="WordInfo"/> per word form. One instance per model.
/// </summary>
public sealed class ParaphraseLexicon
{
    public const string WordNetResource = "Parallax.Stories.wordnet-3.1.tsv.gz";
    public const string NewsLexiconResource = "Parallax.Stories.news-lexicon.bin.gz";

    private readonly ConcurrentDictionary<string, WordInfo> _words = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private int _nextId;

    public ParaphraseLexicon(WordNet wordNet, NewsLexicon news)
    {
        WordNet = wordNet;
        News = news;
    }

    public WordNet WordNet { get; }

    public NewsLexicon News { get; }

    /// <summary>The lexicon built from the resources embedded in this assembly.</summary>
    public static ParaphraseLexicon LoadEmbedded() => LoadEmbedded(null);

    /// <summary>The embedded WordNet with the given news statistics (the embedded ones when null).</summary>
    public static ParaphraseLexicon LoadEmbedded(NewsLexicon? news)
    {
        var assembly = typeof(ParaphraseLexicon).Assembly;
        using var wn = OpenResource(assembly, WordNetResource);
        if (news is null)
        {
            using var stream = OpenResource(assembly, NewsLexiconResource);
            news = NewsLexicon.Load(stream);
        }

        return new ParaphraseLexicon(WordNet.Load(wn), news);
    }

    internal static Stream OpenResource(Assembly assembly, string name) =>
        assembly.GetManifestResourceStream(name)
        ?? throw new Core.ParallaxException(Core.ErrorCodes.ModelMissing, $"The resource {name} is not embedded in {assembly.GetName().Name}; rebuild the library.");

    public WordInfo Word(ReadOnlySpan<char> surface)
    {
        var form = WordForms.Normalize(surface);
        return _words.TryGetValue(form, out var info) ? info : _words.GetOrAdd(form, Create);
    }

    /// <summary>A small integer for a string, stable for the lifetime of this lexicon.</summary>
    public int Intern(string value) =>
        _ids.TryGetValue(value, out int id) ? id : _ids.GetOrAdd(value, _ => Interlocked.Increment(ref _nextId));

    private WordInfo Create(string form)
    {
        bool isStop = WordForms.IsStopWord(form);
        bool isNumber = form.Length > 0 && char.IsDigit(form[0]);
        var lemma = isStop || isNumber ? form : WordNet.Lemma(form);
        int[] concepts = isStop || isNumber ? [] : WordNet.Concepts(lemma.Replace('-', '_'));
        if (concepts.Length == 0 && !isStop && !isNumber && !ReferenceEquals(lemma, form))
        {
            concepts = WordNet.Concepts(form);
        }

        int[] neighbours = WordNet.Neighbours(concepts);
        float idf = News.TryGetDocumentFrequency(form, out _) ? News.Idf(form) : News.Idf(lemma);
        var vector = ReadOnlyMemory<float>.Empty;
        if (News.Vectors is { } vectors)
        {
            vector = vectors[form];
            if (vector.IsEmpty)
            {
                vector = vectors[lemma];
            }
        }

        return new WordInfo(form, Intern(form), lemma, Intern("\u0001" + lemma), idf, isStop, WordForms.IsNegation(form), concepts, neighbours, vector);
    }
}
