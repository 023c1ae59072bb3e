using Parallax.Nlp.Facts;

namespace Parallax.Nlp.Numbers;

/// <summary>
/// Which numbers belong to dates and times rather than to counts: years ("in 2017"), days of months ("January 1",
/// "30 Sept"), ISO and slashed dates, clock times ("10:30", "3pm"). Shared by the time and quantity grammars so
/// that the two agree on every number.
/// </summary>
internal static class CalendarGuard
{
    /// <summary>A four-digit number that is a year: "in 2017", "2016 election", "since 1990".</summary>
    public static bool IsYear(AtomBuffer a, int i)
    {
        ref var n = ref a[i];
        if (n.Kind != AtomKind.Number || n.Digits != 4 || n.Separated || n.Decimal || n.Value < 1800 || n.Value > 2100)
        {
            return false;
        }

        // glued to letters or currency: "G2017", "$2000", "US$2000", "No 2017"
        if (n.Glued && i > 0 && (a[i - 1].Kind == AtomKind.Word || IsCurrencySymbol(a, i - 1)))
        {
            return false;
        }

        int p = i - 1;
        if (p >= 0 && a.InSentence(p, i))
        {
            if (IsCurrencySymbol(a, p) || a.Has(p, LexFlags.CurrencyCode) || a.IsExact(p, "No") || a.Is(p, "number") || a.IsSymbol(p, '#'))
            {
                return false;
            }

            if (a.Has(p, LexFlags.Approx) && !a.Is(p, "since") && !a.Is(p, "over") && !a.Is(p, "under") && !a.Is(p, "below") && !a.Is(p, "above") && !a.Is(p, "until") && !a.Is(p, "early") && !a.Is(p, "late"))
            {
                return false;
            }
        }

        int k = i + 1;
        if (k < a.Count && a.InSentence(k, i))
        {
            var f = a.Flags(k);
            if ((f & (LexFlags.Scale | LexFlags.CurrencyWord | LexFlags.CurrencyCode | LexFlags.MeasureUnit)) != 0 || a.IsSymbol(k, '%')
                || a.Is(k, "per") || a.Is(k, "percent"))
            {
                return false;
            }

            if (a[k].Glued && a[k].Kind == AtomKind.Word && !a.IsExact(k, "s"))
            {
                return false;
            }

            // "2000 people" is a count unless a year context stands before it ("the 2016 elections", "in 2016 voters").
            if (a[k].Kind == AtomKind.Word && !a[k].Upper && (f & LexFlags.Function) == 0 && a.Span(k).EndsWith("s", StringComparison.Ordinal)
                && (f & LexFlags.PeriodWord) == 0 && !YearContextBefore(a, i))
            {
                return false;
            }
        }

        return true;
    }

    private static bool YearContextBefore(AtomBuffer a, int i)
    {
        int p = i - 1;
        if (p < 0 || !a.InSentence(p, i))
        {
            return false;
        }

        var f = a.Flags(p);
        return (f & (LexFlags.Determiner | LexFlags.Preposition | LexFlags.Month | LexFlags.Season)) != 0 || a.Is(p, "'s") || a.Is(p, "\u2019s")
            || a.IsSymbol(p, ',') || a.Is(p, "early") || a.Is(p, "late") || a.Is(p, "mid");
    }

    public static bool IsCurrencySymbol(AtomBuffer a, int i) =>
        i >= 0 && i < a.Count && a[i].Kind == AtomKind.Symbol && a.Text[a[i].Start] is '$' or '\u00A3' or '\u20AC' or '\u00A5' or '\u20B9' or '\u20A9' or '\u20BD' or '\u20BA';

    /// <summary>True if number atom <paramref name="i"/> is part of a date, a year or a clock time.</summary>
    public static bool IsDateOrTimePart(AtomBuffer a, int i)
    {
        if (IsYear(a, i))
        {
            return true;
        }

        ref var n = ref a[i];
        if (n.Decimal || n.Separated)
        {
            return false;
        }

        // "January 1", "Sept. 30"
        int p = i - 1;
        if (p >= 0 && a.IsSymbol(p, '.') && a[i].Glued == false && a.Has(p - 1, LexFlags.MonthAbbrev))
        {
            p--;
        }

        if (p >= 0 && a.InSentence(p, i) && a[p].Upper && (a.Flags(p) & (LexFlags.Month | LexFlags.MonthAbbrev)) != 0 && n.Digits <= 2)
        {
            return true;
        }

        // "30 Sept", "1st of January"
        int k = i + 1;
        if (k < a.Count && a[k].Glued && (a.Is(k, "st") || a.Is(k, "nd") || a.Is(k, "rd") || a.Is(k, "th")))
        {
            k++;
        }

        if (a.Is(k, "of"))
        {
            k++;
        }

        if (n.Digits <= 2 && k < a.Count && a.InSentence(k, i) && a[k].Upper && (a.Flags(k) & (LexFlags.Month | LexFlags.MonthAbbrev)) != 0)
        {
            return true;
        }

        // 2017-09-30, 9/30/2017: three numbers chained by the same glued separator.
        if (ChainLength(a, i) >= 3)
        {
            return true;
        }

        // 9/11, 7/7: two small numbers joined by a slash
        if (n.Value <= 31 && (a.IsSymbol(i + 1, '/') && a[i + 1].Glued && i + 2 < a.Count && a[i + 2].Kind == AtomKind.Number && a[i + 2].Glued && a[i + 2].Value <= 31
                || i >= 2 && a.IsSymbol(i - 1, '/') && a[i].Glued && a[i - 1].Glued && a[i - 2].Kind == AtomKind.Number && a[i - 2].Value <= 31))
        {
            return true;
        }

        // 10:30, 3pm, 3 p.m., 9 o'clock
        if (a.IsSymbol(i + 1, ':') && a[i + 1].Glued && i + 2 < a.Count && a[i + 2].Kind == AtomKind.Number && a[i + 2].Glued)
        {
            return true;
        }

        if (i >= 2 && a.IsSymbol(i - 1, ':') && a[i].Glued && a[i - 1].Glued && a[i - 2].Kind == AtomKind.Number)
        {
            return true;
        }

        return a.Has(i + 1, LexFlags.TimeOfDayMarker) && a.InSentence(i + 1, i) && !a.Is(i + 1, "h") || a.Is(i + 1, "h") && a[i + 1].Glued;
    }

    private static int ChainLength(AtomBuffer a, int i)
    {
        int first = i;
        while (first >= 2 && a[first].Glued && (a.IsSymbol(first - 1, '-') || a.IsSymbol(first - 1, '/') || a.IsSymbol(first - 1, '.'))
               && a[first - 1].Glued && a[first - 2].Kind == AtomKind.Number)
        {
            first -= 2;
        }

        int count = 1;
        int j = first;
        while (j + 2 < a.Count && (a.IsSymbol(j + 1, '-') || a.IsSymbol(j + 1, '/') || a.IsSymbol(j + 1, '.')) && a[j + 1].Glued && a[j + 2].Glued
               && a[j + 2].Kind == AtomKind.Number)
        {
            count++;
            j += 2;
        }

        return count;
    }
}
