using System.Runtime.InteropServices;

namespace Parallax.Stories.Clustering;

/// <summary>
/// Online story clustering. Each article, as it arrives, is compared with the few stories an inverted index proposes
/// (stories sharing its rarest terms and entities), scored on weighted text similarity, title similarity, shared
/// entities weighted by rarity, shared details (years, dates, numbers) and closeness in time, and either joins the
/// best story or starts a new one. Nothing is recomputed globally: document frequencies are learned incrementally on
/// top of a background corpus, and story profiles are bounded running centroids. When an article scores high with a
/// second story that also agrees with the first, the two merge. Syndicated copies join their original's story
/// without adding weight. Every placement returns a <see cref="PlacementExplanation"/>.
/// Not thread-safe: place articles one at a time.
/// </summary>
public sealed partial class StoryClusterer
{
    private readonly Vocabulary _vocab;
    private ICandidateIndex _index;
    private readonly Dictionary<long, Story> _stories = new();
    private readonly BackgroundFrequencies _background;
    private readonly Dictionary<long, long> _storyOfArticle = new();
    private readonly Dictionary<long, long> _mergedInto = new();
    private readonly Dictionary<int, string> _entityDisplay = new();
    private readonly Dictionary<long, float> _hits = new();
    private readonly Dictionary<long, float> _rootHits = new();
    private readonly List<(int Id, float Weight)> _scratch = new(256);
    private readonly string _configuration;

    public StoryClusterer(ClusteringOptions? options = null, BackgroundFrequencies? background = null, ICandidateIndex? index = null)
    {
        Options = options ?? ClusteringOptions.Default;
        _background = background ?? BackgroundFrequencies.Empty;
        _vocab = new Vocabulary(_background);
        _index = index ?? new InMemoryCandidateIndex();
        _configuration = Options.Describe();
    }

    public ClusteringOptions Options { get; }

    public ICandidateIndex Index => _index;

    public int ArticleCount => _storyOfArticle.Count;

    public int StoryCount => _stories.Count;

    /// <summary>Distinct terms, entities and details seen.</summary>
    public int VocabularySize => _vocab.Count;

    /// <summary>The story an article is in now (after any merges), or null if it was never placed.</summary>
    public long? StoryOf(long articleId) => _storyOfArticle.TryGetValue(articleId, out var s) ? Resolve(s) : null;

    public StoryInfo? GetStory(long storyId) => _stories.TryGetValue(Resolve(storyId), out var s) ? Info(s) : null;

    public IEnumerable<StoryInfo> Stories => _stories.Values.Select(Info);

    /// <summary>The headline of the story an id names now (after any merges), or null.</summary>
    public string? HeadlineOf(long storyId) => _stories.TryGetValue(Resolve(storyId), out var s) ? s.Headline : null;

    /// <summary>How an article (placed or not) scores against a story now, without changing anything: "why not story X?".</summary>
    public CandidateScore? Score(ArticleFeatures article, long storyId)
    {
        if (!_stories.TryGetValue(Resolve(storyId), out var story))
        {
            return null;
        }

        var v = Vectorise(article);
        var (score, breakdown) = Score(v, article.Published, story);
        return new CandidateScore(story.Id, score, breakdown, story.Members.Count, story.Headline);
    }

