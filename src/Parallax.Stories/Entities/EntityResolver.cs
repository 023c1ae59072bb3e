using Parallax.Core;

namespace Parallax.Stories.Entities;

/// <summary>An article's entity layers, as the resolver reads them.</summary>
/// <param name="Article">The article id.</param>
/// <param name="Outlet">The outlet, for role provenance.</param>
/// <param name="Document">A document with the entities layer (and, optionally, roles).</param>
public sealed record EntitySourceDocument(long Article, string Outlet, Document Document);

/// <summary>What a gazetteer says about a place name.</summary>
/// <param name="Country">The country's common name ("China").</param>
/// <param name="Kind">country, capital, city or demonym.</param>
public sealed record PlaceInfo(string Country, string Kind);

/// <summary>One mention of a resolved entity.</summary>
public sealed record ResolvedMention(long Article, int Index, TextRange Range, string Text);

/// <summary>A role given to an entity, with the articles and outlets that gave it.</summary>
public sealed record ResolvedRole(string Role, List<long> Articles, List<string> Outlets);

/// <summary>A canonical entity of a story: its name, type, aliases, mentions and merged roles.</summary>
public sealed class ResolvedEntity
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required EntityType Type { get; set; }

    public List<string> Aliases { get; } = [];

    public List<ResolvedMention> Mentions { get; } = [];

    public List<ResolvedRole> Roles { get; } = [];

    public List<string> Honorifics { get; } = [];

    /// <summary>For a country, capital, city or demonym: the country it stands for.</summary>
    public string? Country { get; set; }

    public IEnumerable<long> Articles => Mentions.Select(m => m.Article).Distinct();

    /// <summary>The normalised key the entity was grouped under.</summary>
    public required string Key { get; init; }
}

/// <summary>The entities of a story, and which entity each mention belongs to.</summary>
public sealed class EntityResolution
{
    private readonly Dictionary<(long Article, int Mention), ResolvedEntity> _byMention;

    internal EntityResolution(List<ResolvedEntity> entities, Dictionary<(long, int), ResolvedEntity> byMention)
    {
        Entities = entities;
        _byMention = byMention;
    }

    public IReadOnlyList<ResolvedEntity> Entities { get; }

    public ResolvedEntity? Of(long article, int mentionIndex) =>
        _byMention.TryGetValue((article, mentionIndex), out var e) ? e : null;
}

/// <summary>
/// Resolves entity mentions across the articles of a story to canonical entities:
/// full and short names and honorifics ("Rex Tillerson", "Tillerson", "Mr Tillerson"), transliteration variants
/// ("Kim Jong-un", "Kim Jong Un"), acronyms ("UN", "United Nations"), countries under their aliases, and capitals or
/// demonyms linked to their country. A short name is linked to a full name only when that is unambiguous (or, within
/// one article, to the nearest preceding full name): two people who share a surname stay two.
/// </summary>
public sealed class EntityResolver(Func<string, PlaceInfo?>? places = null)
{
    private readonly Func<string, PlaceInfo?> _places = places ?? (_ => null);

    private sealed class Mention
    {
        public required long Article;
        public required string Outlet;
        public required int Index;
        public required EntityMention Source;

        public required string Text;
        public required string Display;
        public required string[] Words;
        public required string Key;
        public Group? Group;
    }

    private sealed class Group
    {
        public required string Key;
        public readonly List<Mention> Mentions = [];
        public PlaceInfo? Place;
        public bool IsPersonFamily;
    }

    public EntityResolution Resolve(IEnumerable<EntitySourceDocument> documents)
    {
        var docs = documents.ToList();
        var mentions = new List<Mention>();
        foreach (var d in docs)
        {
            var layer = d.Document.GetOrDefault(Layers.Entities);
            if (layer is null)
            {
                continue;
            }

            for (int i = 0; i < layer.Mentions.Length; i++)
            {
                var m = layer.Mentions[i];
                var text = m.Range.Of(d.Document.Text);
                var words = NameKey.Words(text);
                if (words.Length == 0)
                {
                    continue;
                }

                mentions.Add(new Mention
                {
                    Article = d.Article,
                    Outlet = d.Outlet,
                    Index = i,
                    Source = m with { Type = PlausibleType(m, words) },
                    Text = text,
                    Display = NameKey.Display(text),
                    Words = words,
                    Key = string.Join(' ', words),
                });
            }
        }

        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);

