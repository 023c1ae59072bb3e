using Parallax.Core;

namespace Parallax.Stories.Claims;

/// <summary>A group of claim units that say the same thing, with its status.</summary>
public sealed class ClaimGroup
{
    public required List<ClaimUnit> Units { get; init; }

    public required string Status { get; set; }

    public List<ClaimDifference> Differences { get; } = [];

    /// <summary>Lowest alignment score that joined the group (1 for a single unit).</summary>
    public double Confidence { get; set; } = 1;

    public ClaimUnit Representative { get; set; } = null!;

    public int Voices => Units.Select(u => u.Voice).Distinct(StringComparer.Ordinal).Count();

    public double Position => Units.Min(u => u.Position);
}

/// <param name="Kind">number, date or polarity.</param>
/// <param name="Relation">conflict or refinement.</param>
/// <param name="A">The unit of one side.</param>
/// <param name="ATerm">What it says (the number or date phrase).</param>
public sealed record ClaimDifference(string Kind, string Relation, ClaimUnit A, string ATerm, ClaimUnit B, string BTerm, string Explanation);

/// <summary>
/// Aligns the claim units of a story's articles and groups them into claims: for each pair of independent voices,
/// each unit is linked to its best match in the other voice when the score reaches <see cref="Threshold"/>; linked
/// units form a claim. A claim carried by two or more voices is consensus, unless its numbers, dates or polarity
/// disagree (conflict) or one is more precise than the other (refinement); a claim of one voice is single.
/// </summary>
public sealed class ClaimBuilder(IClaimScorer scorer, double threshold = ClaimBuilder.DefaultThreshold)
{
    public const double DefaultThreshold = 0.42;

    /// <summary>Two units are compared only when the words they share weigh at least this share of the smaller one.</summary>
    public const double MinSharedWeight = 0.15;

    /// <summary>Words in more units than this (or a quarter of all units, if more) are not used to find candidates.</summary>
    public const int MaxPostingFloor = 64;

    public double Threshold { get; } = threshold;

    public List<ClaimGroup> Build(IReadOnlyList<ClaimUnit> units)
    {
        var context = new ClaimContext(units);
        var parent = Enumerable.Range(0, units.Count).ToArray();
        var edgeScore = new Dictionary<(int, int), double>();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        // candidates: units of different articles that share enough weighted words (an inverted index, so the cost
        // grows with shared words, not with the square of the number of units); only they are scored
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < units.Count; i++)
        {
            foreach (var stem in units[i].Stems)
            {
                if (!postings.TryGetValue(stem, out var list))
                {
                    postings[stem] = list = [];
                }

                list.Add(i);
            }
        }

        var weights = units.Select(context.Weight).ToArray();
        int maxPosting = Math.Max(MaxPostingFloor, units.Count / 4);
        var best = new Dictionary<(int Unit, long OtherArticle), (int Other, double Score)>();
        var shared = new Dictionary<int, double>();
        for (int i = 0; i < units.Count; i++)
        {
            shared.Clear();
            foreach (var stem in units[i].Stems)
            {
                var list = postings[stem];
                if (list.Count > maxPosting)
                {
                    continue; // a word in most units tells nothing
                }

                double idf = context.Idf(stem);
                foreach (var j in list)
                {
                    if (j > i && units[j].Article != units[i].Article)
                    {
                        shared[j] = shared.GetValueOrDefault(j) + idf;
                    }
                }
            }

            foreach (var (j, weight) in shared)
            {
                if (weight < MinSharedWeight * Math.Min(weights[i], weights[j]))
                {
                    continue;
                }

                double score = Score(units[i], units[j], context);
                if (score < Threshold)
                {
                    continue;
                }

                Keep((i, units[j].Article), j, score);
                Keep((j, units[i].Article), i, score);
            }
        }

        void Keep((int, long) key, int other, double score)
        {
            if (!best.TryGetValue(key, out var current) || score > current.Score)
            {
                best[key] = (other, score);
            }
        }

