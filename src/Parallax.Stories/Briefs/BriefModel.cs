namespace Parallax.Stories.Briefs;

// The brief JSON, documented in the README ("The brief JSON"). Property names are written in snake_case.
// Ids are numbers for articles and strings for story-local things (entities "e1", facts "f1").

/// <summary>The whole document `parallax analyze` and `parallax brief --format json` print.</summary>
public sealed record BriefDocument(IReadOnlyList<BriefArticle> Articles, IReadOnlyList<StoryBrief> Stories)
{
    public string Generator { get; init; } = "parallax";

    public int SchemaVersion { get; init; } = 1;
}

/// <param name="Text">The cleaned body.</param>
/// <param name="Outlet">Who published it (source, else domain, else the file it came from).</param>
/// <param name="CopyOf">When this is a syndicated copy or near-duplicate of another article, that article's id.</param>
public sealed record BriefArticle(
    long Id,
    string Title,
    string? Source,
    string Outlet,
    string? Url,
    DateTimeOffset? Published,
    string? Language,
    string Text,
    long? CopyOf);

public sealed record StoryBrief
{
    public required string Id { get; init; }

    public required string Headline { get; init; }

    public required IReadOnlyList<long> Articles { get; init; }

    public required IReadOnlyList<string> Outlets { get; init; }

    public DateTimeOffset? FirstPublished { get; init; }

    public DateTimeOffset? LastPublished { get; init; }

    /// <summary>Short cited summary: each sentence with the articles that support it, consensus first, no repetition.</summary>
    public required IReadOnlyList<SummaryLine> Summary { get; init; }

    public required IReadOnlyList<BriefEntity> Entities { get; init; }

    public required IReadOnlyList<BriefQuote> Quotes { get; init; }

    public required IReadOnlyList<Fact> Facts { get; init; }

    public required IReadOnlyList<BriefNumber> Numbers { get; init; }

    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

    /// <summary>Outlet by fact: which articles carry each fact.</summary>
    public required Coverage Coverage { get; init; }

    /// <summary>For each outlet, the facts no other outlet has.</summary>
    public required IReadOnlyList<OutletAdds> Adds { get; init; }
}

public sealed record SummaryLine(string Text, IReadOnlyList<long> Articles, string Fact, string Status);

/// <param name="Id">Story-local id ("e1").</param>
/// <param name="Name">The fullest name used.</param>
/// <param name="Type">PERSON, ORG, LOC or MISC.</param>
/// <param name="Roles">Roles as written, merged across outlets (display strings).</param>
/// <param name="RoleSources">Which articles/outlets gave which role.</param>
/// <param name="Mentions">Number of mentions in the story.</param>
/// <param name="Country">For places and governments standing for a country, the country.</param>
public sealed record BriefEntity(
    string Id,
    string Name,
    string Type,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Roles,
    IReadOnlyList<RoleSource> RoleSources,
    IReadOnlyList<long> Articles,
    int Mentions,
    string? Country,
    string? GlobalId = null);

public sealed record RoleSource(string Role, IReadOnlyList<long> Articles, IReadOnlyList<string> Outlets);

/// <param name="Speaker">The speaker's name, or null when unresolved.</param>
/// <param name="SpeakerEntity">The story entity id of the speaker.</param>
/// <param name="Text">What was said (for direct quotes, inside the marks).</param>
public sealed record BriefQuote(
    string? Speaker,
    string? SpeakerEntity,
    string? SpeakerRole,
    string? Cue,
    string Text,
    long Article,
    string Outlet,
    bool Direct,
    int Start,
    int End,
    string Resolution,
    string? SourceText = null)
{
    /// <summary>The speaker as a reader should see it: the name, else the words that named the source, marked as not resolved.</summary>
    public string SpeakerLabel => Speaker ?? (SourceText is { } source ? source + " (not resolved to a name)" : "(speaker not identified)");
}

/// <param name="Status">consensus, single, conflict or refinement.</param>
/// <param name="Text">The fact as one outlet put it (the most representative sentence).</param>
public sealed record Fact
{
    public required string Id { get; init; }

    public required string Text { get; init; }

    public required string Status { get; init; }

    public required IReadOnlyList<long> Articles { get; init; }

    public required IReadOnlyList<string> Outlets { get; init; }

    public required IReadOnlyList<FactSentence> Sentences { get; init; }

    /// <summary>For conflicts and refinements: what differs.</summary>
    public IReadOnlyList<FactDifference> Differences { get; init; } = [];

    /// <summary>How strongly the sentences were aligned (lowest pair score in the group), 1 for a single.</summary>
    public double Confidence { get; init; } = 1;
}

/// <param name="Start">Offset into the article's original text.</param>
/// <param name="End">Offset into the article's original text (exclusive).</param>
public sealed record FactSentence(long Article, string Outlet, string Text, int Start, int End);

/// <param name="Kind">number, date, name or polarity.</param>
/// <param name="Values">What each article says.</param>
/// <param name="Relation">"conflict" or "refinement" (one is more precise).</param>
public sealed record FactDifference(string Kind, string Relation, IReadOnlyList<DifferenceValue> Values, string Explanation);

public sealed record DifferenceValue(long Article, string Outlet, string Text);

public sealed record BriefNumber(
    string Text,
    double Value,
    double? ValueMax,
    string? Unit,
    string? Currency,
    string Kind,
    long Article,
    string Outlet,
    string Sentence,
    int Start,
    int End,
    bool Conflict,
    string? Fact,
    IReadOnlyList<string> LinkedTo);

/// <param name="Date">ISO date (yyyy-MM-dd, or yyyy-MM, yyyy for coarser granularity), null when unresolved.</param>
/// <param name="Text">The event: the sentence (or clause) the date belongs to.</param>
/// <param name="Phrase">The phrase the date came from ("on Saturday").</param>
public sealed record TimelineEntry(
    string? Date,
    string Granularity,
    string? End,
    string Text,
    string Phrase,
    IReadOnlyList<long> Articles,
    IReadOnlyList<string> Outlets,
    bool Resolved,
    string? Relative,
    string? Fact);

public sealed record Coverage(IReadOnlyList<string> Outlets, IReadOnlyList<CoverageRow> Rows);

/// <param name="Cells">One per outlet, in <see cref="Coverage.Outlets"/> order: the article ids of that outlet carrying the fact.</param>
public sealed record CoverageRow(string Fact, string Text, string Status, IReadOnlyList<IReadOnlyList<long>> Cells);

public sealed record OutletAdds(string Outlet, IReadOnlyList<long> Articles, IReadOnlyList<string> Facts);
