using Parallax.Core;

namespace Parallax.Nlp.Quotes;

/// <summary>A speaker as resolved: the entity (or -1), the name shown to users (or null), and how it was found.</summary>
public readonly record struct ResolvedSpeaker(int Entity, string? Name, SpeakerResolution Resolution, bool IsPerson, bool? Female);

/// <summary>
/// Resolves the source of each attribution to an entity of the article.
/// <list type="bullet">
/// <item>A source holding a name is that entity (a person before an organisation before a place). A capitalised
/// description with no entity ("the Russian Foreign ministry") names the speaker itself.</item>
/// <item>"who" is the entity right before it. "he"/"she" is the nearest earlier speaker or person mention whose
/// gender fits (from Mr/Mrs/Ms and first names; unknown gender fits either); "it" is the nearest earlier
/// organisation (an earlier non-person speaker first). "they", "I", "we" and "you" stay unresolved.</item>
/// <item>A description ("the spokesman", "the ministry") is the nearest earlier speaker or entity whose name or
/// role holds its head noun.</item>
/// </list>
/// Whatever does not fit is <see cref="SpeakerResolution.Unresolved"/>: never guessed. The name shown is the fullest
/// mention of the entity in the article ("Einar Tangen", not "Tangen").
/// </summary>
public sealed class SpeakerResolver
{
    /// <summary>How far back (in characters) a pronoun or description looks for its antecedent.</summary>
    public const int MaxDistance = 2500;

    private static readonly WordSet OrgHeads = new(
        "ministry", "department", "government", "company", "agency", "office", "campaign", "committee", "party", "army", "police",
        "administration", "firm", "group", "embassy", "council", "commission", "court", "union", "bank", "board", "organization",
        "organisation", "network", "newspaper", "paper", "statement", "report", "study", "survey", "poll", "team", "house", "senate",
        "congress", "military", "service", "foundation", "institute", "university", "association", "authority", "authorities", "bureau",
        "corporation", "regime", "state", "country", "cabinet", "kremlin", "pentagon", "newspaper", "magazine", "website");

    /// <summary>Nouns naming a person by role ("the spokesman", "the official").</summary>
    private static readonly WordSet RoleNouns = new(
        "spokesman", "spokeswoman", "spokesperson", "official", "minister", "president", "secretary", "senator", "analyst", "adviser",
        "advisor", "diplomat", "ambassador", "envoy", "leader", "chairman", "chairwoman", "director", "governor", "mayor", "candidate",
        "nominee", "lawyer", "attorney", "general", "professor", "expert", "economist", "aide", "officer", "commander", "chief", "premier",
        "king", "queen", "prince", "author", "writer", "journalist", "reporter", "executive", "founder", "congressman", "congresswoman",
        "lawmaker", "representative", "judge", "justice", "prosecutor", "sheriff", "strategist", "pollster", "manager", "chancellor",
        "councillor", "councilor", "scholar", "researcher", "businessman", "businesswoman", "billionaire", "host", "anchor", "activist");

    private static readonly WordSet MaleNames = new(
        "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles", "christopher", "daniel",
        "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua", "kenneth", "kevin", "brian", "george", "edward",
        "ronald", "timothy", "jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin",
        "scott", "brandon", "benjamin", "samuel", "frank", "gregory", "raymond", "alexander", "patrick", "jack", "dennis", "jerry",
        "tyler", "aaron", "jose", "henry", "adam", "douglas", "nathan", "peter", "zachary", "kyle", "walter", "harold", "jeremy",
        "ethan", "carl", "keith", "roger", "gerald", "christian", "terry", "sean", "arthur", "austin", "noah", "lawrence", "jesse",
        "joe", "bryan", "billy", "jordan", "albert", "dylan", "bruce", "willie", "gabriel", "alan", "juan", "logan", "wayne", "ralph",
        "roy", "eugene", "randy", "vincent", "russell", "louis", "philip", "bobby", "johnny", "bradley", "rex", "mike", "bill", "bernie",
        "barack", "ted", "marco", "jeb", "chris", "tim", "mitch", "rand", "ben", "vladimir", "xi", "igor", "oleg", "sergei",
        "einar", "lu", "wang", "yang", "jim", "tom", "bob", "dick", "newt", "rudy", "reince", "sean", "steve", "jared", "rick", "mitt",
        "al", "hr", "h.r.", "herbert", "abdel", "mohammed", "muhammad", "ali", "ahmed", "hassan", "recep", "emmanuel",
        "justin", "boris", "shinzo", "narendra", "benjamin", "bashar", "hamid", "ashraf", "jean", "pierre", "francois", "hans");

