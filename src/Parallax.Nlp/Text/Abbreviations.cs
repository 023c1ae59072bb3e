namespace Parallax.Nlp.Text;

/// <summary>What a word followed by a period is, for the tokenizer (keep the period?) and the sentence splitter (break after it?).</summary>
internal enum AbbreviationKind : byte
{
    None,

    /// <summary>A title before a name ("Mr.", "Dr.", "Gen."): never ends a sentence.</summary>
    Title,

    /// <summary>Ends a sentence only before a word that usually starts one ("Inc.", "Jan.", "Calif.").</summary>
    General,

    /// <summary>"No." and "Nos.": an abbreviation only before a number ("No. 2").</summary>
    BeforeNumber,
}

/// <summary>English abbreviations seen in news, looked up by span without allocating.</summary>
internal static class Abbreviations
{
    private static readonly string[] TitleList =
    [
        "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Drs", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Sgt",
        "Adm", "Gov", "Sen", "Sens", "Rep", "Reps", "Rev", "Hon", "Pres", "Supt", "Insp", "Fr", "St", "Ste", "Brig", "Cpl", "Pvt",
        "Amb", "Atty", "Mgr", "Msgr", "Sec", "Secy", "Dep", "Lieut", "Gens",
    ];

    private static readonly string[] GeneralList =
    [
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri",
        "Inc", "Corp", "Co", "Ltd", "Bros", "Plc", "Cos", "Assn", "Dept", "Univ", "Inst", "Intl", "Natl", "Govt",
        "Jr", "Sr", "vs", "etc", "al", "approx", "est", "ca", "cf", "viz", "vol", "Vol", "pp", "Fig", "fig", "Ref", "ref",
        "Ave", "Blvd", "Rd", "Mt", "Ft", "Pl", "Sq", "Hwy", "Rte", "Dist", "Pt",
        "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Kans", "Ky", "La", "Md",
        "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nebr", "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex",
        "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo",
        "min", "max", "hr", "hrs", "sq", "ft", "oz", "lb", "lbs", "km", "yr", "yrs", "mo", "mos", "wk", "mln", "bln", "pct",
    ];

    private static readonly HashSet<string> Titles = new(TitleList, StringComparer.Ordinal);
    private static readonly HashSet<string> General = new(GeneralList, StringComparer.Ordinal);
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup = Titles.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GeneralLookup = General.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that usually start a sentence: after "U.S." or "Inc." they mean the period ended one.</summary>
    private static readonly HashSet<string> Starters = new(
        [
            "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "This", "That",
            "These", "Those", "There", "But", "And", "Or", "So", "Yet", "In", "On", "At", "For", "From", "With", "By", "As",
            "If", "When", "While", "After", "Before", "Since", "Although", "Though", "However", "Meanwhile", "Still", "Also",
            "Some", "Many", "Most", "All", "No", "Not", "One", "Two", "Both", "Each", "Other", "Others", "Such", "What", "Who",
            "Which", "Where", "Why", "How", "Under", "Despite", "During", "Earlier", "Later", "Last", "Next", "Then", "Now",
            "Officials", "Analysts", "Shares", "Sources",
        ],
        StringComparer.Ordinal);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup = Starters.GetAlternateLookup<ReadOnlySpan<char>>();

    public static AbbreviationKind Classify(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > 6)
        {
            return AbbreviationKind.None;
        }

        if (word is "No" or "Nos" or "no" or "nos" or "Nr" or "Art" or "art")
        {
            return AbbreviationKind.BeforeNumber;
        }

        if (TitleLookup.Contains(word))
        {
            return AbbreviationKind.Title;
        }

        return GeneralLookup.Contains(word) ? AbbreviationKind.General : AbbreviationKind.None;
    }

    public static bool IsSentenceStarter(ReadOnlySpan<char> word) => StarterLookup.Contains(word);
}
