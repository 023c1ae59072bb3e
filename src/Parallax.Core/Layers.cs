namespace Parallax.Core;

/// <summary>
/// The standard annotation layers. Each is a list of character ranges (or records holding them) into
/// <see cref="Document.Text"/>. Components declare which of these names they require and assign.
/// </summary>
public static class Layers
{
    /// <summary>Cleaning: which paragraphs are the article body and which ranges are not the article (and why).</summary>
    public static readonly LayerKey<CleaningLayer> Cleaning = new("cleaning");

    public static readonly LayerKey<TokenLayer> Tokens = new("tokens");

    public static readonly LayerKey<SentenceLayer> Sentences = new("sentences");

    public static readonly LayerKey<EntityLayer> Entities = new("entities");

    public static readonly LayerKey<RoleLayer> Roles = new("roles");

    public static readonly LayerKey<QuantityLayer> Quantities = new("quantities");

    public static readonly LayerKey<TimeLayer> Times = new("times");

    public static readonly LayerKey<QuoteLayer> Quotes = new("quotes");
}

// ---------------------------------------------------------------- cleaning

/// <summary>Why a range of the original text is not part of the article body.</summary>
public enum ExclusionKind
{
    Title,
    SectionLabel,
    Byline,
    SourceLine,
    CommentNotice,
    SharePrompt,
    SubscribePrompt,
    PhotoCredit,
    RelatedTeaser,
    Navigation,
    Advertisement,
    Other,

    /// <summary>A subheading of the article itself: kept in the text and explainable, but not a sentence to take claims from.</summary>
    Subheading,
}

public readonly record struct Exclusion(TextRange Range, ExclusionKind Kind, string Rule);

/// <param name="Paragraphs">The body paragraphs, in order; the cleaned body is these joined by blank lines.</param>
/// <param name="Excluded">What was marked as not the article, with the rule that marked it.</param>
public sealed record CleaningLayer(IReadOnlyList<TextRange> Paragraphs, IReadOnlyList<Exclusion> Excluded)
{
    /// <summary>The cleaned body: the body paragraphs joined by blank lines.</summary>
    public string BodyText(string text) => string.Join("\n\n", Paragraphs.Select(p => p.Of(text)));
}

// ---------------------------------------------------------------- tokens and sentences

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Quote,
    Symbol,
    Url,
    Other,
}

public readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public TextRange Range => new(Start, End);

    public int Length => End - Start;
}

/// <summary>All tokens of the document's body in text order. Tokens never cross paragraph boundaries.</summary>
public sealed class TokenLayer(Token[] tokens)
{
    public Token[] Tokens { get; } = tokens;

    public int Count => Tokens.Length;

    public Token this[int index] => Tokens[index];

    /// <summary>Index of the first token whose end is after <paramref name="position"/>, or Count.</summary>
    public int IndexAtOrAfter(int position)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Tokens[mid].End <= position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

/// <param name="Range">The sentence's characters.</param>
/// <param name="FirstToken">Index into the token layer.</param>
/// <param name="TokenCount">Number of tokens.</param>
/// <param name="Paragraph">Index into the body paragraphs.</param>
public readonly record struct Sentence(TextRange Range, int FirstToken, int TokenCount, int Paragraph)
{
    public int EndToken => FirstToken + TokenCount;
}

public sealed class SentenceLayer(Sentence[] sentences)
{
    public Sentence[] Sentences { get; } = sentences;

    public int Count => Sentences.Length;

    public Sentence this[int index] => Sentences[index];

    /// <summary>Index of the sentence containing <paramref name="position"/>, or -1.</summary>
    public int IndexOf(int position)
    {
        int lo = 0, hi = Sentences.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var r = Sentences[mid].Range;
            if (position < r.Start)
            {
                hi = mid - 1;
            }
            else if (position >= r.End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }
}

// ---------------------------------------------------------------- entities and roles

/// <summary>The CoNLL entity types.</summary>
public enum EntityType : byte
{
    Person,
    Organization,
    Location,
    Misc,
}

public static class EntityTypes
{
    public static string ToConll(this EntityType type) => type switch
    {
        EntityType.Person => "PER",
        EntityType.Organization => "ORG",
        EntityType.Location => "LOC",
        _ => "MISC",
    };

    /// <summary>The name used in the brief JSON: PERSON, ORG, LOC, MISC.</summary>
    public static string ToLabel(this EntityType type) => type switch
    {
        EntityType.Person => "PERSON",
        EntityType.Organization => "ORG",
        EntityType.Location => "LOC",
        _ => "MISC",
    };

    public static bool TryParse(string tag, out EntityType type)
    {
        switch (tag.ToUpperInvariant())
        {
            case "PER":
            case "PERSON":
                type = EntityType.Person;
                return true;
            case "ORG":
            case "ORGANIZATION":
            case "ORGANISATION":
                type = EntityType.Organization;
                return true;
            case "LOC":
            case "LOCATION":
            case "GPE":
                type = EntityType.Location;
                return true;
            case "MISC":
                type = EntityType.Misc;
                return true;
            default:
                type = EntityType.Misc;
                return false;
        }
    }
}

/// <param name="Range">The name as written.</param>
/// <param name="FirstToken">Index into the token layer.</param>
/// <param name="TokenCount">Number of tokens.</param>
/// <param name="Confidence">The model's confidence in [0, 1].</param>
public readonly record struct EntityMention(TextRange Range, EntityType Type, int FirstToken, int TokenCount, float Confidence);

public sealed class EntityLayer(EntityMention[] mentions)
{
    public EntityMention[] Mentions { get; } = mentions;

