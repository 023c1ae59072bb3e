using System.Runtime.InteropServices;

namespace Parallax.Stories.Clustering;

/// <summary>
/// Revisions: the placements of the most recent articles (<see cref="ClusteringOptions.RevisableArticles"/>) are not
/// final. When a later article starts or grows a story, the recent members of its neighbouring stories are scored
/// against it and against the rest of their own story; one that now fits the new story better moves there. This
/// repairs the commonest online mistake: the first report of a second, similar event joins the first event's story
/// because nothing of its own event had arrived yet. Each move is returned as a revised placement with its reasons.
/// The cost is bounded: a few neighbouring stories, a few recent members each.
/// </summary>
public sealed partial class StoryClusterer
{
    private readonly Dictionary<long, Recent> _recent = new();
    private readonly Queue<long> _recentOrder = new();
    private readonly List<PlacementExplanation> _revisions = [];

    /// <summary>What the clusterer keeps of a recent article so that its placement can be revised.</summary>
    private sealed class Recent(long id, string title, ArticleVectors vectors, DateTimeOffset? published, string? outlet, (int Id, bool Entity)[] keys)
    {
        public long Id { get; } = id;

        public string Title { get; } = title;

        public ArticleVectors Vectors { get; } = vectors;

        public DateTimeOffset? Published { get; } = published;

        public string? Outlet { get; } = outlet;

        /// <summary>The article's index keys (posted for any story it moves to).</summary>
        public (int Id, bool Entity)[] Keys { get; } = keys;

        /// <summary>Syndicated copies of this article: they move with it.</summary>
        public List<long>? Copies { get; set; }
    }

    /// <summary>Articles whose placement can still be revised.</summary>
    public int RevisableCount => _recent.Count;

    private void Remember(ArticleFeatures article, ArticleVectors v, List<(int Id, float Weight, bool Entity)> indexKeys)
    {
        if (Options.RevisableArticles <= 0)
        {
            return;
        }

        var keys = new (int Id, bool Entity)[indexKeys.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = (indexKeys[i].Id, indexKeys[i].Entity);
        }

        _recent[article.Id] = new Recent(article.Id, article.Title, v, article.Published, article.Outlet, keys);
        _recentOrder.Enqueue(article.Id);
        while (_recentOrder.Count > Options.RevisableArticles)
        {
            // its placement is final from now on
            _recent.Remove(_recentOrder.Dequeue());
        }
    }

    /// <summary>The most recent members of a story whose placement can be revised, newest first.</summary>
    private List<Recent> RevisableMembers(Story story, int limit)
    {
        var list = new List<Recent>(Math.Min(limit, story.Members.Count));
        var members = story.Members;
        int scanned = 0;
        for (int i = members.Count - 1; i >= 0 && list.Count < limit && scanned < 4 * limit; i--, scanned++)
        {
            if (_recent.TryGetValue(members[i], out var r))
            {
                list.Add(r);
            }
        }

        return list;
    }

    /// <summary>Moves recent members of the stories neighbouring <paramref name="target"/> that now fit it better.</summary>
    private List<StoryMove> Reconsider(Story target, long trigger, List<(Story Story, double Score, ScoreBreakdown Breakdown)> scored, List<StoryMerge> merges)
    {
        _revisions.Clear();
        var moves = new List<StoryMove>();
        if (Options.RevisableArticles <= 0 || Options.ReconsiderStories <= 0)
        {
            return moves;
        }

        int examined = 0;
        foreach (var (other, score, _) in scored)
        {
            if (examined >= Options.ReconsiderStories || score < Options.ReconsiderFloor)
            {
                break;
            }

            if (other == target || !_stories.TryGetValue(other.Id, out var live) || live != other)
            {
                continue;
            }

            examined++;
            foreach (var member in RevisableMembers(other, Options.ReconsiderMembers))
            {
                if (member.Id == trigger)
                {
                    continue;
                }

                // most members do not fit the new story at all: only those that do are scored against their own
                var (go, goParts) = Score(member.Vectors, member.Published, target);
                if (go < Options.JoinThreshold)
                {
                    continue;
                }

                var (stay, _) = Score(member.Vectors, member.Published, other, exclude: true);
                if (go < stay + Options.MoveMargin)
                {
                    continue;
                }

                var move = new StoryMove(member.Id, other.Id, target.Id, trigger, stay, go, goParts);
                moves.Add(move);
                _revisions.Add(MovedExplanation(member, move, other, target));
                if (Move(member, other, target) is StoryMerge emptied)
                {
                    merges.Add(emptied with { BridgingArticle = trigger });
                    break;
                }
            }
        }

        return moves;
    }

