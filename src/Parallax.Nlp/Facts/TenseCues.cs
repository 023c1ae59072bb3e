namespace Parallax.Nlp.Facts;

internal enum Tense : byte
{
    Unknown,
    Past,
    Future,
}

/// <summary>
/// Which way in time a phrase points, from the nearest tense cue in its clause: "will", "would", "'ll", "is expected
/// to", "is to" and present progressive point ahead; "said", "was", past-tense "-ed" verbs and present perfect point
/// behind. A phrase inside an infinitive ("ordered firms to close by January", "Tillerson to visit on Saturday")
/// points ahead of its governing verb.
/// </summary>
internal static class TenseCues
{
    private const int MaxDistance = 14;

    /// <param name="strongOnly">Only auxiliaries and finite verbs count, not infinitives or present progressive
    /// (for noun modifiers like "Monday's debate", which the clause's verb does not govern).</param>
    public static Tense At(AtomBuffer a, int start, int end, bool strongOnly = false)
    {
        var left = ScanLeft(a, start, strongOnly, out int leftDistance);
        var right = ScanRight(a, end, strongOnly, out int rightDistance);
        if (left == Tense.Unknown)
        {
            return right;
        }

        if (right == Tense.Unknown)
        {
            return left;
        }

        return rightDistance < leftDistance ? right : left;
    }

    private static Tense ScanLeft(AtomBuffer a, int start, bool strongOnly, out int distance)
    {
        distance = int.MaxValue;
        bool infinitive = false;
        int words = 0;
        for (int k = start - 1; k >= 0 && a.InSentence(k, start); k--)
        {
            ref var atom = ref a[k];
            if (atom.Kind == AtomKind.Symbol)
            {
                char c = a.Text[atom.Start];
                if (c == ';')
                {
                    break;
                }

                continue;
            }

            if (atom.Kind != AtomKind.Word)
            {
                continue;
            }

            words++;
            if (words > MaxDistance)
            {
                break;
            }

            var cue = CueAt(a, k, strongOnly);
            if (cue == Cue.Infinitive)
            {
                infinitive = true;
                continue;
            }

            if (cue == Cue.None)
            {
                continue;
            }

            distance = words;
            if (infinitive)
            {
                // "ordered firms to close by January", "is expected to arrive on Monday": ahead of the governing verb.
                return cue == Cue.Past ? Tense.Past : Tense.Future;
            }

            return cue switch
            {
                Cue.Future => Tense.Future,
                Cue.Directive => Tense.Past,
                _ => Tense.Past,
            };
        }

        if (infinitive)
        {
            distance = words;
            return Tense.Future;
        }

        return Tense.Unknown;
    }

    private static Tense ScanRight(AtomBuffer a, int end, bool strongOnly, out int distance)
    {
        distance = int.MaxValue;
        int words = 0;
        for (int k = end; k < a.Count && a.InSentence(k, end - 1); k++)
        {
            ref var atom = ref a[k];
            if (atom.Kind == AtomKind.Symbol)
            {
                char c = a.Text[atom.Start];
                if (c is ';' or ':' or '\u201C' or '"')
                {
                    break;
                }

                continue;
            }

            if (atom.Kind != AtomKind.Word)
            {
                continue;
            }

            words++;
            if (words > MaxDistance)
            {
                break;
            }

            if (words > 1 && a.Has(k, LexFlags.ClauseStart) && !a.Is(k, "to"))
            {
                break;
            }

            var cue = CueAt(a, k, strongOnly);
            if (cue is Cue.None or Cue.Infinitive)
            {
                continue;
            }

            distance = words;
            return cue == Cue.Future ? Tense.Future : Tense.Past;
        }

        return Tense.Unknown;
    }

    private enum Cue : byte
    {
        None,
        Past,
        Future,
        Directive,
        Infinitive,
    }

