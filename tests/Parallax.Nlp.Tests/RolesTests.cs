using Parallax.Core;
using Parallax.Nlp.Roles;

namespace Parallax.Nlp.Tests;

public class RolesTests
{
    private const EntityType Per = EntityType.Person;
    private const EntityType Org = EntityType.Organization;
    private const EntityType Loc = EntityType.Location;
    private const EntityType Misc = EntityType.Misc;

    private static (Document Doc, RoleLayer Layer) Roles(string text, params (string, EntityType)[] entities)
    {
        var doc = FactsTestDocs.Build(text, null, entities);
        return (doc, RoleComponent.Extract(doc));
    }

    private static List<RoleMention> For(Document doc, RoleLayer layer, string person) =>
        layer.Roles.Where(r => doc.Text[doc.Get(Layers.Entities).Mentions[r.Entity].Range.Start..doc.Get(Layers.Entities).Mentions[r.Entity].Range.End] == person).ToList();

    private static RoleMention OneFor(Document doc, RoleLayer layer, string person)
    {
        var roles = For(doc, layer, person);
        Assert.True(roles.Count == 1, $"expected one role for {person}, found: {string.Join(" | ", roles.Select(r => $"{r.Role} / {r.Qualifier} / {r.Position} '{doc.Text[r.Range.Start..r.Range.End]}'"))}");
        return roles[0];
    }

    [Theory]
    [InlineData("US Secretary of State Rex Tillerson will hold top-level talks in China on Saturday.", "Rex Tillerson", "Secretary of State", "US")]
    [InlineData("Chinese Foreign Ministry spokesman Lu Kang said the United States had issued many positive signals.", "Lu Kang", "spokesman", "Chinese Foreign Ministry")]
    [InlineData("White House National Security Adviser HR McMaster said on Monday even options carried risks.", "HR McMaster", "National Security Adviser", "White House")]
    [InlineData("Choe also met with Russian Deputy Foreign Minister Igor Morgulov, the ministry said.", "Igor Morgulov", "Deputy Foreign Minister", "Russian")]
    [InlineData("He was scheduled to meet top Chinese officials including senior foreign policy adviser Yang Jiechi.", "Yang Jiechi", "senior foreign policy adviser", null)]
    [InlineData("We are not seeking regime change, State Department Assistant Secretary Susan Thornton told a Senate hearing.", "Susan Thornton", "Assistant Secretary", "State Department")]
    [InlineData("On Thursday Mr Trump met Chinese Vice Premier Liu Yandong in Washington.", "Liu Yandong", "Vice Premier", "Chinese")]
    [InlineData("The comments came after a meeting between Russian ambassador-at-large Oleg Burmistrov and Choe.", "Oleg Burmistrov", "ambassador-at-large", "Russian")]
    [InlineData("He will also meet President Xi Jinping.", "Xi Jinping", "President", null)]
    [InlineData("Washington is not seeking to oust leader Kim Jong-un, even as Trump and Kim exchange insults.", "Kim Jong-un", "leader", null)]
    [InlineData("Senator John McCain said this week he was sceptical.", "John McCain", "Senator", null)]
    [InlineData("Sen. John McCain said this week he was sceptical.", "John McCain", "Senator", null)]
    [InlineData("Lt. Gen. Herbert McMaster briefed reporters.", "Herbert McMaster", "Lieutenant General", null)]
    public void Title_before_the_name(string text, string person, string role, string? qualifier)
    {
        var entities = new List<(string, EntityType)> { (person, Per) };
        foreach (var (q, t) in new[] { ("US", Loc), ("Chinese", Misc), ("Foreign Ministry", Org), ("White House", Org), ("Russian", Misc), ("State Department", Org), ("Senate", Org), ("Washington", Loc), ("China", Loc), ("Trump", Per), ("Kim", Per), ("Choe", Per) })
        {
            if (text.Contains(q, StringComparison.Ordinal) && !person.Contains(q, StringComparison.Ordinal))
            {
                entities.Add((q, t));
            }
        }

        var (doc, layer) = Roles(text, [.. entities]);
        var r = OneFor(doc, layer, person);
        Assert.Equal(role, r.Role);
        Assert.Equal(qualifier, r.Qualifier);
        Assert.Equal(RolePosition.Before, r.Position);
    }

