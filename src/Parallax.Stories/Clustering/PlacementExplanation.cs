using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parallax.Stories.Clustering;

public enum PlacementDecision
{
    /// <summary>Joined the best-scoring story.</summary>
    Joined,

    /// <summary>Started a new story: no candidate reached the join threshold.</summary>
    Started,

    /// <summary>A syndicated copy: joined its original's story without adding weight.</summary>
    Copy,

    /// <summary>Placed earlier, then moved to another story when a later article showed it fits there better.</summary>
    Moved,
}

/// <summary>The similarities that made a score. Null when a signal was not available on either side.</summary>
public sealed record ScoreBreakdown(double? Body, double? Title, double? Entities, double? Details, double TimeFactor, double? DaysApart)
{
    /// <summary>
    /// For undated articles or stories: how well the years (and weekdays) the article mentions match the story's, 0 to 1,
    /// when both mention some.
    /// </summary>
    public double? DateAgreement { get; init; }

    public override string ToString()
    {
        var parts = new List<string>();
        void Add(string name, double? v)
        {
            if (v is double d)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {d:0.000}"));
            }
        }

        Add("body", Body);
        Add("title", Title);
        Add("entities", Entities);
        Add("details", Details);
        Add("dates agree", DateAgreement);
        if (DaysApart is double days)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"time x{TimeFactor:0.00} ({days:0.#} d)"));
        }

        return string.Join(", ", parts);
    }
}

/// <summary>A story the index proposed and how the article scored against it.</summary>
public sealed record CandidateScore(long StoryId, double Score, ScoreBreakdown Breakdown, int Articles, string? Headline);

/// <summary>An entity both the article and the story hold, with its share of the entity similarity.</summary>
public sealed record SharedEntity(string Name, string Key, double Contribution);

/// <summary>A term both the article and the story hold, with its share of the body similarity.</summary>
public sealed record SharedTerm(string Term, double Contribution);

/// <summary>Two stories merged because an article bridged them: <see cref="Absorbed"/> now lives on as <see cref="Into"/>.</summary>
public sealed record StoryMerge(long Into, long Absorbed, long BridgingArticle, double ArticleScore, double StoryScore, DateTimeOffset? At);

/// <summary>
/// A recent article moved from one story to another because a later article (<see cref="TriggeredBy"/>) changed the
/// picture: it now scores <see cref="ScoreWithNew"/> with <see cref="To"/> and only <see cref="ScoreWithRest"/> with
/// the rest of <see cref="From"/>. <see cref="Split"/> when <see cref="To"/> was split off <see cref="From"/>.
/// </summary>
public sealed record StoryMove(long ArticleId, long From, long To, long TriggeredBy, double ScoreWithRest, double ScoreWithNew, ScoreBreakdown Breakdown, bool Split = false);

/// <summary>
/// Why an article was placed where it was: the record the store persists with the placement and that
/// <c>parallax story ID --explain</c> prints. Serialises to and from JSON (<see cref="ToJson"/>, <see cref="FromJson"/>).
/// </summary>
public sealed record PlacementExplanation
{
    public required long ArticleId { get; init; }

