using Parallax.Core;
using Parallax.Stories.Alignment;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

[Collection(AlignmentCollection.Name)]
public class AlignmentModelTests(AlignmentFixture fixture)
{
    private const string AlJazeeraMeetings = "Tillerson will hold talks with China’s top diplomat State Councillor Yang Jiechi, Foreign Minister Wang Yi as well as President Xi Jinping.";
    private const string OtherMeetings = "On Saturday, he was scheduled to meet top Chinese officials including senior foreign policy adviser Yang Jiechi, Foreign Minister Wang Yi and President Xi Jinping.";
    private const string RussiaMeeting = "Choe also met with Russian Deputy Foreign Minister Igor Morgulov, the ministry said.";
    private const string ImportBans = "China has also banned imports of North Korean coal, iron and lead ore, and seafood since early September.";

    private readonly ParaphraseModel _model = fixture.Model;

    [Fact]
    public void The_two_outlets_reports_of_the_Saturday_meetings_pass_the_relatedness_gate_and_unrelated_sentences_do_not()
    {
        // the classifier is trained on MSRP pairs only, all chosen for their overlap; the gate keeps it to related pairs
        var meetings = WeightedOverlap.Measure(_model.View(AlJazeeraMeetings), _model.View(OtherMeetings));
        Assert.True(meetings.Mutual >= ParaphraseClaimScorer.MinMutualOverlap, $"mutual {meetings.Mutual:F2}");
        Assert.True(_model.Score(AlJazeeraMeetings, OtherMeetings).Probability >= new AlignerOptions().MinProbability);
        Assert.True(WeightedOverlap.Measure(_model.View(RussiaMeeting), _model.View(OtherMeetings)).Mutual < ParaphraseClaimScorer.MinMutualOverlap);
        Assert.True(WeightedOverlap.Measure(_model.View(AlJazeeraMeetings), _model.View(ImportBans)).Mutual < ParaphraseClaimScorer.MinMutualOverlap);
    }

    [Fact]
    public void Sentences_about_different_facts_of_the_story_are_not_paraphrases()
    {
        Assert.False(_model.Score(RussiaMeeting, ImportBans).IsParaphrase);
        Assert.False(_model.Score(AlJazeeraMeetings, ImportBans).IsParaphrase);
        Assert.False(_model.Score(RussiaMeeting, OtherMeetings).IsParaphrase);
    }

    [Fact]
    public void A_sentence_is_a_paraphrase_of_itself()
    {
        Assert.True(_model.Score(ImportBans, ImportBans).Probability > 0.9f);
    }

    [Fact]
    public void Scores_do_not_depend_on_the_order_of_the_sentences()
    {
        var ab = _model.Score(AlJazeeraMeetings, OtherMeetings);
        var ba = _model.Score(OtherMeetings, AlJazeeraMeetings);
        Assert.Equal(ab.Probability, ba.Probability, 5);
    }

    [Fact]
    public void Contributions_explain_the_log_odds()
    {
        var score = _model.Score(AlJazeeraMeetings, OtherMeetings);
        Assert.Equal(PairFeatures.Count, score.Contributions.Count);
        Assert.True(Math.Abs(score.Contributions[0].Contribution) >= Math.Abs(score.Contributions[^1].Contribution));
        float sum = score.Contributions.Sum(c => c.Contribution);
        var bare = _model.Score(ImportBans, ImportBans);
        // the bias is the same for every pair: differences of log-odds equal differences of contribution sums
        float bareSum = bare.Contributions.Sum(c => c.Contribution);
        Assert.Equal(score.LogOdds - bare.LogOdds, sum - bareSum, 2);
    }

    [Fact]
    public void A_changed_number_lowers_the_probability()
    {
        const string a = "Police said 12 people were killed in the attack on Sunday.";
        const string b = "Police said 12 people died in Sunday's attack.";
        const string c = "Police said 15 people died in Sunday's attack.";
        Assert.True(_model.Score(a, c).Probability < _model.Score(a, b).Probability);
    }

    [Fact]
    public void Document_sentences_are_viewed_through_their_token_layer()
    {
        var doc = fixture.Samples[0];
        int s = fixture.Sentence(0, "Tillerson will hold talks");
        var view = _model.View(doc, s);
        Assert.Equal(AlJazeeraMeetings, view.Text);
        Assert.Equal(doc.Get(Layers.Sentences)[s].Range, view.Range);
        Assert.Equal(_model.Score(AlJazeeraMeetings, OtherMeetings).Probability, _model.Score(view, _model.View(OtherMeetings)).Probability, 4);
    }

    [Fact]
    public void A_saved_model_loads_back_with_the_same_scores()
    {
        var pairs = MsrpReader.Read(RepoPaths.DataFile("msrp", "msr_paraphrase_train.txt")).Take(300).ToList();
        var model = ParaphraseModel.Train(pairs, _model.Lexicon, new BoostingOptions { Trees = 20 });
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = ParaphraseModel.Load(stream, _model.Lexicon);
        Assert.Equal(model.Score(AlJazeeraMeetings, OtherMeetings).Probability, loaded.Score(AlJazeeraMeetings, OtherMeetings).Probability, 6);
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_refused_with_a_model_error()
    {
        using var stream = new MemoryStream([1, 2, 3, 4]);
        var ex = Assert.Throws<ParallaxException>(() => ParaphraseModel.Load(stream, _model.Lexicon));
        Assert.Equal(ErrorCodes.ModelFormat, ex.Code);
    }
}