    [Fact]
    public void Stacked_titles_give_two_roles()
    {
        const string text = "Tillerson will hold talks with China's top diplomat State Councillor Yang Jiechi, Foreign Minister Wang Yi as well as President Xi Jinping.";
        var (doc, layer) = Roles(text, ("Tillerson", Per), ("China", Loc), ("Yang Jiechi", Per), ("Wang Yi", Per), ("Xi Jinping", Per));
        var yang = For(doc, layer, "Yang Jiechi");
        Assert.Contains(yang, r => r.Role == "State Councillor" && r.Qualifier is null);
        Assert.Contains(yang, r => r.Role == "top diplomat" && r.Qualifier == "China");
        Assert.Equal("Foreign Minister", OneFor(doc, layer, "Wang Yi").Role);
        Assert.Equal("President", OneFor(doc, layer, "Xi Jinping").Role);
        Assert.Empty(For(doc, layer, "Tillerson"));
    }

    [Fact]
    public void Apposition_with_two_roles_and_a_qualifier()
    {
        const string text = "Einar Tangen, a political analyst and adviser to China’s government, said there’s not much more Beijing can do.";
        var (doc, layer) = Roles(text, ("Einar Tangen", Per), ("China", Loc), ("Beijing", Loc));
        var roles = For(doc, layer, "Einar Tangen");
        Assert.Equal(2, roles.Count);
        Assert.Equal("political analyst", roles[0].Role);
        Assert.Null(roles[0].Qualifier);
        Assert.Equal(RolePosition.Apposition, roles[0].Position);
        Assert.Equal("adviser", roles[1].Role);
        Assert.Equal("China’s government", roles[1].Qualifier);
    }

    [Fact]
    public void Role_after_the_name_takes_its_of_phrase_as_qualifier()
    {
        const string text = "The statement came after a meeting between Russian ambassador-at-large Oleg Burmistrov and Choe Son-hui, director-general of the North American department of North Korea’s foreign ministry.";
        var (doc, layer) = Roles(text, ("Russian", Misc), ("Oleg Burmistrov", Per), ("Choe Son-hui", Per), ("North American", Misc), ("North Korea", Loc));
        var r = OneFor(doc, layer, "Choe Son-hui");
        Assert.Equal("director-general", r.Role);
        Assert.Equal("North American department of North Korea’s foreign ministry", r.Qualifier);
        Assert.Equal(RolePosition.After, r.Position);
    }

    [Fact]
    public void Role_before_a_comma_apposition()
    {
        const string text = "The stand-off is entering a new phase as its leader, Kim Jong Un, and Mr Trump exchange personal insults.";
        var (doc, layer) = Roles(text, ("Kim Jong Un", Per), ("Trump", Per));
        var r = OneFor(doc, layer, "Kim Jong Un");
        Assert.Equal("leader", r.Role);
        Assert.Equal(RolePosition.Apposition, r.Position);
        Assert.Equal("its leader", text[r.Range.Start..r.Range.End]);
    }

    [Fact]
    public void Relative_clause_gives_a_role_and_its_organisation()
    {
        const string text = "US Senator John McCain, who heads the Senate Armed Services Committee, said this week he was sceptical.";
        var (doc, layer) = Roles(text, ("US", Loc), ("John McCain", Per), ("Senate Armed Services Committee", Org));
        var roles = For(doc, layer, "John McCain");
        Assert.Contains(roles, r => r.Role == "Senator" && r.Qualifier == "US" && r.Position == RolePosition.Before);
        Assert.Contains(roles, r => r.Role == "head" && r.Qualifier == "Senate Armed Services Committee" && r.Position == RolePosition.Relative);
    }

    [Fact]
    public void Honorifics_are_not_roles()
    {
        const string text = "Mr Tillerson is making his second visit. Dr. Jane Smith and Mrs May met Ms Ardern.";
        var (doc, layer) = Roles(text, ("Tillerson", Per), ("Jane Smith", Per), ("May", Per), ("Ardern", Per));
        Assert.Empty(layer.Roles);
        Assert.Equal(["Mr", "Dr", "Mrs", "Ms"], layer.Honorifics.Select(h => h.Value));
    }

    [Fact]
    public void A_title_inside_the_name_span_is_still_a_role()
    {
        const string text = "The talks were welcomed by President Xi Jinping on Saturday.";
        var (doc, layer) = Roles(text, ("President Xi Jinping", Per));
        var r = Assert.Single(layer.Roles);
        Assert.Equal("President", r.Role);
    }

