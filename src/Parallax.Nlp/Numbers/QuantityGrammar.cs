using Parallax.Core;
using Parallax.Nlp.Facts;

namespace Parallax.Nlp.Numbers;

/// <summary>
/// The quantity grammar: numbers in digits and words, scales, currencies, percentages, ranges, approximations and
/// the unit that follows, normalised to <see cref="Quantity"/>. Hand-written over atoms, linear, no regular expressions.
/// Years, days of months, clock times and identifiers ("Resolution 2371", "G20") are not quantities. "No 2" is a rank:
/// an <see cref="QuantityKind.Ordinal"/> with the ranked noun as its unit.
/// </summary>
internal static class QuantityGrammar
{
    private struct Parsed
    {
        public int Start;
        public int End;
        public QuantityKind Kind;
        public double Value;
        public double? Max;
        public string? Unit;
        public string? Currency;
        public bool Approximate;
    }

    private struct Number
    {
        public double Value;
        public double? Max;
        public int End;
        public bool HasScale;
        public bool Approximate;
        public bool FromWords;

        /// <summary>"thousands of": an "of" to skip before the unit.</summary>
        public bool OfFollows;
    }

    public static void Parse(AtomBuffer a, List<Quantity> output)
    {
        int firstOfDoc = output.Count;
        int next = 0;
        for (int i = 0; i < a.Count; i++)
        {
            if (i < next || a[i].Sentence < 0 || !MayStart(a, i))
            {
                continue;
            }

            if (TryQuantity(a, i, out var q, out int skipTo))
            {
                // "from 5 percent to 25 percent", "$10bn-$12bn" written with the unit on both ends: one range
                int r = q.End;
                if (q.Max is null && (a.Is(r, "to") || a.IsSymbol(r, '-') || a.IsSymbol(r, '\u2013')) && a.InSentence(r + 1, r)
                    && !(a.Is(q.Start - 1, "from") && a.Has(q.Start - 2, LexFlags.ChangeVerb))
                    && TryQuantity(a, r + 1, out var q2, out _) && q2.Max is null && q2.Kind == q.Kind && q2.Unit == q.Unit && q2.Currency == q.Currency
                    && q.Value < q2.Value)
                {
                    q.Max = q2.Value;
                    q.End = q2.End;
                    q.Approximate |= q2.Approximate;
                }

                output.Add(new Quantity(a.Range(q.Start, q.End), q.Kind, q.Value, q.Max, q.Unit, q.Currency, q.Approximate, -1));
                next = q.End;
                i = q.End - 1;
            }
            else if (skipTo > i + 1)
            {
                next = skipTo;
                i = skipTo - 1;
            }
        }

        LinkGroups(a.Text, output, firstOfDoc);
    }

    private static bool MayStart(AtomBuffer a, int i)
    {
        ref var atom = ref a[i];
        if (atom.Kind == AtomKind.Number)
        {
            return true;
        }

        if (atom.Kind == AtomKind.Symbol)
        {
            return CalendarGuard.IsCurrencySymbol(a, i) || a.IsSymbol(i, '~');
        }

        if (atom.Kind != AtomKind.Word)
        {
            return false;
        }

        const LexFlags triggers = LexFlags.NumberWord | LexFlags.Approx | LexFlags.CurrencyCode | LexFlags.ScalePlural | LexFlags.Scale;
        return (a.Flags(i) & triggers) != 0 || a.Is(i, "a") || a.Is(i, "an") || a.Is(i, "between") || a.Is(i, "from")
            || a.IsExact(i, "No") || a.Is(i, "half") || a.Is(i, "several") || a.Is(i, "few") || a.IsExact(i, "US") || a.IsExact(i, "Rs")
            || atom.Upper && i + 1 < a.Count && CalendarGuard.IsCurrencySymbol(a, i + 1) && a[i + 1].Glued || a.Is(i, "as") || a.Is(i, "at")
            || a.Is(i, "in") || a.Is(i, "well") || a.Is(i, "number");
    }