        Group GroupFor(string key, bool person)
        {
            var k = (person ? "P:" : "N:") + key;
            if (!groups.TryGetValue(k, out var g))
            {
                g = new Group { Key = k, IsPersonFamily = person };
                groups[k] = g;
            }

            return g;
        }

        // 1. places: every alias of a country joins the country's group; capitals, cities and demonyms keep their own
        //    group, linked to the country.
        // 2. names of two or more words, and single words that are not persons, group by key.
        var pendingShort = new List<Mention>();
        var pendingAcronyms = new List<Mention>();
        foreach (var m in mentions)
        {
            bool person = m.Source.Type == EntityType.Person;
            var place = person ? null : _places(m.Display);
            if (place is { Kind: "country" })
            {
                var g = GroupFor("country:" + NameKey.Key(place.Country), false);
                g.Place = place;
                Attach(m, g);
                continue;
            }

            if (place is not null)
            {
                var g = GroupFor(m.Key, false);
                g.Place ??= place;
                Attach(m, g);
                continue;
            }

            if (person && m.Words.Length == 1)
            {
                pendingShort.Add(m);
                continue;
            }

            if (!person && m.Words.Length == 1 && m.Source.Type == EntityType.Organization && !NameKey.LooksLikeAcronym(m.Display))
            {
                // "Thornton" or "Trump" tagged as an organisation where the story names a person of that name: decided below
                pendingShort.Add(m);
                continue;
            }

            if (!person && NameKey.LooksLikeAcronym(m.Display))
            {
                pendingAcronyms.Add(m);
                continue;
            }

            Attach(m, GroupFor(m.Key, person));
        }

        // 3. acronyms: to the one group whose initials they are, else their own group
        foreach (var m in pendingAcronyms)
        {
            var matches = groups.Values.Where(g => !g.IsPersonFamily && g.Mentions.Count > 0 && g.Key.Contains(' ', StringComparison.Ordinal) &&
                                                   NameKey.Acronym(g.Mentions[0].Display) == m.Key).Take(2).ToList();
            Attach(m, matches.Count == 1 ? matches[0] : GroupFor(m.Key, false));
        }

        // 4. short person names: to the full name in the same article that precedes most closely and contains the word
        //    as first or last name; else to the single full name in the story that does; else their own group.
        var personGroups = groups.Values.Where(g => g.IsPersonFamily).ToList();
        foreach (var m in pendingShort)
        {
            var word = m.Words[0];
            var candidates = personGroups.Where(g => g.Mentions.Count > 0 && FirstOrLast(g.Mentions[0].Words, word)).ToList();
            Group? target = null;
            if (candidates.Count == 1)
            {
                target = candidates[0];
            }
            else if (candidates.Count > 1)
            {
                target = candidates
                    .Select(g => (g, best: g.Mentions.Where(x => x.Article == m.Article && x.Source.Range.Start < m.Source.Range.Start)
                                                     .Select(x => x.Source.Range.Start).DefaultIfEmpty(-1).Max()))
                    .Where(t => t.best >= 0)
                    .OrderByDescending(t => t.best)
                    .Select(t => t.g)
                    .FirstOrDefault();
            }

            bool wasPerson = m.Source.Type == EntityType.Person;
            if (target is not null && !wasPerson)
            {
                m.Source = m.Source with { Type = EntityType.Person };
            }

            Attach(m, target ?? GroupFor(m.Key, wasPerson));
        }

        // build the entities, most mentioned first
        var entities = new List<ResolvedEntity>();
        var byMention = new Dictionary<(long, int), ResolvedEntity>();
        int next = 1;
        foreach (var g in groups.Values.Where(g => g.Mentions.Count > 0)
                     .OrderByDescending(g => g.Mentions.Count)
                     .ThenBy(g => g.Mentions.Min(m => (m.Article, m.Source.Range.Start))))
        {
            var type = g.Mentions.GroupBy(m => m.Source.Type).OrderByDescending(t => t.Count()).ThenBy(t => t.Key).First().Key;
            var name = g.Place is { Kind: "country" } p ? p.Country : BestName(g);
            var entity = new ResolvedEntity
            {
                Id = "e" + next++,
                Key = g.Key,
                Name = name,
                Type = g.Place is not null && type == EntityType.Misc && g.Place.Kind != "demonym" ? EntityType.Location : type,
                Country = g.Place?.Country,
            };
            foreach (var m in g.Mentions.OrderBy(m => m.Article).ThenBy(m => m.Source.Range.Start))
            {
                entity.Mentions.Add(new ResolvedMention(m.Article, m.Index, m.Source.Range, m.Text));
                byMention[(m.Article, m.Index)] = entity;
                if (!string.Equals(m.Display, name, StringComparison.Ordinal) && !entity.Aliases.Contains(m.Display, StringComparer.Ordinal))
                {
                    entity.Aliases.Add(m.Display);
                }
            }

            entities.Add(entity);
        }

