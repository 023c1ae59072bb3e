using System.Collections.Frozen;
using System.Reflection;
using Parallax.Core;
using Parallax.Nlp.Text;

namespace Parallax.Nlp.Gazetteers;

/// <summary>What a gazetteer phrase is. A phrase may be several ("Washington" is a capital and a city).</summary>
[Flags]
public enum GazetteerCategory : ushort
{
    None = 0,

    /// <summary>A country's name, official name or alias ("United States", "US", "America").</summary>
    Country = 1,

    /// <summary>A nationality adjective or demonym ("Chinese", "North Korean").</summary>
    Demonym = 2,

    /// <summary>A national capital ("Beijing", "Pyongyang").</summary>
    Capital = 4,

    /// <summary>A city of 50,000 people or more (GeoNames).</summary>
    City = 8,

    /// <summary>An organisation (curated list and WordNet organisations and groups).</summary>
    Organization = 16,

    /// <summary>A person's name from WordNet ("Einstein", "George Washington").</summary>
    Person = 32,

    /// <summary>Another place from WordNet: regions, states, rivers, mountains.</summary>
    Place = 64,
}

/// <param name="Code">ISO 3166-1 alpha-2.</param>
/// <param name="Code3">ISO 3166-1 alpha-3.</param>
public sealed record Country(
    string Code,
    string Code3,
    string Name,
    string OfficialName,
    IReadOnlyList<string> Demonyms,
    IReadOnlyList<string> Capitals,
    IReadOnlyList<string> Aliases,
    bool Independent);

/// <param name="CountryCode">ISO 3166-1 alpha-2 code of the city's country.</param>
public sealed record City(string Name, string CountryCode, int Population);

/// <summary>A phrase of the gazetteer found in a token sequence: tokens [Start, Start + Length).</summary>
public readonly record struct GazetteerMatch(int Start, int Length, GazetteerCategory Categories);

/// <summary>
/// Countries (names, official names, aliases, demonyms, capitals, ISO codes), cities, organisations, people and
/// places, compiled from public data by <c>tools/gazetteers/build.js</c> (see <c>data/gazetteers/LICENSE.md</c>).
/// Lookups by name are exact (case-sensitive) strings; <see cref="FindMatches"/> finds every phrase in a token
/// sequence by hashing normalised token forms, without allocating.
/// </summary>
public sealed class Gazetteer
{
    private const int MaxPhraseTokens = 8;
    private static readonly Lazy<Gazetteer> LazyDefault = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Country> _byName;
    private readonly FrozenDictionary<string, Country> _byDemonym;
    private readonly FrozenDictionary<string, Country> _byCapital;
    private readonly FrozenDictionary<string, City[]> _cities;
    private readonly Dictionary<ulong, GazetteerCategory> _phrases;
    private readonly Dictionary<ulong, GazetteerCategory> _lowerPhrases;
    private readonly HashSet<ulong> _prefixes;
    private readonly HashSet<ulong> _lowerPrefixes;