    /// <summary>
    /// Splits a story whose recent members form two clearly separate groups: the group that fits the story as a whole
    /// less well leaves to a new story (named after its earliest member). Returns the moves.
    /// </summary>
    private List<StoryMove> TrySplit(Story story, long trigger)
    {
        var moves = new List<StoryMove>();
        if (Options.RevisableArticles <= 0 || Options.SplitMargin >= 1 || story.Weighted < 2 * Options.SplitMinGroup)
        {
            return moves;
        }

        var members = RevisableMembers(story, Options.SplitMembers);
        if (members.Count < 2 * Options.SplitMinGroup)
        {
            return moves;
        }

        var split = AverageLinkSplit(members);
        if (split is null || split.Margin < Options.SplitMargin || Math.Min(split.A.Count, split.B.Count) < Options.SplitMinGroup)
        {
            return moves;
        }

        // the half closer to the story as a whole keeps it
        var leaving = StoryPairScore(split.ProfileA, story) >= StoryPairScore(split.ProfileB, story) ? split.B : split.A;
        leaving.Reverse(); // oldest first
        Recent? founder = null;
        foreach (var r in leaving)
        {
            if (!_stories.ContainsKey(r.Id) && !_mergedInto.ContainsKey(r.Id))
            {
                founder = r;
                break;
            }
        }

        if (founder is null)
        {
            return moves;
        }

        var fresh = new Story(founder.Id, founder.Title);
        _stories.Add(fresh.Id, fresh);
        foreach (var r in leaving)
        {
            var (stay, _) = Score(r.Vectors, r.Published, story, exclude: true);
            var move = new StoryMove(r.Id, story.Id, fresh.Id, trigger, stay, split.Margin, new ScoreBreakdown(null, null, null, null, 1, null), Split: true);
            Move(r, story, fresh);
            moves.Add(move);
        }

        foreach (var r in leaving)
        {
            var (go, parts) = Score(r.Vectors, r.Published, fresh, exclude: true);
            _revisions.Add(new PlacementExplanation
            {
                ArticleId = r.Id,
                StoryId = fresh.Id,
                Decision = PlacementDecision.Moved,
                MovedFrom = story.Id,
                Score = go,
                Threshold = Options.JoinThreshold,
                Breakdown = parts,
                SharedEntities = SharedEntities(r.Vectors.Entities, fresh),
                SharedTerms = SharedTerms(r.Vectors.Body, fresh),
                Reason = $"split off story {story.Id} into story {fresh.Id} when article {trigger} arrived: the story's recent articles formed two groups ({split.A.Count} and {split.B.Count}), each member fitting its own group better than the other by {split.Margin:0.000} on average",
                Configuration = _configuration,
            });
        }

        return moves;
    }

    /// <summary>
    /// Merges a neighbouring story into the article's story when the two do not stand apart: their centroids score at
    /// least the join threshold together, and their recent members fit their own story hardly better than the other
    /// (the mirror of a split). Returns the surviving story.
    /// </summary>
    private Story ReconsiderMerges(Story target, long trigger, List<(Story Story, double Score, ScoreBreakdown Breakdown)> scored, List<StoryMerge> merges)
    {
        if (Options.RevisableArticles <= 0 || Options.MergeMargin <= double.NegativeInfinity)
        {
            return target;
        }

        int examined = 0;
        foreach (var (other, score, _) in scored)
        {
            if (examined >= Options.ReconsiderStories || score < Options.ReconsiderFloor)
            {
                break;
            }

            if (other == target || !_stories.TryGetValue(other.Id, out var live) || live != other)
            {
                continue;
            }

            examined++;
            double pair = StoryPairScore(target, other);
            if (pair < Options.JoinThreshold)
            {
                continue;
            }

            var mine = RevisableMembers(target, Options.SplitMembers);
            var theirs = RevisableMembers(other, Options.SplitMembers);
            if (mine.Count + theirs.Count < 2 || mine.Count == 0 || theirs.Count == 0)
            {
                continue;
            }

            double margin = 0;
            foreach (var r in mine)
            {
                margin += Score(r.Vectors, r.Published, target, exclude: true).Score - Score(r.Vectors, r.Published, other).Score;
            }

            foreach (var r in theirs)
            {
                margin += Score(r.Vectors, r.Published, other, exclude: true).Score - Score(r.Vectors, r.Published, target).Score;
            }

            margin /= mine.Count + theirs.Count;
            if (margin >= Options.MergeMargin)
            {
                continue;
            }

            var (into, absorbed) = Older(target, other);
            Merge(into, absorbed);
            merges.Add(new StoryMerge(into.Id, absorbed.Id, trigger, score, pair, null));
            target = into;
        }

        return target;
    }

