using System.IO.Compression;
using System.Text;
using Parallax.Core;
using Parallax.Nlp.Text;

namespace Parallax.Stories.Alignment;

/// <summary>One feature's part in a paraphrase decision.</summary>
/// <param name="Feature">The feature's name (see <see cref="PairFeatures.Names"/>).</param>
/// <param name="Value">Its value for this pair.</param>
/// <param name="Contribution">What it added to the log-odds of "paraphrase" (negative: against).</param>
public readonly record struct FeatureContribution(string Feature, float Value, float Contribution);

/// <summary>The model's verdict on a sentence pair.</summary>
/// <param name="Probability">Probability that the two sentences say the same thing.</param>
/// <param name="IsParaphrase">Probability at or above the model's threshold.</param>
/// <param name="Contributions">Every feature with its value and contribution, strongest first (empty unless explained).</param>
public sealed record ParaphraseScore(float Probability, bool IsParaphrase, IReadOnlyList<FeatureContribution> Contributions)
{
    /// <summary>The log-odds the contributions add up to (with the model's bias).</summary>
    public float LogOdds => MathF.Log(Probability / (1 - Probability));
}

/// <summary>
/// Decides whether two sentences say the same thing, also in different words: lexical, WordNet, number, name,
/// negation and length features of the pair (<see cref="PairFeatures"/>) scored by gradient-boosted trees trained on
/// the MSR Paraphrase Corpus. Immutable and thread-safe. The default model is embedded in this assembly.
/// </summary>
public sealed class ParaphraseModel
{
    public const string EmbeddedModelResource = "Parallax.Stories.paraphrase.model";
    private const int Magic = 0x4D505850; // "PXPM"
    private const int Version = 2;

    private readonly PairClassifier _classifier;

    public ParaphraseModel(ParaphraseLexicon lexicon, PairClassifier classifier, float threshold = 0.5f)
    {
        if (classifier.FeatureCount != PairFeatures.Count)
        {
            throw new ParallaxException(ErrorCodes.ModelFormat, $"The paraphrase model has {classifier.FeatureCount} features; this build computes {PairFeatures.Count}. Retrain it with 'parallax train paraphrase'.");
        }

        Lexicon = lexicon;
        _classifier = classifier;
        Threshold = threshold;
    }

    public ParaphraseLexicon Lexicon { get; }

    /// <summary>Probability at and above which a pair is called a paraphrase.</summary>
    public float Threshold { get; }

    public int TreeCount => _classifier.Trees.TreeCount;

    /// <summary>The model and lexicon embedded in this assembly.</summary>
    public static ParaphraseModel LoadEmbedded() => LoadEmbedded(ParaphraseLexicon.LoadEmbedded());

    public static ParaphraseModel LoadEmbedded(ParaphraseLexicon lexicon)
    {
        using var stream = ParaphraseLexicon.OpenResource(typeof(ParaphraseModel).Assembly, EmbeddedModelResource);
        return Load(stream, lexicon);
    }

    public static ParaphraseModel Load(string path, ParaphraseLexicon lexicon)
    {
        if (!File.Exists(path))
        {
            throw new ParallaxException(ErrorCodes.ModelMissing, $"No paraphrase model at {path}.");
        }

        using var stream = File.OpenRead(path);
        return Load(stream, lexicon);
    }

    public static ParaphraseModel Load(Stream stream, ParaphraseLexicon lexicon)
    {
        try
        {
            using var gz = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var r = new BinaryReader(gz, Encoding.UTF8);
            if (r.ReadInt32() != Magic)
            {
                throw new ParallaxException(ErrorCodes.ModelFormat, "Not a Parallax paraphrase model.");
            }

            int version = r.ReadInt32();
            if (version != Version)
            {
                throw new ParallaxException(ErrorCodes.ModelFormat, $"Paraphrase model version {version}; this build reads version {Version}. Retrain it with 'parallax train paraphrase'.");
            }

            int names = r.ReadInt32();
            var featureNames = new string[names];
            for (int i = 0; i < names; i++)
            {
                featureNames[i] = r.ReadString();
            }

            if (!featureNames.AsSpan().SequenceEqual(PairFeatures.Names))
            {
                throw new ParallaxException(ErrorCodes.ModelFormat, "The paraphrase model was trained on other features than this build computes. Retrain it with 'parallax train paraphrase'.");
            }

            float threshold = r.ReadSingle();
            return new ParaphraseModel(lexicon, PairClassifier.Read(r), threshold);
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException)
        {
            throw new ParallaxException(ErrorCodes.ModelFormat, "The paraphrase model file is truncated or corrupt: " + ex.Message);
        }
    }