    private Gazetteer(IReadOnlyList<Country> countries, IReadOnlyList<City> cities, IEnumerable<(string Phrase, GazetteerCategory Category)> phrases)
    {
        Countries = countries;
        var byName = new Dictionary<string, Country>(StringComparer.Ordinal);
        var byDemonym = new Dictionary<string, Country>(StringComparer.Ordinal);
        var byCapital = new Dictionary<string, Country>(StringComparer.Ordinal);
        foreach (var c in countries)
        {
            // independent countries win over territories that share an alias
            void Put(Dictionary<string, Country> d, string key)
            {
                if (!d.TryGetValue(key, out var existing) || (!existing.Independent && c.Independent))
                {
                    d[key] = c;
                }
            }

            Put(byName, c.Name);
            Put(byName, c.OfficialName);
            Put(byName, c.Code);
            Put(byName, c.Code3);
            foreach (var a in c.Aliases)
            {
                Put(byName, a);
            }

            foreach (var d in c.Demonyms)
            {
                Put(byDemonym, d);
            }

            foreach (var cap in c.Capitals)
            {
                Put(byCapital, cap);
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _byDemonym = byDemonym.ToFrozenDictionary(StringComparer.Ordinal);
        _byCapital = byCapital.ToFrozenDictionary(StringComparer.Ordinal);
        _cities = cities.GroupBy(c => c.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(c => c.Population).ToArray(), StringComparer.Ordinal);

        _phrases = [];
        _lowerPhrases = [];
        _prefixes = [];
        _lowerPrefixes = [];
        foreach (var (phrase, category) in phrases)
        {
            AddPhrase(phrase, category);
        }
    }

    /// <summary>The gazetteer built into the library (embedded resources).</summary>
    public static Gazetteer Default => LazyDefault.Value;

    public IReadOnlyList<Country> Countries { get; }

    /// <summary>Number of distinct phrases (case-sensitive) known to <see cref="FindMatches"/>.</summary>
    public int PhraseCount => _phrases.Count;

    /// <summary>A country by name, official name, alias ("US", "U.S.", "America", "DPRK") or ISO code.</summary>
    public bool TryGetCountry(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Country? country) =>
        _byName.TryGetValue(Clean(name), out country);

    /// <summary>A country by demonym or nationality adjective ("Chinese" gives China).</summary>
    public bool TryGetCountryByDemonym(string demonym, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Country? country) =>
        _byDemonym.TryGetValue(Clean(demonym), out country);

    /// <summary>A country by its capital ("Pyongyang" gives North Korea, "Washington" the United States).</summary>
    public bool TryGetCountryByCapital(string capital, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Country? country) =>
        _byCapital.TryGetValue(Clean(capital), out country);

    /// <summary>
    /// The country a mention refers to: by name or alias, else demonym, else capital. "Beijing" and "Chinese"
    /// both give China. Returns null when none matches.
    /// </summary>
    public Country? ResolveCountry(string mention)
    {
        if (TryGetCountry(mention, out var c) || TryGetCountryByDemonym(mention, out c) || TryGetCountryByCapital(mention, out c))
        {
            return c;
        }

        var cleaned = Clean(mention);
        if (cleaned.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && TryGetCountry(cleaned[4..], out c))
        {
            return c;
        }

        return null;
    }

    /// <summary>Cities of that name, most populous first (empty when unknown).</summary>
    public IReadOnlyList<City> Cities(string name) => _cities.TryGetValue(Clean(name), out var list) ? list : [];

    /// <summary>The categories of an exact phrase ("Al Jazeera", "North Korean"), or None.</summary>
    public GazetteerCategory Lookup(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var tokens = Tokenizer.Tokenize(phrase);
        ulong h = 0;
        foreach (var t in tokens)
        {
            h = TokenForms.Combine(h, TokenForms.Hash(phrase.AsSpan(t.Start, t.Length)));
        }

        return tokens.Length > 0 && _phrases.TryGetValue(h, out var cat) ? cat : GazetteerCategory.None;
    }

    /// <summary>
    /// Appends every gazetteer phrase found in <paramref name="tokens"/> (all lengths, overlapping). Phrases match
    /// case-sensitively on normalised forms; a run of all-capital tokens ("BEIJING") also matches case-insensitively.
    /// </summary>
    public void FindMatches(string text, ReadOnlySpan<Token> tokens, List<GazetteerMatch> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        int n = tokens.Length;
        if (n == 0)
        {
            return;
        }

        var exact = n <= 512 ? stackalloc ulong[n] : new ulong[n];
        var lower = n <= 512 ? stackalloc ulong[n] : new ulong[n];
        var caps = n <= 512 ? stackalloc bool[n] : new bool[n];
        for (int i = 0; i < n; i++)
        {
            var span = text.AsSpan(tokens[i].Start, tokens[i].Length);
            exact[i] = TokenForms.Hash(span);
            lower[i] = TokenForms.HashLower(span);
            caps[i] = IsAllCaps(span);
        }

        FindMatches(exact, lower, caps, output);
    }

    /// <summary>As <see cref="FindMatches(string, ReadOnlySpan{Token}, List{GazetteerMatch})"/> over precomputed token hashes.</summary>
    public void FindMatches(ReadOnlySpan<ulong> exact, ReadOnlySpan<ulong> lower, ReadOnlySpan<bool> allCaps, List<GazetteerMatch> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int n = exact.Length;
        for (int i = 0; i < n; i++)
        {
            ulong h = 0;
            for (int len = 1; len <= MaxPhraseTokens && i + len <= n; len++)
            {
                h = TokenForms.Combine(h, exact[i + len - 1]);
                if (_phrases.TryGetValue(h, out var cat))
                {
                    output.Add(new GazetteerMatch(i, len, cat));
                }

                if (!_prefixes.Contains(h))
                {
                    break;
                }
            }

            if (!allCaps[i])
            {
                continue;
            }

            h = 0;
            ulong he = 0;
            for (int len = 1; len <= MaxPhraseTokens && i + len <= n && allCaps[i + len - 1]; len++)
            {
                h = TokenForms.Combine(h, lower[i + len - 1]);
                he = TokenForms.Combine(he, exact[i + len - 1]);
                if (_lowerPhrases.TryGetValue(h, out var cat) && !_phrases.ContainsKey(he))
                {
                    output.Add(new GazetteerMatch(i, len, cat));
                }

                if (!_lowerPrefixes.Contains(h))
                {
                    break;
                }
            }
        }
    }

    /// <summary>Loads the gazetteer from a folder of the derived files (countries.tsv, cities.tsv, ...).</summary>
    public static Gazetteer LoadFrom(string folder) =>
        Load(name =>
        {
            var path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                throw new ParallaxException(ErrorCodes.ModelMissing, $"Gazetteer file '{path}' is missing. Rebuild it with tools/gazetteers/build.js.");
            }

            return new StreamReader(path);
        });

    private static Gazetteer LoadEmbedded()
    {
        var assembly = typeof(Gazetteer).Assembly;
        return Load(name =>
        {
            var stream = assembly.GetManifestResourceStream("Parallax.Nlp.Gazetteers." + name)
                ?? throw new ParallaxException(ErrorCodes.ModelMissing, $"The built-in gazetteer '{name}' is missing from {assembly.GetName().Name}.");
            return new StreamReader(stream);
        });
    }

    private static Gazetteer Load(Func<string, TextReader> open)
    {
        var countries = new List<Country>();
        foreach (var f in Rows(open("countries.tsv")))
        {
            if (f.Length < 8)
            {
                throw new ParallaxException(ErrorCodes.DataFormat, "countries.tsv: a row has fewer than 8 columns.");
            }

            countries.Add(new Country(f[0], f[1], f[2], f[3], Split(f[4]), Split(f[5]), Split(f[6]), f[7] == "1"));
        }

        var cities = new List<City>();
        foreach (var f in Rows(open("cities.tsv")))
        {
            cities.Add(new City(f[0], f[1], int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)));
        }

        var phrases = new List<(string, GazetteerCategory)>();
        foreach (var c in countries)
        {
            phrases.Add((c.Name, GazetteerCategory.Country));
            phrases.Add((c.OfficialName, GazetteerCategory.Country));
            foreach (var a in c.Aliases)
            {
                // three-letter codes other than the aliases news uses are not names in running text
                if (a != c.Code3 || a is "USA" or "UAE")
                {
                    phrases.Add((a, GazetteerCategory.Country));
                }
            }

            foreach (var d in c.Demonyms)
            {
                phrases.Add((d, GazetteerCategory.Demonym));
            }

            foreach (var cap in c.Capitals)
            {
                phrases.Add((cap, GazetteerCategory.Capital));
            }
        }

        foreach (var c in cities)
        {
            phrases.Add((c.Name, GazetteerCategory.City));
        }

        foreach (var f in Rows(open("organizations.tsv")))
        {
            phrases.Add((f[0], GazetteerCategory.Organization));
            if (f.Length > 2)
            {
                foreach (var a in Split(f[2]))
                {
                    phrases.Add((a, GazetteerCategory.Organization));
                }
            }
        }

        foreach (var f in Rows(open("people.tsv")))
        {
            phrases.Add((f[0], GazetteerCategory.Person));
        }

        foreach (var f in Rows(open("places.tsv")))
        {
            phrases.Add((f[0], GazetteerCategory.Place));
        }

        return new Gazetteer(countries, cities, phrases);
    }