    private PlacementExplanation MovedExplanation(Recent member, StoryMove move, Story from, Story to) => new()
    {
        ArticleId = member.Id,
        StoryId = to.Id,
        Decision = PlacementDecision.Moved,
        MovedFrom = from.Id,
        Score = move.ScoreWithNew,
        Threshold = Options.JoinThreshold,
        Breakdown = move.Breakdown,
        SharedEntities = SharedEntities(member.Vectors.Entities, to),
        SharedTerms = SharedTerms(member.Vectors.Body, to),
        Reason = $"moved from story {from.Id} to story {to.Id} when article {move.TriggeredBy} arrived: it scores {move.ScoreWithNew:0.000} with story {to.Id} against {move.ScoreWithRest:0.000} with the rest of story {from.Id}",
        Configuration = _configuration,
    };

    /// <summary>Moves a recent article (and its copies) between stories; returns the merge record when that empties its old story.</summary>
    private StoryMerge? Move(Recent member, Story from, Story to)
    {
        var v = member.Vectors;
        from.Body.Subtract(v.Body);
        from.Title.Subtract(v.Title);
        from.Entities.Subtract(v.Entities);
        from.Details.Subtract(v.Details);
        foreach (int y in v.When)
        {
            if (from.When.TryGetValue(y, out int n))
            {
                if (n <= 1)
                {
                    from.When.Remove(y);
                }
                else
                {
                    from.When[y] = n - 1;
                }
            }
        }

        RemoveMember(from, member.Id);
        from.Weighted--;

        var newKeys = new List<ulong>(member.Keys.Length);
        foreach (var (id, entity) in member.Keys)
        {
            if ((entity ? to.Entities : to.Body).WeightOf(id) == 0)
            {
                newKeys.Add(_vocab.IndexKey(id));
            }
        }

        _index.Add(to.Id, CollectionsMarshal.AsSpan(newKeys));
        to.Body.Add(v.Body, Options.CentroidTerms);
        to.Title.Add(v.Title, Options.CentroidTerms);
        to.Entities.Add(v.Entities, Options.CentroidEntities);
        to.Details.Add(v.Details, Options.CentroidEntities);
        foreach (int y in v.When)
        {
            to.When[y] = to.When.GetValueOrDefault(y) + 1;
        }

        to.Members.Add(member.Id);
        to.Weighted++;
        to.Extend(member.Published);
        to.AddOutlet(member.Outlet);
        _storyOfArticle[member.Id] = to.Id;
        if (member.Copies is not null)
        {
            foreach (long copy in member.Copies)
            {
                if (RemoveMember(from, copy))
                {
                    from.Copies--;
                    to.Members.Add(copy);
                    to.Copies++;
                    _storyOfArticle[copy] = to.Id;
                }
            }
        }

        if (from.Weighted > 0)
        {
            return null;
        }

        // nothing of weight is left: what remains (copies of articles no longer revisable) goes along, the id leads to the survivor
        foreach (long rest in from.Members)
        {
            to.Members.Add(rest);
            _storyOfArticle[rest] = to.Id;
        }

        to.Copies += from.Copies;
        (to.Absorbed ??= []).Add(from.Id);
        if (from.Absorbed is not null)
        {
            to.Absorbed.AddRange(from.Absorbed);
        }

        _stories.Remove(from.Id);
        _mergedInto[from.Id] = to.Id;
        return new StoryMerge(to.Id, from.Id, member.Id, 0, 0, member.Published);
    }

    private static bool RemoveMember(Story story, long id)
    {
        int i = story.Members.LastIndexOf(id);
        if (i < 0)
        {
            return false;
        }

        story.Members.RemoveAt(i);
        return true;
    }

    /// <summary>A story-like profile of a group of recent articles (for splitting).</summary>
    private static Story Group(List<Recent> members)
    {
        var g = new Story(0, "");
        for (int i = 0; i < members.Count; i++)
        {
            var v = members[i].Vectors;
            g.Body.Add(v.Body, int.MaxValue);
            g.Title.Add(v.Title, int.MaxValue);
            g.Entities.Add(v.Entities, int.MaxValue);
            g.Details.Add(v.Details, int.MaxValue);
            foreach (int y in v.When)
            {
                g.When[y] = g.When.GetValueOrDefault(y) + 1;
            }

            g.Extend(members[i].Published);
            g.Weighted++;
        }

        return g;
    }