    private static bool TryQuantity(AtomBuffer a, int i, out Parsed q, out int skipTo)
    {
        q = default;
        q.Start = i;
        skipTo = i + 1;
        int j = i;

        // "No 2 economy": a rank.
        if (a.IsExact(j, "No") && !a[j].SentenceStart || a.IsExact(j, "No") && a.IsSymbol(j + 1, '.'))
        {
            int k = a.IsSymbol(j + 1, '.') && a[j + 1].Glued ? j + 2 : j + 1;
            if (k < a.Count && a[k].Kind == AtomKind.Number && !a[k].Decimal && a.InSentence(k, j))
            {
                q.Kind = QuantityKind.Ordinal;
                q.Value = a[k].Value;
                q.End = k + 1;
                q.Unit = NounAfter(a, k + 1, ref q.End, extend: false);
                return true;
            }

            return false;
        }

        int approx = ApproxLength(a, j);
        if (approx > 0)
        {
            q.Approximate = true;
            j += approx;
        }

        bool between = false;
        bool from = false;
        if (a.Is(j, "between"))
        {
            between = true;
            j++;
        }
        else if (a.Is(j, "from") && !a.Has(j - 1, LexFlags.ChangeVerb) && approx == 0)
        {
            from = true;
            j++;
        }

        string? currency = CurrencyPrefix(a, ref j);
        if (j >= a.Count || !a.InSentence(j, i))
        {
            return false;
        }

        if (!TryNumber(a, j, currency is not null, out var n, out skipTo))
        {
            if (approx > 0 || between || from || currency is not null)
            {
                skipTo = i + 1;
            }

            return false;
        }

        if ((between || from) && !(a.Is(n.End, "and") && between || a.Is(n.End, "to") && from))
        {
            // "between 10" without "and": the number alone, not the preposition.
            if (between || from)
            {
                q.Start = j - (currency is not null ? 1 : 0);
                if (a.Is(q.Start, "between") || a.Is(q.Start, "from"))
                {
                    q.Start++;
                }
            }
        }

        q.Value = n.Value;
        q.Max = n.Max;
        q.Approximate |= n.Approximate;
        int end = n.End;

        // ranges: 10-12, 10 to 12, between 10 and 12, two or three, $10bn-$12bn
        int r = end;
        bool dash = a.IsSymbol(r, '-') || a.IsSymbol(r, '\u2013') || a.IsSymbol(r, '\u2014');
        bool word = a.Is(r, "to") && !a.Has(i - 1, LexFlags.ChangeVerb) || a.Is(r, "and") && between || a.Is(r, "or") && n.FromWords;
        if ((dash || word) && n.Max is null && a.InSentence(r + 1, i))
        {
            int k = r + 1;
            string? c2 = CurrencyPrefix(a, ref k);
            if (k < a.Count && TryNumber(a, k, currency is not null || c2 is not null, out var hi, out _) && !(dash && hi.FromWords != n.FromWords))
            {
                double lo = n.Value;
                double high = hi.Value;
                if (!n.HasScale && hi.HasScale && lo * (high / RawValue(a, k, hi)) <= high && lo < RawValue(a, k, hi))
                {
                    lo *= high / RawValue(a, k, hi);
                }

                if (lo < high)
                {
                    q.Value = lo;
                    q.Max = high;
                    end = hi.End;
                    currency ??= c2;
                    q.Approximate |= a.Is(r, "or");
                }
                else if (dash && !n.HasScale && !hi.HasScale)
                {
                    // "won 3-1": a score, not a quantity.
                    skipTo = hi.End;
                    return false;
                }
            }
        }

        q.End = end;
        q.Currency = currency;
        q.Kind = currency is not null ? QuantityKind.Money : QuantityKind.Count;
        if (!Suffix(a, ref q, n))
        {
            return false;
        }

        // A bare small number with nothing after it is rarely a fact worth keeping ("one", "two" as pronouns).
        if (q.Kind == QuantityKind.Count && q.Unit is null && n.FromWords && !n.HasScale && q.Max is null && !q.Approximate)
        {
            return false;
        }

        return true;
    }

    private static double RawValue(AtomBuffer a, int k, in Number hi) =>
        a[k].Kind == AtomKind.Number ? a[k].Value : hi.Value;