        // each unit joins its best match in each other article, strongest links first; a claim holds at most one unit
        // of each article, so a chain of weaker links cannot pull two statements of one article into one claim
        var articlesOf = Enumerable.Range(0, units.Count).Select(i => new HashSet<long> { units[i].Article }).ToArray();
        var edges = best.Select(kv => (A: Math.Min(kv.Key.Unit, kv.Value.Other), B: Math.Max(kv.Key.Unit, kv.Value.Other), kv.Value.Score))
            .Distinct()
            .OrderByDescending(e => e.Score)
            .ThenBy(e => e.A)
            .ThenBy(e => e.B);
        foreach (var (ua, ub, score) in edges)
        {
            int ra = Find(ua), rb = Find(ub);
            if (ra == rb || articlesOf[ra].Overlaps(articlesOf[rb]))
            {
                continue;
            }

            edgeScore[(ua, ub)] = score;
            parent[ra] = rb;
            articlesOf[rb].UnionWith(articlesOf[ra]);
        }

        var groups = new List<ClaimGroup>();
        foreach (var g in Enumerable.Range(0, units.Count).GroupBy(Find))
        {
            var members = g.ToList();
            var group = new ClaimGroup { Units = members.Select(i => units[i]).ToList(), Status = "single" };
            double confidence = 1;
            foreach (var ((a, b), s) in edgeScore)
            {
                if (Find(a) == g.Key)
                {
                    confidence = Math.Min(confidence, s);
                }
            }

            group.Confidence = confidence;
            group.Representative = members.Count == 1
                ? units[members[0]]
                : members.Select(i => units[i])
                    .OrderByDescending(u => u.IsWholeSentence || char.IsUpper(u.Text[0]))
                    .ThenByDescending(u => members.Sum(j => units[j] == u ? 0 : Score(u, units[j], context)))
                    .ThenBy(u => u.Position)
                    .ThenBy(u => u.Text.Length)
                    .First();
            Classify(group);
            groups.Add(group);
        }