    /// <summary>Article-to-article score on the same signals as <see cref="Score"/> (years as an overlap when both mention some).</summary>
    private double PairScore(Recent a, Recent b)
    {
        var x = a.Vectors;
        var y = b.Vectors;
        static double? Dot(in SparseVector p, in SparseVector q) => p.IsEmpty || q.IsEmpty ? null : SparseVector.Dot(p.Ids, p.Weights, p.Count, q.Ids, q.Weights, q.Count);
        double? days = a.Published is DateTimeOffset pa && b.Published is DateTimeOffset pb ? Math.Abs((pa - pb).TotalDays) : null;
        double score = Combine(Dot(x.Body, y.Body), Dot(x.Title, y.Title), Dot(x.Entities, y.Entities), Dot(x.Details, y.Details), dated: days is not null);
        if (days is null && x.When.Length > 0 && y.When.Length > 0)
        {
            // as WhenAgreement, with the other article as the story
            Span<int> total = stackalloc int[2];
            Span<int> match = stackalloc int[2];
            Span<bool> mentioned = stackalloc bool[2];
            foreach (int id in x.When)
            {
                mentioned[KindOf(id)] = true;
            }

            foreach (int id in y.When)
            {
                int k = KindOf(id);
                if (mentioned[k])
                {
                    total[k]++;
                    match[k] += Array.IndexOf(x.When, id) >= 0 ? 1 : 0;
                }
            }

            double sum = 0;
            int kinds = 0;
            for (int k = 0; k < 2; k++)
            {
                if (total[k] > 0)
                {
                    sum += (double)match[k] / total[k];
                    kinds++;
                }
            }

            if (kinds > 0)
            {
                score -= Options.DateConflictPenalty * (1 - (sum / kinds));
            }
        }

        return score * TimeFactor(days);
    }

    /// <summary>Average-link agglomeration of the members down to two groups (article-to-article scores: no group-size bias).</summary>
    private SplitCandidate? AverageLinkSplit(List<Recent> members)
    {
        int n = members.Count;
        var sim = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                double s = (PairScore(members[i], members[j]) + PairScore(members[j], members[i])) / 2;
                sim[i, j] = s;
                sim[j, i] = s;
            }
        }

        // Lance-Williams: the average similarity of a merged group to any other is the size-weighted mean of its parts
        var size = new int[n];
        var alive = new bool[n];
        var groupOf = new int[n];
        for (int i = 0; i < n; i++)
        {
            size[i] = 1;
            alive[i] = true;
            groupOf[i] = i;
        }

        for (int remaining = n; remaining > 2; remaining--)
        {
            double best = double.MinValue;
            int bi = -1, bj = -1;
            for (int a = 0; a < n; a++)
            {
                if (!alive[a])
                {
                    continue;
                }

                for (int b = a + 1; b < n; b++)
                {
                    if (alive[b] && sim[a, b] > best)
                    {
                        best = sim[a, b];
                        bi = a;
                        bj = b;
                    }
                }
            }

            for (int k = 0; k < n; k++)
            {
                if (alive[k] && k != bi && k != bj)
                {
                    double merged = ((size[bi] * sim[bi, k]) + (size[bj] * sim[bj, k])) / (size[bi] + size[bj]);
                    sim[bi, k] = merged;
                    sim[k, bi] = merged;
                }
            }

            size[bi] += size[bj];
            alive[bj] = false;
            for (int i = 0; i < n; i++)
            {
                if (groupOf[i] == bj)
                {
                    groupOf[i] = bi;
                }
            }
        }

        int first = groupOf[0];
        var inB = new bool[n];
        for (int i = 0; i < n; i++)
        {
            inB[i] = groupOf[i] != first;
        }

        return Evaluate(members, inB);
    }

    /// <summary>How clearly a two-way partition of the members stands: each member's score with the rest of its own half against the other half.</summary>
    private SplitCandidate? Evaluate(List<Recent> members, bool[] inB)
    {
        int n = members.Count;
        var ga2 = new List<Recent>();
        var gb2 = new List<Recent>();
        for (int i = 0; i < n; i++)
        {
            (inB[i] ? gb2 : ga2).Add(members[i]);
        }

        if (ga2.Count < 2 || gb2.Count < 2)
        {
            return null;
        }

        var fa = Group(ga2);
        var fb = Group(gb2);
        double margin = 0;
        for (int i = 0; i < n; i++)
        {
            double own = Score(members[i].Vectors, members[i].Published, inB[i] ? fb : fa, exclude: true).Score;
            double other = Score(members[i].Vectors, members[i].Published, inB[i] ? fa : fb).Score;
            margin += own - other;
        }

        return new SplitCandidate(ga2, gb2, fa, fb, margin / n);
    }

    /// <param name="ProfileA">The profile of <paramref name="A"/> as a story of its own (so is <paramref name="ProfileB"/>).</param>
    private sealed record SplitCandidate(List<Recent> A, List<Recent> B, Story ProfileA, Story ProfileB, double Margin);
}
