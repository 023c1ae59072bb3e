using Parallax.Nlp.Gazetteers;
using Parallax.Nlp.Text;

namespace Parallax.Nlp.Tests.Gazetteers;

public class GazetteerTests
{
    private static readonly Gazetteer G = Gazetteer.Default;

    [Theory]
    [InlineData("US", "US")]
    [InlineData("U.S.", "US")]
    [InlineData("United States", "US")]
    [InlineData("America", "US")]
    [InlineData("United States of America", "US")]
    [InlineData("DPRK", "KP")]
    [InlineData("North Korea", "KP")]
    [InlineData("Britain", "GB")]
    [InlineData("UK", "GB")]
    [InlineData("China", "CN")]
    [InlineData("Russia", "RU")]
    public void Country_aliases_resolve(string alias, string code)
    {
        Assert.True(G.TryGetCountry(alias, out var country));
        Assert.Equal(code, country.Code);
    }

    [Theory]
    [InlineData("Chinese", "CN")]
    [InlineData("North Korean", "KP")]
    [InlineData("Russian", "RU")]
    [InlineData("American", "US")]
    [InlineData("British", "GB")]
    [InlineData("French", "FR")]
    public void Demonyms_give_their_country(string demonym, string code)
    {
        Assert.True(G.TryGetCountryByDemonym(demonym, out var country));
        Assert.Equal(code, country.Code);
    }

    [Theory]
    [InlineData("Beijing", "CN")]
    [InlineData("Pyongyang", "KP")]
    [InlineData("Washington", "US")]
    [InlineData("Seoul", "KR")]
    [InlineData("Moscow", "RU")]
    public void Capitals_give_their_country(string capital, string code)
    {
        Assert.True(G.TryGetCountryByCapital(capital, out var country));
        Assert.Equal(code, country.Code);
    }

    [Fact]
    public void Resolve_country_tries_names_demonyms_and_capitals()
    {
        Assert.Equal("CN", G.ResolveCountry("Beijing")?.Code);
        Assert.Equal("CN", G.ResolveCountry("Chinese")?.Code);
        Assert.Equal("US", G.ResolveCountry("the United States")?.Code);
        Assert.Null(G.ResolveCountry("Tillerson"));
    }

    [Fact]
    public void Cities_are_ordered_by_population()
    {
        var cities = G.Cities("Seoul");
        Assert.NotEmpty(cities);
        Assert.Equal("KR", cities[0].CountryCode);
        Assert.True(cities[0].Population > 5_000_000);
        Assert.Empty(G.Cities("Nowhereville"));
    }

    [Fact]
    public void Phrases_carry_all_their_categories()
    {
        Assert.True(G.Lookup("Washington").HasFlag(GazetteerCategory.Capital));
        Assert.True(G.Lookup("North Korean").HasFlag(GazetteerCategory.Demonym));
        Assert.True(G.Lookup("United Nations").HasFlag(GazetteerCategory.Organization));
        Assert.True(G.Lookup("NATO").HasFlag(GazetteerCategory.Organization));
        Assert.Equal(GazetteerCategory.None, G.Lookup("the"));
    }

    [Fact]
    public void Finds_overlapping_phrases_in_a_real_sentence()
    {
        var text = "The US sees China as critical to averting a military confrontation with Pyongyang, the North Korean capital.";
        var tokens = Tokenizer.Tokenize(text);
        var matches = new List<GazetteerMatch>();
        G.FindMatches(text, tokens, matches);
        string Of(GazetteerMatch m) => text[tokens[m.Start].Start..tokens[m.Start + m.Length - 1].End];
        Assert.Contains(matches, m => Of(m) == "US" && m.Categories.HasFlag(GazetteerCategory.Country));
        Assert.Contains(matches, m => Of(m) == "China" && m.Categories.HasFlag(GazetteerCategory.Country));
        Assert.Contains(matches, m => Of(m) == "Pyongyang" && m.Categories.HasFlag(GazetteerCategory.Capital));
        Assert.Contains(matches, m => Of(m) == "North Korean" && m.Categories.HasFlag(GazetteerCategory.Demonym));
        Assert.DoesNotContain(matches, m => Of(m) == "military");
    }

    [Fact]
    public void Curly_apostrophes_and_capitalised_datelines_match()
    {
        var text = "BEIJING -- People’s Republic of China";
        var tokens = Tokenizer.Tokenize(text);
        var matches = new List<GazetteerMatch>();
        G.FindMatches(text, tokens, matches);
        Assert.Contains(matches, m => m.Start == 0 && m.Length == 1 && m.Categories.HasFlag(GazetteerCategory.Capital));
        Assert.Contains(matches, m => m.Start == 2 && m.Length == 5 && m.Categories.HasFlag(GazetteerCategory.Country));
    }
}