    /// <summary>Places one article: joins a story or starts one. Returns where it went and why.</summary>
    public Placement Place(ArticleFeatures article)
    {
        ArgumentNullException.ThrowIfNull(article);
        if (_storyOfArticle.ContainsKey(article.Id))
        {
            throw new ArgumentException($"Article {article.Id} was already placed (story {StoryOf(article.Id)}).", nameof(article));
        }

        if (article.CopyOf is long original && _storyOfArticle.TryGetValue(original, out var originalStory))
        {
            return PlaceCopy(article, original, Resolve(originalStory));
        }

        var v = Vectorise(article);

        // candidates: the newest stories under the article's rarest keys
        var indexKeys = IndexKeys(v);
        var queryKeys = new WeightedKey[indexKeys.Count];
        for (int i = 0; i < queryKeys.Length; i++)
        {
            queryKeys[i] = new WeightedKey(_vocab.IndexKey(indexKeys[i].Id), indexKeys[i].Weight);
        }

        _hits.Clear();
        _index.Collect(queryKeys, Options.PostingLimit, _hits);
        _rootHits.Clear();
        foreach (var (storyId, hitWeight) in _hits)
        {
            ref var w = ref CollectionsMarshal.GetValueRefOrAddDefault(_rootHits, Resolve(storyId), out _);
            w += hitWeight;
        }

        var candidates = TopCandidates(article.Published);
        var scored = new List<(Story Story, double Score, ScoreBreakdown Breakdown)>(candidates.Count);
        foreach (var story in candidates)
        {
            var (score, parts) = Score(v, article.Published, story);
            scored.Add((story, score, parts));
        }

        scored.Sort(static (a, b) => b.Score.CompareTo(a.Score));

        Story target;
        PlacementDecision decision;
        string reason;
        double bestScore = scored.Count > 0 ? scored[0].Score : 0;
        if (scored.Count > 0 && bestScore >= Options.JoinThreshold)
        {
            target = scored[0].Story;
            decision = PlacementDecision.Joined;
            reason = $"joined story {target.Id}: best score {bestScore:0.000} reached the threshold {Options.JoinThreshold:0.000}";
        }
        else
        {
            target = new Story(article.Id, article.Title);
            _stories.Add(target.Id, target);
            decision = PlacementDecision.Started;
            reason = scored.Count == 0
                ? "started a new story: the index proposed no story sharing its rare terms or entities"
                : $"started a new story: the best candidate, story {scored[0].Story.Id}, scored {bestScore:0.000}, below the threshold {Options.JoinThreshold:0.000}";
        }

        // explanation parts are computed before the article changes the story
        IReadOnlyList<SharedEntity> sharedEntities = [];
        IReadOnlyList<SharedTerm> sharedTerms = [];
        ScoreBreakdown? breakdown = null;
        if (decision == PlacementDecision.Joined)
        {
            breakdown = scored[0].Breakdown;
            sharedEntities = SharedEntities(v.Entities, target);
            sharedTerms = SharedTerms(v.Body, target);
        }
        else if (scored.Count > 0)
        {
            sharedEntities = SharedEntities(v.Entities, scored[0].Story);
            sharedTerms = SharedTerms(v.Body, scored[0].Story);
        }

        Absorb(target, article, v, indexKeys);
        Remember(article, v, indexKeys);

        // bridging: another story the article also belongs to, and which agrees with this one
        var merges = new List<StoryMerge>();
        foreach (var (other, score, _) in scored)
        {
            if (other == target || score < Options.MergeThreshold || !_stories.ContainsKey(other.Id))
            {
                continue;
            }

            double storyScore = StoryPairScore(target, other);
            if (storyScore < Options.StoryMergeThreshold)
            {
                continue;
            }

            var (into, absorbed) = Older(target, other);
            Merge(into, absorbed);
            merges.Add(new StoryMerge(into.Id, absorbed.Id, article.Id, score, storyScore, article.Published));
            target = into;
        }

        if (merges.Count > 0)
        {
            reason += $"; bridged {merges.Count} other stor{(merges.Count == 1 ? "y" : "ies")} into story {target.Id}";
        }

        // revision: recent members of the neighbouring stories that now fit this one better move here
        var moves = Reconsider(target, article.Id, scored, merges);
        if (moves.Count > 0)
        {
            reason += $"; {moves.Count} recent article{(moves.Count == 1 ? "" : "s")} of neighbouring stories moved here";
        }

        var split = TrySplit(target, article.Id);
        if (split.Count > 0)
        {
            moves.AddRange(split);
            reason += $"; story {target.Id} split: {split.Count} of its recent articles formed story {split[0].To}";
            target = _stories[Resolve(_storyOfArticle[article.Id])];
        }
        else
        {
            int before = merges.Count;
            target = ReconsiderMerges(target, article.Id, scored, merges);
            if (merges.Count > before)
            {
                reason += $"; {merges.Count - before} neighbouring stor{(merges.Count - before == 1 ? "y" : "ies")} merged: their recent articles fit story {target.Id} as well as their own";
            }
        }

        var explanation = new PlacementExplanation
        {
            ArticleId = article.Id,
            StoryId = target.Id,
            Decision = decision,
            Score = decision == PlacementDecision.Joined ? bestScore : 0,
            Threshold = Options.JoinThreshold,
            Breakdown = breakdown,
            SharedEntities = sharedEntities,
            SharedTerms = sharedTerms,
            Candidates = scored.Take(Options.ExplainCandidates).Select(c => new CandidateScore(Resolve(c.Story.Id), c.Score, c.Breakdown, c.Story.Members.Count, c.Story.Headline)).ToArray(),
            CandidatesConsidered = _rootHits.Count,
            Merges = merges,
            Moves = moves,
            Reason = reason,
            Configuration = _configuration,
        };
        return new Placement(article.Id, target.Id, explanation) { Revisions = _revisions.ToArray() };
    }

