using System.Globalization;
using Parallax.Core;
using Parallax.Nlp.Facts;

namespace Parallax.Nlp.Dates;

internal enum CoreKind : byte
{
    Date,
    Month,
    Weekday,
    Season,
    Year,
    YearRange,
    Decade,
    Quarter,
    Offset,
    Ago,
    Ahead,
    PastSpan,
    NextSpan,
    Partial,
    Within,
    Weekend,
    Vague,
    EventRelative,
}

/// <summary>What a time phrase says before it is resolved against the publication date.</summary>
internal struct TimeCore
{
    public CoreKind Kind;
    public int Start;
    public int End;
    public int Year;
    public int YearEnd;
    public int Month;
    public int Day;
    public int Weekday;
    public int Season;
    public int Quarter;
    public bool HasShift;
    public int Shift;

    /// <summary>day, week, weekend, month, quarter, year, decade.</summary>
    public string? Unit;
    public int Amount;
    public string? Relative;
    public string? Part;
}

/// <summary>
/// The time grammar: finds explicit dates, weekdays, months, seasons, years, quarters and relative phrases in the
/// atoms of one document and resolves them against the publication date, looking at tense where the phrase alone
/// does not say which way it points. Hand-written, linear in the number of atoms, no regular expressions.
/// </summary>
internal static class TimeGrammar
{
    private static readonly string[] NamedWeekdayFollowers =
        ["Times", "Telegraph", "Mirror", "Express", "Post", "Herald", "Mail", "Sport", "Star", "People", "World", "Record", "Review",
         "Independent", "Night", "Tribune", "Observer", "Club", "League"];

