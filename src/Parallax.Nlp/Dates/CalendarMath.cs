namespace Parallax.Nlp.Dates;

/// <summary>Small calendar helpers for resolving time expressions (ISO weeks start on Monday).</summary>
internal static class CalendarMath
{
    /// <summary>ISO weekday, Monday = 1 ... Sunday = 7.</summary>
    public static int IsoWeekday(DateOnly d) => d.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)d.DayOfWeek;

    public static DateOnly WeekStart(DateOnly d) => d.AddDays(1 - IsoWeekday(d));

    public static DateOnly MonthStart(int year, int month) => new(year, month, 1);

    public static DateOnly MonthEnd(int year, int month) => new(year, month, DateTime.DaysInMonth(year, month));

    public static bool ValidDay(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>Months between (year, month) pairs as a signed count.</summary>
    public static int MonthIndex(int year, int month) => (year * 12) + month - 1;

    /// <summary>Narrows a [start, end] interval to its early / mid / late third.</summary>
    public static (DateOnly Start, DateOnly End) Part(DateOnly start, DateOnly end, string? part)
    {
        if (part is null)
        {
            return (start, end);
        }

        // A month splits at days 10 and 20; a year at months 4 and 8; anything else into equal thirds.
        if (start.Day == 1 && end == MonthEnd(start.Year, start.Month))
        {
            return part switch
            {
                "early" => (start, new DateOnly(start.Year, start.Month, 10)),
                "mid" => (new DateOnly(start.Year, start.Month, 11), new DateOnly(start.Year, start.Month, 20)),
                _ => (new DateOnly(start.Year, start.Month, 21), end),
            };
        }

        if (start.Month == 1 && start.Day == 1 && end.Month == 12 && end.Day == 31 && start.Year == end.Year)
        {
            return part switch
            {
                "early" => (start, MonthEnd(start.Year, 4)),
                "mid" => (MonthStart(start.Year, 5), MonthEnd(start.Year, 8)),
                _ => (MonthStart(start.Year, 9), end),
            };
        }

        int days = end.DayNumber - start.DayNumber + 1;
        int third = Math.Max(1, days / 3);
        return part switch
        {
            "early" => (start, start.AddDays(third - 1)),
            "mid" => (start.AddDays(third), end.AddDays(-third)),
            _ => (end.AddDays(-(third - 1)), end),
        };
    }

    /// <summary>Season 1 spring (Mar-May), 2 summer (Jun-Aug), 3 autumn (Sep-Nov), 4 winter (Dec-Feb, named by the year of its December).</summary>
    public static (DateOnly Start, DateOnly End) Season(int season, int year) => season switch
    {
        1 => (MonthStart(year, 3), MonthEnd(year, 5)),
        2 => (MonthStart(year, 6), MonthEnd(year, 8)),
        3 => (MonthStart(year, 9), MonthEnd(year, 11)),
        _ => (MonthStart(year, 12), MonthEnd(year + 1, 2)),
    };

    public static (DateOnly Start, DateOnly End) Quarter(int quarter, int year) =>
        (MonthStart(year, ((quarter - 1) * 3) + 1), MonthEnd(year, quarter * 3));
}
