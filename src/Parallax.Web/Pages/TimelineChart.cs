using System.Globalization;
using Parallax.Stories.Briefs;

namespace Parallax.Web.Pages;

/// <summary>
/// The timeline of a story as an SVG drawn here: one row per dated event, a dot at its day (a bar for a longer
/// period), the label beside it, and a day axis below. Entries without a resolved date are listed, not drawn.
/// </summary>
public sealed record TimelineChart(
    double Width,
    double Height,
    double AxisY,
    IReadOnlyList<TimelineChart.Tick> Ticks,
    IReadOnlyList<TimelineChart.Row> Rows,
    IReadOnlyList<TimelineEntry> Dated,
    IReadOnlyList<TimelineEntry> Undated)
{
    public const double ChartWidth = 800;
    private const double LabelRight = 400; // labels end here, right-aligned; the time axis is to their right
    private const double PlotLeft = 420;
    private const double PlotRight = 780;
    private const double RowHeight = 24;
    private const double Top = 10;
    private const int MaxRows = 40;
    private const int LabelChars = 54;
    private const int MaxTicks = 5;

    public sealed record Tick(double X, string Label);

    /// <param name="X1">Start of the period.</param>
    /// <param name="X2">End of the period (equal to X1 for a day).</param>
    /// <param name="LabelX">Where the label ends (it is right-aligned, left of the axis).</param>
    public sealed record Row(double X1, double X2, double Y, double LabelX, bool AnchorEnd, string Label, string Title, string Status, string? Fact);

    public bool IsEmpty => Rows.Count == 0;

    public static TimelineChart Build(IReadOnlyList<TimelineEntry> entries, IReadOnlyDictionary<string, Fact> facts)
    {
        var dated = new List<(TimelineEntry Entry, DateOnly Start, DateOnly End)>();
        var undated = new List<TimelineEntry>();
        foreach (var e in entries)
        {
            if (Parse(e.Date, end: false) is { } start)
            {
                var end = Parse(e.End ?? e.Date, end: true) ?? start;
                dated.Add((e, start, end < start ? start : end));
            }
            else
            {
                undated.Add(e);
            }
        }

        dated.Sort((a, b) => a.Start.CompareTo(b.Start) is var c && c != 0 ? c : a.End.CompareTo(b.End));
        if (dated.Count == 0)
        {
            return new TimelineChart(ChartWidth, 0, 0, [], [], [], undated);
        }

        // the axis spans the precise events (days, weeks, months); a vaguer period ("last year") is drawn only
        // where it overlaps them, so it cannot squeeze the days that matter into a corner
        var precise = dated.Where(d => d.Entry.Granularity is "day" or "week" or "month").ToList();
        var span = precise.Count > 0 ? precise : dated;
        var first = span.Min(d => d.Start);
        var last = span.Max(d => d.End);
        var shown = dated.Where(d => d.End >= first && d.Start <= last).Take(MaxRows).ToList();
        double min = first.DayNumber - 0.5, max = last.DayNumber + 1.5;
        double X(double day) => PlotLeft + ((Math.Clamp(day, min, max) - min) / (max - min) * (PlotRight - PlotLeft));

        var rows = new List<Row>(shown.Count);
        for (int i = 0; i < shown.Count; i++)
        {
            var (entry, start, end) = shown[i];
            double x1 = X(start.DayNumber + 0.5), x2 = X(end.DayNumber + 0.5);
            double y = Top + (i * RowHeight) + (RowHeight / 2);
            var when = When(start, end, entry.Granularity);
            var status = entry.Fact is { } f && facts.TryGetValue(f, out var fact) ? fact.Status : "single";
            rows.Add(new Row(x1, x2, y, LabelRight, true, Shorten(when + " · " + entry.Text, LabelChars), when + ": " + entry.Text + " (" + string.Join(", ", entry.Outlets) + ")", status, entry.Fact));
        }

        var axisY = Top + (shown.Count * RowHeight) + 6;
        var ticks = MakeTicks(first, last).Select(t => new Tick(X(t.Day.DayNumber + 0.5), t.Label)).ToList();
        return new TimelineChart(ChartWidth, axisY + 28, axisY, ticks, rows, dated.Select(d => d.Entry).ToList(), undated);
    }

    /// <summary>The period as a person reads it: "30 Sep 2017", "Nov 2017", "2016", "28 Sep – 2 Oct 2017".</summary>
    public static string When(DateOnly start, DateOnly end, string granularity)
    {
        var a = Format(start, granularity);
        var b = Format(end, granularity);
        return a == b ? a : a + " – " + b;
    }

    /// <summary>An entry's date as a person reads it, or null when it has none.</summary>
    public static string? When(TimelineEntry entry) =>
        Parse(entry.Date, end: false) is { } start ? When(start, Parse(entry.End ?? entry.Date, end: true) ?? start, entry.Granularity) : null;

    /// <summary>At most <see cref="MaxTicks"/> ticks on days, weeks, months or years, whichever suits the span.</summary>
    private static IEnumerable<(DateOnly Day, string Label)> MakeTicks(DateOnly first, DateOnly last)
    {
        int span = last.DayNumber - first.DayNumber;
        var c = CultureInfo.InvariantCulture;
        if (span <= 70)
        {
            int step = span <= 12 ? Math.Max(1, (span + MaxTicks) / MaxTicks) : 7 * Math.Max(1, (span / 7 + MaxTicks) / MaxTicks);
            for (var d = first; d <= last; d = d.AddDays(step))
            {
                yield return (d, d.ToString("d MMM", c));
            }
        }
        else if (span <= 1500)
        {
            int months = ((last.Year - first.Year) * 12) + last.Month - first.Month;
            int step = Math.Max(1, (months + MaxTicks) / MaxTicks);
            bool firstTick = true;
            for (var d = new DateOnly(first.Year, first.Month, 1).AddMonths(first.Day == 1 ? 0 : 1); d <= last; d = d.AddMonths(step))
            {
                yield return (d, d.ToString(firstTick || d.Month == 1 || step >= 6 ? "MMM yyyy" : "MMM", c));
                firstTick = false;
            }
        }
        else
        {
            int step = Math.Max(1, ((last.Year - first.Year) + MaxTicks) / MaxTicks);
            for (var d = new DateOnly(first.Year + 1, 1, 1); d <= last; d = d.AddYears(step))
            {
                yield return (d, d.Year.ToString(c));
            }
        }
    }

    /// <summary>An ISO day, month or year: its first day, or with <paramref name="end"/> its last.</summary>
    internal static DateOnly? Parse(string? iso, bool end)
    {
        if (string.IsNullOrEmpty(iso))
        {
            return null;
        }

        var c = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(iso, "yyyy-MM-dd", c, DateTimeStyles.None, out var day))
        {
            return day;
        }

        if (DateOnly.TryParseExact(iso, "yyyy-MM", c, DateTimeStyles.None, out var month))
        {
            return end ? month.AddMonths(1).AddDays(-1) : month;
        }

        if (iso.Length == 4 && int.TryParse(iso, NumberStyles.None, c, out var year) && year is > 0 and < 10000)
        {
            return end ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
        }

        return null;
    }

    private static string Format(DateOnly d, string granularity) => granularity switch
    {
        "month" or "quarter" or "season" => d.ToString("MMM yyyy", CultureInfo.InvariantCulture),
        "year" or "decade" => d.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture),
    };

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
}
