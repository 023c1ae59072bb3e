using System.Diagnostics;
using Parallax.Core;
using Parallax.Stories.Alignment;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

[Collection(AlignmentCollection.Name)]
public class AlignmentAlignerTests(AlignmentFixture fixture)
{
    [Fact]
    public void Both_outlets_reports_of_the_Saturday_meetings_are_aligned()
    {
        var pairs = new SentenceAligner(fixture.Model).Align(fixture.Samples);
        int meetings0 = fixture.Sentence(0, "Tillerson will hold talks with China");
        int meetings1 = fixture.Sentence(1, "On Saturday, he was scheduled to meet");
        Assert.Contains(pairs, p => p.A == new SentenceRef(0, meetings0) && p.B == new SentenceRef(1, meetings1));
    }

    [Fact]
    public void What_only_one_outlet_reports_is_not_aligned()
    {
        var pairs = new SentenceAligner(fixture.Model).Align(fixture.Samples);
        // Russia's offer is only in the first article; the import bans and the trade surplus only in the second
        int russia = fixture.Sentence(0, "Moscow, meanwhile, is prepared to work with Pyongyang");
        int bans = fixture.Sentence(1, "China has also banned imports");
        int surplus = fixture.Sentence(1, "Mr Tillerson is also expected to restate concerns");
        Assert.DoesNotContain(pairs, p => p.A == new SentenceRef(0, russia));
        Assert.DoesNotContain(pairs, p => p.B == new SentenceRef(1, bans) || p.B == new SentenceRef(1, surplus));
    }

    [Fact]
    public void Pairs_point_at_sentences_of_different_articles_in_input_order()
    {
        var pairs = new SentenceAligner(fixture.Model).Align(fixture.Samples);
        Assert.NotEmpty(pairs);
        foreach (var p in pairs)
        {
            Assert.NotEqual(p.A.Article, p.B.Article);
            Assert.True(p.A.CompareTo(p.B) < 0);
            Assert.InRange(p.Probability, new AlignerOptions().MinProbability, 1f);
        }
    }

    [Fact]
    public void Identical_sentences_in_two_articles_align_with_certainty()
    {
        var model = fixture.Model;
        var s = "China has also banned imports of North Korean coal, iron and lead ore, and seafood since early September.";
        var articles = new IReadOnlyList<SentenceView>[]
        {
            [model.View(s), model.View("The weather in Beijing was mild for the season.")],
            [model.View("Officials declined to comment on the talks."), model.View(s)],
        };
        var pairs = new SentenceAligner(model).Align(articles);
        var pair = Assert.Single(pairs);
        Assert.Equal(new SentenceRef(0, 0), pair.A);
        Assert.Equal(new SentenceRef(1, 1), pair.B);
        Assert.Equal(1f, pair.Probability);
    }

    [Fact]
    public void A_story_of_50_articles_of_30_sentences_aligns_in_well_under_a_few_seconds_and_finds_its_paraphrases()
    {
        var model = fixture.Model;
        var data = MsrpReader.Read(RepoPaths.DataFile("msrp", "msr_paraphrase_train.txt"));
        var (story, gold) = AlignmentEvaluation.Build(data, 50, 30, seed: 7);
        var views = story.Select(a => (IReadOnlyList<SentenceView>)a.Select(model.View).ToArray()).ToArray();
        Assert.InRange(views.Sum(v => v.Count), 1490, 1500);
        var aligner = new SentenceAligner(model);
        aligner.Align(views); // warm up
        var watch = Stopwatch.StartNew();
        var pairs = aligner.Align(views);
        watch.Stop();

        int positives = gold.Count(g => g.Value);
        int found = pairs.Count(p => gold.TryGetValue((p.A, p.B), out bool label) && label);
        Assert.True(found >= 0.85 * positives, $"found {found} of {positives} paraphrase pairs");
        // the machine is shared by several builds: the bound is loose; 'parallax eval alignment' measures it
        Assert.True(watch.ElapsedMilliseconds < 5000, $"aligned in {watch.ElapsedMilliseconds} ms");
    }
}