    private static bool Suffix(AtomBuffer a, ref Parsed q, in Number n)
    {
        int k = q.End;
        if (!a.InSentence(k, q.Start) || k >= a.Count)
        {
            return true;
        }

        // percentages
        if (a.IsSymbol(k, '%'))
        {
            (q.Kind, q.Unit, q.End) = (QuantityKind.Percent, "%", k + 1);
            return true;
        }

        if (a.Is(k, "per") && a.Is(k + 1, "cent") || a.Is(k, "percent") || a.Is(k, "pct"))
        {
            (q.Kind, q.Unit, q.End) = (QuantityKind.Percent, "%", a.Is(k, "per") ? k + 2 : k + 1);
            return true;
        }

        if (a.Is(k, "percentage") && (a.Is(k + 1, "points") || a.Is(k + 1, "point")))
        {
            (q.Kind, q.Unit, q.End) = (QuantityKind.Percent, "percentage point", k + 2);
            return true;
        }

        if (q.Currency is null)
        {
            int c = k;
            string? cur = CurrencySuffix(a, ref c);
            if (cur is not null)
            {
                (q.Kind, q.Currency, q.End) = (QuantityKind.Money, cur, c);
                return true;
            }

            if (a.Has(k, LexFlags.CurrencySubunit) && (a[k].Glued || !a.Is(k, "p")) && !n.FromWords | !a.Is(k, "p"))
            {
                var lex = a[k].Lex!;
                q.Value *= lex.Value;
                if (q.Max is { } mx)
                {
                    q.Max = mx * lex.Value;
                }

                (q.Kind, q.Currency, q.End) = (QuantityKind.Money, lex.Currency, k + 1);
                return true;
            }
        }

        if (q.Kind == QuantityKind.Money)
        {
            return true;
        }

        // "five-year term", "62-year-old": a measure glued by a hyphen.
        if (a.IsSymbol(k, '-') && a[k].Glued && k + 1 < a.Count && a[k + 1].Glued && a.Has(k + 1, LexFlags.DurationUnit | LexFlags.MeasureUnit))
        {
            q.Kind = QuantityKind.Measure;
            q.Unit = a[k + 1].Lex!.Unit;
            q.End = k + 2;
            if (a.IsSymbol(q.End, '-') && a.Is(q.End + 1, "old"))
            {
                q.End += 2;
            }

            return true;
        }

        // "12-nation trade deal", "20-page report": the noun glued by a hyphen is what is counted
        if (a.IsSymbol(k, '-') && a[k].Glued && k + 1 < a.Count && a[k + 1].Glued && a[k + 1].Kind == AtomKind.Word && !a[k + 1].Upper
            && (a.Flags(k + 1) & (LexFlags.Function | LexFlags.Scale | LexFlags.NumberWord)) == 0)
        {
            q.Unit = Singular(a.Span(k + 1));
            q.End = k + 2;
            return true;
        }

        // measures: 5 km, 120 days, 300 metres; "m" glued to digits without a money context is metres.
        if (a.Has(k, LexFlags.MeasureUnit | LexFlags.DurationUnit) && !(a.Is(k, "pound") || a.Is(k, "pounds")))
        {
            if (a.Has(k, LexFlags.DurationUnit) && (a.Is(k + 1, "ago") || a.Is(k + 1, "later") || a.Is(k + 1, "earlier")))
            {
                return false; // a time expression ("two weeks ago")
            }

            q.Kind = QuantityKind.Measure;
            q.Unit = a[k].Lex!.Unit;
            q.End = k + 1;
            if (a.IsSymbol(q.End, '/') && a.Is(q.End + 1, "h"))
            {
                q.Unit = "km/h";
                q.End += 2;
            }

            return true;
        }

        if (a.IsExact(k, "m") && a[k].Glued)
        {
            (q.Kind, q.Unit, q.End) = (QuantityKind.Measure, "m", k + 1);
            return true;
        }

        if (a.Is(k, "square") && a.Has(k + 1, LexFlags.MeasureUnit))
        {
            (q.Kind, q.Unit, q.End) = (QuantityKind.Measure, "sq " + a[k + 1].Lex!.Unit, k + 2);
            return true;
        }

        if ((a.Is(k, "pounds") || a.Is(k, "pound")) && a.Is(k + 1, "of"))
        {
            (q.Kind, q.Unit, q.End) = (QuantityKind.Measure, "lb", k + 1);
            return true;
        }

        // ordinals in digits: "21st century"
        if (a[k].Glued && (a.Is(k, "st") || a.Is(k, "nd") || a.Is(k, "rd") || a.Is(k, "th")))
        {
            q.Kind = QuantityKind.Ordinal;
            q.End = k + 1;
            q.Unit = NounAfter(a, k + 1, ref q.End, extend: false);
            return true;
        }

        if (a[k].Glued && a[k].Kind == AtomKind.Word)
        {
            return false; // "4G", "3D", "F35"-like identifiers
        }

        int from = n.OfFollows && a.Is(k, "of") ? k + 1 : k;
        if (n.OfFollows && a.Is(k, "of"))
        {
            int c = from;
            string? cur = CurrencySuffix(a, ref c);
            if (cur is not null)
            {
                (q.Kind, q.Currency, q.End) = (QuantityKind.Money, cur, c);
                return true;
            }
        }

        int end = q.End;
        var unit = NounAfter(a, from, ref end, extend: true);
        if (unit is not null && n.FromWords && !n.HasScale && (unit.EndsWith("ed", StringComparison.Ordinal) || unit.EndsWith("ing", StringComparison.Ordinal)))
        {
            unit = null; // "the two taped a show": "two" stands for people already named
        }

        if (unit is not null)
        {
            q.Unit = unit;
            q.End = end;
        }
        else if (n.OfFollows)
        {
            return true;
        }
        else
        {
            q.Unit = NounBeforeOf(a, q.Start);
        }

        return true;
    }