    public void Save(Stream stream)
    {
        using var gz = new GZipStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(gz, Encoding.UTF8);
        w.Write(Magic);
        w.Write(Version);
        w.Write(PairFeatures.Names.Length);
        foreach (var name in PairFeatures.Names)
        {
            w.Write(name);
        }

        w.Write(Threshold);
        _classifier.Write(w);
    }

    public void Save(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Analyses a free-standing sentence (tokenised by the project tokenizer, <see cref="Tokenizer"/>).</summary>
    public SentenceView View(string sentence)
    {
        var tokens = Tokenizer.Tokenize(sentence);
        return new SentenceView(sentence, new TextRange(0, sentence.Length), tokens, 0, tokens.Length, Lexicon);
    }

    /// <summary>
    /// Analyses sentence <paramref name="sentence"/> of a document with a sentence layer, using its token layer
    /// when present (else the sentence's characters are split by the project tokenizer, <see cref="Tokenizer"/>).
    /// </summary>
    public SentenceView View(Document document, int sentence)
    {
        var s = document.Get(Layers.Sentences)[sentence];
        if (document.GetOrDefault(Layers.Tokens) is { } tokens)
        {
            return new SentenceView(document.Text, s.Range, tokens.Tokens, s.FirstToken, s.TokenCount, Lexicon);
        }

        var own = TokenizerComponent.Tokenize(document.Text, [s.Range]).Tokens;
        return new SentenceView(document.Text, s.Range, own, 0, own.Length, Lexicon);
    }

    /// <summary>Analyses a range of a text with its tokens (indices into <paramref name="tokens"/>).</summary>
    public SentenceView View(string text, TextRange range, Token[] tokens, int firstToken, int tokenCount) =>
        new(text, range, tokens, firstToken, tokenCount, Lexicon);

    /// <summary>The probability that the two sentences are paraphrases; cheap, no explanation.</summary>
    public float Probability(SentenceView a, SentenceView b)
    {
        Span<float> features = stackalloc float[PairFeatures.Count];
        PairFeatures.Compute(a, b, features);
        return _classifier.Probability(features);
    }

    /// <summary>The probability with each feature's value and contribution to the decision.</summary>
    public ParaphraseScore Score(SentenceView a, SentenceView b)
    {
        Span<float> features = stackalloc float[PairFeatures.Count];
        Span<float> contributions = stackalloc float[PairFeatures.Count];
        contributions.Clear();
        PairFeatures.Compute(a, b, features);
        float raw = _classifier.Explain(features, contributions);
        var list = new FeatureContribution[features.Length];
        for (int i = 0; i < list.Length; i++)
        {
            list[i] = new FeatureContribution(PairFeatures.Names[i], features[i], contributions[i]);
        }

        Array.Sort(list, (x, y) => Math.Abs(y.Contribution).CompareTo(Math.Abs(x.Contribution)));
        float p = GradientBoostedTrees.Sigmoid(raw);
        return new ParaphraseScore(p, p >= Threshold, list);
    }

    public ParaphraseScore Score(string a, string b) => Score(View(a), View(b));

    /// <summary>
    /// Trains a model on the labelled pairs alone (<see cref="PairClassifier.Train"/>, the same path as every
    /// cross-validation fold). Unrelated sentences are kept out by the aligner's relatedness gate, not by the classifier.
    /// </summary>
    public static ParaphraseModel Train(IReadOnlyList<ParaphrasePair> pairs, ParaphraseLexicon lexicon, BoostingOptions? options = null, CancellationToken cancellationToken = default)
    {
        var rows = ParaphraseEvaluation.Features(pairs, lexicon, out _, out _, cancellationToken);
        var labels = pairs.Select(p => p.IsParaphrase).ToArray();
        return new ParaphraseModel(lexicon, PairClassifier.Train(rows, labels, options, cancellationToken));
    }
}