    private Placement PlaceCopy(ArticleFeatures article, long original, long storyId)
    {
        var story = _stories[storyId];
        story.Members.Add(article.Id);
        story.Copies++;
        if (_recent.TryGetValue(original, out var recent))
        {
            // a copy moves with its original while the original's placement can still be revised
            (recent.Copies ??= []).Add(article.Id);
        }

        story.Extend(article.Published);
        story.AddOutlet(article.Outlet);
        _storyOfArticle[article.Id] = story.Id;
        return new Placement(article.Id, story.Id, new PlacementExplanation
        {
            ArticleId = article.Id,
            StoryId = story.Id,
            Decision = PlacementDecision.Copy,
            Score = 1,
            Threshold = Options.JoinThreshold,
            Reason = $"copy of article {original}: joined its story {story.Id} without adding weight",
            Configuration = _configuration,
        });
    }

    // ------------------------------------------------------------------ vectors

    private sealed class ArticleVectors
    {
        public SparseVector Body;
        public SparseVector Title;
        public SparseVector Entities;
        public SparseVector Details;
        public int[] When = [];
        public int[] DistinctIds = [];
    }

    private ArticleVectors Vectorise(ArticleFeatures a)
    {
        float lead = (float)Options.LeadBoost;
        var distinct = new List<int>(a.Terms.Count + a.Entities.Count + a.Details.Count);

        _scratch.Clear();
        foreach (var t in a.Terms)
        {
            int id = _vocab.Id(t.Term);
            distinct.Add(id);
            float w = (1f + MathF.Log(t.Count)) * Idf(id) * (t.InLead ? lead : 1f);
            if (w > 0)
            {
                _scratch.Add((id, w));
            }
        }

        var body = SparseVector.Normalised(_scratch);

        _scratch.Clear();
        foreach (var t in a.TitleTerms)
        {
            int id = _vocab.Id(t);
            float w = Idf(id);
            if (w > 0)
            {
                _scratch.Add((id, w));
            }
        }

        var title = SparseVector.Normalised(_scratch);

        _scratch.Clear();
        foreach (var e in a.Entities)
        {
            int id = _vocab.Id("e:" + e.Key);
            distinct.Add(id);
            _entityDisplay.TryAdd(id, e.Display);
            float w = (1f + MathF.Log(e.Count)) * Idf(id) * (e.InLead ? lead : 1f);
            if (w > 0)
            {
                _scratch.Add((id, w));
            }
        }

        var entities = SparseVector.Normalised(_scratch);

        _scratch.Clear();
        foreach (var d in a.Details)
        {
            int id = _vocab.Id(d.Key);
            distinct.Add(id);
            // a year or a calendar date tells events apart however many stories of that year the store holds: no idf
            float w = (1f + MathF.Log(d.Count)) * (d.Kind == DetailKind.Number ? Idf(id) : (float)Options.DateWeight);
            if (w > 0)
            {
                _scratch.Add((id, w));
            }
        }

        var details = SparseVector.Normalised(_scratch);
        // when the text says the event happened: years, and the weekday an undated report names
        var when = new List<int>();
        foreach (var d in a.Details)
        {
            if (IsWhenKey(d.Key))
            {
                when.Add(_vocab.Id(d.Key));
            }
        }

        return new ArticleVectors { Body = body, Title = title, Entities = entities, Details = details, When = when.ToArray(), DistinctIds = distinct.ToArray() };
    }

    private float Idf(int id) => Options.IdfPower == 1 ? _vocab.Idf(id) : MathF.Pow(_vocab.Idf(id), (float)Options.IdfPower);

    /// <summary>The article's index keys: its weightiest rare terms and its weightiest entities.</summary>
    private List<(int Id, float Weight, bool Entity)> IndexKeys(ArticleVectors v)
    {
        var keys = new List<(int Id, float Weight, bool Entity)>(Options.IndexTerms + Options.IndexEntities);
        AddTop(v.Body, Options.IndexTerms, entity: false, keys);
        AddTop(v.Entities, Options.IndexEntities, entity: true, keys);
        return keys;
    }