    [Theory]
    [InlineData("Tillerson will hold talks with Wang Yi, Yang Jiechi and Xi Jinping.", "Yang Jiechi")]
    [InlineData("Donald Collett, 62, from Croydon, died in the crash.", "Donald Collett")]
    [InlineData("Yesterday John Smith said he would resign.", "John Smith")]
    [InlineData("Police said Susan Thornton, who is traveling with Tillerson, was unhurt.", "Susan Thornton")]
    public void No_role_where_there_is_none(string text, string person)
    {
        var (doc, layer) = Roles(text, ("Wang Yi", Per), ("Yang Jiechi", Per), ("Xi Jinping", Per), ("Tillerson", Per), (person, Per), ("Croydon", Loc));
        Assert.Empty(For(doc, layer, person));
    }

    [Fact]
    public void Sample_000_binds_its_titles()
    {
        var text = FactsTestDocs.Sample(FactsTestDocs.Sample000);
        var (doc, layer) = Roles(text,
            ("Rex Tillerson", Per), ("Yang Jiechi", Per), ("Wang Yi", Per), ("Xi Jinping", Per), ("Oleg Burmistrov", Per), ("Choe Son-hui", Per),
            ("Igor Morgulov", Per), ("Einar Tangen", Per), ("John McCain", Per), ("HR McMaster", Per), ("Kim Jong-un", Per), ("Susan Thornton", Per),
            ("Lu Kang", Per), ("US", Loc), ("China", Loc), ("Russian", Misc), ("Chinese", Misc), ("White House", Org), ("State Department", Org),
            ("Foreign Ministry", Org), ("Senate Armed Services Committee", Org), ("North Korea", Loc), ("Al Jazeera", Org));
        string[] expected = ["Rex Tillerson", "Yang Jiechi", "Wang Yi", "Xi Jinping", "Oleg Burmistrov", "Choe Son-hui", "Igor Morgulov", "Einar Tangen", "John McCain", "HR McMaster", "Kim Jong-un", "Susan Thornton", "Lu Kang"];
        foreach (var person in expected)
        {
            Assert.True(For(doc, layer, person).Count > 0, "no role for " + person);
        }
    }

    [Theory]
    [InlineData("“It is outrageous,” Clinton spokesman Josh Schwerin said at the time.", "Josh Schwerin", "spokesman", "Clinton")]
    [InlineData("The couple were among the passengers, Algerian foreign affairs ministry spokesman Benali Cherif Abdelaziz said Thursday.", "Benali Cherif Abdelaziz", "spokesman", "Algerian foreign affairs ministry")]
    public void Qualifiers_before_the_role(string text, string person, string role, string qualifier)
    {
        var (doc, layer) = Roles(text, (person, Per), ("Clinton", Per), ("Algerian", Misc));
        var r = OneFor(doc, layer, person);
        Assert.Equal(role, r.Role);
        Assert.Equal(qualifier, r.Qualifier);
    }

    [Theory]
    [InlineData("Greenberg, the legendary chairman of Bear Stearns, who died in 2014, had an apartment.", "Greenberg", "chairman", "Bear Stearns")]
    [InlineData("Landes, a law professor at the University of Chicago, wrote an assessment.", "Landes", "law professor", "University of Chicago")]
    [InlineData("Peter Wehner, a former director of the White House Office of Strategic Initiatives under President George W. Bush, said so.", "Peter Wehner", "former director", "White House Office of Strategic Initiatives")]
    public void Apposition_keeps_title_nouns_and_drops_evaluative_adjectives(string text, string person, string role, string qualifier)
    {
        var (doc, layer) = Roles(text, (person, Per), ("Bear Stearns", Org), ("University of Chicago", Org), ("George W. Bush", Per));
        var r = OneFor(doc, layer, person);
        Assert.Equal(role, r.Role);
        Assert.Equal(qualifier, r.Qualifier);
    }

    [Fact]
    public void An_organisation_noun_ends_the_qualifier_without_an_org_mention()
    {
        const string text = "Chinese Foreign Ministry spokesman Lu Kang said the United States had issued many positive signals.";
        var (doc, layer) = Roles(text, ("Chinese", Misc), ("Lu Kang", Per), ("United States", Loc));
        var r = OneFor(doc, layer, "Lu Kang");
        Assert.Equal("spokesman", r.Role);
        Assert.Equal("Chinese Foreign Ministry", r.Qualifier);
    }
}
