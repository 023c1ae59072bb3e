using Parallax.Core;
using Parallax.Stories.Entities;

namespace Parallax.Stories.Tests;

public class EntityResolverTests
{
    /// <summary>Builds a document whose entities are the given names, found in the text in order.</summary>
    private static EntitySourceDocument Doc(long id, string outlet, string text, params (string Name, EntityType Type)[] names)
    {
        var mentions = new List<EntityMention>();
        int from = 0;
        foreach (var (name, type) in names)
        {
            int at = text.IndexOf(name, from, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{name}' not in text after {from}");
            mentions.Add(new EntityMention(new TextRange(at, at + name.Length), type, 0, 0, 1));
            from = at + name.Length;
        }

        return new EntitySourceDocument(id, outlet, new Document(text).With(Layers.Entities, new EntityLayer([.. mentions])));
    }

    private static readonly Func<string, PlaceInfo?> Places = name => name switch
    {
        "US" or "United States" or "U.S." or "America" => new PlaceInfo("United States", "country"),
        "China" => new PlaceInfo("China", "country"),
        "North Korea" => new PlaceInfo("North Korea", "country"),
        "Beijing" => new PlaceInfo("China", "capital"),
        "Pyongyang" => new PlaceInfo("North Korea", "capital"),
        "Washington" => new PlaceInfo("United States", "capital"),
        _ => null,
    };

    [Fact]
    public void Full_short_and_honorific_forms_of_a_name_are_one_person_across_outlets()
    {
        var a = Doc(1, "A", "US Secretary of State Rex Tillerson will hold talks. Tillerson has in the past expressed hope.",
            ("Rex Tillerson", EntityType.Person), ("Tillerson", EntityType.Person));
        var b = Doc(2, "B", "Mr Tillerson is making his second visit. Mr Tillerson's trip.",
            ("Mr Tillerson", EntityType.Person), ("Mr Tillerson's", EntityType.Person));
        var r = new EntityResolver(Places).Resolve([a, b]);
        var tillerson = Assert.Single(r.Entities);
        Assert.Equal("Rex Tillerson", tillerson.Name);
        Assert.Equal(4, tillerson.Mentions.Count);
        Assert.Equal([1L, 2L], tillerson.Articles.Order());
        Assert.Contains("Tillerson", tillerson.Aliases);
    }

    [Fact]
    public void Transliteration_variants_are_one_person()
    {
        var a = Doc(1, "A", "leader Kim Jong-un, even as Trump and Kim exchange insults", ("Kim Jong-un", EntityType.Person), ("Kim", EntityType.Person));
        var b = Doc(2, "B", "its leader, Kim Jong Un, and Kim's regime", ("Kim Jong Un", EntityType.Person), ("Kim's", EntityType.Person));
        var r = new EntityResolver(Places).Resolve([a, b]);
        var kim = Assert.Single(r.Entities);
        Assert.Equal(4, kim.Mentions.Count);
        Assert.Contains("Kim Jong Un", kim.Aliases.Append(kim.Name));
        Assert.Contains("Kim Jong-un", kim.Aliases.Append(kim.Name));
    }

    [Fact]
    public void Two_people_sharing_a_surname_stay_two_and_a_bare_surname_goes_to_the_nearest_preceding_one()
    {
        var a = Doc(1, "A", "Donald Trump met Ivanka Trump. Later Trump said no.",
            ("Donald Trump", EntityType.Person), ("Ivanka Trump", EntityType.Person), ("Trump", EntityType.Person));
        var r = new EntityResolver(Places).Resolve([a]);
        Assert.Equal(2, r.Entities.Count);
        Assert.Equal("Ivanka Trump", r.Of(1, 2)!.Name);
        Assert.NotSame(r.Of(1, 0), r.Of(1, 1));
    }

    [Fact]
    public void A_bare_surname_with_two_candidates_and_none_preceding_is_not_guessed()
    {
        var a = Doc(1, "A", "Trump spoke first.", ("Trump", EntityType.Person));
        var b = Doc(2, "B", "Donald Trump and Ivanka Trump.", ("Donald Trump", EntityType.Person), ("Ivanka Trump", EntityType.Person));
        var r = new EntityResolver(Places).Resolve([a, b]);
        Assert.Equal(3, r.Entities.Count);
        Assert.Equal("Trump", r.Of(1, 0)!.Name);
    }

    [Fact]
    public void Acronyms_join_their_expansion()
    {
        var a = Doc(1, "A", "tough new United Nations sanctions; UN resolutions", ("United Nations", EntityType.Organization), ("UN", EntityType.Organization));
        var r = new EntityResolver(Places).Resolve([a]);
        var un = Assert.Single(r.Entities);
        Assert.Equal("United Nations", un.Name);
        Assert.Contains("UN", un.Aliases);
    }

    [Fact]
    public void Country_aliases_merge_and_capitals_link_to_their_country()
    {
        var a = Doc(1, "A", "The US sees China as critical. The United States and Beijing. Pyongyang and North Korea.",
            ("US", EntityType.Location), ("China", EntityType.Location), ("United States", EntityType.Location),
            ("Beijing", EntityType.Location), ("Pyongyang", EntityType.Location), ("North Korea", EntityType.Location));
        var r = new EntityResolver(Places).Resolve([a]);
        var us = r.Of(1, 0)!;
        Assert.Same(us, r.Of(1, 2));
        Assert.Equal("United States", us.Name);
        var beijing = r.Of(1, 3)!;
        Assert.Equal("Beijing", beijing.Name);
        Assert.Equal("China", beijing.Country);
        Assert.NotSame(beijing, r.Of(1, 1));
        Assert.Equal("North Korea", r.Of(1, 4)!.Country);
    }

    [Fact]
    public void Roles_from_each_outlet_are_merged_with_their_provenance()
    {
        var a = Doc(1, "Al Jazeera", "State Councillor Yang Jiechi", ("Yang Jiechi", EntityType.Person));
        a = a with { Document = a.Document.With(Layers.Roles, new RoleLayer([new RoleMention(0, new TextRange(0, 16), "State Councillor", null, RolePosition.Before)], [])) };
        var b = Doc(2, "Other", "senior foreign policy adviser Yang Jiechi", ("Yang Jiechi", EntityType.Person));
        b = b with { Document = b.Document.With(Layers.Roles, new RoleLayer([new RoleMention(0, new TextRange(0, 29), "senior foreign policy adviser", null, RolePosition.Before)], [])) };
        var c = Doc(3, "Third", "State Councillor Yang Jiechi", ("Yang Jiechi", EntityType.Person));
        c = c with { Document = c.Document.With(Layers.Roles, new RoleLayer([new RoleMention(0, new TextRange(0, 16), "State Councillor", null, RolePosition.Before)], [])) };
        var yang = Assert.Single(new EntityResolver(Places).Resolve([a, b, c]).Entities);
        Assert.Equal(2, yang.Roles.Count);
        var councillor = yang.Roles.Single(r => r.Role == "State Councillor");
        Assert.Equal(["Al Jazeera", "Third"], councillor.Outlets);
        Assert.Equal(["Other"], yang.Roles.Single(r => r.Role == "senior foreign policy adviser").Outlets);
    }

    [Fact]
    public void A_surname_the_model_typed_as_an_organisation_joins_the_person_of_that_name()
    {
        var a = Doc(1, "A", "Assistant Secretary Susan Thornton spoke. Thornton's remarks were welcomed.",
            ("Susan Thornton", EntityType.Person), ("Thornton", EntityType.Organization));
        var r = new EntityResolver(Places).Resolve([a]);
        var thornton = Assert.Single(r.Entities);
        Assert.Equal(EntityType.Person, thornton.Type);
        Assert.Equal(2, thornton.Mentions.Count);
    }

    [Fact]
    public void A_person_named_like_a_committee_is_an_organisation()
    {
        var a = Doc(1, "A", "the Senate Armed Services Committee", ("Services Committee", EntityType.Person));
        Assert.Equal(EntityType.Organization, Assert.Single(new EntityResolver(Places).Resolve([a]).Entities).Type);
    }

    [Fact]
    public void Roles_are_shown_as_written_without_articles_and_relative_clauses_read_as_head_of()
    {
        const string text = "Einar Tangen, a political analyst, and McCain, who heads the Senate Armed Services Committee";
        int analyst = text.IndexOf("a political analyst", StringComparison.Ordinal);
        Assert.Equal("political analyst", EntityResolver.RoleDisplay(new RoleMention(0, new TextRange(analyst, analyst + 19), "political analyst", null, RolePosition.Apposition), text));
        int heads = text.IndexOf("heads", StringComparison.Ordinal);
        Assert.Equal("head of the Senate Armed Services Committee", EntityResolver.RoleDisplay(new RoleMention(1, new TextRange(heads, text.Length), "head", "Senate Armed Services Committee", RolePosition.Relative), text));
    }
}
