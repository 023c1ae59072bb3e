using System.Collections.Frozen;

namespace Parallax.Nlp.Quotes;

/// <summary>How a cue verb takes what was said.</summary>
public enum CueClass : byte
{
    /// <summary>Takes a clause or a quotation: say, add, warn, insist, deny, announce...</summary>
    Speech,

    /// <summary>Takes an addressee, then a clause or quotation: tell, inform, assure, remind.</summary>
    Tell,

    /// <summary>Takes an object that is the content: call, describe, accuse, criticize, praise...</summary>
    Evaluation,

    /// <summary>Thought and belief: think, believe, expect, hope. Counted only with an explicit clause.</summary>
    Belief,
}

public readonly record struct CueWord(string Lemma, CueClass Class, bool Participle, bool Past);

/// <summary>
/// The reporting verbs that mark an attribution, with every inflected form. The list was drawn up from the cue
/// words of PolNeAR's training split (forms annotated as cues in at least about half of their occurrences, e.g.
/// said 92%, told 84%, noted 97%, argued 89%, warned 89%, insisted 86%) and completed with their synonyms from
/// the usual reporting-verb lists; thought verbs are a separate class because they are cues far less often
/// (think 9%, believe 22%).
/// </summary>
public static class CueLexicon
{
    private static readonly string[] Speech =
    [
        "say|says|said|saying", "add", "note", "announce", "suggest", "argue", "explain", "acknowledge", "urge", "claim",
        "warn", "stated|stated|stated|stating", "insist", "reply|replies|replied|replying", "respond", "declare", "concede", "stress", "emphasize", "emphasise",
        "predict", "confirm", "deny|denies|denied|denying", "admit|admits|admitted|admitting", "reveal", "recall",
        "vow", "promise", "pledge", "report", "complain", "joke", "remark", "assert", "contend", "allege", "muse", "quip|quips|quipped|quipping",
        "write|writes|wrote|writing|written", "tweet", "retweet", "post", "testify|testifies|testified|testifying", "reiterate", "repeat",
        "mention", "observe", "caution", "conclude", "estimate", "indicate", "ask", "answer", "shout", "yell", "whisper",
        "boast", "lament", "speculate", "propose", "recommend", "maintain", "counter", "continue", "agree|agrees|agreed|agreeing",
        "disclose", "comment", "hint", "signal|signals|signaled|signaling|signalled|signalling", "demand", "threaten", "reason", "wonder",
        "scoff", "retort", "protest", "proclaim", "affirm", "email", "predict", "exclaim", "decline",
        "acknowledge", "recount", "point|points|pointed|pointing", "vow", "plead|pleads|pleaded|pleading|pled", "charge", "assert",
        "confide", "concur", "interject", "brag|brags|bragged|bragging", "fume", "snap|snaps|snapped|snapping", "chant", "cry|cries|cried|crying",
        "acknowledge", "clarify|clarifies|clarified|clarifying", "stipulate", "forecast|forecasts|forecast|forecasting", "project",
        "explain", "tout", "highlight", "underscore", "underline", "opine", "surmise", "theorize", "advise", "instruct", "order",
    ];

    private static readonly string[] Tell =
    [
        "tell|tells|told|telling", "inform", "assure", "remind", "notify|notifies|notified|notifying", "brief",
    ];

    private static readonly string[] Evaluation =
    [
        "call", "describe", "accuse", "criticize", "criticise", "endorse", "praise", "blame", "defend", "reject", "dismiss",
        "attack", "blast", "slam|slams|slammed|slamming", "question", "denounce", "condemn", "mock", "decry|decries|decried|decrying",
        "hail", "label|labels|labeled|labeling|labelled|labelling", "dub", "lambast", "rebuke", "deride", "applaud", "thank",
        "congratulate", "portray", "champion", "liken", "cite", "refer|refers|referred|referring", "welcome", "lash|lashes|lashed|lashing",
        "rail", "bemoan", "chide", "scold", "ridicule", "fault", "castigate", "assail", "berate", "pan|pans|panned|panning", "knock",
        "promote", "support", "oppose",
    ];

    private static readonly string[] Belief =
    [
        "think|thinks|thought|thinking", "believe", "expect", "hope", "fear", "feel|feels|felt|feeling", "doubt", "worry|worries|worried|worrying",
        "know|knows|knew|knowing|known", "suspect", "estimate", "reckon", "assume", "guess", "figure", "consider", "insist",
    ];