    public required long StoryId { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<PlacementDecision>))]
    public required PlacementDecision Decision { get; init; }

    /// <summary>Score against the chosen story (0 for a new story).</summary>
    public double Score { get; init; }

    public double Threshold { get; init; }

    public ScoreBreakdown? Breakdown { get; init; }

    public IReadOnlyList<SharedEntity> SharedEntities { get; init; } = [];

    public IReadOnlyList<SharedTerm> SharedTerms { get; init; } = [];

    /// <summary>The best-scoring candidates, best first.</summary>
    public IReadOnlyList<CandidateScore> Candidates { get; init; } = [];

    /// <summary>How many stories the index proposed (before the best were scored).</summary>
    public int CandidatesConsidered { get; init; }

    public IReadOnlyList<StoryMerge> Merges { get; init; } = [];

    /// <summary>Recent articles this placement moved to another story (revisions of their earlier placements).</summary>
    public IReadOnlyList<StoryMove> Moves { get; init; } = [];

    /// <summary>For a <see cref="PlacementDecision.Moved"/> placement: the story the article was in before.</summary>
    public long? MovedFrom { get; init; }

    /// <summary>One sentence a person can read.</summary>
    public required string Reason { get; init; }

    /// <summary>The clustering configuration ("default" or the settings that differ).</summary>
    public string Configuration { get; init; } = "default";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static PlacementExplanation FromJson(string json) =>
        JsonSerializer.Deserialize<PlacementExplanation>(json, JsonOptions) ?? throw new JsonException("empty explanation");

    /// <summary>A readable account for <c>parallax story ID --explain</c>.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $"article {ArticleId} -> story {StoryId}: {Reason}\n");
        if (Breakdown is not null)
        {
            sb.Append(inv, $"  score {Score:0.000} (threshold {Threshold:0.000}): {Breakdown}\n");
        }

        if (SharedEntities.Count > 0)
        {
            sb.Append("  shared entities: ").Append(string.Join(", ", SharedEntities.Select(e => string.Create(inv, $"{e.Name} ({e.Contribution:0.000})")))).Append('\n');
        }

        if (SharedTerms.Count > 0)
        {
            sb.Append("  shared terms: ").Append(string.Join(", ", SharedTerms.Select(t => string.Create(inv, $"{t.Term} ({t.Contribution:0.000})")))).Append('\n');
        }

        if (Candidates.Count > 0)
        {
            sb.Append(inv, $"  candidates ({CandidatesConsidered} from the index, best {Candidates.Count} scored):\n");
            foreach (var c in Candidates)
            {
                sb.Append(inv, $"    story {c.StoryId} ({c.Articles} articles{(c.Headline is null ? "" : ", \"" + c.Headline + "\"")}): {c.Score:0.000} = {c.Breakdown}\n");
            }
        }

        foreach (var m in Merges)
        {
            sb.Append(inv, $"  merged story {m.Absorbed} into {m.Into}: article scored {m.ArticleScore:0.000} with it, stories scored {m.StoryScore:0.000} together\n");
        }

        foreach (var m in Moves)
        {
            sb.Append(inv, $"  {(m.Split ? "split off" : "moved")} article {m.ArticleId} from story {m.From} to {m.To}: {m.ScoreWithNew:0.000} there against {m.ScoreWithRest:0.000} with the rest of {m.From}\n");
        }

        return sb.ToString();
    }
}

/// <summary>
/// Where an article went and why. <see cref="Revisions"/> are the new placements of earlier articles this one moved
/// (decision <see cref="PlacementDecision.Moved"/>): a store replaces their placements with these.
/// </summary>
public sealed record Placement(long ArticleId, long StoryId, PlacementExplanation Explanation)
{
    public PlacementDecision Decision => Explanation.Decision;

    public IReadOnlyList<StoryMerge> Merges => Explanation.Merges;

    public IReadOnlyList<StoryMove> Moves => Explanation.Moves;

    public IReadOnlyList<PlacementExplanation> Revisions { get; init; } = [];
}

/// <summary>A story as the clusterer sees it.</summary>
public sealed record StoryInfo
{
    public required long Id { get; init; }

    /// <summary>Member articles in arrival order (copies included).</summary>
    public required IReadOnlyList<long> Articles { get; init; }

    /// <summary>How many members are copies.</summary>
    public int Copies { get; init; }

    public DateTimeOffset? FirstPublished { get; init; }

    public DateTimeOffset? LastPublished { get; init; }

    /// <summary>The founding article's title.</summary>
    public required string Headline { get; init; }

    public IReadOnlyList<string> Outlets { get; init; } = [];

    /// <summary>The story's most weighty entities (as written) and terms.</summary>
    public IReadOnlyList<string> TopEntities { get; init; } = [];

    public IReadOnlyList<string> TopTerms { get; init; } = [];

    /// <summary>Stories merged into this one.</summary>
    public IReadOnlyList<long> Absorbed { get; init; } = [];
}
