using System.Buffers;
using System.Text;
using Parallax.Core;
using Parallax.Nlp.Facts;

namespace Parallax.Nlp.Roles;

/// <summary>
/// Binds roles and titles to PERSON mentions: before the name ("US Secretary of State Rex Tillerson"), in apposition
/// ("Einar Tangen, a political analyst and adviser to China's government"; "its leader, Kim Jong Un"), after it
/// ("Choe Son-hui, director-general of the North American department") and in relative clauses ("John McCain, who
/// heads the Senate Armed Services Committee"). Role words come from the WordNet-derived lexicon
/// (tools/roles/derive-role-lexicon.js); qualifiers are the organisations, places and possessors around the role.
/// </summary>
internal static class RoleGrammar
{
    private const int MaxBefore = 12;
    private const int MaxQualifier = 16;

    private static readonly (string Verb, string Role)[] RelativeVerbs =
    [
        ("heads", "head"), ("headed", "head"), ("leads", "leader"), ("led", "leader"), ("chairs", "chair"), ("chaired", "chair"),
        ("runs", "head"), ("ran", "head"), ("directs", "director"), ("directed", "director"), ("founded", "founder"),
        ("co-founded", "co-founder"), ("manages", "manager"), ("managed", "manager"), ("oversees", "head"), ("oversaw", "head"),
        ("represents", "representative"), ("represented", "representative"), ("advises", "adviser"), ("advised", "adviser"),
        ("commands", "commander"), ("commanded", "commander"), ("edits", "editor"), ("edited", "editor"), ("owns", "owner"),
        ("governs", "governor"), ("coaches", "coach"), ("coached", "coach"), ("presides", "president"),
    ];

