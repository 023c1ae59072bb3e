using System.Text.Json;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

/// <summary>
/// The brief of the two sample articles, read as an editor would (issue 6, item 5), through `parallax analyze`:
/// what both outlets report, what only one reports, people with roles, quotes with speakers.
/// </summary>
public class SampleBriefTests : IClassFixture<SampleBriefTests.Brief>
{
    private readonly JsonElement _story;
    private readonly Dictionary<long, string> _outletOf;

    public SampleBriefTests(Brief brief)
    {
        _story = brief.Json.RootElement.GetProperty("stories")[0];
        _outletOf = brief.Json.RootElement.GetProperty("articles").EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetInt64(), a => a.GetProperty("outlet").GetString()!);
    }

    public sealed class Brief : IDisposable
    {
        public Brief()
        {
            using var dir = RepoPaths.TempDir();
            var result = CliRunner.Run(["analyze", RepoPaths.TillersonSample, "--published", "2017-09-30", "--format", "json"], dir.Path);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Json = JsonDocument.Parse(result.Stdout);
        }

        public JsonDocument Json { get; }

        public void Dispose() => Json.Dispose();
    }

    private IEnumerable<JsonElement> Facts => _story.GetProperty("facts").EnumerateArray();

    /// <summary>The facts whose sentences mention all the given phrases (in any of the fact's sentences).</summary>
    private List<JsonElement> FactsAbout(params string[] phrases) =>
        Facts.Where(f => phrases.All(p => f.GetProperty("sentences").EnumerateArray().Any(s => s.GetProperty("text").GetString()!.Contains(p, StringComparison.Ordinal)))).ToList();

    private HashSet<string> OutletsOf(JsonElement fact) =>
        fact.GetProperty("articles").EnumerateArray().Select(a => _outletOf[a.GetInt64()]).ToHashSet();

    [Fact]
    public void Both_outlets_report_the_saturday_meetings_with_yang_wang_and_xi()
    {
        var fact = Assert.Single(FactsAbout("Yang Jiechi", "Wang Yi", "Xi Jinping"));
        Assert.Equal(2, OutletsOf(fact).Count);
        Assert.Equal("consensus", fact.GetProperty("status").GetString());
    }

    [Fact]
    public void Both_report_the_order_closing_north_korean_firms_one_more_precisely()
    {
        var fact = Assert.Single(Facts, f => f.GetProperty("sentences").EnumerateArray().Any(s => s.GetProperty("text").GetString()!.Contains("shut down by January", StringComparison.Ordinal)));
        Assert.Equal(2, OutletsOf(fact).Count);
        Assert.Contains(fact.GetProperty("sentences").EnumerateArray(), s => s.GetProperty("text").GetString()!.Contains("close by early January", StringComparison.Ordinal));
        Assert.Equal("refinement", fact.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("347 billion US dollars")] // the trade surplus
    [InlineData("refined petroleum products")] // the fuel cut
    [InlineData("banned imports of North Korean coal")] // the import bans
    public void Only_the_second_outlet_reports(string phrase)
    {
        var fact = Assert.Single(FactsAbout(phrase));
        Assert.Equal("single", fact.GetProperty("status").GetString());
        Assert.DoesNotContain("Al Jazeera", OutletsOf(fact));
    }

    [Theory]
    [InlineData("is prepared to work with Pyongyang")] // Russia's offer
    [InlineData("he was sceptical")] // McCain's scepticism
    [InlineData("naval blockade")] // McMaster's warning
    public void Only_al_jazeera_reports(string phrase)
    {
        var fact = Assert.Single(FactsAbout(phrase));
        Assert.Equal("single", fact.GetProperty("status").GetString());
        Assert.Equal(["Al Jazeera"], OutletsOf(fact));
    }

    [Theory]
    [InlineData("Rex Tillerson", "US Secretary of State")]
    [InlineData("Yang Jiechi", "State Councillor")]
    [InlineData("Lu Kang", "Chinese Foreign Ministry spokesman")]
    [InlineData("John McCain", "US Senator")]
    [InlineData("Einar Tangen", "political analyst")]
    [InlineData("HR McMaster", "White House National Security Adviser")]
    public void People_carry_their_roles(string name, string role)
    {
        var person = Assert.Single(_story.GetProperty("entities").EnumerateArray(), e => e.GetProperty("name").GetString() == name);
        Assert.Equal("PERSON", person.GetProperty("type").GetString());
        Assert.Contains(role, person.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("speeding trains", "Einar Tangen")]
    [InlineData("China has not done anything", "John McCain")]
    [InlineData("We are not seeking regime change", "Susan Thornton")]
    [InlineData("The Russian side confirmed", "Russian Foreign ministry")]
    public void Quotes_carry_their_speakers(string words, string speaker)
    {
        var quote = Assert.Single(_story.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("text").GetString()!.Contains(words, StringComparison.Ordinal));
        Assert.Equal(speaker, quote.GetProperty("speaker").GetString());
        Assert.True(quote.GetProperty("direct").GetBoolean());
    }

    [Fact]
    public void Every_fact_sentence_points_at_its_exact_place_in_the_original_text()
    {
        var texts = Directory.GetFiles(RepoPaths.TillersonSample, "*.txt").Select(File.ReadAllText).ToList();
        foreach (var fact in Facts)
        {
            foreach (var s in fact.GetProperty("sentences").EnumerateArray())
            {
                var original = texts.Single(t => t.Contains(s.GetProperty("text").GetString()!, StringComparison.Ordinal));
                int start = s.GetProperty("start").GetInt32(), end = s.GetProperty("end").GetInt32();
                Assert.Equal(s.GetProperty("text").GetString(), original[start..end]);
            }
        }
    }
}