    private static readonly WordSet FemaleNames = new(
        "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen", "nancy", "lisa",
        "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna", "michelle", "dorothy", "carol", "amanda", "melissa",
        "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "shirley", "angela", "helen", "anna",
        "brenda", "pamela", "nicole", "emma", "samantha", "katherine", "christine", "debra", "rachel", "catherine", "carolyn", "janet",
        "ruth", "maria", "heather", "diane", "virginia", "julie", "joyce", "victoria", "olivia", "kelly", "christina", "lauren", "joan",
        "evelyn", "judith", "megan", "cheryl", "andrea", "hannah", "martha", "jacqueline", "frances", "gloria", "ann", "teresa",
        "kathryn", "sara", "janice", "alice", "madison", "doris", "abigail", "julia", "judy", "grace", "denise", "amber",
        "marilyn", "beverly", "danielle", "theresa", "sophia", "marie", "diana", "brittany", "natalie", "isabella", "charlotte", "rose",
        "alexis", "kayla", "hillary", "nikki", "sarah", "carly", "theresa", "kellyanne", "ivanka", "melania", "chelsea", "huma",
        "nancy", "elizabeth", "kamala", "condoleezza", "madeleine", "samantha", "nikki", "federica", "angela", "theresa",
        "ursula", "christine", "kirsten", "tulsi", "debbie", "donna", "loretta", "janet");

    private readonly string _text;
    private readonly Token[] _tokens;
    private readonly EntityMention[] _entities;
    private readonly RoleLayer? _roles;
    private readonly int[] _cluster;          // entity -> representative entity (fullest mention)
    private readonly bool?[] _female;         // per representative
    private string[][] _words = [];
    private EntityType[] _types = [];

    public SpeakerResolver(string text, TokenLayer tokens, EntityLayer entities, RoleLayer? roles)
    {
        _text = text;
        _tokens = tokens.Tokens;
        _entities = entities.Mentions;
        _roles = roles;
        _cluster = new int[_entities.Length];
        _female = new bool?[_entities.Length];
        Cluster();
    }

    /// <summary>The fullest mention of the entity's cluster, as written ("Einar Tangen").</summary>
    public string DisplayName(int entity) => Name(_cluster[entity]);

    public int Representative(int entity) => _cluster[entity];

    /// <summary>Resolves every attribution in order; continuations take the previous speaker.</summary>
    public ResolvedSpeaker[] Resolve(IReadOnlyList<ExtractedAttribution> attributions)
    {
        var result = new ResolvedSpeaker[attributions.Count];
        for (var i = 0; i < attributions.Count; i++)
        {
            var a = attributions[i];
            if (a.Layout == AttributionLayout.Continuation && a.ContinuesAttribution >= 0 && a.ContinuesAttribution < i)
            {
                var prev = result[a.ContinuesAttribution];
                result[i] = prev.Resolution == SpeakerResolution.Unresolved ? prev : prev with { Resolution = SpeakerResolution.Continuation };
                continue;
            }

            result[i] = a.Source is { } source ? ResolveSource(source, attributions, result, i) : Unresolved;
        }

        return result;
    }

    private static readonly ResolvedSpeaker Unresolved = new(-1, null, SpeakerResolution.Unresolved, false, null);