    private static readonly FrozenDictionary<string, CueWord> Forms = Build();

    private static readonly Dictionary<string, CueWord>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        new Dictionary<string, CueWord>(Forms, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Verbs whose base and -s forms are more often nouns ("an email", "the claims", "projects").</summary>
    private static readonly FrozenSet<string> NounLike = new[]
    {
        "email", "post", "report", "comment", "answer", "demand", "promise", "pledge", "charge", "project", "forecast", "estimate",
        "signal", "protest", "tweet", "counter", "hint", "question", "call", "order", "claim", "attack", "remark", "reason", "state",
        "note", "vow", "blast", "slam", "support", "praise", "label", "fault", "knock", "champion", "thank", "welcome", "highlight",
        "doubt", "fear", "hope", "cry", "chant", "shout", "brief", "joke", "point", "repeat", "rail", "pan", "guess", "figure",
        "record", "reply", "quip", "muse", "plead", "retort", "snap", "lash", "dub", "mock", "brag", "boast", "lament", "rebuke",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static bool IsNounLike(string lemma) => NounLike.Contains(lemma);

    public static int Count => Forms.Count;

    public static bool TryGet(ReadOnlySpan<char> word, out CueWord cue) => Lookup.TryGetValue(word, out cue);

    public static IEnumerable<KeyValuePair<string, CueWord>> All => Forms;

    private static FrozenDictionary<string, CueWord> Build()
    {
        var forms = new Dictionary<string, CueWord>(StringComparer.OrdinalIgnoreCase);
        // later classes never override earlier ones: speech beats belief ("insist", "estimate")
        Add(forms, Speech, CueClass.Speech);
        Add(forms, Tell, CueClass.Tell);
        Add(forms, Evaluation, CueClass.Evaluation);
        Add(forms, Belief, CueClass.Belief);
        return forms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void Add(Dictionary<string, CueWord> forms, string[] entries, CueClass cls)
    {
        foreach (var entry in entries)
        {
            var parts = entry.Split('|');
            var lemma = parts[0];
            string third, past, ing;
            string? pastParticiple = null;
            if (parts.Length >= 4)
            {
                (third, past, ing) = (parts[1], parts[2], parts[3]);
                if (parts.Length >= 5)
                {
                    pastParticiple = parts[4];
                }
            }
            else
            {
                (third, past, ing) = Inflect(lemma);
            }

            TryAdd(forms, lemma, new CueWord(lemma, cls, false, false));
            TryAdd(forms, third, new CueWord(lemma, cls, false, false));
            TryAdd(forms, past, new CueWord(lemma, cls, false, true));
            TryAdd(forms, ing, new CueWord(lemma, cls, true, false));
            if (pastParticiple is not null)
            {
                TryAdd(forms, pastParticiple, new CueWord(lemma, cls, false, true));
            }
        }
    }

    private static void TryAdd(Dictionary<string, CueWord> forms, string form, CueWord word) => forms.TryAdd(form, word);

    private static (string Third, string Past, string Ing) Inflect(string lemma)
    {
        var last = lemma[^1];
        var third = lemma.EndsWith('s') || lemma.EndsWith("sh", StringComparison.Ordinal) || lemma.EndsWith("ch", StringComparison.Ordinal) || last == 'x'
            ? lemma + "es"
            : lemma + "s";
        if (last == 'e')
        {
            return (third, lemma + "d", lemma[..^1] + "ing");
        }

        if (last == 'y' && !"aeiou".Contains(lemma[^2], StringComparison.Ordinal))
        {
            return (lemma[..^1] + "ies", lemma[..^1] + "ied", lemma + "ing");
        }

        // short consonant-vowel-consonant verbs double the last consonant (dub, vow is not CVC-final w)
        if (lemma.Length <= 4 && !"aeiouwxy".Contains(last, StringComparison.Ordinal)
            && "aeiou".Contains(lemma[^2], StringComparison.Ordinal) && !"aeiou".Contains(lemma[^3], StringComparison.Ordinal))
        {
            return (third, lemma + last + "ed", lemma + last + "ing");
        }

        return (third, lemma + "ed", lemma + "ing");
    }
}
