using Parallax.Core;
using Parallax.Nlp.Numbers;

namespace Parallax.Nlp.Tests;

public class NumbersTests
{
    private static Quantity[] Quantities(string text) => QuantityComponent.Extract(FactsTestDocs.Build(text));

    private static string Phrase(string text, Quantity q) => text[q.Range.Start..q.Range.End];

    private static Quantity One(string text)
    {
        var all = Quantities(text);
        Assert.True(all.Length == 1, $"expected one quantity in: {text}\nfound: {string.Join(" | ", all.Select(q => Phrase(text, q) + " = " + q))}");
        return all[0];
    }

    [Fact]
    public void Amount_stated_in_two_currencies_is_one_group()
    {
        const string text = "Mr Tillerson is also expected to restate concerns about China's massive trade surplus with the US – 347 billion US dollars (£259 billion) last year – and what American companies say.";
        var all = Quantities(text);
        Assert.Equal(2, all.Length);
        Assert.Equal(347e9, all[0].Value);
        Assert.Equal("USD", all[0].Currency);
        Assert.Equal(QuantityKind.Money, all[0].Kind);
        Assert.Equal("347 billion US dollars", Phrase(text, all[0]));
        Assert.Equal(259e9, all[1].Value);
        Assert.Equal("GBP", all[1].Currency);
        Assert.Equal("£259 billion", Phrase(text, all[1]));
        Assert.True(all[0].Group >= 0);
        Assert.Equal(all[0].Group, all[1].Group);
    }

    [Fact]
    public void Count_unit_is_the_head_noun_after_the_number()
    {
        const string text = "North Korea, which has thousands of artillery pieces and rockets trained on South Korea's capital Seoul – a city of 25 million people.";
        var all = Quantities(text);
        Assert.Equal(2, all.Length);
        Assert.Equal(2000, all[0].Value);
        Assert.Equal(9999, all[0].ValueMax);
        Assert.True(all[0].Approximate);
        Assert.Equal("piece", all[0].Unit);
        Assert.Equal(25e6, all[1].Value);
        Assert.Equal("people", all[1].Unit);
        Assert.Equal(QuantityKind.Count, all[1].Kind);
    }

    [Fact]
    public void Number_words_count_their_noun()
    {
        var q = One("While hosting him at the resort in April, they agreed on four high-level dialogues to cover various aspects of relations.");
        Assert.Equal(4, q.Value);
        Assert.Equal("dialogue", q.Unit);
    }

    [Fact]
    public void No_2_is_a_rank_not_a_count()
    {
        var q = One("Mr Tillerson is making his second visit in office to the world's No 2 economy and chief American rival for influence in Asia.");
        Assert.Equal(QuantityKind.Ordinal, q.Kind);
        Assert.Equal(2, q.Value);
        Assert.Equal("economy", q.Unit);
    }

    [Fact]
    public void Years_and_days_of_months_are_not_counts()
    {
        Assert.Empty(Quantities("It made no mention of the cuts, effective from January 1, in 2017 or on September 30, 2017 or on 2017-09-30 at 10:30 or 3pm."));
    }

    [Theory]
    [InlineData("The deal is worth $5bn to the company.", 5e9, null, "USD")]
    [InlineData("The deal is worth US$5.5 billion to the company.", 5.5e9, null, "USD")]
    [InlineData("The club paid £45m for the striker.", 45e6, null, "GBP")]
    [InlineData("The fine was €2.4 million.", 2.4e6, null, "EUR")]
    [InlineData("Trade reached 1.2 trillion yuan last year.", 1.2e12, null, "CNY")]
    [InlineData("The budget was cut by 300 billion yen.", 300e9, null, "JPY")]
    [InlineData("Analysts expect between $10bn and $12bn of sales.", 10e9, 12e9, "USD")]
    [InlineData("Tickets cost 50 pence each.", 0.5, null, "GBP")]
    [InlineData("The bank lent USD 200 million.", 200e6, null, "USD")]
    [InlineData("It raised 3 million euros.", 3e6, null, "EUR")]
    public void Money_is_normalised_to_value_and_currency(string text, double value, double? max, string currency)
    {
        var q = One(text);
        Assert.Equal(QuantityKind.Money, q.Kind);
        Assert.Equal(value, q.Value, 3);
        Assert.Equal(max, q.ValueMax);
        Assert.Equal(currency, q.Currency);
    }