    public int Count => Mentions.Length;
}

public enum RolePosition : byte
{
    /// <summary>"US Secretary of State Rex Tillerson".</summary>
    Before,

    /// <summary>"Einar Tangen, a political analyst and adviser to China's government".</summary>
    Apposition,

    /// <summary>"Choe Son-hui, director-general of the North American department".</summary>
    After,

    /// <summary>"Lu Kang, who is the spokesman" and similar relative clauses.</summary>
    Relative,
}

/// <param name="Entity">Index into the entity layer (a PERSON mention, usually).</param>
/// <param name="Range">The role phrase as written.</param>
/// <param name="Role">The role, normalised for display ("Secretary of State").</param>
/// <param name="Qualifier">Country, organisation or department qualifying the role ("US", "Chinese Foreign Ministry"), if any.</param>
public readonly record struct RoleMention(int Entity, TextRange Range, string Role, string? Qualifier, RolePosition Position);

/// <param name="Entity">Index into the entity layer.</param>
/// <param name="Range">"Mr", "Mrs", "Dr", ... as written.</param>
public readonly record struct Honorific(int Entity, TextRange Range, string Value);

public sealed record RoleLayer(IReadOnlyList<RoleMention> Roles, IReadOnlyList<Honorific> Honorifics);

// ---------------------------------------------------------------- numbers and money

public enum QuantityKind : byte
{
    Count,
    Money,
    Percent,
    Measure,
    Ordinal,
}

/// <param name="Range">The phrase as written ("347 billion US dollars").</param>
/// <param name="Value">Normalised value (347e9). For a range, its lower end.</param>
/// <param name="ValueMax">Upper end of a range ("10 to 12"), else null.</param>
/// <param name="Unit">Unit of a count or measure ("people", "km", "%"), if known.</param>
/// <param name="Currency">ISO 4217 code for money ("USD", "GBP", "EUR", "CNY").</param>
/// <param name="Approximate">"about", "nearly", "thousands of".</param>
/// <param name="Group">Quantities that state one amount ("347 billion US dollars (£259 billion)") share a group id; -1 if alone.</param>
public readonly record struct Quantity(
    TextRange Range,
    QuantityKind Kind,
    double Value,
    double? ValueMax,
    string? Unit,
    string? Currency,
    bool Approximate,
    int Group);

public sealed class QuantityLayer(Quantity[] quantities)
{
    public Quantity[] Quantities { get; } = quantities;
}

// ---------------------------------------------------------------- dates

public enum TimeGranularity : byte
{
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
    Decade,
    Unknown,
}

public enum TimeResolution : byte
{
    /// <summary>Written as a full date ("September 30, 2017").</summary>
    Absolute,

    /// <summary>Relative or partial ("on Saturday", "last year", "in November") and resolved against the publication date.</summary>
    Resolved,

    /// <summary>Could not be resolved (no publication date, or vague): <see cref="TimeExpression.Relative"/> says what it means.</summary>
    Unresolved,
}

/// <param name="Range">The phrase it came from ("by early January").</param>
/// <param name="Start">First day of the resolved interval.</param>
/// <param name="End">Last day of the resolved interval (inclusive).</param>
/// <param name="Relative">What the phrase means relative to the anchor, e.g. "-1 year", "next Saturday", for unresolved ones and for display.</param>
/// <param name="Modifier">"early", "late", "mid", "by", "since", "from", "until", "within" when present.</param>
public readonly record struct TimeExpression(
    TextRange Range,
    DateOnly? Start,
    DateOnly? End,
    TimeGranularity Granularity,
    TimeResolution Resolution,
    string? Relative,
    string? Modifier);

public sealed class TimeLayer(TimeExpression[] expressions)
{
    public TimeExpression[] Expressions { get; } = expressions;
}

// ---------------------------------------------------------------- quotes

public enum SpeakerResolution : byte
{
    /// <summary>The speaker is named at the attribution.</summary>
    Named,

    /// <summary>Resolved through a pronoun ("he", "it").</summary>
    Pronoun,

    /// <summary>Resolved through a description ("the spokesman", "the ministry").</summary>
    Description,

    /// <summary>Continues the previous quote's speaker.</summary>
    Continuation,

    /// <summary>Not resolved; not guessed.</summary>
    Unresolved,
}

/// <param name="Content">What was said: inside the quote marks for direct quotes, the reported clause otherwise.</param>
/// <param name="Cue">The attribution cue ("said", "told Al Jazeera", "according to").</param>
/// <param name="Source">The speaker mention at the attribution ("Tangen", "he", "the ministry").</param>
/// <param name="Entity">Index into the entity layer of the resolved speaker, or -1.</param>
/// <param name="Speaker">The resolved speaker's name as shown to users ("Einar Tangen"), or null when unresolved.</param>
public readonly record struct QuoteMention(
    TextRange Content,
    TextRange? Cue,
    TextRange? Source,
    int Entity,
    string? Speaker,
    bool Direct,
    SpeakerResolution Resolution);

public sealed class QuoteLayer(QuoteMention[] quotes)
{
    public QuoteMention[] Quotes { get; } = quotes;
}
