using BenchmarkDotNet.Attributes;
using Parallax.Core;
using Parallax.Nlp.Text;
using Parallax.Stories.Alignment;
using Parallax.Stories.Claims;

namespace Parallax.Benchmarks;

/// <summary>
/// Sentence alignment and claim scoring over a synthetic story of 50 articles x 30 sentences dealt from MSRP pairs
/// (each pair's two sentences in two articles, every other sentence a distractor; the same story as
/// <c>parallax eval alignment</c>), and one sentence pair through the classifier.
/// Needs the shared data (PARALLAX_DATA or ../shared/data).
/// dotnet run -c Release --project bench/Parallax.Benchmarks -- --filter '*AlignmentBenchmarks*'
/// </summary>
[MemoryDiagnoser]
public class AlignmentBenchmarks
{
    private const string Meetings = "Tillerson will hold talks with China’s top diplomat State Councillor Yang Jiechi, Foreign Minister Wang Yi as well as President Xi Jinping.";
    private const string OtherMeetings = "On Saturday, he was scheduled to meet top Chinese officials including senior foreign policy adviser Yang Jiechi, Foreign Minister Wang Yi and President Xi Jinping.";

    private ParaphraseModel _model = null!;
    private SentenceAligner _aligner = null!;
    private IReadOnlyList<SentenceView>[] _views = [];
    private List<ClaimUnit> _units = [];
    private SentenceView _a = null!;
    private SentenceView _b = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = ParaphraseModel.LoadEmbedded();
        _aligner = new SentenceAligner(_model);
        var pairs = MsrpReader.Read(Path.Combine(BenchPaths.Data, "msrp", "msr_paraphrase_train.txt"));
        var (story, _) = AlignmentEvaluation.Build(pairs, 50, 30, ParaphraseEvaluation.DefaultSeed);
        _views = story.Select(a => (IReadOnlyList<SentenceView>)a.Select(_model.View).ToArray()).ToArray();
        _units = Units(story);
        _a = _model.View(Meetings);
        _b = _model.View(OtherMeetings);
        Console.WriteLine($"// {_views.Sum(v => v.Count)} sentences, {_units.Count} claim units");
    }

    /// <summary>The classifier on one pair (features and both models).</summary>
    [Benchmark]
    public float PairProbability() => _model.Probability(_a, _b);

    /// <summary>The aligner over the whole story: candidate filter, relatedness gate, classifier.</summary>
    [Benchmark]
    public int AlignStory() => _aligner.Align(_views).Count;

    /// <summary>The claim builder with <see cref="ParaphraseClaimScorer"/> over the story's units (a new scorer each time, so unit analysis is included).</summary>
    [Benchmark]
    public int BuildClaims() => new ClaimBuilder(new ParaphraseClaimScorer(_model)).Build(_units).Count;

    /// <summary>The same with the lexical scorer, for comparison.</summary>
    [Benchmark(Baseline = true)]
    public int BuildClaimsLexical() => new ClaimBuilder(new LexicalClaimScorer()).Build(_units).Count;

    /// <summary>Claim units as the story analyser makes them, one per sentence (the sentences of an article joined into its text).</summary>
    private static List<ClaimUnit> Units(string[][] story)
    {
        var units = new List<ClaimUnit>();
        for (int a = 0; a < story.Length; a++)
        {
            var text = string.Join(" ", story[a]);
            int at = 0;
            for (int s = 0; s < story[a].Length; s++)
            {
                var range = new TextRange(at, at + story[a][s].Length);
                at = range.End + 1;
                var stems = Tokenizer.Tokenize(story[a][s])
                    .Select(t => story[a][s][t.Start..t.End])
                    .Where(w => w.Length > 1 && char.IsLetterOrDigit(w[0]) && !Lexicon.StopWords.Contains(w))
                    .Select(Lexicon.Stem)
                    .Distinct(StringComparer.Ordinal)
                    .ToArray();
                units.Add(new ClaimUnit
                {
                    Article = a,
                    Outlet = "outlet" + a,
                    Voice = "outlet" + a,
                    Sentence = s,
                    SentenceRange = range,
                    Range = range,
                    Text = story[a][s],
                    SentenceText = story[a][s],
                    SourceText = text,
                    Stems = stems,
                    Entities = [],
                    Quantities = [],
                    Times = [],
                    Negated = false,
                    Position = s / (double)story[a].Length,
                    Order = s,
                });
            }
        }

        return units;
    }
}
