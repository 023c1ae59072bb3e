using System.Collections.Frozen;
using System.IO.Compression;
using System.Text;
using Parallax.Core;

namespace Parallax.Stories.Alignment;

/// <summary>
/// The parts of WordNet 3.1 the aligner uses: lemmas by part of speech with their synsets in sense order, and
/// one hop of relations between synsets (hypernym, similar-to, derivation, pertainym, entailment, cause, attribute,
/// also-see). Loaded from the compact file derived by <c>tools/wordnet/derive.py</c> (models/wordnet).
/// </summary>
public sealed class WordNet
{
    /// <summary>Senses of a word considered when looking for synonyms: rare senses mostly add noise.</summary>
    public const int MaxSenses = 6;

    private static readonly string[] Pos = ["n", "v", "a", "r"];

    private readonly Dictionary<string, int[]>[] _index; // per POS: lemma -> synsets in sense order (read-only after load; a frozen dictionary costs more to build than it saves here)
    private readonly int[][] _relations; // synset -> synsets its kept relations point to

    private WordNet(Dictionary<string, int[]>[] index, int[][] relations)
    {
        _index = index;
        _relations = relations;
    }

    public int SynsetCount => _relations.Length;

    public static WordNet Load(Stream gzipStream)
    {
        using var gz = new GZipStream(gzipStream, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        var relations = new List<int[]>(120_000);
        var index = new Dictionary<string, int[]>[4];
        for (int p = 0; p < 4; p++)
        {
            index[p] = new Dictionary<string, int[]>(StringComparer.Ordinal);
        }

        var relBuffer = new List<int>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 2)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields[0] == "S" && fields.Length >= 4)
            {
                relBuffer.Clear();
                foreach (var rel in fields[3].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    int colon = rel.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0 && int.TryParse(rel.AsSpan(colon + 1), out int target))
                    {
                        relBuffer.Add(target);
                    }
                }