    /// <summary>The head noun of the noun run at <paramref name="k"/> ("artillery pieces" gives "piece"), or null.</summary>
    private static string? NounAfter(AtomBuffer a, int k, ref int end, bool extend)
    {
        int head = -1;
        int headEnd = -1;
        int words = 0;
        int j = k;
        while (j < a.Count && a.InSentence(j, k) && words < 3)
        {
            ref var atom = ref a[j];
            if (atom.Kind != AtomKind.Word)
            {
                break;
            }

            var f = a.Flags(j);
            if ((f & (LexFlags.Function | LexFlags.Month | LexFlags.Weekday | LexFlags.TimeWord | LexFlags.CurrencyCode | LexFlags.Negation)) != 0
                || (f & LexFlags.RelativeWord) != 0 && words == 0 && !a.Is(j, "early"))
            {
                break;
            }

            // compound words glued by hyphens: "high-level", "North Korean-owned"
            int we = j + 1;
            while (we + 1 < a.Count && a.IsSymbol(we, '-') && a[we].Glued && a[we + 1].Glued && a[we + 1].Kind == AtomKind.Word)
            {
                we += 2;
            }

            var s = a.Span(we - 1);
            bool verbish = s.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && s.Length > 3 || s.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && s.Length > 5
                || (f & (LexFlags.PastVerb | LexFlags.PresentVerb | LexFlags.ReportingVerb)) != 0;
            if (verbish && words > 0)
            {
                break;
            }

            if (atom.Upper && words > 0 && !a[head].Upper)
            {
                break;
            }

            head = j;
            headEnd = we;
            words++;
            j = we;
            // a participle first ("two speeding trains", "five armed men") modifies the noun after it, if there is one
            bool nounFollows = we < a.Count && a[we].Kind == AtomKind.Word && !a[we].Upper && a.InSentence(we, k)
                && (a.Flags(we) & (LexFlags.Function | LexFlags.PastVerb | LexFlags.PresentVerb | LexFlags.TimeWord | LexFlags.RelativeWord)) == 0;
            if (verbish && !nounFollows || (f & LexFlags.Scale) != 0)
            {
                break;
            }

            if (a.Is(we, "of") && !extend)
            {
                break;
            }
        }

        if (head < 0)
        {
            return null;
        }

        // "people" and similar: a run ending in an adjective is rare; take the last word as the head.
        end = headEnd;
        var headSpan = a.Span(head, headEnd);
        if (headSpan.Length == 0 || a[head].Upper && words > 1)
        {
            return null;
        }

        return Singular(headSpan);
    }