    private ResolvedSpeaker ResolveSource(TextRange source, IReadOnlyList<ExtractedAttribution> attributions, ResolvedSpeaker[] done, int index)
    {
        // 1. a name inside the source's head (before any apposition or relative clause), else anywhere in it
        var comma = _text.IndexOf(',', source.Start, source.Length);
        var headRange = comma > source.Start ? new TextRange(source.Start, comma) : source;
        var best = BestEntityIn(headRange);
        if (best < 0 && headRange != source)
        {
            best = BestEntityIn(source);
        }

        if (best >= 0 && _entities[best].Type != EntityType.Misc)
        {
            var rep = _cluster[best];
            var person = IsPerson(best);
            return new ResolvedSpeaker(rep, Name(rep), SpeakerResolution.Named, person, _female[rep]);
        }

        var words = Words(source);
        if (words.Count == 0)
        {
            return Unresolved;
        }

        var first = words[0];
        var firstWord = _text.AsSpan(first.Start, first.Length);

        // 2. pronouns
        if (words.Count == 1 && (firstWord.Equals("who", StringComparison.OrdinalIgnoreCase) || firstWord.Equals("which", StringComparison.OrdinalIgnoreCase)))
        {
            var before = EntityBefore(source.Start, 40);
            return before < 0 ? Unresolved : FromEntity(before, SpeakerResolution.Pronoun);
        }

        if (words.Count == 1 && (firstWord.Equals("he", StringComparison.OrdinalIgnoreCase) || firstWord.Equals("she", StringComparison.OrdinalIgnoreCase)))
        {
            var female = firstWord.Equals("she", StringComparison.OrdinalIgnoreCase);
            return PersonPronoun(source.Start, female, attributions, done, index);
        }

        if (words.Count == 1 && firstWord.Equals("it", StringComparison.OrdinalIgnoreCase))
        {
            return OrganisationPronoun(source.Start, attributions, done, index);
        }

        if (words.Count == 1 && WordSets.PersonalPronouns.Contains(firstWord))
        {
            return Unresolved; // they, I, we, you
        }

        // 3. a capitalised description names the speaker itself: "the Russian Foreign ministry"
        var head = words[^1];
        var headWord = _text.AsSpan(head.Start, head.Length);
        var hasCapital = false;
        for (var w = 0; w < words.Count; w++)
        {
            var c = _text[words[w].Start];
            if (char.IsUpper(c) && !(w == 0 && WordSets.Determiners.Contains(_text.AsSpan(words[w].Start, words[w].Length))))
            {
                hasCapital = true;
            }
        }

        if (best >= 0 || (hasCapital && words.Count <= 8))
        {
            var start = first.Start;
            if (WordSets.Determiners.Contains(firstWord) && words.Count > 1)
            {
                start = words[1].Start;
            }

            var end = source.End;
            var cut = _text.IndexOf(',', start, end - start);
            if (cut > start)
            {
                end = cut;
            }

            // "McMaster" that the NER missed here but found earlier as "HR McMaster"
            if (words.Count <= 2)
            {
                var last = headWord.ToString();
                for (var e = _entities.Length - 1; e >= 0; e--)
                {
                    var rep = _cluster[e];
                    if (_entities[e].Type != EntityType.Misc && _words[rep].Length > 0 && _words[rep][^1] == last && _entities[e].Range.End <= source.Start)
                    {
                        return new ResolvedSpeaker(rep, Name(rep), SpeakerResolution.Named, IsPerson(rep), _female[rep]);
                    }
                }
            }

            return new ResolvedSpeaker(-1, _text[start..end].Trim(), SpeakerResolution.Named, false, null);
        }

        // 4. a description: the spokesman, the ministry, the official
        if (!WordSets.Determiners.Contains(firstWord) || words.Count > 4 || !(OrgHeads.Contains(headWord) || RoleNouns.Contains(headWord)))
        {
            return Unresolved;
        }

        return Description(source.Start, headWord, attributions, done, index);
    }

    private int BestEntityIn(TextRange range)
    {
        var best = -1;
        for (var e = 0; e < _entities.Length; e++)
        {
            var m = _entities[e];
            if (range.Contains(m.Range) && m.Type != EntityType.Misc && (best < 0 || Rank(Type(e)) < Rank(Type(best))))
            {
                best = e;
            }
        }

        return best;
    }

    /// <summary>The mention's type, taking a title before a name ("Mr Trump", "Assistant Secretary Susan Thornton") as a person.</summary>
    private EntityType Type(int e) => _types[e];