                relations.Add([.. relBuffer]);
            }
            else if (fields[0] == "I" && fields.Length >= 4)
            {
                int p = Array.IndexOf(Pos, fields[2]);
                if (p < 0 || fields[3].Length == 0)
                {
                    continue;
                }

                var ids = fields[3].Split(',');
                var synsets = new int[ids.Length];
                for (int k = 0; k < ids.Length; k++)
                {
                    synsets[k] = int.Parse(ids[k], System.Globalization.CultureInfo.InvariantCulture);
                }

                index[p][fields[1]] = synsets;
            }
            else
            {
                throw new ParallaxException(ErrorCodes.ModelFormat, $"WordNet file: unexpected line '{(line.Length > 40 ? line[..40] : line)}'.");
            }
        }

        // Relations are kept in their own direction (a hypernym link points up): a match test checks both words'
        // neighbours, so a link either way is found, and neighbour lists stay short.
        var outgoing = new int[relations.Count][];
        for (int s = 0; s < relations.Count; s++)
        {
            outgoing[s] = Targets(relations[s], relations.Count);
        }

        return new WordNet(index, outgoing);
    }

    /// <summary>The distinct valid targets of one synset's relations, sorted.</summary>
    private static int[] Targets(int[] targets, int synsets)
    {
        var result = new List<int>(targets.Length);
        foreach (int t in targets)
        {
            if (t >= 0 && t < synsets)
            {
                result.Add(t);
            }
        }

        result.Sort();
        int n = 0;
        for (int k = 0; k < result.Count; k++)
        {
            if (n == 0 || result[k] != result[n - 1])
            {
                result[n++] = result[k];
            }
        }

        return [.. result.GetRange(0, n)];
    }

    /// <summary>True if the lowercase lemma is in WordNet under any part of speech.</summary>
    public bool Contains(string lemma)
    {
        for (int p = 0; p < 4; p++)
        {
            if (_index[p].ContainsKey(lemma))
            {
                return true;
            }
        }

        return false;
    }

    public bool Contains(string lemma, int pos) => _index[pos].ContainsKey(lemma);

    /// <summary>
    /// The base form of a lowercase word ("said" -> "say", "talks" -> "talk", "countries" -> "country"),
    /// by irregular forms and WordNet's detachment rules, checked against the index; the word itself if none applies.
    /// </summary>
    public string Lemma(string word)
    {
        if (word.Length <= 2)
        {
            return word;
        }

        if (Irregular.TryGetValue(word, out var irregular))
        {
            return irregular;
        }

        if (KeepAsIs.Contains(word))
        {
            return word;
        }

        // nouns (plural), then verbs (-ed, -ing, -s), then adjectives (-er, -est)
        foreach (var (suffix, replacement, pos) in Rules)
        {
            if (word.Length > suffix.Length + 1 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                var candidate = stem + replacement;
                if (_index[pos].ContainsKey(candidate))
                {
                    return candidate;
                }

                // doubled final consonant: "stopped" -> "stop", "bigger" -> "big"
                if (replacement.Length == 0 && stem.Length >= 3 && stem[^1] == stem[^2] && !IsVowel(stem[^1]) && stem[^1] is not ('s' or 'l' or 'z')
                    && _index[pos].ContainsKey(stem[..^1]))
                {
                    return stem[..^1];
                }
            }
        }

        return word;
    }

    /// <summary>Synsets of a lemma under all parts of speech, at most <see cref="MaxSenses"/> each, sorted.</summary>
    public int[] Concepts(string lemma)
    {
        int[]? result = null;
        int count = 0;
        for (int p = 0; p < 4; p++)
        {
            if (_index[p].TryGetValue(lemma, out var synsets))
            {
                int take = Math.Min(MaxSenses, synsets.Length);
                result ??= new int[4 * MaxSenses];
                for (int k = 0; k < take; k++)
                {
                    result[count++] = synsets[k];
                }
            }
        }

        if (result is null)
        {
            return [];
        }

        var trimmed = result.AsSpan(0, count).ToArray();
        Array.Sort(trimmed);
        return trimmed;
    }

    /// <summary>The concepts one relation away from any of <paramref name="concepts"/> (not including them), sorted.</summary>
    public int[] Neighbours(int[] concepts)
    {
        if (concepts.Length == 0)
        {
            return [];
        }

        var set = new HashSet<int>();
        foreach (int c in concepts)
        {
            foreach (int r in _relations[c])
            {
                set.Add(r);
            }
        }

        foreach (int c in concepts)
        {
            set.Remove(c);
        }

        var result = set.ToArray();
        Array.Sort(result);
        return result;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    // (suffix, replacement, pos index) in the order tried; pos: 0 noun, 1 verb, 2 adjective
    private static readonly (string Suffix, string Replacement, int Pos)[] Rules =
    [
        ("ies", "y", 0), ("ches", "ch", 0), ("shes", "sh", 0), ("ses", "s", 0), ("xes", "x", 0), ("zes", "z", 0), ("men", "man", 0), ("s", "", 0),
        ("ied", "y", 1), ("ies", "y", 1), ("ed", "e", 1), ("ed", "", 1), ("ing", "e", 1), ("ing", "", 1), ("es", "e", 1), ("es", "", 1), ("s", "", 1),
        ("iest", "y", 2), ("ier", "y", 2), ("est", "e", 2), ("est", "", 2), ("er", "e", 2), ("er", "", 2),
    ];

    private static readonly FrozenSet<string> KeepAsIs = new[]
    {
        "news", "series", "species", "means", "as", "is", "has", "was", "this", "thus", "its", "us", "less", "yes", "always",
        "perhaps", "various", "previous", "famous", "serious", "analysis", "crisis", "basis", "thesis", "status", "bus", "gas",
        "physics", "economics", "politics", "statistics", "headquarters", "sometimes", "nevertheless", "during", "morning",
        "evening", "nothing", "something", "anything", "everything", "thing", "king", "ring", "spring", "string", "wing",
        "during", "ceiling", "building", "meeting", "hearing", "briefing", "funding", "ruling", "shooting", "bombing", "offering",
        "wedding", "outstanding", "according", "red", "bed", "need", "seed", "speed", "feed", "hundred", "united", "limited",
        "interested", "sacred", "naked", "wicked", "beloved", "alleged", "after", "never", "ever", "over", "under", "other",
        "whether", "however", "together", "number", "member", "minister", "officer", "computer", "quarter", "order", "leader",
        "power", "water", "paper", "chapter", "border", "center", "letter", "matter", "winter", "summer", "manager", "partner",
        "customer", "consumer", "producer", "owner", "worker", "player", "lawyer", "reporter", "soldier", "teacher", "user",
        "dollars",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Irregular = BuildIrregular();

    private static FrozenDictionary<string, string> BuildIrregular()
    {
        // base: forms; the common irregular verbs and nouns of news English
        const string table =
            "be:am,are,is,was,were,been,being|have:has,had,having|do:does,did,done,doing|go:goes,went,gone|say:says,said|" +
            "make:made|take:took,taken|come:came|see:saw,seen|know:knew,known|get:got,gotten|give:gave,given|find:found|" +
            "think:thought|tell:told|become:became|leave:left|feel:felt|bring:brought|begin:began,begun|keep:kept|hold:held|" +
            "write:wrote,written|stand:stood|hear:heard|let:lets|mean:meant|meet:met|run:ran|pay:paid|sit:sat|speak:spoke,spoken|" +
            "lie:lay,lain|lead:led|grow:grew,grown|lose:lost|fall:fell,fallen|send:sent|build:built|understand:understood|" +
            "draw:drew,drawn|break:broke,broken|spend:spent|rise:rose,risen|drive:drove,driven|buy:bought|wear:wore,worn|" +
            "choose:chose,chosen|seek:sought|throw:threw,thrown|catch:caught|deal:dealt|win:won|fight:fought|teach:taught|" +
            "sell:sold|forget:forgot,forgotten|shake:shook,shaken|steal:stole,stolen|freeze:froze,frozen|strike:struck|" +
            "fly:flew,flown|hide:hid,hidden|ride:rode,ridden|shoot:shot|sink:sank,sunk|swim:swam,swum|sing:sang,sung|" +
            "drink:drank,drunk|eat:ate,eaten|bear:bore,borne|tear:tore,torn|swear:swore,sworn|bind:bound|feed:fed|flee:fled|" +
            "hang:hung|slide:slid|spin:spun|stick:stuck|sting:stung|swing:swung|weave:wove,woven|wind:wound|withdraw:withdrew,withdrawn|" +
            "undertake:undertook,undertaken|overcome:overcame|forecast:forecasts|arise:arose,arisen|awake:awoke|forbid:forbade,forbidden|" +
            "forgive:forgave,forgiven|foresee:foresaw,foreseen|mistake:mistook,mistaken|overtake:overtook,overtaken|" +
            "man:men|woman:women|child:children|person:people|foot:feet|tooth:teeth|mouse:mice|criterion:criteria|" +
            "phenomenon:phenomena|datum:data|medium:media|good:better,best|bad:worse,worst|far:further,farther,furthest|" +
            "much:more,most|little:less,least|not:n't|will:'ll,wo|would:'d";
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in table.Split('|'))
        {
            var parts = entry.Split(':');
            foreach (var form in parts[1].Split(','))
            {
                map[form] = parts[0];
            }
        }

        map.Remove("data");
        map.Remove("media");
        map.Remove("more");
        map.Remove("most");
        map.Remove("less");
        map.Remove("least");
        map.Remove("left");
        map.Remove("found");
        map.Remove("lay");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