    private static IEnumerable<string[]> Rows(TextReader reader)
    {
        using (reader)
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                yield return line.Split('\t');
            }
        }
    }

    private static string[] Split(string field) => field.Length == 0 ? [] : field.Split('|');

    private static string Clean(string s) => s.Trim().Replace('\u2019', '\'');

    private static bool IsAllCaps(ReadOnlySpan<char> s)
    {
        bool letter = false;
        foreach (char c in s)
        {
            if (CharClass.IsLower(c))
            {
                return false;
            }

            letter |= CharClass.IsLetter(c);
        }

        return letter && s.Length > 1;
    }

    private void AddPhrase(string phrase, GazetteerCategory category)
    {
        var tokens = Tokenizer.Tokenize(phrase);
        if (tokens.Length == 0 || tokens.Length > MaxPhraseTokens)
        {
            return;
        }

        ulong h = 0, hl = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            var span = phrase.AsSpan(tokens[i].Start, tokens[i].Length);
            h = TokenForms.Combine(h, TokenForms.Hash(span));
            hl = TokenForms.Combine(hl, TokenForms.HashLower(span));
            if (i < tokens.Length - 1)
            {
                _prefixes.Add(h);
                _lowerPrefixes.Add(hl);
            }
        }

        _phrases[h] = _phrases.GetValueOrDefault(h) | category;
        _lowerPhrases[hl] = _lowerPhrases.GetValueOrDefault(hl) | category;
    }
}
