using Parallax.Stories.Clustering;

namespace Parallax.Stories.Tests;

public class ClusteringMetricsTests
{
    [Fact]
    public void A_perfect_clustering_scores_one()
    {
        var bc = ClusterMetrics.BCubed([1, 1, 2], ["a", "a", "b"]);
        Assert.Equal(1.0, bc.Precision, 9);
        Assert.Equal(1.0, bc.Recall, 9);
    }

    [Fact]
    public void BCubed_averages_per_item_precision_and_recall()
    {
        // predicted {x1 x2 y1} {y2}: x1, x2 have precision 2/3, y1 1/3, y2 1; recall x 1, y 1/2
        var bc = ClusterMetrics.BCubed([1, 1, 1, 2], ["x", "x", "y", "y"]);
        Assert.Equal(((2.0 / 3) + (2.0 / 3) + (1.0 / 3) + 1) / 4, bc.Precision, 9);
        Assert.Equal((1 + 1 + 0.5 + 0.5) / 4, bc.Recall, 9);
    }

    [Fact]
    public void Pairwise_counts_pairs_placed_together()
    {
        // predicted pairs: (x1 x2) (x1 y1) (x2 y1): 1 correct; gold pairs (x1 x2) (y1 y2)
        var pw = ClusterMetrics.Pairwise([1, 1, 1, 2], ["x", "x", "y", "y"]);
        Assert.Equal(1.0 / 3, pw.Precision, 9);
        Assert.Equal(0.5, pw.Recall, 9);
    }

    [Fact]
    public void Arrival_order_is_by_publication_time_with_undated_articles_last()
    {
        var t0 = new DateTimeOffset(2016, 11, 9, 0, 0, 0, TimeSpan.Zero);
        var order = ClusterEvaluation.ArrivalOrder([t0.AddDays(2), null, t0, t0.AddDays(1)], seed: 3);
        Assert.Equal([2, 3, 0, 1], order);
    }

    [Fact]
    public void Shuffled_orders_depend_only_on_the_seed()
    {
        var undated = new DateTimeOffset?[20];
        Assert.Equal(ClusterEvaluation.ArrivalOrder(undated, 5), ClusterEvaluation.ArrivalOrder(undated, 5));
        Assert.NotEqual(ClusterEvaluation.ArrivalOrder(undated, 5), ClusterEvaluation.ArrivalOrder(undated, 6));
    }
}