    private bool IsPerson(int e) => Type(e) == EntityType.Person;

    /// <summary>
    /// When a mention starts with an honorific or holds a capitalised role noun followed by a name ("Mr Xi",
    /// "State Department Assistant Secretary Susan Thornton"), the index (into its words) where the name starts; else -1.
    /// </summary>
    private int TitleEnd(int e)
    {
        var words = _words[e];
        if (words.Length < 2)
        {
            return -1;
        }

        var last = -1;
        for (var i = 0; i < words.Length - 1; i++)
        {
            var w = words[i].TrimEnd('.');
            if (w is "Mr" or "Mrs" or "Ms" or "Dr" or "Miss" || (char.IsUpper(words[i][0]) && RoleNouns.Contains(words[i])))
            {
                last = i;
            }
        }

        return last < 0 || !char.IsUpper(words[last + 1][0]) ? -1 : last + 1;
    }

    private static int Rank(EntityType t) => t switch
    {
        EntityType.Person => 0,
        EntityType.Organization => 1,
        EntityType.Location => 2,
        _ => 3,
    };

    private ResolvedSpeaker FromEntity(int e, SpeakerResolution how)
    {
        var rep = _cluster[e];
        return new ResolvedSpeaker(rep, Name(rep), how, IsPerson(e), _female[rep]);
    }

    private ResolvedSpeaker PersonPronoun(int position, bool female, IReadOnlyList<ExtractedAttribution> attributions, ResolvedSpeaker[] done, int index)
    {
        // the nearest earlier person: a speaker of an earlier attribution or a person mention, whichever is closer
        var mention = -1;
        for (var e = _entities.Length - 1; e >= 0; e--)
        {
            var m = _entities[e];
            if (m.Range.End > position || position - m.Range.End > MaxDistance)
            {
                continue;
            }

            if (IsPerson(e) && Fits(_female[_cluster[e]], female))
            {
                mention = e;
                break;
            }
        }

        var speakerPos = -1;
        ResolvedSpeaker speaker = default;
        for (var i = index - 1; i >= 0; i--)
        {
            var r = done[i];
            if (r.Resolution != SpeakerResolution.Unresolved && r.IsPerson && Fits(r.Female, female) && attributions[i].Source is { } s && s.End <= position)
            {
                speakerPos = s.Start;
                speaker = r;
                break;
            }
        }

        if (mention >= 0 && _entities[mention].Range.Start > speakerPos)
        {
            return FromEntity(mention, SpeakerResolution.Pronoun);
        }

        return speakerPos >= 0 && position - speakerPos <= MaxDistance ? speaker with { Resolution = SpeakerResolution.Pronoun } : Unresolved;
    }

    private static bool Fits(bool? known, bool female) => known is null || known == female;

    private ResolvedSpeaker OrganisationPronoun(int position, IReadOnlyList<ExtractedAttribution> attributions, ResolvedSpeaker[] done, int index)
    {
        for (var i = index - 1; i >= 0; i--)
        {
            var r = done[i];
            if (attributions[i].Source is not { } s || s.End > position)
            {
                continue;
            }

            if (position - s.End > MaxDistance)
            {
                break;
            }

            if (r.Resolution != SpeakerResolution.Unresolved && !r.IsPerson)
            {
                return r with { Resolution = SpeakerResolution.Pronoun };
            }

            if (r.IsPerson)
            {
                break; // the nearest speaker is a person: "it" is something else
            }
        }

        for (var e = _entities.Length - 1; e >= 0; e--)
        {
            var m = _entities[e];
            if (m.Range.End <= position && position - m.Range.End <= MaxDistance / 2 && m.Type == EntityType.Organization && !IsPerson(e))
            {
                return FromEntity(e, SpeakerResolution.Pronoun);
            }
        }

        return Unresolved;
    }