    private static Cue CueAt(AtomBuffer a, int k, bool strongOnly)
    {
        var flags = a.Flags(k);
        var span = a.Span(k);
        if ((flags & LexFlags.FutureAux) != 0)
        {
            // "won't" is atoms "won" + "'t": the "won" of it is future.
            return Cue.Future;
        }

        if (span.Equals("won", StringComparison.OrdinalIgnoreCase) && a.Has(k + 1, LexFlags.Negation) && a[k + 1].Glued)
        {
            return Cue.Future;
        }

        if ((flags & LexFlags.Scheduled) != 0 && a.Is(k + 1, "to") && !a[k].Upper && !strongOnly)
        {
            // "expected to", "due to", "set to", "plans to", "going to": ahead.
            return Cue.Future;
        }

        if (span.Equals("to", StringComparison.OrdinalIgnoreCase))
        {
            return !strongOnly && IsInfinitive(a, k) ? Cue.Infinitive : Cue.None;
        }

        if ((flags & LexFlags.Be) != 0)
        {
            if (span.Equals("was", StringComparison.OrdinalIgnoreCase) || span.Equals("were", StringComparison.OrdinalIgnoreCase))
            {
                return a.Is(k + 1, "to") ? Cue.Future : Cue.Past;
            }

            if (span.Equals("is", StringComparison.OrdinalIgnoreCase) || span.Equals("are", StringComparison.OrdinalIgnoreCase)
                || span.Equals("am", StringComparison.OrdinalIgnoreCase) || span.Equals("'re", StringComparison.OrdinalIgnoreCase)
                || span.Equals("\u2019re", StringComparison.OrdinalIgnoreCase))
            {
                // "is to visit", "are meeting on Saturday": arrangements ahead.
                if (a.Is(k + 1, "to") || !strongOnly && EndsWith(a, k + 1, "ing"))
                {
                    return Cue.Future;
                }
            }

            return Cue.None;
        }

        if ((flags & LexFlags.Have) != 0)
        {
            if (span.Equals("had", StringComparison.OrdinalIgnoreCase))
            {
                return Cue.Past;
            }

            // present perfect: "has banned ... since early September".
            return a[k + 1 < a.Count ? k + 1 : k].Kind == AtomKind.Word && (EndsWith(a, k + 1, "ed") || a.Has(k + 1, LexFlags.PastVerb) || a.Has(k + 1, LexFlags.Be) || a.Is(k + 1, "also") || a.Is(k + 1, "already") || a.Is(k + 1, "not"))
                ? Cue.Past
                : Cue.None;
        }

        if ((flags & LexFlags.PastVerb) != 0)
        {
            if (a.Has(k - 1, LexFlags.Have) || a.Has(k - 1, LexFlags.Be))
            {
                return Cue.None; // the auxiliary decides
            }

            return (flags & LexFlags.Scheduled) != 0 ? Cue.Directive : Cue.Past;
        }

        if (!a[k].Upper && span.Length >= 5 && span.EndsWith("ed", StringComparison.Ordinal))
        {
            // A past-tense verb, unless it is an adjective ("the planned visit", "Trump's planned visit", "North Korean-owned").
            if (a[k].Glued || a.Has(k - 1, LexFlags.Determiner | LexFlags.Preposition) || a.Is(k - 1, "'s") || a.Is(k - 1, "\u2019s")
                || a.Has(k - 1, LexFlags.Have) || a.Has(k - 1, LexFlags.Be) || a.Has(k + 1, LexFlags.RoleHead))
            {
                return Cue.None;
            }

            return (flags & LexFlags.Scheduled) != 0 ? Cue.Directive : Cue.Past;
        }

        return Cue.None;
    }

    private static bool IsInfinitive(AtomBuffer a, int k)
    {
        int n = k + 1;
        if (n >= a.Count || a[n].Kind != AtomKind.Word || a[n].Upper)
        {
            return false;
        }

        var f = a.Flags(n);
        if ((f & (LexFlags.Determiner | LexFlags.Pronoun | LexFlags.Preposition | LexFlags.NumberWord | LexFlags.Month | LexFlags.Weekday | LexFlags.TimeWord | LexFlags.RelativeWord | LexFlags.PeriodWord)) != 0)
        {
            return (f & LexFlags.Be) != 0; // "to be"
        }

        var s = a.Span(n);
        return !s.EndsWith("ing", StringComparison.Ordinal) && !s.EndsWith("s", StringComparison.Ordinal) || s.EndsWith("ss", StringComparison.Ordinal)
            || (f & (LexFlags.Be | LexFlags.Have)) != 0;
    }

    private static bool EndsWith(AtomBuffer a, int k, string suffix) =>
        k < a.Count && a[k].Kind == AtomKind.Word && a.Span(k).Length > suffix.Length + 2 && a.Span(k).EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
}
