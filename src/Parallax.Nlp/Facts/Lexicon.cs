using System.Collections.Frozen;
using System.Reflection;

namespace Parallax.Nlp.Facts;

[Flags]
internal enum LexFlags : ulong
{
    None = 0,
    Month = 1UL << 0,
    MonthAbbrev = 1UL << 1,
    Weekday = 1UL << 2,
    Season = 1UL << 3,
    NumberWord = 1UL << 4,
    Scale = 1UL << 5,
    ScaleAbbrev = 1UL << 6,
    ScalePlural = 1UL << 7,
    CurrencyWord = 1UL << 8,
    CurrencyCode = 1UL << 9,
    MeasureUnit = 1UL << 10,
    DurationUnit = 1UL << 11,
    Approx = 1UL << 12,
    Determiner = 1UL << 13,
    Preposition = 1UL << 14,
    Pronoun = 1UL << 15,
    Conjunction = 1UL << 16,
    FutureAux = 1UL << 17,
    Modal = 1UL << 18,
    Be = 1UL << 19,
    Have = 1UL << 20,
    PastVerb = 1UL << 21,
    ClauseStart = 1UL << 22,
    Scheduled = 1UL << 23,
    RelativeWord = 1UL << 24,
    PeriodWord = 1UL << 25,
    TimeWord = 1UL << 26,
    PartOfDay = 1UL << 27,
    Ordinal = 1UL << 28,
    ChangeVerb = 1UL << 29,
    RoleHead = 1UL << 30,
    RoleModifier = 1UL << 31,
    Honorific = 1UL << 32,
    OrgNoun = 1UL << 33,
    RoleTitleStart = 1UL << 34,
    PresentVerb = 1UL << 35,
    CurrencySubunit = 1UL << 36,
    TimeOfDayMarker = 1UL << 37,
    Negation = 1UL << 38,
    ReportingVerb = 1UL << 39,
    Adverb = 1UL << 40,

    /// <summary>Words that end a noun run after a number ("25 million people who ...").</summary>
    Function = Determiner | Preposition | Pronoun | Conjunction | FutureAux | Modal | Be | Have | ClauseStart | Adverb,
}

/// <summary>What the fact grammars know about one word (case-insensitive). Shared and immutable.</summary>
internal sealed class LexEntry
{
    public LexFlags Flags;
    public int Month;
    public int Weekday;
    public int Season;

    /// <summary>Number word value ("four" = 4), scale ("million" = 1e6), ordinal ("third" = 3), subunit ("cents" = 0.01).</summary>
    public double Value;
    public double ScaleValue;
    public string? Currency;
    public string? Unit;
    public string? Canonical;
}

/// <summary>The word lists behind quantities, times and roles, in one case-insensitive table looked up by span.</summary>
internal static class Lexicon
{
    // Declared first: static fields initialise in order and Build reads these.
    public static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static readonly string[] WeekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly FrozenDictionary<string, LexEntry> Table = Build(out TitleTable);
    private static readonly FrozenDictionary<string, LexEntry>.AlternateLookup<ReadOnlySpan<char>> SpanLookup =
        Table.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Multi-word role titles ("secretary of state") by their first word, longest first.</summary>
    public static readonly FrozenDictionary<string, string[][]> TitleTable;

    public static LexEntry? Lookup(ReadOnlySpan<char> word) => SpanLookup.TryGetValue(word, out var e) ? e : null;