    private void AddTop(in SparseVector vec, int n, bool entity, List<(int Id, float Weight, bool Entity)> keys)
    {
        if (vec.IsEmpty || n <= 0)
        {
            return;
        }

        var order = new int[vec.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var w = vec.Weights;
        Array.Sort(order, (x, y) => w[y].CompareTo(w[x]));
        int taken = 0;
        foreach (int i in order)
        {
            if (taken >= n)
            {
                break;
            }

            int id = vec.Ids[i];
            if (!entity && _vocab.DocumentFraction(id) > Options.IndexMaxDocumentFraction && _vocab.Background.Documents + _vocab.StoreDocuments >= 1000)
            {
                continue;
            }

            keys.Add((id, w[i], entity));
            taken++;
        }
    }

    // ------------------------------------------------------------------ candidates and scores

    private List<Story> TopCandidates(DateTimeOffset? published)
    {
        var list = new List<(Story Story, float Hits)>(_rootHits.Count);
        foreach (var (id, hits) in _rootHits)
        {
            if (!_stories.TryGetValue(id, out var story))
            {
                continue;
            }

            if (published is DateTimeOffset p && DaysApart(p, story) is double days && days > Options.TimeWindowDays)
            {
                continue;
            }

            list.Add((story, hits));
        }

        list.Sort(static (a, b) => b.Hits != a.Hits ? b.Hits.CompareTo(a.Hits) : a.Story.Id.CompareTo(b.Story.Id));
        var result = new List<Story>(Math.Min(list.Count, Options.MaxCandidates));
        for (int i = 0; i < list.Count && i < Options.MaxCandidates; i++)
        {
            result.Add(list[i].Story);
        }

        return result;
    }

    private static double? DaysApart(DateTimeOffset t, Story s)
    {
        if (s.First is not DateTimeOffset first || s.Last is not DateTimeOffset last)
        {
            return null;
        }

        if (t < first)
        {
            return (first - t).TotalDays;
        }

        return t > last ? (t - last).TotalDays : 0;
    }

    private double TimeFactor(double? days) =>
        days is double d && d > Options.TimeGraceDays ? Math.Exp(-(d - Options.TimeGraceDays) / Options.TimeDecayDays) : 1.0;

    /// <summary>
    /// Scores an article against a story. With <paramref name="exclude"/> the article is one of the story's members
    /// and is scored against the rest of it (leave-one-out), to compare where it is with where it could go.
    /// </summary>
    private (double Score, ScoreBreakdown Breakdown) Score(ArticleVectors v, DateTimeOffset? published, Story s, bool exclude = false)
    {
        double? body = Channel(v.Body, s.Body, exclude);
        double? title = Channel(v.Title, s.Title, exclude);
        double? entities = Channel(v.Entities, s.Entities, exclude);
        double? details = Channel(v.Details, s.Details, exclude);
        double? days = published is DateTimeOffset p ? DaysApart(p, s) : null;
        double time = TimeFactor(days);
        // the years and weekdays written in the text stand in for when the event happened only when publication dates do not tell
        double? whenShare = published is null || s.First is null ? WhenAgreement(v.When, s, exclude) : null;
        var breakdown = new ScoreBreakdown(body, title, entities, details, time, days) { DateAgreement = whenShare };
        double score = Combine(body, title, entities, details, dated: published is not null && s.First is not null);
        if (whenShare is double share)
        {
            score -= Options.DateConflictPenalty * (1 - share);
        }

        return (score * time, breakdown);
    }

    /// <summary>Detail keys that say when: years ("y:2013") and weekdays ("w:wednesday").</summary>
    private static bool IsWhenKey(string key) => key.Length > 2 && key[1] == ':' && (key[0] == 'y' || key[0] == 'w');

    /// <summary>
    /// How well the article's years and weekdays agree with the story's: for each kind both sides mention, the share of
    /// the story's mentions the article matches; the mean over the kinds, or null when no kind is on both sides.
    /// Different years (or, for undated reports, different weekdays) are the clearest sign of two similar events.
    /// </summary>
    private double? WhenAgreement(int[] when, Story s, bool exclude)
    {
        if (when.Length == 0 || s.When.Count == 0)
        {
            return null;
        }

        Span<double> total = stackalloc double[2];
        Span<double> match = stackalloc double[2];
        Span<bool> mentioned = stackalloc bool[2];
        foreach (int id in when)
        {
            mentioned[KindOf(id)] = true;
        }

        foreach (var (id, count) in s.When)
        {
            int k = KindOf(id);
            if (!mentioned[k])
            {
                continue;
            }

            bool mine = Array.IndexOf(when, id) >= 0;
            int n = exclude && mine ? count - 1 : count;
            total[k] += n;
            if (mine)
            {
                match[k] += n;
            }
        }

        double sum = 0;
        int kinds = 0;
        for (int k = 0; k < 2; k++)
        {
            if (total[k] > 0)
            {
                sum += match[k] / total[k];
                kinds++;
            }
        }

        return kinds > 0 ? sum / kinds : null;
    }

    private int KindOf(int id) => _vocab[id][0] == 'y' ? 0 : 1;

    private static double? Channel(in SparseVector v, Centroid c, bool exclude) =>
        v.IsEmpty || c.IsEmpty ? null : exclude ? c.CosineExcluding(v) : c.Cosine(v);

    private double Combine(double? body, double? title, double? entities, double? details, bool dated)
    {
        double sum = 0, weight = 0;
        void Add(double? value, double w)
        {
            if (value is double x)
            {
                sum += w * x;
                weight += w;
            }
        }

        Add(body, Options.BodyWeight);
        Add(title, Options.TitleWeight);
        Add(entities, Options.EntityWeight);
        Add(details, dated ? Options.DetailWeight * Options.DatedDetailShare : Options.DetailWeight);
        return weight > 0 ? sum / weight : 0;
    }

    private double StoryPairScore(Story a, Story b)
    {
        double? body = a.Body.IsEmpty || b.Body.IsEmpty ? null : a.Body.Cosine(b.Body);
        double? title = a.Title.IsEmpty || b.Title.IsEmpty ? null : a.Title.Cosine(b.Title);
        double? entities = a.Entities.IsEmpty || b.Entities.IsEmpty ? null : a.Entities.Cosine(b.Entities);
        double? details = a.Details.IsEmpty || b.Details.IsEmpty ? null : a.Details.Cosine(b.Details);
        double? days = null;
        if (b.First is DateTimeOffset bf && b.Last is DateTimeOffset bl && a.First is not null)
        {
            days = Math.Min(DaysApart(bf, a) ?? 0, DaysApart(bl, a) ?? 0);
        }

        return Combine(body, title, entities, details, dated: days is not null) * TimeFactor(days);
    }

    // ------------------------------------------------------------------ updates

    private void Absorb(Story story, ArticleFeatures article, ArticleVectors v, List<(int Id, float Weight, bool Entity)> keys)
    {
        // post the keys the story did not hold yet
        var newKeys = new List<ulong>(keys.Count);
        foreach (var (id, _, entity) in keys)
        {
            if ((entity ? story.Entities : story.Body).WeightOf(id) == 0)
            {
                newKeys.Add(_vocab.IndexKey(id));
            }
        }

        _index.Add(story.Id, CollectionsMarshal.AsSpan(newKeys));

        foreach (int id in v.DistinctIds.Distinct())
        {
            _vocab.CountDocument(id);
        }

        _vocab.StoreDocuments++;
        story.Body.Add(v.Body, Options.CentroidTerms);
        story.Title.Add(v.Title, Options.CentroidTerms);
        story.Entities.Add(v.Entities, Options.CentroidEntities);
        story.Details.Add(v.Details, Options.CentroidEntities);
        foreach (int y in v.When)
        {
            story.When[y] = story.When.GetValueOrDefault(y) + 1;
        }

        story.Members.Add(article.Id);
        story.Weighted++;
        story.Extend(article.Published);
        story.AddOutlet(article.Outlet);
        _storyOfArticle[article.Id] = story.Id;
    }

    private static (Story Into, Story Absorbed) Older(Story a, Story b) => a.Id <= b.Id ? (a, b) : (b, a);

    private void Merge(Story into, Story absorbed)
    {
        into.Body.Add(absorbed.Body, Options.CentroidTerms);
        into.Title.Add(absorbed.Title, Options.CentroidTerms);
        into.Entities.Add(absorbed.Entities, Options.CentroidEntities);
        into.Details.Add(absorbed.Details, Options.CentroidEntities);
        foreach (var (y, n) in absorbed.When)
        {
            into.When[y] = into.When.GetValueOrDefault(y) + n;
        }

        into.Members.AddRange(absorbed.Members);
        into.Weighted += absorbed.Weighted;
        into.Copies += absorbed.Copies;
        into.Extend(absorbed.First);
        into.Extend(absorbed.Last);
        foreach (var o in absorbed.Outlets)
        {
            into.AddOutlet(o);
        }

        (into.Absorbed ??= []).Add(absorbed.Id);
        if (absorbed.Absorbed is not null)
        {
            into.Absorbed.AddRange(absorbed.Absorbed);
        }

        _stories.Remove(absorbed.Id);
        _mergedInto[absorbed.Id] = into.Id;

        // the absorbed story's keys now lead to the survivor through Resolve; post the survivor under its strongest ones
        var keys = new List<ulong>();
        foreach (var (id, _) in absorbed.Entities.Top(Options.IndexEntities))
        {
            keys.Add(_vocab.IndexKey(id));
        }

        _index.Add(into.Id, CollectionsMarshal.AsSpan(keys));
    }

    private long Resolve(long storyId)
    {
        long root = storyId;
        while (_mergedInto.TryGetValue(root, out var next))
        {
            root = next;
        }

        // path compression
        while (storyId != root && _mergedInto.TryGetValue(storyId, out var next))
        {
            _mergedInto[storyId] = root;
            storyId = next;
        }

        return root;
    }

    // ------------------------------------------------------------------ explanations

    private List<SharedEntity> SharedEntities(in SparseVector entities, Story s)
    {
        var list = new List<SharedEntity>();
        if (entities.IsEmpty || s.Entities.IsEmpty)
        {
            return list;
        }

        for (int i = 0; i < entities.Count; i++)
        {
            float w = s.Entities.WeightOf(entities.Ids[i]);
            if (w > 0)
            {
                int id = entities.Ids[i];
                list.Add(new SharedEntity(_entityDisplay.GetValueOrDefault(id, _vocab[id][2..]), _vocab[id][2..], Math.Round(entities.Weights[i] * w / s.Entities.Norm, 4)));
            }
        }

        list.Sort(static (a, b) => b.Contribution.CompareTo(a.Contribution));
        return list.Count > Options.ExplainShared ? list.GetRange(0, Options.ExplainShared) : list;
    }

    private List<SharedTerm> SharedTerms(in SparseVector body, Story s)
    {
        var list = new List<SharedTerm>();
        if (body.IsEmpty || s.Body.IsEmpty)
        {
            return list;
        }

        for (int i = 0; i < body.Count; i++)
        {
            float w = s.Body.WeightOf(body.Ids[i]);
            if (w > 0)
            {
                list.Add(new SharedTerm(_vocab[body.Ids[i]], Math.Round(body.Weights[i] * w / s.Body.Norm, 4)));
            }
        }

        list.Sort(static (a, b) => b.Contribution.CompareTo(a.Contribution));
        return list.Count > Options.ExplainShared ? list.GetRange(0, Options.ExplainShared) : list;
    }

    private StoryInfo Info(Story s) => new()
    {
        Id = s.Id,
        Articles = s.Members.ToArray(),
        Copies = s.Copies,
        FirstPublished = s.First,
        LastPublished = s.Last,
        Headline = s.Headline,
        Outlets = s.Outlets.ToArray(),
        TopEntities = s.Entities.Top(8).Select(e => _entityDisplay.GetValueOrDefault(e.Id, _vocab[e.Id][2..])).ToArray(),
        TopTerms = s.Body.Top(12).Select(t => _vocab[t.Id]).ToArray(),
        Absorbed = s.Absorbed?.ToArray() ?? [],
    };

    private sealed class Story(long id, string headline)
    {
        public long Id { get; } = id;

        public string Headline { get; } = headline;

        public List<long> Members { get; } = new(2);

        public int Weighted { get; set; }

        public int Copies { get; set; }

        public DateTimeOffset? First { get; private set; }

        public DateTimeOffset? Last { get; private set; }

        public Centroid Body { get; set; } = new();

        public Centroid Title { get; set; } = new();

        public Centroid Entities { get; set; } = new();

        public Centroid Details { get; set; } = new();

        /// <summary>How many member articles mention each year and weekday.</summary>
        public Dictionary<int, int> When { get; } = [];

        public List<string> Outlets { get; } = new(1);

        public List<long>? Absorbed { get; set; }

        public void Extend(DateTimeOffset? t)
        {
            if (t is not DateTimeOffset x)
            {
                return;
            }

            if (First is null || x < First)
            {
                First = x;
            }

            if (Last is null || x > Last)
            {
                Last = x;
            }
        }

        public void AddOutlet(string? outlet)
        {
            if (outlet is not null && Outlets.Count < 64 && !Outlets.Contains(outlet, StringComparer.Ordinal))
            {
                Outlets.Add(outlet);
            }
        }
    }
}
