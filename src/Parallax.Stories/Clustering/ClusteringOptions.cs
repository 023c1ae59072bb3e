using System.Globalization;
using System.Reflection;

namespace Parallax.Stories.Clustering;

/// <summary>
/// The clusterer's one configuration. The defaults are the product's settings, measured on ECB+ and news-please
/// with the same values (see <c>parallax eval cluster</c>); they are not tuned per data set.
/// </summary>
public sealed record ClusteringOptions
{
    public static ClusteringOptions Default { get; } = new();

    // ---- how the signals combine: score = weighted mean of the available similarities, times the time factor, minus penalties

    /// <summary>Weight of the cosine between the article's TF-IDF body vector and the story's centroid.</summary>
    public double BodyWeight { get; init; } = 1.0;

    /// <summary>Weight of the title cosine (article title against the story's title centroid).</summary>
    public double TitleWeight { get; init; } = 0.25;

    /// <summary>Weight of the named-entity cosine (entities weighted by rarity and by presence in the lead).</summary>
    public double EntityWeight { get; init; } = 0.5;

    /// <summary>Weight of the details cosine (years, dates, numbers).</summary>
    public double DetailWeight { get; init; } = 1.0;

    /// <summary>
    /// When both sides have publication dates, closeness in time already says whether two reports are of one moment,
    /// so the details (which include years and dates written in the text) count this share of <see cref="DetailWeight"/>.
    /// </summary>
    public double DatedDetailShare { get; init; } = 0.5;

    /// <summary>Weight of a year or calendar date in the details vector (numbers are weighted by rarity).</summary>
    public double DateWeight { get; init; } = 4.0;

    /// <summary>
    /// For undated articles: subtracted, times one minus the agreement of the years and weekdays the article mentions
    /// with the story's (when both mention some).
    /// </summary>
    public double DateConflictPenalty { get; init; } = 0.15;

    /// <summary>Term weights are tf times idf to this power: above 1 favours rare terms (names, places) over topic words.</summary>
    public double IdfPower { get; init; } = 1.0;

    /// <summary>An article joins its best story when the score reaches this; else it starts a new story.</summary>
    public double JoinThreshold { get; init; } = 0.2;

    /// <summary>A story that also scores this with the article is merged into the article's story (when the two stories agree, see <see cref="StoryMergeThreshold"/>).</summary>
    public double MergeThreshold { get; init; } = 0.4;

    /// <summary>Two stories bridged by an article merge only when their centroids score this together.</summary>
    public double StoryMergeThreshold { get; init; } = 0.3;

    /// <summary>Extra weight of terms and entities that occur in the title or the first sentences.</summary>
    public double LeadBoost { get; init; } = 1.25;

    // ---- revisions

    /// <summary>How many of the most recent articles keep their vectors so that their placement can be revised (0: placements are final).</summary>
    public int RevisableArticles { get; init; } = 4096;

    /// <summary>After each placement, the recent members of this many of the best-scoring other candidates are reconsidered.</summary>
    public int ReconsiderStories { get; init; } = 4;

    /// <summary>Recent members reconsidered per neighbouring story (the newest).</summary>
    public int ReconsiderMembers { get; init; } = 24;

    /// <summary>A neighbouring story is reconsidered only when the new article scores at least this with it.</summary>
    public double ReconsiderFloor { get; init; } = 0.1;

    /// <summary>A recent article moves when it scores this much more with the new article's story than with the rest of its own (and at least the join threshold).</summary>
    public double MoveMargin { get; init; } = 0.05;

    /// <summary>A story splits when each of its recent members fits its own half better than the other half by this much on average (1 or more: never).</summary>
    public double SplitMargin { get; init; } = 0.3;

    /// <summary>Two neighbouring stories merge when their recent members fit their own story better than the other by less than this on average (and their centroids reach the join threshold together).</summary>
    public double MergeMargin { get; init; } = 0.15;

    /// <summary>Each half of a split has at least this many articles.</summary>
    public int SplitMinGroup { get; init; } = 3;

    /// <summary>Recent members looked at when looking for a split (the newest).</summary>
    public int SplitMembers { get; init; } = 32;

    // ---- time

    /// <summary>Days between the article and the story's span within which time does not count against it.</summary>
    public double TimeGraceDays { get; init; } = 1.0;

    /// <summary>Beyond the grace, the score is multiplied by exp(-(days - grace) / this).</summary>
    public double TimeDecayDays { get; init; } = 4.0;

    /// <summary>Stories whose span ends more than this many days before the article (or starts after it) are not candidates.</summary>
    public double TimeWindowDays { get; init; } = 45.0;

    // ---- scale

    /// <summary>How many of the article's rarest salient terms it is looked up (and indexed) under.</summary>
    public int IndexTerms { get; init; } = 12;

    /// <summary>How many of its entities it is looked up (and indexed) under.</summary>
    public int IndexEntities { get; init; } = 6;

    /// <summary>Terms held by more than this fraction of documents are never index keys.</summary>
    public double IndexMaxDocumentFraction { get; init; } = 0.02;

    /// <summary>Newest stories read under each key.</summary>
    public int PostingLimit { get; init; } = 64;

    /// <summary>Stories fully scored per article (the best by index hits).</summary>
    public int MaxCandidates { get; init; } = 24;

    /// <summary>Most terms kept in a story's body centroid.</summary>
    public int CentroidTerms { get; init; } = 300;

    /// <summary>Most entities kept in a story's entity centroid.</summary>
    public int CentroidEntities { get; init; } = 60;

    // ---- explanations

    /// <summary>Candidates listed in an explanation.</summary>
    public int ExplainCandidates { get; init; } = 5;

    /// <summary>Shared terms and entities listed in an explanation.</summary>
    public int ExplainShared { get; init; } = 8;

    /// <summary>The values that differ from the defaults, "name=value" comma-separated, for explanations and reports.</summary>
    public string Describe()
    {
        var diffs = new List<string>();
        foreach (var p in typeof(ClusteringOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var mine = p.GetValue(this);
            var def = p.GetValue(Default);
            if (!Equals(mine, def))
            {
                diffs.Add(string.Create(CultureInfo.InvariantCulture, $"{p.Name}={mine}"));
            }
        }

        return diffs.Count == 0 ? "default" : string.Join(",", diffs);
    }

    /// <summary>Returns a copy with "Name=value" settings applied (for experiments; the product uses the defaults).</summary>
    public ClusteringOptions With(IEnumerable<string> settings)
    {
        var copy = this with { };
        foreach (var setting in settings)
        {
            int eq = setting.IndexOf('=', StringComparison.Ordinal);
            var name = eq > 0 ? setting[..eq].Trim() : setting;
            var p = typeof(ClusteringOptions).GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                ?? throw new ArgumentException($"Unknown clustering option '{name}'.");
            if (eq < 0)
            {
                throw new ArgumentException($"Clustering option '{name}' needs a value: {name}=VALUE.");
            }

            var value = Convert.ChangeType(setting[(eq + 1)..].Trim(), p.PropertyType, CultureInfo.InvariantCulture);
            p.SetValue(copy, value);
        }

        return copy;
    }
}
