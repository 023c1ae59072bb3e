using Parallax.Ingestion.Dedup;

namespace Parallax.Ingestion.Tests;

public class FingerprintTests
{
    private static string Body(string path) => TestInputs.Single(TestInputs.Read(path)).Body;

    [Fact]
    public void Independent_reports_of_one_event_are_not_copies()
    {
        var a = ArticleFingerprint.Of(Body(TestInputs.Sample000));
        var b = ArticleFingerprint.Of(Body(TestInputs.Sample003));
        Assert.False(a.IsCopyOf(b));
        Assert.True(a.EstimateJaccard(b) < 0.1, $"jaccard {a.EstimateJaccard(b)}");
        Assert.Empty(a.BandKeys.Intersect(b.BandKeys));
    }

    [Fact]
    public void A_lightly_edited_wire_story_is_a_copy()
    {
        var original = Body(TestInputs.Sample003);
        var paragraphs = original.Split("\n\n").ToList();

        // another site: its own headline line, a few words changed, the last two paragraphs dropped, one added
        var edited = paragraphs.Take(paragraphs.Count - 2)
            .Select(p => p.Replace("Mr Tillerson", "Tillerson", StringComparison.Ordinal).Replace("Washington", "the US", StringComparison.Ordinal))
            .Prepend("Additional reporting by our Asia correspondent.")
            .ToList();
        var a = ArticleFingerprint.Of(original);
        var b = ArticleFingerprint.Of(string.Join("\n\n", edited));
        Assert.True(a.IsCopyOf(b), $"jaccard {a.EstimateJaccard(b):F2}, containment {a.EstimateContainment(b):F2}");
        Assert.NotEqual(a.ContentHash, b.ContentHash);
        Assert.NotEmpty(a.BandKeys.Intersect(b.BandKeys));
    }

    [Fact]
    public void The_same_text_with_other_whitespace_and_case_has_the_same_hash()
    {
        var a = ArticleFingerprint.Of("US Secretary of State Rex Tillerson will hold talks.\n\nIn China.");
        var b = ArticleFingerprint.Of("  us secretary of state rex tillerson   will hold talks. In China. ");
        Assert.Equal(a.ContentHash, b.ContentHash);
    }

    [Fact]
    public void Signatures_survive_storage()
    {
        var a = ArticleFingerprint.Of(Body(TestInputs.Sample000));
        var back = ArticleFingerprint.FromStored(a.ContentHash, a.SignatureBytes(), a.ShingleCount);
        Assert.Equal(a.MinHash, back.MinHash);
        Assert.Equal(a.BandKeys, back.BandKeys);
        Assert.Equal(1.0, a.EstimateJaccard(back));
    }
}