    private ResolvedSpeaker Description(int position, ReadOnlySpan<char> head, IReadOnlyList<ExtractedAttribution> attributions, ResolvedSpeaker[] done, int index)
    {
        var isOrg = OrgHeads.Contains(head);
        // an earlier speaker whose name or source holds the head noun
        for (var i = index - 1; i >= 0; i--)
        {
            var r = done[i];
            if (r.Resolution == SpeakerResolution.Unresolved || attributions[i].Source is not { } s || s.End > position || position - s.End > MaxDistance)
            {
                continue;
            }

            if (r.IsPerson == !isOrg && (Holds(s, head) || (r.Name is { } n && n.Contains(head, StringComparison.OrdinalIgnoreCase)) || (r.Entity >= 0 && RoleHolds(r.Entity, head))))
            {
                return r with { Resolution = SpeakerResolution.Description };
            }
        }

        // an earlier entity whose name (organisations) or role (people) holds the head noun
        for (var e = _entities.Length - 1; e >= 0; e--)
        {
            var m = _entities[e];
            if (m.Range.End > position || position - m.Range.End > MaxDistance)
            {
                continue;
            }

            if (isOrg ? m.Type == EntityType.Organization && !IsPerson(e) && Holds(m.Range, head) : IsPerson(e) && RoleHolds(e, head))
            {
                return FromEntity(e, SpeakerResolution.Description);
            }
        }

        return Unresolved;
    }

