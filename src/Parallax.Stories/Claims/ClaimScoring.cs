namespace Parallax.Stories.Claims;

/// <summary>Story-level word weights: a stem that every unit of the story uses says little about which claim a unit makes.</summary>
public sealed class ClaimContext
{
    private readonly Dictionary<string, double> _idf;
    private readonly double _maxIdf;

    public ClaimContext(IReadOnlyList<ClaimUnit> units)
    {
        Units = units;
        var df = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            foreach (var s in u.Stems)
            {
                df[s] = df.GetValueOrDefault(s) + 1;
            }
        }

        int n = Math.Max(1, units.Count);
        _idf = df.ToDictionary(kv => kv.Key, kv => Math.Log(1.0 + (double)n / kv.Value), StringComparer.Ordinal);
        _maxIdf = Math.Log(1.0 + n);
    }

    /// <summary>The units of the story the weights were counted over.</summary>
    public IReadOnlyList<ClaimUnit> Units { get; }

    public double Idf(string stem) => _idf.TryGetValue(stem, out var v) ? v : _maxIdf;

    /// <summary>The weight of a word no unit of the story has: the story's highest.</summary>
    public double MaxIdf => _maxIdf;

    public double Weight(ClaimUnit unit)
    {
        double w = 0;
        foreach (var s in unit.Stems)
        {
            w += Idf(s);
        }

        return w;
    }
}

/// <summary>How likely two claim units state the same thing, in [0, 1].</summary>
public interface IClaimScorer
{
    double Score(ClaimUnit a, ClaimUnit b, ClaimContext context);
}

/// <summary>
/// Weighted word overlap: the average of containment (shared weight over the smaller unit's weight) and Dice, with a
/// bonus for shared entities. Containment lets a short report match the longer sentence that includes it.
/// </summary>
public sealed class LexicalClaimScorer : IClaimScorer
{
    public double Score(ClaimUnit a, ClaimUnit b, ClaimContext context)
    {
        if (a.Stems.Length == 0 || b.Stems.Length == 0)
        {
            return 0;
        }

        double wa = context.Weight(a), wb = context.Weight(b), shared = 0;
        var small = a.Stems.Length <= b.Stems.Length ? a : b;
        var large = ReferenceEquals(small, a) ? b : a;
        foreach (var s in small.Stems)
        {
            if (Array.IndexOf(large.Stems, s) >= 0)
            {
                shared += context.Idf(s);
            }
        }

        double containment = shared / Math.Max(1e-9, Math.Min(wa, wb));
        double dice = 2 * shared / Math.Max(1e-9, wa + wb);
        int sharedEntities = a.Entities.Count(b.Entities.Contains);
        int minEntities = Math.Min(a.Entities.Count, b.Entities.Count);
        double entity = minEntities == 0 ? 0 : (double)sharedEntities / minEntities;
        // short units (few content words) must overlap more to count
        double shortPenalty = Math.Min(small.Stems.Length, 6) / 6.0;
        return Math.Clamp((0.45 * containment + 0.35 * dice + 0.20 * entity) * (0.6 + 0.4 * shortPenalty), 0, 1);
    }
}