        // roles and honorifics, with their provenance
        foreach (var d in docs)
        {
            var roles = d.Document.GetOrDefault(Layers.Roles);
            if (roles is null)
            {
                continue;
            }

            foreach (var r in roles.Roles)
            {
                if (!byMention.TryGetValue((d.Article, r.Entity), out var entity))
                {
                    continue;
                }

                var display = RoleDisplay(r, d.Document.Text);
                var existing = entity.Roles.FirstOrDefault(x => string.Equals(x.Role, display, StringComparison.OrdinalIgnoreCase));
                if (existing is null)
                {
                    entity.Roles.Add(new ResolvedRole(display, [d.Article], [d.Outlet]));
                }
                else
                {
                    if (!existing.Articles.Contains(d.Article))
                    {
                        existing.Articles.Add(d.Article);
                    }

                    if (!existing.Outlets.Contains(d.Outlet, StringComparer.Ordinal))
                    {
                        existing.Outlets.Add(d.Outlet);
                    }
                }
            }

            foreach (var h in roles.Honorifics)
            {
                if (byMention.TryGetValue((d.Article, h.Entity), out var entity) && !entity.Honorifics.Contains(h.Value, StringComparer.OrdinalIgnoreCase))
                {
                    entity.Honorifics.Add(h.Value);
                }
            }
        }

        return new EntityResolution(entities, byMention);
    }

    private static readonly string[] LeadingDeterminers = ["a ", "an ", "the ", "its ", "his ", "her ", "their ", "our "];

    /// <summary>
    /// The role as an editor would write it: the phrase as the outlet wrote it ("US Secretary of State", "China’s top
    /// diplomat", "director-general of the North American department ..."), without a leading article or possessive
    /// pronoun; a relative clause ("who heads the Senate Armed Services Committee") becomes "head of the ...".
    /// </summary>
    public static string RoleDisplay(RoleMention r, string text)
    {
        if (r.Position == RolePosition.Relative)
        {
            if (string.IsNullOrWhiteSpace(r.Qualifier))
            {
                return r.Role;
            }

            var q = r.Qualifier.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? r.Qualifier : "the " + r.Qualifier;
            return r.Role + " of " + q;
        }

        var written = r.Range.End <= text.Length ? r.Range.Of(text).Trim() : r.Role;
        written = string.Join(' ', written.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        foreach (var d in LeadingDeterminers)
        {
            if (written.StartsWith(d, StringComparison.OrdinalIgnoreCase) && written.Length > d.Length)
            {
                written = written[d.Length..];
                break;
            }
        }

        return written.Length is > 0 and <= 90 ? written : (string.IsNullOrWhiteSpace(r.Qualifier) ? r.Role : r.Qualifier + " " + r.Role);
    }

    private static readonly HashSet<string> OrganisationHeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "committee", "ministry", "department", "party", "council", "agency", "commission", "office", "bureau", "court",
        "parliament", "senate", "assembly", "administration", "government", "army", "force", "forces", "police", "bank",
        "company", "corporation", "group", "association", "union", "organisation", "organization", "institute", "university",
    };

    /// <summary>The mention's type, corrected where the model's is implausible: a "person" named "... Committee" is an organisation.</summary>
    private static EntityType PlausibleType(EntityMention m, string[] words) =>
        m.Type == EntityType.Person && words.Length >= 1 && OrganisationHeads.Contains(words[^1]) ? EntityType.Organization : m.Type;

    private static void Attach(Mention m, Group g)
    {
        m.Group?.Mentions.Remove(m);
        m.Group = g;
        g.Mentions.Add(m);
    }

    private static bool FirstOrLast(string[] words, string word) =>
        words.Length >= 2 && (string.Equals(words[^1], word, StringComparison.Ordinal) || string.Equals(words[0], word, StringComparison.Ordinal));

    /// <summary>The fullest name: the most words, then the most frequent, then the first seen.</summary>
    private static string BestName(Group g) =>
        g.Mentions
            .GroupBy(m => m.Display, StringComparer.Ordinal)
            .OrderByDescending(x => x.First().Words.Length)
            .ThenByDescending(x => x.Count())
            .ThenBy(x => x.Min(m => (m.Article, m.Source.Range.Start)))
            .First().Key;
}
