using Parallax.Core;

namespace Parallax.Nlp.Entities;

/// <summary>Precision, recall and F1 of one entity type or overall.</summary>
public sealed record PrfScore(int Gold, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>CoNLL entity-level scores: an entity counts when its span and type are exactly right.</summary>
public sealed record NerScores(PrfScore Overall, IReadOnlyDictionary<string, PrfScore> ByType, int Documents, int Tokens)
{
    public static NerScores Compute(IEnumerable<(IReadOnlyList<(int Start, int End, EntityType Type)> Gold, IReadOnlyList<(int Start, int End, EntityType Type)> Predicted, int Tokens)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var gold = new int[NerTags.TypeCount];
        var pred = new int[NerTags.TypeCount];
        var correct = new int[NerTags.TypeCount];
        int docs = 0, tokens = 0;
        foreach (var (g, p, n) in documents)
        {
            docs++;
            tokens += n;
            var goldSet = new HashSet<(int, int, EntityType)>(g);
            foreach (var e in g)
            {
                gold[(int)e.Type]++;
            }

            foreach (var e in p)
            {
                pred[(int)e.Type]++;
                if (goldSet.Contains(e))
                {
                    correct[(int)e.Type]++;
                }
            }
        }

        var byType = new SortedDictionary<string, PrfScore>(StringComparer.Ordinal);
        for (int t = 0; t < NerTags.TypeCount; t++)
        {
            byType[((EntityType)t).ToConll()] = new PrfScore(gold[t], pred[t], correct[t]);
        }

        return new NerScores(new PrfScore(gold.Sum(), pred.Sum(), correct.Sum()), byType, docs, tokens);
    }
}