    [Theory]
    [InlineData("Unemployment rose to 5% in June.", 5, null)]
    [InlineData("Unemployment rose to 5 per cent in June.", 5, null)]
    [InlineData("Turnout was five percent lower.", 5, null)]
    [InlineData("Growth slowed to 6.7 percent.", 6.7, null)]
    [InlineData("Prices rose 3-4% a year.", 3, 4.0)]
    public void Percentages(string text, double value, double? max)
    {
        var q = One(text);
        Assert.Equal(QuantityKind.Percent, q.Kind);
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(max, q.ValueMax);
        Assert.Equal("%", q.Unit);
    }

    [Theory]
    [InlineData("Between 10 and 12 people were hurt.", 10, 12.0, "people")]
    [InlineData("Some 10 to 12 people were hurt.", 10, 12.0, "people")]
    [InlineData("Police said 10-12 people were hurt.", 10, 12.0, "people")]
    [InlineData("Two or three soldiers were wounded.", 2, 3.0, "soldier")]
    [InlineData("Officials said 10 to 12 million people were affected.", 10e6, 12e6, "people")]
    public void Ranges_keep_both_ends(string text, double value, double? max, string unit)
    {
        var q = One(text);
        Assert.Equal(value, q.Value);
        Assert.Equal(max, q.ValueMax);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("About 200 people were evacuated.", 200, "people")]
    [InlineData("Nearly 3,000 homes lost power.", 3000, "home")]
    [InlineData("More than 1,500 troops arrived.", 1500, "troop")]
    [InlineData("Up to 40 vessels could be affected.", 40, "vessel")]
    [InlineData("Police detained a dozen protesters.", 12, "protester")]
    [InlineData("Twenty-five students were injured.", 25, "student")]
    [InlineData("Dozens of villagers fled.", 24, "villager")]
    [InlineData("Tens of thousands of people marched.", 20000, "people")]
    [InlineData("One hundred and twenty prisoners escaped.", 120, "prisoner")]
    [InlineData("Half a million refugees crossed the border.", 500000, "refugee")]
    public void Approximations_and_words(string text, double value, string unit)
    {
        var q = One(text);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("The convoy travelled 5 km to the border.", 5, "km")]
    [InlineData("The strike lasted 120 days.", 120, "day")]
    [InlineData("He was sentenced to a five-year term.", 5, "year")]
    [InlineData("The wall is 300 metres long.", 300, "m")]
    [InlineData("Output reached 10 million barrels a day.", 10e6, "bbl")]
    public void Measures_keep_their_unit(string text, double value, string unit)
    {
        var q = One(text);
        Assert.Equal(QuantityKind.Measure, q.Kind);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Fact]
    public void A_death_toll_names_what_it_counts()
    {
        var q = One("The crash brought the death toll of the week to 12.");
        Assert.Equal(12, q.Value);
        var q2 = One("Officials gave a death toll of 15.");
        Assert.Equal("death toll", q2.Unit);
        Assert.Equal(15, q2.Value);
    }

    [Theory]
    [InlineData("The Security Council passed Resolution 2371 unanimously.")]
    [InlineData("Leaders met at the G20 summit.")]
    [InlineData("The team won 3-1 at home.")]
    [InlineData("No one was hurt in the blast.")]
    [InlineData("This one is different, said one of the officials.")]
    public void Identifiers_scores_and_pronouns_are_not_quantities(string text)
    {
        Assert.Empty(Quantities(text));
    }

    [Fact]
    public void Sample_000_population_and_no_years()
    {
        var doc = FactsTestDocs.Build(FactsTestDocs.Sample(FactsTestDocs.Sample000));
        var all = QuantityComponent.Extract(doc);
        var seoul = Assert.Single(all, q => q.Unit == "people");
        Assert.Equal(25e6, seoul.Value);
        Assert.DoesNotContain(all, q => q.Value is >= 1900 and <= 2100 && q.ValueMax is null);
        var trains = Assert.Single(all, q => q.Unit == "train");
        Assert.Equal(2, trains.Value);
    }
}