    public static void Parse(AtomBuffer a, DateOnly? anchor, List<TimeExpression> output)
    {
        int lastEnd = 0;
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i].Sentence < 0 || !MayStart(a, i) || !TryCore(a, i, out var core))
            {
                continue;
            }

            int start = core.Start;
            string? part = core.Part;
            string? relation = null;
            ExtendLeft(a, ref start, lastEnd, ref part, ref relation, core);
            core.Part = part;
            output.Add(Resolve(a, core, start, relation, anchor));
            lastEnd = core.End;
            i = core.End - 1;
        }
    }

    private static bool MayStart(AtomBuffer a, int i)
    {
        ref var atom = ref a[i];
        if (atom.Kind == AtomKind.Number)
        {
            return !atom.Separated && !atom.Decimal;
        }

        if (atom.Kind != AtomKind.Word)
        {
            return false;
        }

        const LexFlags triggers = LexFlags.Month | LexFlags.MonthAbbrev | LexFlags.Weekday | LexFlags.Season | LexFlags.TimeWord
            | LexFlags.RelativeWord | LexFlags.NumberWord | LexFlags.DurationUnit | LexFlags.Ordinal;
        return (a.Flags(i) & triggers) != 0 || a.Is(i, "within") || a.Is(i, "a") || a.Is(i, "an") || a.Is(i, "few")
            || a.Is(i, "several") || a.Is(i, "weekend") || a.IsExact(i, "Q") || a.Is(i, "the");
    }

    // ------------------------------------------------------------------ cores

    private static bool TryCore(AtomBuffer a, int i, out TimeCore core)
    {
        core = default;
        core.Start = i;
        ref var atom = ref a[i];
        if (atom.Kind == AtomKind.Number)
        {
            return TryNumberCore(a, i, ref core);
        }

        var f = a.Flags(i);
        if (atom.Upper && (f & (LexFlags.Month | LexFlags.MonthAbbrev)) != 0 && TryMonthCore(a, i, ref core))
        {
            return true;
        }

        if (atom.Upper && (f & LexFlags.Weekday) != 0 && TryWeekdayCore(a, i, ref core))
        {
            return true;
        }

        if ((f & LexFlags.Season) != 0 && !atom.Upper || (f & LexFlags.Season) != 0 && atom.SentenceStart)
        {
            if (TrySeasonCore(a, i, ref core, shift: null))
            {
                return true;
            }
        }

        if ((f & LexFlags.TimeWord) != 0 && !(IsAllCaps(a.Span(i)) && IsInsideName(a, i)))
        {
            int n = a.Is(i, "yesterday") ? -1 : a.Is(i, "tomorrow") ? 1 : 0;
            core.Kind = CoreKind.Offset;
            core.Unit = "day";
            core.Amount = n;
            core.End = i + 1;
            if (a.Has(i + 1, LexFlags.PartOfDay) && !a.Is(i, "tonight"))
            {
                core.End = i + 2;
            }

            return true;
        }

        if ((f & LexFlags.RelativeWord) != 0 && TryRelativeCore(a, i, ref core))
        {
            return true;
        }

        if ((f & LexFlags.Ordinal) != 0 && TryQuarterCore(a, i, ref core))
        {
            return true;
        }

        if (a.IsExact(i, "Q") && i + 1 < a.Count && a[i + 1].Kind == AtomKind.Number && a[i + 1].Glued && a[i + 1].Value is >= 1 and <= 4 && a[i + 1].Digits == 1)
        {
            core.Kind = CoreKind.Quarter;
            core.Quarter = (int)a[i + 1].Value;
            core.End = i + 2;
            TryYearAfter(a, ref core, allowComma: false);
            return true;
        }

        if (a.Is(i, "within"))
        {
            return TryWithinCore(a, i, ref core);
        }

        if (a.Is(i, "weekend") && (a.Is(i - 1, "the") || a.Is(i - 1, "this")))
        {
            core.Kind = CoreKind.Weekend;
            core.End = i + 1;
            return true;
        }

        // "two weeks ago", "a year ago", "days after", "a day earlier", "several months later".
        if ((f & LexFlags.NumberWord) != 0 || a.Is(i, "a") || a.Is(i, "an") || a.Is(i, "few") || a.Is(i, "several") || (f & LexFlags.DurationUnit) != 0)
        {
            return TryAgoCore(a, i, ref core);
        }

        return false;
    }

    private static bool TryNumberCore(AtomBuffer a, int i, ref TimeCore core)
    {
        ref var n = ref a[i];
        // ISO 8601: 2017-09-30
        if (n.Digits == 4 && a.IsSymbol(i + 1, '-') && a[i + 1].Glued && IsNum(a, i + 2, 2) && a[i + 2].Glued
            && a.IsSymbol(i + 3, '-') && a[i + 3].Glued && IsNum(a, i + 4, 2) && a[i + 4].Glued)
        {
            int y = (int)n.Value, m = (int)a[i + 2].Value, d = (int)a[i + 4].Value;
            if (CalendarMath.ValidDay(y, m, d))
            {
                core.Kind = CoreKind.Date;
                (core.Year, core.Month, core.Day, core.End) = (y, m, d, i + 5);
                return true;
            }
        }

        // 9/30/2017 or 30/09/2017
        if (n.Digits <= 2 && a.IsSymbol(i + 1, '/') && a[i + 1].Glued && IsNum(a, i + 2, 2) && a[i + 2].Glued
            && a.IsSymbol(i + 3, '/') && a[i + 3].Glued && i + 4 < a.Count && a[i + 4].Kind == AtomKind.Number && a[i + 4].Glued
            && (a[i + 4].Digits == 4 || a[i + 4].Digits == 2))
        {
            int p = (int)n.Value, q = (int)a[i + 2].Value, y = (int)a[i + 4].Value;
            if (y < 100)
            {
                y += 2000;
            }

            (int m, int d) = p > 12 ? (q, p) : (p, q);
            if (CalendarMath.ValidDay(y, m, d))
            {
                core.Kind = CoreKind.Date;
                (core.Year, core.Month, core.Day, core.End) = (y, m, d, i + 5);
                return true;
            }
        }

        // 30 September 2017, 30th of September, 1 Jan
        if (n.Digits <= 2 && n.Value is >= 1 and <= 31)
        {
            int j = i + 1;
            if (IsOrdinalSuffix(a, j))
            {
                j++;
            }

            if (a.Is(j, "of"))
            {
                j++;
            }

            if (j < a.Count && a[j].Upper && (a.Flags(j) & (LexFlags.Month | LexFlags.MonthAbbrev)) != 0 && a.InSentence(j, i))
            {
                int m = a[j].Lex!.Month;
                j++;
                if (a.IsSymbol(j, '.') && a[j].Glued)
                {
                    j++;
                }

                core.Kind = CoreKind.Date;
                core.Month = m;
                core.Day = (int)n.Value;
                core.End = j;
                TryYearAfter(a, ref core, allowComma: true);
                return core.Year != 0 ? CalendarMath.ValidDay(core.Year, m, core.Day) : core.Day <= DateTime.DaysInMonth(2016, m);
            }
        }

        if (Numbers.CalendarGuard.IsYear(a, i))
        {
            int y = (int)n.Value;
            core.Year = y;
            core.End = i + 1;
            // 1990s, 1990's
            if (y % 10 == 0 && ((a.IsExact(i + 1, "s") && a[i + 1].Glued) || (a.IsSymbol(i + 1, '\'') || a.IsSymbol(i + 1, '\u2019')) && a.IsExact(i + 2, "s")))
            {
                core.Kind = CoreKind.Decade;
                core.End = a.IsExact(i + 1, "s") ? i + 2 : i + 3;
                return true;
            }

            // 2016-17, 2016/17, 2016-2017
            if ((a.IsSymbol(i + 1, '-') || a.IsSymbol(i + 1, '/') || a.IsSymbol(i + 1, '\u2013')) && a[i + 1].Glued && i + 2 < a.Count
                && a[i + 2].Kind == AtomKind.Number && a[i + 2].Glued && !a[i + 2].Decimal)
            {
                int e = (int)a[i + 2].Value;
                if (a[i + 2].Digits == 2)
                {
                    e += (y / 100) * 100;
                }

                if (a[i + 2].Digits is 2 or 4 && e > y && e - y <= 10)
                {
                    core.Kind = CoreKind.YearRange;
                    core.YearEnd = e;
                    core.End = i + 3;
                    return true;
                }
            }

            core.Kind = CoreKind.Year;
            return true;
        }

        if (n.Digits <= 3 && TryAgoCore(a, i, ref core))
        {
            return true;
        }

        return false;
    }

    private static bool TryMonthCore(AtomBuffer a, int i, ref TimeCore core)
    {
        var lex = a[i].Lex!;
        bool abbrev = (lex.Flags & LexFlags.Month) == 0;
        if (IsInsideName(a, i))
        {
            return false;
        }

        int j = i + 1;
        if (abbrev && a.IsSymbol(j, '.') && a[j].Glued)
        {
            j++;
        }

        core.Month = lex.Month;
        if (j < a.Count && a[j].Kind == AtomKind.Number && a[j].Digits <= 2 && !a[j].Decimal && a[j].Value is >= 1 and <= 31 && a.InSentence(j, i)
            && !(a.IsSymbol(j + 1, ':') && a[j + 1].Glued) && !a.Has(j + 1, LexFlags.Scale) && !a.IsSymbol(j + 1, '%'))
        {
            core.Day = (int)a[j].Value;
            j++;
            if (IsOrdinalSuffix(a, j))
            {
                j++;
            }

            // "September 28-30": keep the first day, take the range to the last.
            if ((a.IsSymbol(j, '-') || a.IsSymbol(j, '\u2013')) && IsNum(a, j + 1, 2) && a[j + 1].Value > core.Day && a[j + 1].Value <= 31)
            {
                core.Amount = (int)a[j + 1].Value;
                j += 2;
            }
        }

        core.End = j;
        TryYearAfter(a, ref core, allowComma: true);
        if (core.Year == 0 && core.Day == 0 && a.Is(core.End, "of") && IsYearNumber(a, core.End + 1))
        {
            core.Year = (int)a[core.End + 1].Value;
            core.End += 2;
        }

        if (core.Day == 0 && core.Year == 0)
        {
            if (abbrev)
            {
                return false;
            }

            // "May" alone is a verb or a name unless a time preposition stands before it.
            if (lex.Month == 5 && !(a.Has(i - 1, LexFlags.Preposition) || a.Has(i - 1, LexFlags.RelativeWord) || a.Is(i - 1, "-") && a.Is(i - 2, "mid")))
            {
                return false;
            }

            // A month alone right before a capitalised word is usually a name ("March Madness").
            if (a.InSentence(j, i) && j < a.Count && a[j].Upper && a[j].Kind == AtomKind.Word && (a.Flags(j) & (LexFlags.Month | LexFlags.Weekday)) == 0
                && !a.Has(i - 1, LexFlags.Preposition))
            {
                return false;
            }
        }

        core.Kind = core.Day != 0 ? CoreKind.Date : CoreKind.Month;
        return core.Day == 0 || core.Day <= DateTime.DaysInMonth(core.Year == 0 ? 2016 : core.Year, core.Month);
    }

    private static bool TryWeekdayCore(AtomBuffer a, int i, ref TimeCore core)
    {
        if (IsInsideName(a, i))
        {
            return false;
        }

        if (i + 1 < a.Count && a[i + 1].Upper && a.InSentence(i + 1, i))
        {
            var next = a.Span(i + 1);
            foreach (var w in NamedWeekdayFollowers)
            {
                if (next.SequenceEqual(w))
                {
                    return false;
                }
            }
        }

        int weekday = a[i].Lex!.Weekday;
        // "Saturday, September 30, 2017", "Saturday 30 September"
        int k = i + 1;
        if (a.IsSymbol(k, ','))
        {
            k++;
        }

        if (k < a.Count && a.InSentence(k, i) && TryCore(a, k, out var date) && date.Kind == CoreKind.Date)
        {
            core = date;
            core.Start = i;
            core.Weekday = weekday;
            return true;
        }

        core.Kind = CoreKind.Weekday;
        core.Weekday = weekday;
        core.End = i + 1;
        if (a.Has(i + 1, LexFlags.PartOfDay) && a.InSentence(i + 1, i))
        {
            core.End = i + 2;
        }

        return true;
    }

    private static bool TrySeasonCore(AtomBuffer a, int i, ref TimeCore core, int? shift)
    {
        bool isFall = a.Is(i, "fall");
        int j = i + 1;
        bool yearAfter = IsYearNumber(a, j) || a.Is(j, "of") && IsYearNumber(a, j + 1);
        bool context = shift is not null || yearAfter || a.Is(i - 1, "the") && (a.Has(i - 2, LexFlags.Preposition) || a.Is(i - 2, "early") || a.Is(i - 2, "late"))
            || !isFall && (a.Is(i - 1, "in") || a.Is(i - 1, "by") || a.Is(i - 1, "since") || a.Is(i - 1, "until") || a.Is(i - 1, "early") || a.Is(i - 1, "late") || a.Is(i - 1, "this") || a.Is(i - 1, "last") || a.Is(i - 1, "next"));
        if (!context || a.Is(j, "of") && !yearAfter)
        {
            return false;
        }

        core.Kind = CoreKind.Season;
        core.Season = a[i].Lex!.Season;
        core.End = j;
        if (shift is { } s)
        {
            core.HasShift = true;
            core.Shift = s;
        }

        if (a.Is(j, "of") && yearAfter)
        {
            core.Year = (int)a[j + 1].Value;
            core.End = j + 2;
        }
        else if (yearAfter)
        {
            core.Year = (int)a[j].Value;
            core.End = j + 1;
        }

        return true;
    }

    private static bool TryRelativeCore(AtomBuffer a, int i, ref TimeCore core)
    {
        int k = i + 1;
        if (a.IsSymbol(k, '-') && a[k].Glued)
        {
            k++;
        }

        if (k >= a.Count || !a.InSentence(k, i))
        {
            return false;
        }

        var w = a.Span(i);
        bool the = a.Is(i - 1, "the") || a.Is(i - 1, "very") && a.Is(i - 2, "the");
        if (w.Equals("following", StringComparison.OrdinalIgnoreCase) && !the)
        {
            return false; // "Following Monday's debate": a preposition, not "the following Monday"
        }

        // "so far this year": from the start of the unit to the publication date
        if (w.Equals("this", StringComparison.OrdinalIgnoreCase) && a.Is(i - 1, "far") && a.Is(i - 2, "so") && SingularUnit(a, k) is { } sofar
            && sofar is "week" or "month" or "year" && !IsPlural(a, k))
        {
            core.Kind = CoreKind.Partial;
            (core.Unit, core.Start, core.End, core.Part) = (sofar, i - 2, k + 1, "earlier");
            return true;
        }

        int shift = w.Equals("last", StringComparison.OrdinalIgnoreCase) || w.Equals("past", StringComparison.OrdinalIgnoreCase) || w.Equals("previous", StringComparison.OrdinalIgnoreCase) ? -1
            : w.Equals("next", StringComparison.OrdinalIgnoreCase) || w.Equals("coming", StringComparison.OrdinalIgnoreCase) || w.Equals("upcoming", StringComparison.OrdinalIgnoreCase) || w.Equals("following", StringComparison.OrdinalIgnoreCase) ? 1
            : w.Equals("this", StringComparison.OrdinalIgnoreCase) || w.Equals("current", StringComparison.OrdinalIgnoreCase) ? 0
            : int.MinValue;

        if (shift != int.MinValue)
        {
            var nf = a.Flags(k);
            if ((nf & LexFlags.Weekday) != 0 && a[k].Upper)
            {
                core.Kind = CoreKind.Weekday;
                core.Weekday = a[k].Lex!.Weekday;
                (core.HasShift, core.Shift, core.End) = (true, shift, k + 1);
                if (a.Has(k + 1, LexFlags.PartOfDay))
                {
                    core.End++;
                }

                return !the;
            }

            if ((nf & LexFlags.Month) != 0 && a[k].Upper)
            {
                core.Kind = CoreKind.Month;
                core.Month = a[k].Lex!.Month;
                (core.HasShift, core.Shift, core.End) = (true, shift, k + 1);
                return !the;
            }

            if ((nf & LexFlags.Season) != 0)
            {
                return TrySeasonCore(a, k, ref core, shift) && (core.Start = i) == i;
            }

            if (a.Is(k, "weekend"))
            {
                core.Kind = CoreKind.Weekend;
                (core.HasShift, core.Shift, core.End) = (true, shift, k + 1);
                return true;
            }

            if (a.Has(k, LexFlags.PartOfDay) && !w.Equals("next", StringComparison.OrdinalIgnoreCase))
            {
                // "last night", "this morning"
                core.Kind = CoreKind.Offset;
                core.Unit = "day";
                core.Amount = w.Equals("last", StringComparison.OrdinalIgnoreCase) && a.Is(k, "night") ? -1 : 0;
                core.End = k + 1;
                return !the && (shift != 0 || !a.Is(k, "night") || true);
            }

            var unit = SingularUnit(a, k);
            if (unit is not null && !IsPlural(a, k))
            {
                if (unit is "hour" or "minute" or "second" or "fortnight" or "century")
                {
                    return false;
                }

                if (the && (w.Equals("next", StringComparison.OrdinalIgnoreCase) || w.Equals("following", StringComparison.OrdinalIgnoreCase) || w.Equals("previous", StringComparison.OrdinalIgnoreCase)))
                {
                    // "the next day", "the following week", "the previous year": relative to the event told, not to the article.
                    core.Kind = CoreKind.EventRelative;
                    core.Relative = (shift > 0 ? "+1 " : "-1 ") + unit + (shift > 0 ? ";after-event" : ";before-event");
                    core.End = k + 1;
                    return true;
                }

                if (unit == "day")
                {
                    return false;
                }

                if (w.Equals("past", StringComparison.OrdinalIgnoreCase) || the && w.Equals("last", StringComparison.OrdinalIgnoreCase))
                {
                    core.Kind = CoreKind.PastSpan;
                    (core.Unit, core.Amount, core.End) = (unit, 1, k + 1);
                    return true;
                }

                core.Kind = CoreKind.Offset;
                (core.Unit, core.Amount, core.End) = (unit, shift, k + 1);
                return true;
            }

            // "the past three years", "the next two weeks", "the last 10 days"
            if (TryCount(a, k, out int count, out int afterCount) && SingularUnit(a, afterCount) is { } u && IsPlural(a, afterCount))
            {
                core.Kind = shift < 0 ? CoreKind.PastSpan : CoreKind.NextSpan;
                (core.Unit, core.Amount, core.End) = (u, count, afterCount + 1);
                return shift != 0;
            }

            // "the past few days", "the coming weeks"
            int v = a.Is(k, "few") || a.Is(k, "several") ? k + 1 : k;
            if (SingularUnit(a, v) is { } vu && IsPlural(a, v) && shift != 0)
            {
                core.Kind = CoreKind.Vague;
                core.Relative = (shift < 0 ? "-" : "+") + vu + "s";
                core.End = v + 1;
                return true;
            }

            return false;
        }

        if (w.Equals("recent", StringComparison.OrdinalIgnoreCase) && SingularUnit(a, k) is { } ru && IsPlural(a, k))
        {
            core.Kind = CoreKind.Vague;
            core.Relative = "-" + ru + "s;recent";
            core.End = k + 1;
            return true;
        }

        bool earlier = w.Equals("earlier", StringComparison.OrdinalIgnoreCase);
        bool later = w.Equals("later", StringComparison.OrdinalIgnoreCase);
        if (earlier || later)
        {
            // "earlier this month", "later this year", "earlier today"
            if (a.Is(k, "today"))
            {
                core.Kind = CoreKind.Offset;
                (core.Unit, core.Amount, core.End) = ("day", 0, k + 1);
                return true;
            }

            int u0 = a.Is(k, "this") ? k + 1 : a.Is(k, "in") && a.Is(k + 1, "the") ? k + 2 : -1;
            if (u0 > 0 && SingularUnit(a, u0) is { } pu && pu is "week" or "month" or "year" && !IsPlural(a, u0))
            {
                core.Kind = CoreKind.Partial;
                (core.Unit, core.End, core.Part) = (pu, u0 + 1, earlier ? "earlier" : "later");
                return true;
            }

            return false;
        }

        // "early next year", "late last month"
        string? part = w.Equals("early", StringComparison.OrdinalIgnoreCase) ? "early"
            : w.Equals("late", StringComparison.OrdinalIgnoreCase) ? "late"
            : w.Equals("mid", StringComparison.OrdinalIgnoreCase) ? "mid" : null;
        if (part is not null && (a.Is(k, "this") || a.Is(k, "next") || a.Is(k, "last")) && TryRelativeCore(a, k, ref core) && core.Kind == CoreKind.Offset
            && core.Unit is "year" or "month" or "week")
        {
            core.Start = i;
            core.Part = part;
            return true;
        }

        return false;
    }

    private static bool TryQuarterCore(AtomBuffer a, int i, ref TimeCore core)
    {
        int q = (int)a[i].Lex!.Value;
        int k = i + 1;
        if (a.IsSymbol(k, '-') && a[k].Glued)
        {
            k++;
        }

        if (q > 4 || !a.Is(k, "quarter"))
        {
            return false;
        }

        core.Kind = CoreKind.Quarter;
        core.Quarter = q;
        core.End = k + 1;
        if (a.Is(core.End, "of") && IsYearNumber(a, core.End + 1))
        {
            core.Year = (int)a[core.End + 1].Value;
            core.End += 2;
        }
        else if (a.Is(core.End, "of") && (a.Is(core.End + 1, "this") || a.Is(core.End + 1, "last") || a.Is(core.End + 1, "next")) && a.Is(core.End + 2, "year"))
        {
            core.HasShift = true;
            core.Shift = a.Is(core.End + 1, "this") ? 0 : a.Is(core.End + 1, "last") ? -1 : 1;
            core.End += 3;
        }
        else
        {
            TryYearAfter(a, ref core, allowComma: false);
        }

        return true;
    }

    private static bool TryWithinCore(AtomBuffer a, int i, ref TimeCore core)
    {
        int k = i + 1;
        if (a.Is(k, "the") && SingularUnit(a, k + 1) is { } u && !IsPlural(a, k + 1) && u is "day" or "week" or "month" or "year")
        {
            core.Kind = CoreKind.Within;
            (core.Unit, core.Amount, core.End) = (u, 0, k + 2);
            return !a.Is(k + 2, "of");
        }

        if (a.Is(k, "the") && (a.Is(k + 1, "next") || a.Is(k + 1, "coming")))
        {
            k += 2;
        }

        if (TryCount(a, k, out int n, out int unitAt) && SingularUnit(a, unitAt) is { } cu)
        {
            core.End = unitAt + 1;
            if (a.Is(core.End, "of"))
            {
                core.Kind = CoreKind.EventRelative;
                core.Relative = "+" + n.ToString(CultureInfo.InvariantCulture) + " " + cu + ";within-event";
                return true;
            }

            core.Kind = CoreKind.Within;
            (core.Unit, core.Amount) = (cu, n);
            return cu is not ("hour" or "minute" or "second") || true;
        }

        if (SingularUnit(a, k) is { } vu && IsPlural(a, k))
        {
            core.Kind = CoreKind.Vague;
            core.Relative = "+" + vu + "s;within";
            core.End = k + 1;
            return true;
        }

        return false;
    }

    private static bool TryAgoCore(AtomBuffer a, int i, ref TimeCore core)
    {
        int unitAt;
        int n;
        bool vague = false;
        if ((a.Flags(i) & LexFlags.DurationUnit) != 0 && IsPlural(a, i) && !a.Has(i - 1, LexFlags.NumberWord) && !(i > 0 && a[i - 1].Kind == AtomKind.Number))
        {
            unitAt = i;
            n = 0;
            vague = true;
        }
        else if (a.Is(i, "few") || a.Is(i, "several"))
        {
            unitAt = i + 1;
            n = 0;
            vague = true;
        }
        else if (!TryCount(a, i, out n, out unitAt))
        {
            return false;
        }

        var unit = SingularUnit(a, unitAt);
        if (unit is null || unit is "second" or "fortnight" || !a.InSentence(unitAt, i))
        {
            return false;
        }

        int d = unitAt + 1;
        string amount = vague ? unit + "s" : n.ToString(CultureInfo.InvariantCulture) + " " + unit;
        if (!vague && a.Is(i - 1, "in") && IsPlural(a, unitAt) && !a.Is(d, "of") && !a.Is(d, "ago") && unit is "day" or "week" or "month" or "year")
        {
            // "will be inaugurated in 70 days": ahead of the article; "the first time in 10 years": the span before it.
            var tense = TenseCues.At(a, i - 1, d);
            if (tense == Tense.Future)
            {
                core.Kind = CoreKind.Ahead;
                (core.Unit, core.Amount, core.End) = (unit, n, d);
                return true;
            }

            if (tense == Tense.Past && (a.Is(i - 2, "time") || a.Is(i - 2, "first")))
            {
                core.Kind = CoreKind.PastSpan;
                (core.Unit, core.Amount, core.End) = (unit, n, d);
                return true;
            }

            return false;
        }

        if (a.Is(d, "ago"))
        {
            if (vague || unit is "hour" or "minute")
            {
                core.Kind = CoreKind.Vague;
                core.Relative = "-" + amount + ";ago";
            }
            else
            {
                core.Kind = CoreKind.Ago;
                (core.Unit, core.Amount) = (unit, n);
            }

            core.End = d + 1;
            return true;
        }

        bool after = a.Is(d, "after") || a.Is(d, "later");
        bool before = a.Is(d, "before") || a.Is(d, "earlier");
        if ((after || before) && a.InSentence(d, i))
        {
            // "days after it said", "two years later": relative to an event in the text.
            bool conj = a.Is(d, "after") || a.Is(d, "before");
            if (conj && (d + 1 >= a.Count || !a.InSentence(d + 1, d) || a[d + 1].Kind == AtomKind.Symbol))
            {
                return false;
            }

            core.Kind = CoreKind.EventRelative;
            core.Relative = (after ? "+" : "-") + amount + (after ? ";after-event" : ";before-event");
            core.End = d + 1;
            return true;
        }

        return false;
    }

    // ------------------------------------------------------------------ helpers

    private static bool IsInsideName(AtomBuffer a, int i)
    {
        // "Good Friday", "Black Friday", "Theresa May", "Super Tuesday": a capitalised word right before, not a sentence start.
        int p = i - 1;
        if (p < 0 || !a.InSentence(p, i) || a[p].Kind != AtomKind.Word || !a[p].Upper || a[p].SentenceStart && !a[i - 1].Upper)
        {
            return false;
        }

        var pf = a.Flags(p);
        if ((pf & (LexFlags.Preposition | LexFlags.RelativeWord | LexFlags.Determiner | LexFlags.Month | LexFlags.Weekday | LexFlags.Ordinal)) != 0)
        {
            return false;
        }

        return !a[p].SentenceStart || (pf & LexFlags.Function) == 0 && !a.Is(p, "Mid");
    }

    private static bool IsAllCaps(ReadOnlySpan<char> s)
    {
        foreach (var ch in s)
        {
            if (!char.IsUpper(ch))
            {
                return false;
            }
        }

        return s.Length > 1;
    }

    private static bool IsNum(AtomBuffer a, int i, int maxDigits) =>
        i < a.Count && a[i].Kind == AtomKind.Number && a[i].Digits <= maxDigits && !a[i].Decimal && !a[i].Separated;

    private static bool IsYearNumber(AtomBuffer a, int i) =>
        i < a.Count && a[i].Kind == AtomKind.Number && a[i].Digits == 4 && !a[i].Decimal && !a[i].Separated && a[i].Value is >= 1000 and <= 2999;

    private static bool IsOrdinalSuffix(AtomBuffer a, int j) =>
        j < a.Count && a[j].Glued && a[j].Kind == AtomKind.Word && (a.Is(j, "st") || a.Is(j, "nd") || a.Is(j, "rd") || a.Is(j, "th"));

    private static void TryYearAfter(AtomBuffer a, ref TimeCore core, bool allowComma)
    {
        int k = core.End;
        if (allowComma && a.IsSymbol(k, ','))
        {
            k++;
        }

        if (IsYearNumber(a, k) && a.InSentence(k, core.Start) && !(a.IsSymbol(k + 1, '-') && a[k + 1].Glued && IsNum(a, k + 2, 2)))
        {
            core.Year = (int)a[k].Value;
            core.End = k + 1;
        }
    }

    /// <summary>"two", "a", "an", "12", "twenty-five" as a small count of time units.</summary>
    private static bool TryCount(AtomBuffer a, int i, out int n, out int next)
    {
        n = 0;
        next = i;
        if (i >= a.Count)
        {
            return false;
        }

        if (a[i].Kind == AtomKind.Number && !a[i].Decimal && !a[i].Separated && a[i].Digits <= 3)
        {
            n = (int)a[i].Value;
            next = i + 1;
            return true;
        }

        if (a.Is(i, "a") || a.Is(i, "an") || a.Is(i, "one"))
        {
            n = 1;
            next = i + 1;
            return true;
        }

        if (a.Has(i, LexFlags.NumberWord))
        {
            n = (int)a[i].Lex!.Value;
            next = i + 1;
            if (n >= 20 && a.IsSymbol(i + 1, '-') && a[i + 1].Glued && a.Has(i + 2, LexFlags.NumberWord) && a[i + 2].Lex!.Value < 10)
            {
                n += (int)a[i + 2].Lex!.Value;
                next = i + 3;
            }

            return true;
        }

        return false;
    }

    private static string? SingularUnit(AtomBuffer a, int i)
    {
        if (i >= a.Count || a[i].Kind != AtomKind.Word)
        {
            return null;
        }

        if (a.Is(i, "weekend"))
        {
            return "weekend";
        }

        if (a.Is(i, "quarter"))
        {
            return "quarter";
        }

        return a.Has(i, LexFlags.DurationUnit) ? a[i].Lex!.Unit : null;
    }

    private static bool IsPlural(AtomBuffer a, int i) =>
        i < a.Count && a[i].Kind == AtomKind.Word && (a.Span(i).EndsWith("s", StringComparison.OrdinalIgnoreCase) || a.Is(i, "centuries"));

    // ------------------------------------------------------------------ prefixes

    private static void ExtendLeft(AtomBuffer a, ref int start, int lastEnd, ref string? part, ref string? relation, in TimeCore core)
    {
        bool partAllowed = core.Kind is CoreKind.Month or CoreKind.Year or CoreKind.Season or CoreKind.Decade or CoreKind.Quarter
            || core.Kind == CoreKind.Offset && core.Unit is "year" or "month" or "week";
        for (int guard = 0; guard < 5; guard++)
        {
            int p = start - 1;
            if (p < lastEnd || p < 0 || !a.InSentence(p, start))
            {
                return;
            }

            if (partAllowed && part is null)
            {
                if ((a.IsExact(p, "early") || a.IsExact(p, "late") || a.IsExact(p, "Early") || a.IsExact(p, "Late")) && !a.IsSymbol(start, '-'))
                {
                    part = a.Is(p, "early") ? "early" : "late";
                    start = p;
                    continue;
                }

                if (a.IsSymbol(p, '-') && a[start].Glued && a.Is(p - 1, "mid") && p - 1 >= lastEnd)
                {
                    part = "mid";
                    start = p - 1;
                    continue;
                }

                if (a.Is(p, "mid"))
                {
                    part = "mid";
                    start = p;
                    continue;
                }

                if (a.Is(p, "of") && p - 1 >= lastEnd)
                {
                    string? edge = a.Is(p - 1, "end") ? "late" : a.Is(p - 1, "beginning") || a.Is(p - 1, "start") ? "early" : a.Is(p - 1, "middle") ? "mid" : null;
                    if (edge is not null)
                    {
                        part = edge;
                        start = a.Is(p - 2, "the") && p - 2 >= lastEnd ? p - 2 : p - 1;
                        continue;
                    }
                }
            }

            if (a.Is(p, "the") && core.Kind is CoreKind.Offset or CoreKind.PastSpan or CoreKind.NextSpan or CoreKind.Quarter or CoreKind.Weekend
                    or CoreKind.Season or CoreKind.Vague or CoreKind.EventRelative or CoreKind.Decade && a[start].Kind == AtomKind.Word | core.Kind == CoreKind.Decade)
            {
                start = p;
                continue;
            }

            if (relation is null)
            {
                if (a.Is(p, "by") || a.Is(p, "since") || a.Is(p, "from") || a.Is(p, "until") || a.Is(p, "till") || a.Is(p, "through")
                    || a.Is(p, "before") || a.Is(p, "after"))
                {
                    relation = a.Span(p).ToString().ToLowerInvariant();
                    start = p;
                    return;
                }

                if (a.Is(p, "of") && a.Is(p - 1, "as") && p - 1 >= lastEnd)
                {
                    relation = "as of";
                    start = p - 1;
                    return;
                }

                if ((a.Is(p, "on") || a.Is(p, "in") || a.Is(p, "during") || a.Is(p, "at") || a.Is(p, "over") && core.Kind is not CoreKind.Vague)
                    && core.Kind is not (CoreKind.Ago or CoreKind.EventRelative or CoreKind.Within))
                {
                    start = p;
                    return;
                }
            }

            return;
        }
    }

    // ------------------------------------------------------------------ resolution

    private static TimeExpression Resolve(AtomBuffer a, in TimeCore c, int start, string? relation, DateOnly? anchor)
    {
        var range = a.Range(start, c.End);
        string? modifier = relation is null ? c.Part : c.Part is null ? relation : relation + " " + c.Part;
        Tense tense = Tense.Unknown;
        bool needTense = c.Kind is CoreKind.Date or CoreKind.Month or CoreKind.Weekday or CoreKind.Season or CoreKind.Quarter or CoreKind.Weekend
            && c.Year == 0 && !c.HasShift;
        if (needTense)
        {
            bool possessive = a.Is(c.End, "'s") || a.Is(c.End, "\u2019s");
            tense = TenseCues.At(a, start, c.End, strongOnly: possessive);
            if (tense == Tense.Unknown)
            {
                tense = relation switch
                {
                    "by" or "until" or "till" or "through" => Tense.Future,
                    "since" or "after" => Tense.Past,
                    _ => Tense.Unknown,
                };
            }

            if (relation == "since")
            {
                tense = Tense.Past;
            }
        }

        string tenseSuffix = tense switch
        {
            Tense.Past => ";past",
            Tense.Future => ";future",
            _ => string.Empty,
        };

        switch (c.Kind)
        {
            case CoreKind.Date:
            {
                if (c.Year != 0)
                {
                    var d = new DateOnly(c.Year, c.Month, c.Day);
                    var e = c.Amount > c.Day ? new DateOnly(c.Year, c.Month, c.Amount) : d;
                    return new(range, d, e, TimeGranularity.Day, TimeResolution.Absolute, null, modifier);
                }

                string rel = string.Create(CultureInfo.InvariantCulture, $"--{c.Month:00}-{c.Day:00}") + tenseSuffix;
                if (anchor is not { } an)
                {
                    return Unresolved(range, TimeGranularity.Day, rel, modifier);
                }

                DateOnly? best = null;
                int bestScore = int.MaxValue;
                for (int y = an.Year - 1; y <= an.Year + 1; y++)
                {
                    if (!CalendarMath.ValidDay(y, c.Month, c.Day))
                    {
                        continue;
                    }

                    var cand = new DateOnly(y, c.Month, c.Day);
                    int diff = cand.DayNumber - an.DayNumber;
                    int score = Score(diff, tense);
                    if (score < bestScore)
                    {
                        (best, bestScore) = (cand, score);
                    }
                }

                if (best is not { } b)
                {
                    return Unresolved(range, TimeGranularity.Day, rel, modifier);
                }

                var end = c.Amount > c.Day && CalendarMath.ValidDay(b.Year, b.Month, c.Amount) ? new DateOnly(b.Year, b.Month, c.Amount) : b;
                return new(range, b, end, TimeGranularity.Day, TimeResolution.Resolved, rel, modifier);
            }

            case CoreKind.Month:
            {
                if (c.Year != 0)
                {
                    var (s, e) = CalendarMath.Part(CalendarMath.MonthStart(c.Year, c.Month), CalendarMath.MonthEnd(c.Year, c.Month), c.Part);
                    return new(range, s, e, TimeGranularity.Month, TimeResolution.Absolute, null, modifier);
                }

                string rel = (c.HasShift ? ShiftWord(c.Shift) + " " : string.Empty) + "month:" + Lexicon.MonthNames[c.Month - 1] + tenseSuffix;
                if (anchor is not { } an)
                {
                    return Unresolved(range, TimeGranularity.Month, rel, modifier);
                }

                int anchorIndex = CalendarMath.MonthIndex(an.Year, an.Month);
                int bestYear = an.Year;
                int bestScore = int.MaxValue;
                for (int y = an.Year - 1; y <= an.Year + 1; y++)
                {
                    int diff = CalendarMath.MonthIndex(y, c.Month) - anchorIndex;
                    int score = c.HasShift
                        ? c.Shift switch
                        {
                            < 0 => diff < 0 ? -diff : int.MaxValue,
                            > 0 => diff > 0 ? diff : int.MaxValue,
                            _ => y == an.Year ? 0 : int.MaxValue,
                        }
                        : Score(diff, tense);
                    if (score < bestScore)
                    {
                        (bestYear, bestScore) = (y, score);
                    }
                }

                var (ms, me) = CalendarMath.Part(CalendarMath.MonthStart(bestYear, c.Month), CalendarMath.MonthEnd(bestYear, c.Month), c.Part);
                return new(range, ms, me, TimeGranularity.Month, TimeResolution.Resolved, rel, modifier);
            }

            case CoreKind.Weekday:
            {
                string name = Lexicon.WeekdayNames[c.Weekday - 1];
                string rel = c.HasShift ? ShiftWord(c.Shift) + " weekday:" + name : "weekday:" + name + tenseSuffix;
                if (anchor is not { } an)
                {
                    return Unresolved(range, TimeGranularity.Day, rel, modifier);
                }

                int aw = CalendarMath.IsoWeekday(an);
                int delta;
                if (c.HasShift)
                {
                    delta = c.Shift switch
                    {
                        < 0 => -(((aw - c.Weekday + 7) % 7) is 0 ? 7 : (aw - c.Weekday + 7) % 7),
                        > 0 => ((c.Weekday - aw + 7) % 7) is 0 ? 7 : (c.Weekday - aw + 7) % 7,
                        _ => c.Weekday - aw,
                    };
                }
                else
                {
                    int back = (aw - c.Weekday + 7) % 7;
                    int ahead = (c.Weekday - aw + 7) % 7;
                    delta = tense == Tense.Future ? ahead : -back;
                }

                var d = an.AddDays(delta);
                return new(range, d, d, TimeGranularity.Day, TimeResolution.Resolved, rel, modifier);
            }

            case CoreKind.Weekend:
            {
                string rel = c.HasShift ? ShiftWord(c.Shift) + " weekend" : "weekend" + tenseSuffix;
                if (anchor is not { } an)
                {
                    return Unresolved(range, TimeGranularity.Day, rel, modifier);
                }

                var saturday = CalendarMath.WeekStart(an).AddDays(5);
                if (c.HasShift)
                {
                    saturday = saturday.AddDays(7 * c.Shift);
                }
                else if (tense != Tense.Future && saturday > an)
                {
                    saturday = saturday.AddDays(-7);
                }

                return new(range, saturday, saturday.AddDays(1), TimeGranularity.Day, TimeResolution.Resolved, rel, modifier);
            }

            case CoreKind.Season:
            {
                string sname = c.Season switch { 1 => "spring", 2 => "summer", 3 => "autumn", _ => "winter" };
                if (c.Year != 0)
                {
                    var (s, e) = CalendarMath.Part(CalendarMath.Season(c.Season, c.Year).Start, CalendarMath.Season(c.Season, c.Year).End, c.Part);
                    return new(range, s, e, TimeGranularity.Season, TimeResolution.Absolute, null, modifier);
                }

                string rel = (c.HasShift ? ShiftWord(c.Shift) + " " : string.Empty) + "season:" + sname + tenseSuffix;
                if (anchor is not { } an)
                {
                    return Unresolved(range, TimeGranularity.Season, rel, modifier);
                }

                (DateOnly Start, DateOnly End)? best = null;
                int bestScore = int.MaxValue;
                for (int y = an.Year - 2; y <= an.Year + 1; y++)
                {
                    var cand = CalendarMath.Season(c.Season, y);
                    bool contains = cand.Start <= an && an <= cand.End;
                    int score = c.HasShift
                        ? c.Shift switch
                        {
                            < 0 => cand.End < an ? an.DayNumber - cand.End.DayNumber : int.MaxValue,
                            > 0 => cand.Start > an ? cand.Start.DayNumber - an.DayNumber : int.MaxValue,
                            _ => contains ? 0 : cand.Start > an ? cand.Start.DayNumber - an.DayNumber : int.MaxValue,
                        }
                        : contains ? 0 : Score(cand.Start > an ? cand.Start.DayNumber - an.DayNumber : cand.End.DayNumber - an.DayNumber, tense);
                    if (score < bestScore)
                    {
                        (best, bestScore) = (cand, score);
                    }
                }

                var (ss, se) = CalendarMath.Part(best!.Value.Start, best.Value.End, c.Part);
                return new(range, ss, se, TimeGranularity.Season, TimeResolution.Resolved, rel, modifier);
            }

            case CoreKind.Year:
            {
                var (s, e) = CalendarMath.Part(new DateOnly(c.Year, 1, 1), new DateOnly(c.Year, 12, 31), c.Part);
                return new(range, s, e, TimeGranularity.Year, TimeResolution.Absolute, null, modifier);
            }

            case CoreKind.YearRange:
                return new(range, new DateOnly(c.Year, 1, 1), new DateOnly(c.YearEnd, 12, 31), TimeGranularity.Year, TimeResolution.Absolute, null, modifier);

            case CoreKind.Decade:
            {
                var (s, e) = CalendarMath.Part(new DateOnly(c.Year, 1, 1), new DateOnly(c.Year + 9, 12, 31), c.Part);
                return new(range, s, e, TimeGranularity.Decade, TimeResolution.Absolute, null, modifier);
            }

            case CoreKind.Quarter:
            {
                if (c.Year != 0)
                {
                    var (s, e) = CalendarMath.Quarter(c.Quarter, c.Year);
                    return new(range, s, e, TimeGranularity.Quarter, TimeResolution.Absolute, null, modifier);
                }

                string rel = (c.HasShift ? ShiftWord(c.Shift) + " year " : string.Empty) + "quarter:Q" + c.Quarter.ToString(CultureInfo.InvariantCulture) + tenseSuffix;
                if (anchor is not { } an)
                {
                    return Unresolved(range, TimeGranularity.Quarter, rel, modifier);
                }

                int year = an.Year;
                if (c.HasShift)
                {
                    year += c.Shift;
                }
                else
                {
                    int bestScore = int.MaxValue;
                    for (int y = an.Year - 1; y <= an.Year + 1; y++)
                    {
                        var (qs, qe) = CalendarMath.Quarter(c.Quarter, y);
                        int score = qs <= an && an <= qe ? 0 : Score(qs > an ? qs.DayNumber - an.DayNumber : qe.DayNumber - an.DayNumber, tense);
                        if (score < bestScore)
                        {
                            (year, bestScore) = (y, score);
                        }
                    }
                }

                var q = CalendarMath.Quarter(c.Quarter, year);
                return new(range, q.Start, q.End, TimeGranularity.Quarter, TimeResolution.Resolved, rel, modifier);
            }

            case CoreKind.Offset:
            {
                string rel = SignedAmount(c.Amount) + " " + c.Unit;
                if (anchor is not { } an)
                {
                    return Unresolved(range, Granularity(c.Unit), rel, modifier);
                }

                var (s, e) = UnitInterval(an, c.Unit!, c.Amount);
                (s, e) = CalendarMath.Part(s, e, c.Part);
                return new(range, s, e, Granularity(c.Unit), TimeResolution.Resolved, rel, modifier);
            }

            case CoreKind.Ago:
            {
                string rel = "-" + c.Amount.ToString(CultureInfo.InvariantCulture) + " " + c.Unit;
                if (anchor is not { } an)
                {
                    return Unresolved(range, Granularity(c.Unit), rel, modifier);
                }

                var (s, e) = c.Unit switch
                {
                    "day" => (an.AddDays(-c.Amount), an.AddDays(-c.Amount)),
                    "week" => UnitInterval(an.AddDays(-7 * c.Amount), "week", 0),
                    _ => UnitInterval(an, c.Unit!, -c.Amount),
                };
                return new(range, s, e, Granularity(c.Unit), TimeResolution.Resolved, rel, modifier);
            }

            case CoreKind.Ahead:
            {
                string rel = "+" + c.Amount.ToString(CultureInfo.InvariantCulture) + " " + c.Unit;
                if (anchor is not { } an)
                {
                    return Unresolved(range, Granularity(c.Unit), rel, modifier);
                }

                var (s, e) = c.Unit switch
                {
                    "day" => (an.AddDays(c.Amount), an.AddDays(c.Amount)),
                    "week" => UnitInterval(an.AddDays(7 * c.Amount), "week", 0),
                    _ => UnitInterval(an, c.Unit!, c.Amount),
                };
                return new(range, s, e, Granularity(c.Unit), TimeResolution.Resolved, rel, modifier);
            }

            case CoreKind.PastSpan:
            case CoreKind.NextSpan:
            {
                bool past = c.Kind == CoreKind.PastSpan;
                string n = c.Amount.ToString(CultureInfo.InvariantCulture);
                string rel = past ? "-" + n + " " + c.Unit + "..0" : "0..+" + n + " " + c.Unit;
                if (anchor is not { } an)
                {
                    return Unresolved(range, Granularity(c.Unit), rel, modifier);
                }

                var other = Add(an, c.Unit!, past ? -c.Amount : c.Amount);
                return past
                    ? new(range, other.AddDays(1), an, Granularity(c.Unit), TimeResolution.Resolved, rel, modifier)
                    : new(range, an, other.AddDays(-1), Granularity(c.Unit), TimeResolution.Resolved, rel, modifier);
            }

            case CoreKind.Partial:
            {
                bool earlier = c.Part == "earlier";
                string rel = "0 " + c.Unit + (earlier ? ";before-anchor" : ";after-anchor");
                if (anchor is not { } an)
                {
                    return Unresolved(range, Granularity(c.Unit), rel, modifier);
                }

                var (s, e) = UnitInterval(an, c.Unit!, 0);
                return earlier
                    ? new(range, s, an, Granularity(c.Unit), TimeResolution.Resolved, rel, modifier)
                    : new(range, an, e, Granularity(c.Unit), TimeResolution.Resolved, rel, modifier);
            }

            case CoreKind.Within:
            {
                modifier = "within";
                string rel = c.Amount == 0 ? "0 " + c.Unit + ";within" : "+" + c.Amount.ToString(CultureInfo.InvariantCulture) + " " + c.Unit + ";within";
                if (anchor is not { } an)
                {
                    return Unresolved(range, Granularity(c.Unit), rel, modifier);
                }

                if (c.Amount == 0)
                {
                    var (_, e) = UnitInterval(an, c.Unit!, 0);
                    return new(range, an, e, Granularity(c.Unit), TimeResolution.Resolved, rel, modifier);
                }

                if (c.Unit is "hour" or "minute")
                {
                    return new(range, an, an.AddDays(c.Unit == "hour" ? c.Amount / 24 : 0), TimeGranularity.Day, TimeResolution.Resolved, rel, modifier);
                }

                return new(range, an, Add(an, c.Unit!, c.Amount), TimeGranularity.Day, TimeResolution.Resolved, rel, modifier);
            }

            default:
                return Unresolved(range, Granularity(c.Relative is { } r && r.Contains("year", StringComparison.Ordinal) ? "year" : null), c.Relative ?? "vague", modifier);
        }
    }

    /// <summary>Score of a candidate <paramref name="diff"/> units away from the anchor (lower is better) under a tense.</summary>
    private static int Score(int diff, Tense tense) => tense switch
    {
        Tense.Past => diff <= 0 ? -diff : int.MaxValue,
        Tense.Future => diff >= 0 ? diff : int.MaxValue,
        _ => diff <= 0 ? -diff * 2 : (diff * 2) + 1,
    };

    private static TimeExpression Unresolved(TextRange range, TimeGranularity granularity, string relative, string? modifier) =>
        new(range, null, null, granularity, TimeResolution.Unresolved, relative, modifier);

    private static string ShiftWord(int shift) => shift switch { < 0 => "last", > 0 => "next", _ => "this" };

    private static string SignedAmount(int n) => n switch
    {
        > 0 => "+" + n.ToString(CultureInfo.InvariantCulture),
        _ => n.ToString(CultureInfo.InvariantCulture),
    };

    private static TimeGranularity Granularity(string? unit) => unit switch
    {
        "day" or "hour" or "minute" or "weekend" => TimeGranularity.Day,
        "week" or "fortnight" => TimeGranularity.Week,
        "month" => TimeGranularity.Month,
        "quarter" => TimeGranularity.Quarter,
        "year" => TimeGranularity.Year,
        "decade" or "century" => TimeGranularity.Decade,
        _ => TimeGranularity.Unknown,
    };

    private static DateOnly Add(DateOnly d, string unit, int n) => unit switch
    {
        "day" => d.AddDays(n),
        "week" => d.AddDays(7 * n),
        "fortnight" => d.AddDays(14 * n),
        "month" => d.AddMonths(n),
        "quarter" => d.AddMonths(3 * n),
        "year" => d.AddYears(n),
        "decade" => d.AddYears(10 * n),
        "century" => d.AddYears(100 * n),
        _ => d.AddDays(n),
    };

    /// <summary>The calendar unit containing the anchor shifted by <paramref name="n"/> units ("last week" = n -1).</summary>
    private static (DateOnly Start, DateOnly End) UnitInterval(DateOnly anchor, string unit, int n)
    {
        switch (unit)
        {
            case "day":
                var d = anchor.AddDays(n);
                return (d, d);
            case "week":
                var ws = CalendarMath.WeekStart(anchor).AddDays(7 * n);
                return (ws, ws.AddDays(6));
            case "weekend":
                var sat = CalendarMath.WeekStart(anchor).AddDays(5 + (7 * n));
                return (sat, sat.AddDays(1));
            case "month":
                var m = anchor.AddMonths(n);
                return (CalendarMath.MonthStart(m.Year, m.Month), CalendarMath.MonthEnd(m.Year, m.Month));
            case "quarter":
                var qd = anchor.AddMonths(3 * n);
                return CalendarMath.Quarter(((qd.Month - 1) / 3) + 1, qd.Year);
            case "decade":
                int dy = ((anchor.Year / 10) + n) * 10;
                return (new DateOnly(dy, 1, 1), new DateOnly(dy + 9, 12, 31));
            default:
                int y = anchor.Year + n;
                return (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
        }
    }
}
