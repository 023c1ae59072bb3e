using Parallax.Stories.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

public class ClusteringEvalDataTests
{
    [Fact]
    public void EcbPlus_gold_is_the_topic_and_the_file_suffix()
    {
        var articles = ClusterEvalData.ReadEcbPlus(RepoPaths.DataFile("ecbplus"), 1, 1);
        Assert.Equal(["1ecb", "1ecbplus"], articles.Select(a => a.Gold).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(articles.Count, articles.Select(a => a.Article.Id).Distinct().Count());

        // the URL line is not text; the title is the headline, not a dateline; no annotation leaks in
        var plus = articles.Single(a => a.Source == "1_10ecbplus.xml").Article;
        Assert.Equal("Lindsay Lohan checks into Betty Ford Center", plus.Title);
        Assert.Equal("articles.latimes.com", plus.Outlet);
        Assert.DoesNotContain("http", plus.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("ACTION_", plus.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Newsplease_gold_is_the_category_when_there_is_no_event_id()
    {
        var articles = ClusterEvalData.ReadNewsPlease(RepoPaths.DataFile("newsplease-5w1h"));
        Assert.Equal(58, articles.Count);
        Assert.Contains(articles, a => a.Gold == "toberone-gate");
        Assert.All(articles.Where(a => a.Gold.StartsWith("toberone", StringComparison.Ordinal)), a => Assert.Contains("Toblerone", a.Article.Title + a.Article.Text, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(57, articles.Count(a => a.Article.Published is not null));
    }

    [Fact]
    public void The_two_rehab_stories_of_ecb_topic_one_come_out_apart()
    {
        var extractor = new TextFeatureExtractor(BackgroundFrequencies.Embedded);
        var articles = ClusterEvalData.ReadEcbPlus(RepoPaths.DataFile("ecbplus"), 1, 1)
            .Select(a => (extractor.Extract(a.Article), a.Gold)).ToList();
        var report = ClusterEvaluation.Run(articles, ClusteringOptions.Default, BackgroundFrequencies.Embedded, seeds: 2);
        Assert.True(report.BCubed.Precision > 0.9, $"BCubed precision {report.BCubed.Precision:0.000}");
        Assert.True(report.BCubedF1 > 0.8, $"BCubed F1 {report.BCubedF1:0.000}");
    }
}