        return groups.OrderBy(g => g.Position).ThenBy(g => g.Units[0].Article).ToList();
    }

    /// <summary>Attributions are compared by what was said when both carry it.</summary>
    private double Score(ClaimUnit a, ClaimUnit b, ClaimContext context) =>
        a.Said is { } sa && b.Said is { } sb ? scorer.Score(sa, sb, context) : scorer.Score(a, b, context);

    private static void Classify(ClaimGroup group)
    {
        if (group.Voices < 2)
        {
            group.Status = "single";
            return;
        }

        var units = group.Units;
        for (int i = 0; i < units.Count; i++)
        {
            for (int j = i + 1; j < units.Count; j++)
            {
                if (string.Equals(units[i].Voice, units[j].Voice, StringComparison.Ordinal))
                {
                    continue;
                }

                group.Differences.AddRange(Compare(units[i], units[j]));
            }
        }

        group.Status = group.Differences.Any(d => d.Relation == "conflict") ? "conflict"
            : group.Differences.Any(d => d.Relation == "refinement") ? "refinement"
            : "consensus";
    }

    /// <summary>What differs between two aligned units: numbers, dates and polarity.</summary>
    public static IEnumerable<ClaimDifference> Compare(ClaimUnit a, ClaimUnit b)
    {
        // numbers: pair each quantity with the closest comparable one on the other side
        foreach (var qa in a.Quantities)
        {
            Quantity? best = null;
            double bestGap = double.MaxValue;
            foreach (var qb in b.Quantities)
            {
                if (!Comparable(qa, qb))
                {
                    continue;
                }

                double gap = Math.Abs(Math.Log(Math.Max(qa.Value, 1e-9)) - Math.Log(Math.Max(qb.Value, 1e-9)));
                if (gap < bestGap)
                {
                    bestGap = gap;
                    best = qb;
                }
            }

            if (best is not Quantity other || SameAmount(qa, other))
            {
                continue;
            }

            var ta = qa.Range.Of(TextOf(a));
            var tb = other.Range.Of(TextOf(b));
            if (Contains(qa, other) || Contains(other, qa))
            {
                yield return new ClaimDifference("number", "refinement", a, ta, b, tb, $"\"{ta}\" and \"{tb}\": one range holds the other");
            }
            else
            {
                yield return new ClaimDifference("number", "conflict", a, ta, b, tb, $"\"{ta}\" against \"{tb}\"");
            }
        }

        // dates: compare when both sides resolved a date; a narrower interval inside a wider one is a refinement
        var da = a.Times.Where(t => t.Start is not null && t.End is not null).ToList();
        var db = b.Times.Where(t => t.Start is not null && t.End is not null).ToList();
        if (da.Count > 0 && db.Count > 0)
        {
            bool anyAgree = false;
            var refinements = new List<ClaimDifference>();
            foreach (var x in da)
            {
                foreach (var y in db)
                {
                    if (x.Start == y.Start && x.End == y.End)
                    {
                        anyAgree = true;
                        continue;
                    }

                    bool xInY = x.Start >= y.Start && x.End <= y.End;
                    bool yInX = y.Start >= x.Start && y.End <= x.End;
                    if (xInY || yInX)
                    {
                        var tx = x.Range.Of(TextOf(a));
                        var ty = y.Range.Of(TextOf(b));
                        var precise = xInY ? tx : ty;
                        refinements.Add(new ClaimDifference("date", "refinement", a, tx, b, ty, $"\"{precise}\" is more precise than \"{(xInY ? ty : tx)}\""));
                    }
                }
            }

            foreach (var r in refinements)
            {
                yield return r;
            }

            if (!anyAgree && refinements.Count == 0 && da.Count == 1 && db.Count == 1 && da[0].Granularity == db[0].Granularity)
            {
                var tx = da[0].Range.Of(TextOf(a));
                var ty = db[0].Range.Of(TextOf(b));
                yield return new ClaimDifference("date", "conflict", a, tx, b, ty, $"\"{tx}\" ({da[0].Start:yyyy-MM-dd}) against \"{ty}\" ({db[0].Start:yyyy-MM-dd})");
            }
        }

        // polarity: only for near-identical statements of similar length, where a lone negation flips the meaning
        if (a.Negated != b.Negated && Math.Min(a.ContentWords, b.ContentWords) >= 0.7 * Math.Max(a.ContentWords, b.ContentWords) &&
            a.Stems.Count(s => Array.IndexOf(b.Stems, s) >= 0) >= 0.7 * Math.Min(a.ContentWords, b.ContentWords))
        {
            var neg = a.Negated ? a : b;
            yield return new ClaimDifference("polarity", "conflict", a, a.Negated ? "negated" : "affirmed", b, b.Negated ? "negated" : "affirmed",
                $"{neg.Outlet} states it in the negative");
        }
    }

    private static string TextOf(ClaimUnit u) => u.SourceText;

    private static bool Comparable(Quantity a, Quantity b) =>
        a.Kind == b.Kind && a.Kind != QuantityKind.Ordinal &&
        string.Equals(a.Currency, b.Currency, StringComparison.Ordinal) &&
        string.Equals(a.Unit is null ? null : Lexicon.Stem(a.Unit), b.Unit is null ? null : Lexicon.Stem(b.Unit), StringComparison.Ordinal);

    private static bool SameAmount(Quantity a, Quantity b)
    {
        double tolerance = a.Approximate || b.Approximate ? 0.1 : 0.005;
        return Math.Abs(a.Value - b.Value) <= tolerance * Math.Max(Math.Abs(a.Value), Math.Abs(b.Value)) &&
               Math.Abs((a.ValueMax ?? a.Value) - (b.ValueMax ?? b.Value)) <= tolerance * Math.Max(Math.Abs(a.ValueMax ?? a.Value), Math.Abs(b.ValueMax ?? b.Value));
    }

    private static bool Contains(Quantity outer, Quantity inner) =>
        outer.ValueMax is double max && inner.Value >= outer.Value && (inner.ValueMax ?? inner.Value) <= max;
}