    private bool Holds(TextRange range, ReadOnlySpan<char> word)
    {
        foreach (var w in Words(range))
        {
            if (_text.AsSpan(w.Start, w.Length).Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The person's role holds the word: from the role layer, else the words right before or after one of its mentions.</summary>
    private bool RoleHolds(int entity, ReadOnlySpan<char> word)
    {
        var rep = _cluster[entity];
        if (_roles is not null)
        {
            foreach (var role in _roles.Roles)
            {
                if (role.Entity >= 0 && role.Entity < _cluster.Length && _cluster[role.Entity] == rep && Holds(role.Range, word))
                {
                    return true;
                }
            }
        }

        for (var e = 0; e < _entities.Length; e++)
        {
            if (_cluster[e] != rep)
            {
                continue;
            }

            // the title right before the name ("Chinese Foreign Ministry spokesman Lu Kang"), up to punctuation or another name
            var m = _entities[e];
            for (var t = m.FirstToken - 1; t >= 0 && t >= m.FirstToken - 6 && !IsPunctuation(t) && !InOtherPerson(t, e); t--)
            {
                if (TokenIs(t, word))
                {
                    return true;
                }
            }

            // the apposition right after it ("Einar Tangen, a political analyst and adviser to China's government,")
            var after = m.FirstToken + m.TokenCount;
            if (after < _tokens.Length && _text[_tokens[after].Start] == ',')
            {
                for (var t = after + 1; t < _tokens.Length && t <= after + 10 && !IsPunctuation(t); t++)
                {
                    if (TokenIs(t, word))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private bool TokenIs(int t, ReadOnlySpan<char> word) => _text.AsSpan(_tokens[t].Start, _tokens[t].Length).Equals(word, StringComparison.OrdinalIgnoreCase);

    private bool IsPunctuation(int t) => !char.IsLetterOrDigit(_text[_tokens[t].Start]) && _tokens[t].Length == 1 && _text[_tokens[t].Start] is not '-' and not '&';

    private bool InOtherPerson(int t, int entity)
    {
        if (_personAt is null)
        {
            _personAt = new Dictionary<int, int>();
            for (var o = 0; o < _entities.Length; o++)
            {
                if (IsPerson(o))
                {
                    for (var k = _entities[o].FirstToken; k < _entities[o].FirstToken + _entities[o].TokenCount; k++)
                    {
                        _personAt[k] = o;
                    }
                }
            }
        }

        return _personAt.TryGetValue(t, out var o2) && _entities[o2].Range != _entities[entity].Range;
    }

    private Dictionary<int, int>? _personAt;

    private int EntityBefore(int position, int maxGap)
    {
        for (var e = _entities.Length - 1; e >= 0; e--)
        {
            var m = _entities[e];
            if (m.Range.End <= position)
            {
                return position - m.Range.End <= maxGap && m.Type != EntityType.Misc ? e : -1;
            }
        }

        return -1;
    }

    private List<Token> Words(TextRange range)
    {
        var list = new List<Token>();
        var lo = 0;
        var hi = _tokens.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_tokens[mid].End <= range.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (var t = lo; t < _tokens.Length && _tokens[t].Start < range.End; t++)
        {
            if (char.IsLetterOrDigit(_text[_tokens[t].Start]))
            {
                list.Add(_tokens[t]);
            }
        }

        return list;
    }

    private string Name(int e)
    {
        var t = TitleEnd(e);
        if (t <= 0)
        {
            return _entities[e].Range.Of(_text);
        }

        var words = Words(_entities[e].Range);
        return _text[words[t].Start.._entities[e].Range.End];
    }

    /// <summary>
    /// Groups mentions of one entity: a mention whose words all appear, in order, at the end of a longer mention of
    /// the same type ("Tangen" in "Einar Tangen", "Trump" in "Donald Trump") joins it; the representative is the
    /// fullest mention. Gender comes from an honorific before any mention (Mr, Mrs, Ms) or a known first name.
    /// </summary>
    private void Cluster()
    {
        var words = new string[_entities.Length][];
        for (var e = 0; e < _entities.Length; e++)
        {
            words[e] = Words(_entities[e].Range).Select(t => _text.Substring(t.Start, t.Length)).ToArray();
            _cluster[e] = e;
        }

        _words = words;
        _types = new EntityType[_entities.Length];
        for (var e = 0; e < _entities.Length; e++)
        {
            _types[e] = TitleEnd(e) >= 0 ? EntityType.Person : _entities[e].Type;
        }

        for (var e = 0; e < _entities.Length; e++)
        {
            var best = e;
            for (var o = 0; o < _entities.Length; o++)
            {
                if (o == e || Type(o) != Type(e) || words[o].Length <= words[best].Length)
                {
                    continue;
                }

                if (EndsWith(words[o], words[e]))
                {
                    best = o;
                }
            }

            _cluster[e] = best;
        }

        // follow chains to the fullest mention
        for (var e = 0; e < _entities.Length; e++)
        {
            var r = e;
            for (var guard = 0; guard < 8 && _cluster[r] != r; guard++)
            {
                r = _cluster[r];
            }

            _cluster[e] = r;
        }

        for (var e = 0; e < _entities.Length; e++)
        {
            if (!IsPerson(e))
            {
                continue;
            }

            var g = Gender(e, words[e]);
            if (g is not null)
            {
                _female[_cluster[e]] ??= g;
            }
        }
    }

    private bool? Gender(int e, string[] w)
    {
        if (w.Length >= 2 && w[0].TrimEnd('.') is "Mr")
        {
            return false;
        }

        if (w.Length >= 2 && w[0].TrimEnd('.') is "Mrs" or "Ms" or "Miss")
        {
            return true;
        }

        var t = _entities[e].FirstToken - 1;
        if (t >= 0 && t < _tokens.Length)
        {
            var prev = _text.AsSpan(_tokens[t].Start, _tokens[t].Length).TrimEnd('.');
            if (prev.Equals("Mr", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (prev.Equals("Mrs", StringComparison.OrdinalIgnoreCase) || prev.Equals("Ms", StringComparison.OrdinalIgnoreCase) || prev.Equals("Miss", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        if (_roles is not null)
        {
            foreach (var h in _roles.Honorifics)
            {
                if (h.Entity == e)
                {
                    var v = h.Value.TrimEnd('.');
                    if (v.Equals("Mr", StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }

                    if (v is "Mrs" or "Ms" or "Miss" or "mrs" or "ms")
                    {
                        return true;
                    }
                }
            }
        }

        if (w.Length >= 2)
        {
            if (MaleNames.Contains(w[0]))
            {
                return false;
            }

            if (FemaleNames.Contains(w[0]))
            {
                return true;
            }
        }

        return null;
    }

    private static bool EndsWith(string[] longer, string[] shorter)
    {
        if (shorter.Length == 0 || shorter.Length >= longer.Length)
        {
            return false;
        }

        for (var i = 1; i <= shorter.Length; i++)
        {
            if (!longer[^i].Equals(shorter[^i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