    public static void Parse(AtomBuffer a, EntityLayer entities, List<RoleMention> roles, List<Honorific> honorifics)
    {
        var owner = ArrayPool<int>.Shared.Rent(Math.Max(1, a.Count));
        try
        {
            Array.Fill(owner, -1, 0, a.Count);
            var spans = new (int Start, int End)[entities.Count];
            for (int e = 0; e < entities.Count; e++)
            {
                var m = entities.Mentions[e];
                int s = FirstAtomAtOrAfter(a, m.Range.Start);
                int t = s;
                while (t < a.Count && a[t].End <= m.Range.End)
                {
                    owner[t] = e;
                    t++;
                }

                spans[e] = (s, t);
            }

            for (int e = 0; e < entities.Count; e++)
            {
                var m = entities.Mentions[e];
                var (s, t) = spans[e];
                if (m.Type != EntityType.Person || s >= t)
                {
                    continue;
                }

                var ctx = new Context(a, owner, entities, e);
                s = InsideSpan(ctx, s, t, roles, honorifics);
                int p = HonorificBefore(ctx, s, honorifics);
                Before(ctx, p, s, roles);
                BeforeWithComma(ctx, s, t, roles);
                After(ctx, t, roles);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(owner);
        }
    }

    private readonly struct Context(AtomBuffer a, int[] owner, EntityLayer entities, int entity)
    {
        public AtomBuffer A { get; } = a;

        public int Entity { get; } = entity;

        public bool IsPerson(int i) => i >= 0 && i < A.Count && owner[i] >= 0 && entities.Mentions[owner[i]].Type == EntityType.Person;

        public bool InOtherEntity(int i) => i >= 0 && i < A.Count && owner[i] >= 0 && entities.Mentions[owner[i]].Type != EntityType.Person;

        /// <summary>Any entity mention other than the one whose roles are being read.</summary>
        public bool InQualifyingEntity(int i) => i >= 0 && i < A.Count && owner[i] >= 0 && owner[i] != Entity;

        public int EntityAt(int i) => i >= 0 && i < A.Count ? owner[i] : -1;
    }

    private static int FirstAtomAtOrAfter(AtomBuffer a, int position)
    {
        int lo = 0, hi = a.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (a[mid].Start < position)
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

    // ------------------------------------------------------------------ inside the name ("Mr Tillerson", "President Xi Jinping" tagged whole)

    private static int InsideSpan(Context c, int s, int t, List<RoleMention> roles, List<Honorific> honorifics)
    {
        var a = c.A;
        if (t - s >= 2 && a.Has(s, LexFlags.Honorific) && a[s].Upper)
        {
            int e = a.IsSymbol(s + 1, '.') && a[s + 1].Glued ? s + 2 : s + 1;
            honorifics.Add(new Honorific(c.Entity, a.Range(s, e), a[s].Lex!.Canonical!));
            return e;
        }

        int k = s;
        int lastHead = -1;
        while (k < t - 1 && a[k].Upper && a.Has(k, LexFlags.RoleHead | LexFlags.RoleModifier))
        {
            if (a.Has(k, LexFlags.RoleHead))
            {
                lastHead = k;
            }

            k++;
        }

        if (lastHead >= 0 && lastHead < t - 1)
        {
            roles.Add(new RoleMention(c.Entity, a.Range(s, lastHead + 1), Clean(a.Of(s, lastHead + 1)), null, RolePosition.Before));
            return lastHead + 1;
        }

        return s;
    }

    private static int HonorificBefore(Context c, int s, List<Honorific> honorifics)
    {
        var a = c.A;
        int p = s - 1;
        if (a.IsSymbol(p, '.') && a[s].Glued == false && a[p].Glued)
        {
            p--;
        }

        if (p >= 0 && a.InSentence(p, s) && a[p].Upper && a.Has(p, LexFlags.Honorific))
        {
            honorifics.Add(new Honorific(c.Entity, a.Range(p, p + 1), a[p].Lex!.Canonical!));
            return p;
        }

        return s;
    }

    // ------------------------------------------------------------------ before the name

    private static void Before(Context c, int nameStart, int personStart, List<RoleMention> roles)
    {
        var a = c.A;
        if (nameStart != personStart)
        {
            return; // "Mr" stands between: no title before it
        }

        int p = nameStart - 1;
        int first = nameStart;
        int count = 0;
        bool sawOrgNoun = false;
        int lowerBeforeOrg = 0;
        while (p >= 0 && a.InSentence(p, nameStart) && count < MaxBefore)
        {
            if (c.IsPerson(p))
            {
                // "Clinton spokesman Josh Schwerin": a person right before the role words qualifies them
                if (first < nameStart && a[first].Kind == AtomKind.Word && a.Has(first, LexFlags.RoleHead | LexFlags.RoleModifier) && first == p + 1)
                {
                    while (p >= 0 && c.IsPerson(p) && c.EntityAt(p) == c.EntityAt(first - 1))
                    {
                        first = p;
                        p--;
                    }
                }

                break;
            }

            if (!TitleLike(c, p, first, nameStart))
            {
                // "Algerian foreign affairs ministry spokesman": lower-case words of an organisation name
                if (sawOrgNoun && lowerBeforeOrg < 3 && a[p].Kind == AtomKind.Word && !a[p].Upper && (a.Flags(p) & (LexFlags.Function | LexFlags.Negation | LexFlags.PastVerb)) == 0
                    && !a.Span(p).EndsWith("ed", StringComparison.Ordinal))
                {
                    lowerBeforeOrg++;
                    first = p;
                    p--;
                    count++;
                    continue;
                }

                break;
            }

            sawOrgNoun |= a.Has(p, LexFlags.OrgNoun);
            first = p;
            p--;
            count++;
        }

        // trim connectors and lowercase non-lexicon words from the left
        while (first < nameStart && (a[first].Kind != AtomKind.Word || a.Is(first, "of") || a.Is(first, "for") || a.Is(first, "and") || a.Is(first, "the")
                                     || a.Is(first, "'s") || a.Is(first, "\u2019s")))
        {
            first++;
        }

        if (first >= nameStart)
        {
            return;
        }

        // the phrase must hold a role head
        int lastHead = -1;
        for (int k = first; k < nameStart; k++)
        {
            if (IsHead(a, k))
            {
                lastHead = k;
            }
        }

        if (lastHead < 0)
        {
            lastHead = FallbackTitleHead(c, first, nameStart);
            if (lastHead < 0)
            {
                return;
            }
        }

        // split into groups: a group ends at a head whose next word is neither a head nor a modifier, or changes case
        int g0 = first;
        for (int k = first; k < nameStart; k++)
        {
            if (!IsHead(a, k) && k != lastHead)
            {
                continue;
            }

            int end = HeadPhraseEnd(a, k, nameStart);
            bool last = end >= nameStart;
            int next = a.IsSymbol(end, '.') && a[end].Glued && end + 1 < nameStart ? end + 1 : end;
            last |= next >= nameStart;
            bool boundary = last || !a.Has(next, LexFlags.RoleHead | LexFlags.RoleModifier) || a[next].Upper != a[k].Upper;
            if (!boundary)
            {
                k = end - 1;
                continue;
            }

            EmitGroup(c, g0, k, end, RolePosition.Before, roles);
            g0 = next;
            k = next - 1;
        }
    }

    private static bool TitleLike(Context c, int p, int first, int nameStart)
    {
        var a = c.A;
        ref var atom = ref a[p];
        if (atom.Kind == AtomKind.Symbol)
        {
            // hyphens inside compounds ("ambassador-at-large"), the dot of "Sen."
            return atom.Glued && p + 1 < a.Count && a[p + 1].Glued && a.IsSymbol(p, '-')
                   || a.IsSymbol(p, '.') && atom.Glued && a.Has(p - 1, LexFlags.RoleHead);
        }

        if (atom.Kind != AtomKind.Word)
        {
            return false;
        }

        if (a.Is(p, "'s") || a.Is(p, "\u2019s"))
        {
            return first < nameStart;
        }

        var f = a.Flags(p);
        if ((f & (LexFlags.RoleHead | LexFlags.RoleModifier | LexFlags.OrgNoun)) != 0 && (f & (LexFlags.Determiner | LexFlags.Conjunction)) == 0)
        {
            return !(a.Is(p, "us") && !a.IsExact(p, "US"));
        }

        if (c.InOtherEntity(p))
        {
            return true;
        }

        // connectors inside a capitalised title: "Secretary of State", "Minister for Foreign Affairs"
        if ((a.Is(p, "of") || a.Is(p, "for") || a.Is(p, "the") || a.Is(p, "and")) && first < nameStart && a[first].Upper && p > 0 && a[p - 1].Upper)
        {
            return !a.Is(p, "the") || a.Is(p - 1, "of") || a.Is(p - 1, "for");
        }

        // glued pieces of hyphenated compounds: "at", "large" in "ambassador-at-large"
        if (atom.Glued && a.IsSymbol(p - 1, '-') || p + 1 < a.Count && a.IsSymbol(p + 1, '-') && a[p + 1].Glued && first == p + 2)
        {
            return true;
        }

        // capitalised words (qualifiers, title words the lexicon lacks), not sentence-initial function words
        return atom.Upper && (f & LexFlags.Function) == 0 && (f & (LexFlags.Month | LexFlags.Weekday | LexFlags.TimeWord)) == 0
               && !(atom.SentenceStart && (f & LexFlags.RelativeWord) != 0);
    }

    private static bool IsHead(AtomBuffer a, int k) =>
        a[k].Kind == AtomKind.Word && a.Has(k, LexFlags.RoleHead) && !(a.Is(k, "us") && !a.IsExact(k, "US")) && !(a.Is(k, "chief") && a.Has(k + 1, LexFlags.RoleHead));

    /// <summary>The end of the head phrase at <paramref name="k"/>: "Secretary of State", "ambassador-at-large", "Attorney General".</summary>
    private static int HeadPhraseEnd(AtomBuffer a, int k, int limit)
    {
        int end = k + 1;
        // hyphenated compound
        while (end + 1 < limit && a.IsSymbol(end, '-') && a[end].Glued && a[end + 1].Glued && a[end + 1].Kind == AtomKind.Word)
        {
            end += 2;
        }

        // "Secretary of State", "Chief of Staff" from the title table
        if (Lexicon.TitleTable.TryGetValue(a.Span(k).ToString(), out var titles))
        {
            foreach (var title in titles)
            {
                int j = k + 1;
                int w = 1;
                while (w < title.Length && j < limit && a.Is(j, title[w]))
                {
                    j++;
                    w++;
                }

                if (w == title.Length)
                {
                    return j;
                }
            }
        }

        // "Secretary of the Treasury", "Minister for Foreign Affairs": capitalised of-phrases inside a capitalised title
        if (a[k].Upper && (a.Is(end, "of") || a.Is(end, "for")) && end + 1 < limit)
        {
            int j = end + 1;
            if (a.Is(j, "the"))
            {
                j++;
            }

            int caps = 0;
            while (j < limit && a[j].Kind == AtomKind.Word && a[j].Upper)
            {
                j++;
                caps++;
            }

            if (caps > 0 && j == limit)
            {
                return j;
            }
        }

        // "Attorney General", "Secretary General"
        if (a.IsExact(end, "General") && end < limit - 1 + 1 && end + 1 <= limit)
        {
            return end + 1;
        }

        return end;
    }

    /// <summary>Capitalised title the lexicon lacks right before a name: the last word must look like an agent noun.</summary>
    private static int FallbackTitleHead(Context c, int first, int nameStart)
    {
        var a = c.A;
        int k = nameStart - 1;
        if (k < first || a[k].Kind != AtomKind.Word || !a[k].Upper || c.InOtherEntity(k) || a[k].SentenceStart)
        {
            return -1;
        }

        var w = a.Span(k);
        return w.EndsWith("or", StringComparison.Ordinal) || w.EndsWith("er", StringComparison.Ordinal) && w.Length > 4 || w.EndsWith("ist", StringComparison.Ordinal)
               || w.EndsWith("ary", StringComparison.Ordinal) || w.EndsWith("ent", StringComparison.Ordinal) && w.Length > 5 || w.EndsWith("eur", StringComparison.Ordinal)
               || w.EndsWith("man", StringComparison.Ordinal) || w.EndsWith("woman", StringComparison.Ordinal)
            ? k
            : -1;
    }

    /// <summary>Emits one role: [g0, end) with its head at <paramref name="head"/>; what stands before the role words is the qualifier.</summary>
    private static void EmitGroup(Context c, int g0, int head, int end, RolePosition position, List<RoleMention> roles)
    {
        var a = c.A;
        // qualifier: up to the last entity / organisation noun / possessive before the head, else the capitalised words
        // before the first role word.
        int q = g0;
        for (int k = g0; k < head; k++)
        {
            if (c.InQualifyingEntity(k) && !a.Has(k, LexFlags.RoleHead) || a.Has(k, LexFlags.OrgNoun) && !a.Has(k, LexFlags.RoleHead)
                || a.Is(k, "'s") || a.Is(k, "\u2019s"))
            {
                q = k + 1;
            }
        }

        if (q == g0)
        {
            while (q < head && !a.Has(q, LexFlags.RoleHead | LexFlags.RoleModifier))
            {
                q++;
            }
        }

        int roleStart = q;
        while (roleStart < head && a[roleStart].Kind != AtomKind.Word)
        {
            roleStart++;
        }

        string? qualifier = null;
        if (q > g0)
        {
            int qe = q;
            while (qe > g0 && (a.Is(qe - 1, "'s") || a.Is(qe - 1, "\u2019s") || a[qe - 1].Kind == AtomKind.Symbol))
            {
                qe--;
            }

            if (qe > g0)
            {
                qualifier = Clean(a.Of(g0, qe));
            }
        }

        if (a.IsSymbol(end, '.') && a[end].Glued && Abbreviation(a.Span(end - 1)) is not null)
        {
            end++;
        }

        var role = ExpandAbbreviations(Clean(a.Of(roleStart, end)));
        roles.Add(new RoleMention(c.Entity, a.Range(g0, end), role, qualifier, position));
    }

    private static readonly (string Abbr, string Full)[] Abbreviations =
    [
        ("Sen", "Senator"), ("Rep", "Representative"), ("Gov", "Governor"), ("Gen", "General"), ("Lt", "Lieutenant"),
        ("Col", "Colonel"), ("Sgt", "Sergeant"), ("Capt", "Captain"), ("Adm", "Admiral"), ("Maj", "Major"), ("Cmdr", "Commander"),
        ("Supt", "Superintendent"), ("Insp", "Inspector"), ("Det", "Detective"), ("Amb", "Ambassador"), ("Prof", "Professor"),
    ];

    private static string? Abbreviation(ReadOnlySpan<char> word)
    {
        foreach (var (abbr, full) in Abbreviations)
        {
            if (word.SequenceEqual(abbr))
            {
                return full;
            }
        }

        return null;
    }

    /// <summary>"Sen." is shown as "Senator", "Lt. Gen." as "Lieutenant General".</summary>
    private static string ExpandAbbreviations(string role)
    {
        if (role.IndexOf('.', StringComparison.Ordinal) < 0 && Abbreviation(role) is null && !role.Contains(' ', StringComparison.Ordinal))
        {
            return role;
        }

        var words = role.Split(' ');
        bool changed = false;
        for (int i = 0; i < words.Length; i++)
        {
            if (Abbreviation(words[i].AsSpan().TrimEnd('.')) is { } full)
            {
                words[i] = full;
                changed = true;
            }
        }

        return changed ? string.Join(' ', words) : role;
    }

    // ------------------------------------------------------------------ "its leader, Kim Jong Un,"

    private static void BeforeWithComma(Context c, int s, int t, List<RoleMention> roles)
    {
        var a = c.A;
        if (!a.IsSymbol(s - 1, ',') || !a.InSentence(s - 2, s))
        {
            return;
        }

        // the name closes the apposition
        if (t < a.Count && a.InSentence(t, s) && !a.IsSymbol(t, ',') && !a.IsSymbol(t, '.') && !a.IsSymbol(t, ')') && !a.IsSymbol(t, ';'))
        {
            return;
        }

        int head = s - 2;
        if (!IsHead(a, head) || a[head].Upper)
        {
            return;
        }

        int k = head - 1;
        while (k >= 0 && a.InSentence(k, s) && a.Has(k, LexFlags.RoleModifier) && !a.Has(k, LexFlags.Determiner) && head - k < 5)
        {
            k--;
        }

        // must open with a determiner or a possessive: "its leader", "the country's president", "North Korea's leader"
        int g0;
        if (a.Is(k, "its") || a.Is(k, "his") || a.Is(k, "her") || a.Is(k, "their") || a.Is(k, "the"))
        {
            g0 = k;
        }
        else if (a.Is(k, "'s") || a.Is(k, "\u2019s"))
        {
            g0 = k - 1;
            while (g0 - 1 >= 0 && a.InSentence(g0 - 1, s) && a[g0 - 1].Kind == AtomKind.Word && (a[g0 - 1].Upper || c.InOtherEntity(g0 - 1)) && k - g0 < 4)
            {
                g0--;
            }
        }
        else
        {
            return;
        }

        string? qualifier = null;
        if (a.Is(k, "'s") || a.Is(k, "\u2019s"))
        {
            qualifier = Clean(a.Of(g0, k));
        }

        roles.Add(new RoleMention(c.Entity, a.Range(g0, head + 1), Clean(a.Of(k + 1, head + 1)), qualifier, RolePosition.Apposition));
    }

    // ------------------------------------------------------------------ after the name

    private static void After(Context c, int t, List<RoleMention> roles)
    {
        var a = c.A;
        if (!a.IsSymbol(t, ',') || !a.InSentence(t + 1, t))
        {
            return;
        }

        int k = t + 1;
        if (a.Is(k, "who") || a.Is(k, "whose"))
        {
            Relative(c, k + 1, roles);
            return;
        }

        AppositionRoles(c, k, roles, depth: 0);
    }

    private static void AppositionRoles(Context c, int k, List<RoleMention> roles, int depth)
    {
        var a = c.A;
        int g0 = k;
        string? preQualifier = null;
        bool determiner = false;
        if (a.Is(k, "a") || a.Is(k, "an") || a.Is(k, "the"))
        {
            determiner = true;
            k++;
        }
        else if (a.Is(k, "its") || a.Is(k, "his") || a.Is(k, "her") || a.Is(k, "their"))
        {
            determiner = true;
            k++;
        }
        else
        {
            // "North Korea's leader", "Labour's shadow chancellor"
            int j = k;
            while (j < a.Count && j - k < 4 && a[j].Kind == AtomKind.Word && (a[j].Upper || c.InOtherEntity(j)) && !c.IsPerson(j))
            {
                j++;
            }

            if (j > k && (a.Is(j, "'s") || a.Is(j, "\u2019s")))
            {
                preQualifier = Clean(a.Of(k, j));
                determiner = true;
                k = j + 1;
            }
        }

        // modifiers and up to two unknown lower-case adjectives, then the head
        int head = -1;
        int j2 = k;
        int unknown = 0;
        while (j2 < a.Count && a.InSentence(j2, g0) && j2 - k < 7 && !c.IsPerson(j2))
        {
            if (a[j2].Kind == AtomKind.Symbol && a.IsSymbol(j2, '-') && a[j2].Glued && j2 + 1 < a.Count && a[j2 + 1].Glued)
            {
                j2++;
                continue;
            }

            if (a[j2].Kind != AtomKind.Word)
            {
                break;
            }

            if (IsHead(a, j2) && !a.Has(j2 + 1, LexFlags.RoleHead) || IsHead(a, j2) && a.Has(j2 + 1, LexFlags.Function))
            {
                head = j2;
                break;
            }

            if (a.Has(j2, LexFlags.RoleModifier | LexFlags.RoleHead) || c.InOtherEntity(j2) || a[j2].Upper && (a.Flags(j2) & LexFlags.Function) == 0)
            {
                j2++;
                continue;
            }

            if (!a[j2].Upper && (a.Flags(j2) & (LexFlags.Function | LexFlags.Negation)) == 0 && unknown < 2 && determiner)
            {
                unknown++;
                j2++;
                continue;
            }

            break;
        }

        if (head < 0)
        {
            return;
        }

        int end = HeadPhraseEnd(a, head, a.Count);
        if (c.IsPerson(end) || end < a.Count && a[end].Upper && a[end].Kind == AtomKind.Word && !a.Has(end, LexFlags.Function))
        {
            return; // "Yang Jiechi, Foreign Minister Wang Yi": a title of the next name
        }

        int roleEnd = end;
        string? qualifier = preQualifier;
        // post-head qualifier: "of the North American department of North Korea's foreign ministry", "to China's government"
        if ((a.Is(end, "of") || a.Is(end, "to") || a.Is(end, "at") || a.Is(end, "for") || a.Is(end, "with") || a.Is(end, "in")) && a.InSentence(end + 1, g0))
        {
            int qs = end + 1;
            if (a.Is(qs, "the"))
            {
                qs++;
            }

            int qe = qs;
            while (qe < a.Count && a.InSentence(qe, g0) && qe - qs < MaxQualifier && !c.IsPerson(qe))
            {
                if (a[qe].Kind == AtomKind.Symbol && !(a.IsSymbol(qe, '-') && a[qe].Glued) && !(a.IsSymbol(qe, '\'') || a.IsSymbol(qe, '\u2019')) && !(a.IsSymbol(qe, '&')))
                {
                    break;
                }

                if (a.Has(qe, LexFlags.ClauseStart) && !a.Is(qe, "as") || a.Is(qe, "and") && (IsHead(a, qe + 1) || a.Has(qe + 1, LexFlags.RoleModifier)) || a.Has(qe, LexFlags.ReportingVerb) || a.Has(qe, LexFlags.FutureAux | LexFlags.Be | LexFlags.Have)
                    || qe > qs && a.Has(qe, LexFlags.Preposition) && !a.Is(qe, "of") && !a.Is(qe, "for") && !a.Is(qe, "and") && !a.Is(qe, "the"))
                {
                    break;
                }

                qe++;
            }

            if (qe > qs)
            {
                qualifier = Clean(a.Of(qs, qe));
                end = qe;
            }
        }

        var position = determiner || depth > 0 ? RolePosition.Apposition : RolePosition.After;
        // the role as shown: the run of lexicon words ending at the head ("legendary chairman" shows "chairman")
        int roleStart = head;
        while (roleStart - 1 >= k && (a[roleStart - 1].Kind == AtomKind.Word && (a.Has(roleStart - 1, LexFlags.RoleModifier | LexFlags.RoleHead) || TitleNoun(a, roleStart - 1))
                                      || a.IsSymbol(roleStart - 1, '-') && a[roleStart - 1].Glued && roleStart - 2 >= k))
        {
            roleStart--;
        }
        roles.Add(new RoleMention(c.Entity, a.Range(g0, end), Clean(a.Of(roleStart, roleEnd)), qualifier, position));

        // "a political analyst and adviser to China's government"
        if (depth == 0 && a.Is(end, "and") && a.InSentence(end + 1, g0))
        {
            AppositionRoles(c, end + 1, roles, depth + 1);
        }
    }

    /// <summary>
    /// A word the lexicon lacks that still belongs to the title: a noun ("law professor", "television host"), not an
    /// evaluative adjective ("legendary chairman", "famous author").
    /// </summary>
    private static bool TitleNoun(AtomBuffer a, int i)
    {
        if (a[i].Upper || (a.Flags(i) & (LexFlags.Function | LexFlags.Negation)) != 0)
        {
            return false;
        }

        var w = a.Span(i);
        foreach (var suffix in AdjectiveSuffixes)
        {
            if (w.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return w.Length > 2;
    }

    private static readonly string[] AdjectiveSuffixes = ["ary", "ous", "ful", "ic", "ive", "able", "ible", "less", "ish", "ed", "ing", "est", "ly"];

    private static void Relative(Context c, int k, List<RoleMention> roles)
    {
        var a = c.A;
        if (k >= a.Count || !a.InSentence(k, k - 1))
        {
            return;
        }

        // "who is the spokesman", "who was a senior adviser to ..."
        if (a.Is(k, "is") || a.Is(k, "was") || a.Is(k, "serves") || a.Is(k, "served") || a.Is(k, "has") && a.Is(k + 1, "been"))
        {
            int j = a.Is(k, "has") ? k + 2 : k + 1;
            if (a.Is(j, "as"))
            {
                j++;
            }

            if (a.Is(j, "also"))
            {
                j++;
            }

            int before = roles.Count;
            AppositionRoles(c, j, roles, depth: 0);
            for (int r = before; r < roles.Count; r++)
            {
                roles[r] = roles[r] with { Position = RolePosition.Relative };
            }

            return;
        }

        // "who heads the Senate Armed Services Committee"
        var verb = a.Span(k);
        foreach (var (v, role) in RelativeVerbs)
        {
            if (!verb.Equals(v, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            int qs = k + 1;
            if (a.Is(qs, "the"))
            {
                qs++;
            }

            int qe = qs;
            while (qe < a.Count && a.InSentence(qe, k) && qe - qs < MaxQualifier && a[qe].Kind == AtomKind.Word && !a.Has(qe, LexFlags.ClauseStart | LexFlags.ReportingVerb))
            {
                qe++;
            }

            if (qe == qs)
            {
                return;
            }

            roles.Add(new RoleMention(c.Entity, a.Range(k, qe), role, Clean(a.Of(qs, qe)), RolePosition.Relative));
            return;
        }
    }

    /// <summary>Collapses whitespace (titles can span line breaks).</summary>
    private static string Clean(string s)
    {
        bool needs = false;
        foreach (var ch in s)
        {
            if (ch is '\n' or '\r' or '\t' or '\u00A0')
            {
                needs = true;
                break;
            }
        }

        if (!needs && !s.Contains("  ", StringComparison.Ordinal))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var ch in s)
        {
            if (char.IsWhiteSpace(ch))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(ch);
        }

        return sb.ToString();
    }
}