    /// <summary>"a death toll of 12": the noun before "of" names what is counted.</summary>
    private static string? NounBeforeOf(AtomBuffer a, int start)
    {
        if (!a.Is(start - 1, "of") || start - 2 < 0 || a[start - 2].Kind != AtomKind.Word || !a.InSentence(start - 2, start))
        {
            return null;
        }

        int h = start - 2;
        if ((a.Flags(h) & (LexFlags.Function | LexFlags.Scale)) != 0 || a[h].Upper)
        {
            return null;
        }

        var word = a.Span(h);
        foreach (var generic in GenericNouns)
        {
            if (word.Equals(generic, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
        }

        // "death toll of 12": keep the modifier that says what toll.
        if (h - 1 >= 0 && a[h - 1].Kind == AtomKind.Word && !a[h - 1].Upper && (a.Flags(h - 1) & LexFlags.Function) == 0 && a.InSentence(h - 1, h))
        {
            return a.Of(h - 1, h + 1).ToLowerInvariant();
        }

        return Singular(word);
    }

    private static readonly string[] GenericNouns = ["total", "number", "maximum", "minimum", "average", "figure", "sum", "estimate", "out", "age", "rate", "value", "score", "cost", "price"];

    private static bool TryNumber(AtomBuffer a, int j, bool money, out Number n, out int skipTo)
    {
        n = default;
        skipTo = j + 1;
        ref var atom = ref a[j];
        if (atom.Kind == AtomKind.Number)
        {
            if (CalendarGuard.IsDateOrTimePart(a, j))
            {
                skipTo = SkipNumberRun(a, j);
                return false;
            }

            // identifiers: "Resolution 2371", "Flight 370", "G20", "Article 5"
            int p = j - 1;
            if (p >= 0 && a.InSentence(p, j) && a[p].Kind == AtomKind.Word && (a[j].Glued || a[p].Upper && !a[p].SentenceStart
                    && (a.Flags(p) & (LexFlags.Approx | LexFlags.Function | LexFlags.CurrencyCode | LexFlags.Month | LexFlags.Weekday)) == 0
                    && !money && !a.Has(j + 1, LexFlags.Scale | LexFlags.CurrencyWord | LexFlags.MeasureUnit | LexFlags.DurationUnit) && !a.IsSymbol(j + 1, '%')
                    && !a.Is(j + 1, "percent") && !a.Is(j + 1, "per")))
            {
                if (!(a[j].Glued && (CalendarGuard.IsCurrencySymbol(a, p) || a.Has(p, LexFlags.CurrencyCode) || a.IsExact(p, "Rs"))))
                {
                    return false;
                }
            }

            // "EB-5", "F-35", "COVID-19": a code, not a count
            if (a[j].Glued && a.IsSymbol(j - 1, '-') && a[j - 1].Glued && j >= 2 && a[j - 2].Kind == AtomKind.Word && a[j - 2].Upper)
            {
                return false;
            }

            n.Value = atom.Value;
            n.End = j + 1;
            ApplyScale(a, ref n, money);
            return true;
        }

        if (atom.Kind != AtomKind.Word)
        {
            return false;
        }

        // "thousands of", "tens of thousands of", "dozens of", "several hundred", "a few thousand"
        if (a.Has(j, LexFlags.ScalePlural) && a.Is(j + 1, "of"))
        {
            double s = a[j].Lex!.ScaleValue;
            int k = j + 2;
            if ((a.Is(j, "tens") || a.Is(j, "hundreds")) && a.Has(k, LexFlags.ScalePlural) && a.Is(k + 1, "of"))
            {
                s *= a[k].Lex!.ScaleValue;
                k += 2;
            }

            n.Value = 2 * s;
            n.Max = (10 * s) - 1;
            n.Approximate = true;
            n.End = k - 1; // the "of" stays for the unit
            n.OfFollows = true;
            n.HasScale = true;
            n.FromWords = true;
            return true;
        }

        // "held thousands in chains": a plural scale alone
        if (a.Has(j, LexFlags.ScalePlural) && !a[j].Upper && !a.Is(j, "tens") && !a.Is(j, "scores") && !a.Has(j - 1, LexFlags.Determiner)
            && (j + 1 >= a.Count || !a.InSentence(j + 1, j) || a[j + 1].Kind != AtomKind.Word || a.Has(j + 1, LexFlags.Function)))
        {
            double s = a[j].Lex!.ScaleValue;
            n.Value = 2 * s;
            n.Max = (10 * s) - 1;
            n.Approximate = true;
            n.End = j + 1;
            n.HasScale = true;
            n.FromWords = true;
            return true;
        }

        // "a quarter of a million", "a third of a billion"
        if ((a.Is(j, "a") || a.Is(j, "one")) && (a.Is(j + 1, "quarter") || a.Is(j + 1, "third")) && a.Is(j + 2, "of") && (a.Is(j + 3, "a") || a.Is(j + 3, "an"))
            && a.Has(j + 4, LexFlags.Scale) && !a.Has(j + 4, LexFlags.ScaleAbbrev))
        {
            n.Value = (a.Is(j + 1, "quarter") ? 0.25 : 1.0 / 3) * a[j + 4].Lex!.ScaleValue;
            n.End = j + 5;
            n.HasScale = true;
            n.FromWords = true;
            return true;
        }

        if ((a.Is(j, "several") || a.Is(j, "few") && a.Is(j - 1, "a")) && a.Has(j + 1, LexFlags.Scale) && !a.Has(j + 1, LexFlags.ScaleAbbrev))
        {
            double s = a[j + 1].Lex!.ScaleValue;
            bool several = a.Is(j, "several");
            n.Value = (several ? 3 : 2) * s;
            n.Max = (several ? 9 : 5) * s;
            n.Approximate = true;
            n.End = j + 2;
            n.HasScale = true;
            n.FromWords = true;
            return true;
        }

        // "half a million"
        if (a.Is(j, "half") && (a.Is(j + 1, "a") || a.Is(j + 1, "an")) && a.Has(j + 2, LexFlags.Scale) && !a.Has(j + 2, LexFlags.ScaleAbbrev))
        {
            n.Value = 0.5 * a[j + 2].Lex!.ScaleValue;
            n.End = j + 3;
            n.HasScale = true;
            n.FromWords = true;
            return true;
        }

        if ((a.Is(j, "a") || a.Is(j, "an")) && a.Has(j + 1, LexFlags.Scale) && !a.Has(j + 1, LexFlags.ScaleAbbrev))
        {
            n.Value = 1;
            n.End = j + 1;
            n.FromWords = true;
            ApplyWordScales(a, ref n);
            return n.HasScale;
        }

        if (!a.Has(j, LexFlags.NumberWord) || a[j].Upper && !a[j].SentenceStart && !a.Has(j - 1, LexFlags.Approx))
        {
            return false;
        }

        // "one of", "this one", "no one": not a count
        if (a.Is(j, "one") && (a.Is(j + 1, "of") || a.Has(j - 1, LexFlags.Determiner) || a.Is(j + 1, "another") || a.Is(j - 1, "no")
            || j + 1 >= a.Count || a[j + 1].Kind != AtomKind.Word || a.Has(j + 1, LexFlags.Function)))
        {
            return false;
        }

        double total = 0;
        double current = a[j].Lex!.Value;
        int e = j + 1;
        // "twenty-five"
        if (current >= 20 && a.IsSymbol(e, '-') && a[e].Glued && a.Has(e + 1, LexFlags.NumberWord) && a[e + 1].Lex!.Value < 10)
        {
            current += a[e + 1].Lex!.Value;
            e += 2;
        }

        while (e < a.Count && a.InSentence(e, j))
        {
            if (a.Has(e, LexFlags.Scale) && !a.Has(e, LexFlags.ScaleAbbrev))
            {
                double s = a[e].Lex!.ScaleValue;
                if (s <= 100)
                {
                    current = (current == 0 ? 1 : current) * s;
                }
                else
                {
                    total += (current == 0 ? 1 : current) * s;
                    current = 0;
                }

                n.HasScale = true;
                e++;
                continue;
            }

            // "one hundred and twenty"
            if (a.Is(e, "and") && n.HasScale && a.Has(e + 1, LexFlags.NumberWord))
            {
                e++;
                continue;
            }

            if (a.Has(e, LexFlags.NumberWord) && n.HasScale && current % 100 == 0)
            {
                double v = a[e].Lex!.Value;
                current += v;
                e++;
                if (v >= 20 && a.IsSymbol(e, '-') && a[e].Glued && a.Has(e + 1, LexFlags.NumberWord) && a[e + 1].Lex!.Value < 10)
                {
                    current += a[e + 1].Lex!.Value;
                    e += 2;
                }

                continue;
            }

            break;
        }

        n.Value = total + current;
        n.End = e;
        n.FromWords = true;
        return true;
    }

    private static void ApplyScale(AtomBuffer a, ref Number n, bool money)
    {
        int k = n.End;
        if (k >= a.Count || !a.InSentence(k, n.End - 1) || !a.Has(k, LexFlags.Scale))
        {
            return;
        }

        var lex = a[k].Lex!;
        if ((lex.Flags & LexFlags.ScaleAbbrev) != 0)
        {
            bool m = a.IsExact(k, "m"), kk = a.Is(k, "k"), b = a.Is(k, "b");
            if (m || kk || b)
            {
                if (!a[k].Glued)
                {
                    return;
                }

                bool nounAfter = k + 1 < a.Count && a[k + 1].Kind == AtomKind.Word && !a[k + 1].Upper && (a.Flags(k + 1) & LexFlags.Function) == 0 && a.InSentence(k + 1, k);
                if (!money && !(m && (nounAfter || a.Has(k + 1, LexFlags.CurrencyWord))))
                {
                    return;
                }
            }
        }
        else if (lex.ScaleValue < 1000 && !a.Is(k, "hundred"))
        {
            return; // "5 dozen" is rare; "dozen" after digits is left alone
        }

        n.Value *= lex.ScaleValue;
        n.HasScale = true;
        n.End = k + 1;
        // "1.5 million" and "5 hundred thousand"
        if (a.Has(n.End, LexFlags.Scale) && !a.Has(n.End, LexFlags.ScaleAbbrev) && a[n.End].Lex!.ScaleValue > lex.ScaleValue)
        {
            n.Value *= a[n.End].Lex!.ScaleValue;
            n.End++;
        }
    }

    private static void ApplyWordScales(AtomBuffer a, ref Number n)
    {
        while (n.End < a.Count && a.Has(n.End, LexFlags.Scale) && !a.Has(n.End, LexFlags.ScaleAbbrev))
        {
            n.Value *= a[n.End].Lex!.ScaleValue;
            n.HasScale = true;
            n.End++;
        }
    }

    private static int SkipNumberRun(AtomBuffer a, int j)
    {
        int k = j + 1;
        while (k + 1 < a.Count && a[k].Glued && a[k].Kind == AtomKind.Symbol && a[k + 1].Glued && a[k + 1].Kind == AtomKind.Number)
        {
            k += 2;
        }

        return k;
    }

    /// <summary>Length in atoms of an approximator before a number ("about", "more than", "up to", "an estimated"), or 0.</summary>
    private static int ApproxLength(AtomBuffer a, int j)
    {
        if (a.IsSymbol(j, '~'))
        {
            return 1;
        }

        if (a[j].Kind != AtomKind.Word)
        {
            return 0;
        }

        if ((a.Is(j, "more") || a.Is(j, "less") || a.Is(j, "fewer")) && a.Is(j + 1, "than"))
        {
            return 2;
        }

        if ((a.Is(j, "at") && (a.Is(j + 1, "least") || a.Is(j + 1, "most"))) || a.Is(j, "up") && a.Is(j + 1, "to")
            || a.Is(j, "close") && a.Is(j + 1, "to") || a.Is(j, "upwards") && a.Is(j + 1, "of") || a.Is(j, "an") && a.Is(j + 1, "estimated")
            || (a.Is(j, "just") || a.Is(j, "well")) && (a.Is(j + 1, "over") || a.Is(j + 1, "under") || a.Is(j + 1, "below") || a.Is(j + 1, "above")))
        {
            return 2;
        }

        if (a.Is(j, "as") && (a.Is(j + 1, "many") || a.Is(j + 1, "much") || a.Is(j + 1, "few") || a.Is(j + 1, "little")) && a.Is(j + 2, "as"))
        {
            return 3;
        }

        if (a.Is(j, "in") && a.Is(j + 1, "excess") && a.Is(j + 2, "of"))
        {
            return 3;
        }

        if (a.Is(j, "about") || a.Is(j, "around") || a.Is(j, "approximately") || a.Is(j, "roughly") || a.Is(j, "nearly") || a.Is(j, "almost")
            || a.Is(j, "circa") || a.Is(j, "some") || a.Is(j, "over") || a.Is(j, "under") || a.Is(j, "estimated") || a.Is(j, "approx")
            || a.Is(j, "below") || a.Is(j, "above"))
        {
            int k = j + 1;
            return k < a.Count && (a[k].Kind == AtomKind.Number || a.Has(k, LexFlags.NumberWord | LexFlags.ScalePlural) || CalendarGuard.IsCurrencySymbol(a, k)
                || a.Has(k, LexFlags.CurrencyCode) || (a.Is(k, "a") || a.Is(k, "half")) && a.Has(k + 1, LexFlags.Scale) || a.IsExact(k, "US") && CalendarGuard.IsCurrencySymbol(a, k + 1))
                ? 1
                : 0;
        }

        return 0;
    }

    /// <summary>"$", "US$", "£", "€", "HK$", "USD", "Rs": the currency written before the number.</summary>
    private static string? CurrencyPrefix(AtomBuffer a, ref int j)
    {
        if (j >= a.Count)
        {
            return null;
        }

        if (a[j].Kind == AtomKind.Word && a[j].Upper && CalendarGuard.IsCurrencySymbol(a, j + 1) && a[j + 1].Glued && a.IsSymbol(j + 1, '$'))
        {
            string? code = a.Span(j) switch
            {
                "US" or "U.S." => "USD",
                "A" or "AU" => "AUD",
                "C" or "CA" or "CAN" => "CAD",
                "HK" => "HKD",
                "S" or "SG" => "SGD",
                "NZ" => "NZD",
                "R" => "BRL",
                "NT" => "TWD",
                "MX" => "MXN",
                _ => null,
            };
            if (code is not null)
            {
                j += 2;
                return code;
            }
        }

        if (a.IsExact(j, "US") && a.IsSymbol(j + 1, '$'))
        {
            j += 2;
            return "USD";
        }

        if (CalendarGuard.IsCurrencySymbol(a, j))
        {
            string code = a.Text[a[j].Start] switch
            {
                '$' => "USD",
                '\u00A3' => "GBP",
                '\u20AC' => "EUR",
                '\u00A5' => "JPY",
                '\u20B9' => "INR",
                '\u20A9' => "KRW",
                '\u20BD' => "RUB",
                _ => "TRY",
            };
            j++;
            return code;
        }

        if (a.Has(j, LexFlags.CurrencyCode) && a[j].Upper && a.Span(j).Length == 3 && IsUpperWord(a.Span(j)) && j + 1 < a.Count && a[j + 1].Kind == AtomKind.Number)
        {
            string code = a[j].Lex!.Currency ?? "CNY";
            j++;
            return code;
        }

        if (a.IsExact(j, "Rs") && j + 1 < a.Count && (a[j + 1].Kind == AtomKind.Number || a.IsSymbol(j + 1, '.') && j + 2 < a.Count && a[j + 2].Kind == AtomKind.Number))
        {
            j += a.IsSymbol(j + 1, '.') ? 2 : 1;
            return "INR";
        }

        return null;
    }

    /// <summary>"US dollars", "euros", "pounds sterling", "yuan", "USD" written after the number.</summary>
    private static string? CurrencySuffix(AtomBuffer a, ref int k)
    {
        int s = k;
        string? country = null;
        if (a.IsExact(s, "US") || a.IsExact(s, "U.S.") || a.IsExact(s, "U.S"))
        {
            country = "USD";
            s++;
        }
        else if (a.IsExact(s, "Australian"))
        {
            (country, s) = ("AUD", s + 1);
        }
        else if (a.IsExact(s, "Canadian"))
        {
            (country, s) = ("CAD", s + 1);
        }
        else if (a.IsExact(s, "Hong") && a.IsExact(s + 1, "Kong"))
        {
            (country, s) = ("HKD", s + 2);
        }
        else if (a.IsExact(s, "Singapore"))
        {
            (country, s) = ("SGD", s + 1);
        }
        else if (a.IsExact(s, "New") && a.IsExact(s + 1, "Zealand"))
        {
            (country, s) = ("NZD", s + 2);
        }
        else if (a.IsExact(s, "Taiwan") || a.IsExact(s, "Taiwanese"))
        {
            (country, s) = ("TWD", s + 1);
        }
        else if (a.IsExact(s, "Swiss"))
        {
            (country, s) = ("CHF", s + 1);
        }
        else if (a.IsExact(s, "Chinese"))
        {
            (country, s) = ("CNY", s + 1);
        }

        if (a.Has(s, LexFlags.CurrencyWord))
        {
            if ((a.Is(s, "pound") || a.Is(s, "pounds")) && a.Is(s + 1, "of"))
            {
                return null; // weight
            }

            if (a.Is(s, "won") && (s + 1 >= a.Count || !a.InSentence(s + 1, s) || a[s + 1].Kind == AtomKind.Word && !a.Has(s + 1, LexFlags.Function)))
            {
                return null; // "3 won" is a verb more often than a currency
            }

            var lex = a[s].Lex!;
            string code = a.Is(s, "dollar") || a.Is(s, "dollars") ? country ?? "USD" : a.Is(s, "francs") || a.Is(s, "franc") ? country ?? "CHF" : lex.Currency!;
            k = s + 1;
            if ((a.Is(s, "pounds") || a.Is(s, "pound")) && a.Is(k, "sterling"))
            {
                k++;
            }

            return code;
        }

        if (country is null && a.Has(s, LexFlags.CurrencyCode) && a.Span(s).Length == 3 && IsUpperWord(a.Span(s)))
        {
            k = s + 1;
            return a[s].Lex!.Currency ?? "CNY";
        }

        return null;
    }

    private static bool IsUpperWord(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>English singular of a count noun, lower case: "pieces" gives "piece", "people" stays "people".</summary>
    internal static string Singular(ReadOnlySpan<char> word)
    {
        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        ReadOnlySpan<char> w = lower;
        if (w.SequenceEqual("people") || w.SequenceEqual("person") || w.SequenceEqual("persons"))
        {
            return "people";
        }

        switch (w)
        {
            case "men": return "man";
            case "women": return "woman";
            case "children": return "child";
            case "lives": return "life";
            case "mice": return "mouse";
            case "feet": return "ft";
            case "teeth": return "tooth";
            case "police": return "police";
            case "news": return "news";
            case "series": return "series";
            case "species": return "species";
        }

        if (w.Length > 4 && w.EndsWith("ies"))
        {
            return string.Concat(w[..^3], "y");
        }

        if (w.Length > 4 && (w.EndsWith("sses") || w.EndsWith("shes") || w.EndsWith("ches") || w.EndsWith("xes") || w.EndsWith("zes")))
        {
            return new string(w[..^2]);
        }

        if (w.Length > 3 && w.EndsWith("s") && !w.EndsWith("ss") && !w.EndsWith("us") && !w.EndsWith("is"))
        {
            return new string(w[..^1]);
        }

        return new string(w);
    }

    /// <summary>
    /// Quantities that state one amount twice ("347 billion US dollars (£259 billion)", "5 km (3 miles)", "$10m, or
    /// about £7.5m") share a group id.
    /// </summary>
    private static void LinkGroups(string text, List<Quantity> list, int from)
    {
        int group = 0;
        for (int k = from; k + 1 < list.Count; k++)
        {
            var q1 = list[k];
            var q2 = list[k + 1];
            bool sameKind = q1.Kind == q2.Kind && (q1.Kind == QuantityKind.Money && q1.Currency != q2.Currency || q1.Kind == QuantityKind.Measure && q1.Unit != q2.Unit);
            if (!sameKind || q2.Range.Start - q1.Range.End > 12)
            {
                continue;
            }

            var between = text.AsSpan(q1.Range.End, q2.Range.Start - q1.Range.End).Trim();
            bool paren = between is "(" or "[" && NextNonSpace(text, q2.Range.End) is ')' or ']';
            bool or = between is "or" or ", or" or ",or" or "\u2013" or "-" && false || between.SequenceEqual("or") || between.SequenceEqual(", or");
            if (!paren && !or)
            {
                continue;
            }

            int g = q1.Group >= 0 ? q1.Group : group++;
            list[k] = q1 with { Group = g };
            list[k + 1] = q2 with { Group = g };
        }
    }

    private static char NextNonSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i < text.Length ? text[i] : '\0';
    }
}
