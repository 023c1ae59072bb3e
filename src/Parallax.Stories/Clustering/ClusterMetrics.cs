namespace Parallax.Stories.Clustering;

public readonly record struct PrecisionRecall(double Precision, double Recall)
{
    public double F1 => Precision + Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0;
}

/// <summary>Clustering quality against gold labels: BCubed (per item, averaged) and pairwise (over all same-cluster pairs).</summary>
public static class ClusterMetrics
{
    /// <summary>BCubed precision and recall: for each item, the share of its predicted cluster that is in its gold cluster, and the share of its gold cluster that is in its predicted cluster.</summary>
    public static PrecisionRecall BCubed<TPred, TGold>(IReadOnlyList<TPred> predicted, IReadOnlyList<TGold> gold)
        where TPred : notnull
        where TGold : notnull
    {
        Check(predicted.Count, gold.Count);
        if (predicted.Count == 0)
        {
            return new PrecisionRecall(0, 0);
        }

        var (cells, predSize, goldSize) = Contingency(predicted, gold);
        double p = 0, r = 0;
        for (int i = 0; i < predicted.Count; i++)
        {
            double both = cells[(predicted[i], gold[i])];
            p += both / predSize[predicted[i]];
            r += both / goldSize[gold[i]];
        }

        return new PrecisionRecall(p / predicted.Count, r / predicted.Count);
    }

    /// <summary>Pairwise precision and recall over unordered pairs of items placed together.</summary>
    public static PrecisionRecall Pairwise<TPred, TGold>(IReadOnlyList<TPred> predicted, IReadOnlyList<TGold> gold)
        where TPred : notnull
        where TGold : notnull
    {
        Check(predicted.Count, gold.Count);
        var (cells, predSize, goldSize) = Contingency(predicted, gold);
        static double Pairs(double n) => n * (n - 1) / 2;
        double tp = cells.Values.Sum(c => Pairs(c));
        double predPairs = predSize.Values.Sum(c => Pairs(c));
        double goldPairs = goldSize.Values.Sum(c => Pairs(c));
        return new PrecisionRecall(predPairs > 0 ? tp / predPairs : 1, goldPairs > 0 ? tp / goldPairs : 1);
    }

    private static void Check(int a, int b)
    {
        if (a != b)
        {
            throw new ArgumentException($"Predicted ({a}) and gold ({b}) labels differ in length.");
        }
    }

    private static (Dictionary<(TPred, TGold), int> Cells, Dictionary<TPred, int> PredSize, Dictionary<TGold, int> GoldSize) Contingency<TPred, TGold>(IReadOnlyList<TPred> predicted, IReadOnlyList<TGold> gold)
        where TPred : notnull
        where TGold : notnull
    {
        var cells = new Dictionary<(TPred, TGold), int>();
        var predSize = new Dictionary<TPred, int>();
        var goldSize = new Dictionary<TGold, int>();
        for (int i = 0; i < predicted.Count; i++)
        {
            cells[(predicted[i], gold[i])] = cells.GetValueOrDefault((predicted[i], gold[i])) + 1;
            predSize[predicted[i]] = predSize.GetValueOrDefault(predicted[i]) + 1;
            goldSize[gold[i]] = goldSize.GetValueOrDefault(gold[i]) + 1;
        }

        return (cells, predSize, goldSize);
    }
}