    private static FrozenDictionary<string, LexEntry> Build(out FrozenDictionary<string, string[][]> titles)
    {
        var d = new Dictionary<string, LexEntry>(StringComparer.OrdinalIgnoreCase);
        LexEntry E(string w)
        {
            if (!d.TryGetValue(w, out var e))
            {
                e = new LexEntry();
                d[w] = e;
            }

            return e;
        }

        void F(LexFlags f, params string[] words)
        {
            foreach (var w in words)
            {
                E(w).Flags |= f;
            }
        }

        for (int m = 0; m < 12; m++)
        {
            var e = E(MonthNames[m]);
            e.Flags |= LexFlags.Month;
            e.Month = m + 1;
        }

        string[][] abbrevs = [["jan"], ["feb"], ["mar"], ["apr"], [], ["jun"], ["jul"], ["aug"], ["sep", "sept"], ["oct"], ["nov"], ["dec"]];
        for (int m = 0; m < 12; m++)
        {
            foreach (var a in abbrevs[m])
            {
                var e = E(a);
                e.Flags |= LexFlags.MonthAbbrev;
                e.Month = m + 1;
            }
        }

        for (int w = 0; w < 7; w++)
        {
            var e = E(WeekdayNames[w]);
            e.Flags |= LexFlags.Weekday;
            e.Weekday = w + 1;
        }

        (string, int)[] seasons = [("spring", 1), ("summer", 2), ("autumn", 3), ("fall", 3), ("winter", 4)];
        foreach (var (w, s) in seasons)
        {
            var e = E(w);
            e.Flags |= LexFlags.Season;
            e.Season = s;
        }

        string[] units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
        for (int n = 0; n < units.Length; n++)
        {
            var e = E(units[n]);
            e.Flags |= LexFlags.NumberWord;
            e.Value = n;
        }

        string[] tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
        for (int n = 0; n < tens.Length; n++)
        {
            var e = E(tens[n]);
            e.Flags |= LexFlags.NumberWord;
            e.Value = (n + 2) * 10;
        }

        void Scale(string w, double v, LexFlags extra = LexFlags.None)
        {
            var e = E(w);
            e.Flags |= LexFlags.Scale | extra;
            e.ScaleValue = v;
        }

        Scale("hundred", 1e2);
        Scale("thousand", 1e3);
        Scale("million", 1e6);
        Scale("billion", 1e9);
        Scale("trillion", 1e12);
        Scale("dozen", 12);
        Scale("bn", 1e9, LexFlags.ScaleAbbrev);
        Scale("mn", 1e6, LexFlags.ScaleAbbrev);
        Scale("mln", 1e6, LexFlags.ScaleAbbrev);
        Scale("tn", 1e12, LexFlags.ScaleAbbrev);
        Scale("trn", 1e12, LexFlags.ScaleAbbrev);
        Scale("m", 1e6, LexFlags.ScaleAbbrev);
        Scale("k", 1e3, LexFlags.ScaleAbbrev);
        Scale("b", 1e9, LexFlags.ScaleAbbrev);
        foreach (var (w, v) in new[] { ("dozens", 12d), ("hundreds", 1e2), ("thousands", 1e3), ("millions", 1e6), ("billions", 1e9), ("tens", 10d), ("scores", 20d) })
        {
            var e = E(w);
            e.Flags |= LexFlags.ScalePlural;
            e.ScaleValue = v;
        }

        string[] ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
        for (int n = 0; n < ordinals.Length; n++)
        {
            var e = E(ordinals[n]);
            e.Flags |= LexFlags.Ordinal;
            e.Value = n + 1;
        }

        void Cur(string code, params string[] words)
        {
            foreach (var w in words)
            {
                var e = E(w);
                e.Flags |= LexFlags.CurrencyWord;
                e.Currency = code;
            }
        }

        Cur("USD", "dollar", "dollars");
        Cur("EUR", "euro", "euros");
        Cur("GBP", "pound", "pounds", "sterling");
        Cur("CNY", "yuan", "renminbi", "rmb");
        Cur("JPY", "yen");
        Cur("INR", "rupee", "rupees");
        Cur("RUB", "rouble", "roubles", "ruble", "rubles");
        Cur("KRW", "won");
        Cur("CHF", "franc", "francs");
        Cur("MXN", "peso", "pesos");
        Cur("BRL", "reais");
        Cur("ZAR", "rand");
        Cur("TRY", "lira", "lire");
        Cur("SAR", "riyal", "riyals");
        Cur("AED", "dirham", "dirhams");
        Cur("ILS", "shekel", "shekels");
        Cur("SEK", "krona", "kronor");
        Cur("NOK", "krone", "kroner");
        Cur("PLN", "zloty", "zlotys");
        Cur("THB", "baht");
        Cur("MYR", "ringgit");
        Cur("IDR", "rupiah");
        Cur("NGN", "naira");
        Cur("UAH", "hryvnia", "hryvnias");
        Cur("BTC", "bitcoin", "bitcoins");
        foreach (var code in new[] { "USD", "EUR", "GBP", "CNY", "JPY", "INR", "RUB", "KRW", "CHF", "MXN", "BRL", "ZAR", "TRY", "SAR", "AED",
                     "ILS", "SEK", "NOK", "DKK", "PLN", "THB", "MYR", "IDR", "NGN", "UAH", "AUD", "CAD", "HKD", "SGD", "NZD", "TWD" })
        {
            var e = E(code);
            e.Flags |= LexFlags.CurrencyCode;
            e.Currency = code;
        }

        E("RMB").Flags |= LexFlags.CurrencyCode;
        foreach (var (w, v, c) in new[] { ("cent", 0.01, (string?)null), ("cents", 0.01, null), ("pence", 0.01, "GBP"), ("penny", 0.01, "GBP"), ("p", 0.01, "GBP") })
        {
            var e = E(w);
            e.Flags |= LexFlags.CurrencySubunit;
            e.Value = v;
            e.Currency ??= c;
        }

        void Unit(string canonical, LexFlags flag, params string[] words)
        {
            foreach (var w in words)
            {
                var e = E(w);
                e.Flags |= flag;
                e.Unit = canonical;
            }
        }

        Unit("km", LexFlags.MeasureUnit, "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers");
        Unit("m", LexFlags.MeasureUnit, "metre", "metres", "meter", "meters");
        Unit("cm", LexFlags.MeasureUnit, "cm", "centimetre", "centimetres", "centimeter", "centimeters");
        Unit("mm", LexFlags.MeasureUnit, "mm", "millimetre", "millimetres", "millimeter", "millimeters");
        Unit("mi", LexFlags.MeasureUnit, "mile", "miles");
        Unit("ft", LexFlags.MeasureUnit, "ft", "foot", "feet");
        Unit("in", LexFlags.MeasureUnit, "inch", "inches");
        Unit("yd", LexFlags.MeasureUnit, "yard", "yards");
        Unit("kg", LexFlags.MeasureUnit, "kg", "kgs", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos");
        Unit("g", LexFlags.MeasureUnit, "gram", "grams", "gramme", "grammes");
        Unit("t", LexFlags.MeasureUnit, "tonne", "tonnes", "ton", "tons");
        Unit("lb", LexFlags.MeasureUnit, "lb", "lbs");
        Unit("oz", LexFlags.MeasureUnit, "oz", "ounce", "ounces");
        Unit("l", LexFlags.MeasureUnit, "litre", "litres", "liter", "liters");
        Unit("gal", LexFlags.MeasureUnit, "gallon", "gallons");
        Unit("bbl", LexFlags.MeasureUnit, "barrel", "barrels");
        Unit("ha", LexFlags.MeasureUnit, "hectare", "hectares");
        Unit("acre", LexFlags.MeasureUnit, "acre", "acres");
        Unit("mph", LexFlags.MeasureUnit, "mph");
        Unit("km/h", LexFlags.MeasureUnit, "kph", "kmh");
        Unit("deg", LexFlags.MeasureUnit, "degree", "degrees");
        Unit("MW", LexFlags.MeasureUnit, "mw", "megawatt", "megawatts");
        Unit("GW", LexFlags.MeasureUnit, "gw", "gigawatt", "gigawatts");
        Unit("kWh", LexFlags.MeasureUnit, "kwh");
        Unit("second", LexFlags.DurationUnit, "seconds", "secs");
        Unit("minute", LexFlags.DurationUnit, "minute", "minutes", "mins");
        Unit("hour", LexFlags.DurationUnit, "hour", "hours", "hrs");
        Unit("day", LexFlags.DurationUnit, "day", "days");
        Unit("week", LexFlags.DurationUnit, "week", "weeks");
        Unit("fortnight", LexFlags.DurationUnit, "fortnight", "fortnights");
        Unit("month", LexFlags.DurationUnit, "month", "months");
        Unit("year", LexFlags.DurationUnit, "year", "years");
        Unit("decade", LexFlags.DurationUnit, "decade", "decades");
        Unit("century", LexFlags.DurationUnit, "century", "centuries");

        F(LexFlags.Approx, "about", "around", "approximately", "roughly", "nearly", "almost", "circa", "some", "over", "under",
            "estimated", "approx", "ca", "more", "less", "fewer", "least", "most", "upwards", "up", "close", "excess", "just", "below", "above",
            "beyond", "only", "barely", "maximum", "minimum");
        F(LexFlags.Determiner, "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
            "any", "no", "every", "each", "another", "such", "whose", "both", "all", "either", "neither");
        F(LexFlags.Preposition, "of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "onto", "over", "under", "about",
            "after", "before", "during", "since", "until", "till", "through", "throughout", "between", "among", "against", "without",
            "within", "across", "along", "toward", "towards", "near", "per", "via", "than", "as", "like", "amid", "despite", "including",
            "upon", "beneath", "below", "above", "behind", "beside", "besides", "except", "inside", "outside", "past", "off", "out");
        F(LexFlags.Pronoun, "i", "you", "he", "she", "it", "we", "they", "me", "him", "them", "us", "who", "whom", "which", "what",
            "that", "there", "here", "itself", "themselves", "himself", "herself");
        F(LexFlags.Conjunction, "and", "or", "but", "nor", "so", "yet", "because", "although", "though", "while", "whereas", "if",
            "unless", "when", "where", "whether", "whilst", "then", "also");
        F(LexFlags.FutureAux, "will", "'ll", "\u2019ll", "shall", "would", "'d", "\u2019d");
        F(LexFlags.Modal, "may", "might", "could", "should", "must", "can", "cannot", "ought");
        F(LexFlags.Be, "is", "are", "am", "was", "were", "be", "been", "being", "'re", "\u2019re", "'m", "\u2019m");
        F(LexFlags.Have, "has", "have", "had", "'ve", "\u2019ve", "having");
        F(LexFlags.Adverb, "ahead", "apart", "away", "ago", "later", "earlier", "apiece", "respectively", "alone", "already", "still",
            "now", "too", "very", "each", "more", "less", "again", "back", "instead", "altogether", "overall", "total", "combined");
        F(LexFlags.Negation, "not", "n't", "never", "'t", "\u2019t");
        F(LexFlags.PastVerb, "said", "told", "met", "held", "made", "took", "gave", "went", "came", "saw", "got", "left", "won", "lost",
            "began", "fell", "rose", "sent", "spent", "paid", "brought", "bought", "thought", "found", "kept", "led", "ran", "sat", "stood",
            "spoke", "wrote", "broke", "chose", "drove", "flew", "grew", "knew", "threw", "struck", "became", "did", "had", "was", "were",
            "felt", "heard", "meant", "sold", "shot", "fought", "taught", "caught", "sought", "built", "lent", "dealt", "forgot", "hid",
            "overtook", "undertook", "withdrew", "swore", "woke", "wore", "tore", "stole", "froze", "rode", "rang", "sang", "sank", "drank",
            "began", "arose", "bore", "slid", "spun", "stuck", "swept", "wept", "slept", "fled", "bled", "fed", "shook", "forbade",
            "announced", "signed", "arrived", "visited", "agreed", "warned", "added", "ordered", "called", "urged", "killed", "died");
        F(LexFlags.PresentVerb, "says", "say", "tells", "meets", "holds", "is", "are", "am");
        F(LexFlags.ReportingVerb, "said", "says", "say", "told", "tells", "added", "announced", "stated", "reported", "wrote", "noted",
            "warned", "insisted", "claimed", "confirmed", "denied", "explained", "argued");
        F(LexFlags.ClauseStart, "that", "which", "who", "whom", "whose", "where", "when", "while", "whilst", "as", "because",
            "although", "though", "if", "unless", "but", "whereas", "since", "before", "after", "until");
        F(LexFlags.Scheduled, "expected", "scheduled", "due", "set", "slated", "poised", "planned", "planning", "plans", "plan",
            "intends", "intend", "intended", "likely", "hopes", "hoping", "aims", "aiming", "going", "preparing", "prepares", "wants", "seeks",
            "vowed", "pledged", "promised", "threatened", "agreed", "decided", "ordered", "told", "asked", "urged", "allowed", "invited");
        F(LexFlags.RelativeWord, "last", "next", "this", "past", "coming", "previous", "recent", "following", "upcoming", "current",
            "earlier", "later", "early", "late", "mid", "prior");
        F(LexFlags.PeriodWord, "day", "days", "week", "weeks", "month", "months", "year", "years", "weekend", "weekends", "decade",
            "decades", "quarter", "century", "night", "morning", "afternoon", "evening", "fortnight", "hours", "hour", "season", "summer",
            "winter", "spring", "autumn", "fall", "term");
        F(LexFlags.TimeWord, "yesterday", "today", "tomorrow", "tonight");
        F(LexFlags.PartOfDay, "morning", "afternoon", "evening", "night", "overnight", "midday", "noon", "midnight", "lunchtime", "dawn");
        F(LexFlags.TimeOfDayMarker, "am", "pm", "a.m.", "p.m.", "a.m", "p.m", "gmt", "bst", "utc", "est", "edt", "pst", "pdt", "cet",
            "et", "pt", "hrs", "o'clock", "o\u2019clock", "h");
        F(LexFlags.ChangeVerb, "rose", "fell", "increased", "decreased", "dropped", "climbed", "grew", "jumped", "slipped", "slumped",
            "soared", "surged", "declined", "risen", "fallen", "rising", "falling", "cut", "raised", "lowered", "boosted", "reduced", "gained",
            "rise", "fall", "increase", "decrease", "drop", "climb", "grow", "jump", "rises", "falls", "increases", "decreases", "drops",
            "climbs", "grows", "jumps", "up", "down", "plunged", "tumbled", "rallied", "shrank", "expanded", "widened", "narrowed", "revised");

        LoadRoleLexicon(d, E, out titles);
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void LoadRoleLexicon(Dictionary<string, LexEntry> d, Func<string, LexEntry> entry, out FrozenDictionary<string, string[][]> titles)
    {
        var byFirst = new Dictionary<string, List<string[]>>(StringComparer.OrdinalIgnoreCase);
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream("Parallax.Nlp.Roles.role-lexicon.tsv")
            ?? throw new InvalidOperationException("The role lexicon resource is missing from Parallax.Nlp.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab < 0)
            {
                continue;
            }

            var kind = line[..tab];
            var word = line[(tab + 1)..].Trim();
            switch (kind)
            {
                case "head":
                    entry(word).Flags |= LexFlags.RoleHead;
                    break;
                case "modifier":
                    entry(word).Flags |= LexFlags.RoleModifier;
                    break;
                case "honorific":
                    var h = entry(word);
                    h.Flags |= LexFlags.Honorific;
                    h.Canonical = char.ToUpperInvariant(word[0]) + word[1..];
                    break;
                case "orgnoun":
                    entry(word).Flags |= LexFlags.OrgNoun;
                    break;
                case "title":
                    var parts = word.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    entry(parts[0]).Flags |= LexFlags.RoleTitleStart;
                    if (!byFirst.TryGetValue(parts[0], out var list))
                    {
                        byFirst[parts[0]] = list = [];
                    }

                    list.Add(parts);
                    break;
            }
        }

        _ = d;
        titles = byFirst.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(p => p.Length).ToArray(),
            StringComparer.OrdinalIgnoreCase);
    }

    internal static Assembly Assembly => typeof(Lexicon).Assembly;
}
