using System.Net;
using System.Text.Json;

namespace Parallax.Web.Tests;

/// <summary>The read endpoints of the API over the samples' store: stories and their briefs, articles, entities, search, OpenAPI.</summary>
public class ApiReadTests(ReadOnlyApp app) : IClassFixture<ReadOnlyApp>
{
    private readonly HttpClient _client = app.Factory.CreateClient();

    private async Task<JsonElement> Json(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<JsonElement> Problem(string url, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal); // never a stack trace
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.StartsWith("PX", problem.GetProperty("code").GetString(), StringComparison.Ordinal);
        return problem;
    }

    private static List<long> StoryIds(JsonElement list) =>
        list.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("id").GetInt64()).ToList();

    [Fact]
    public async Task Stories_list_the_samples_story_with_both_outlets()
    {
        var list = await Json("/api/stories");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        var story = list.GetProperty("stories").EnumerateArray().Single(s => s.GetProperty("id").GetInt64() == app.Store.SampleStory);
        Assert.Equal(2, story.GetProperty("articles").GetInt32());
        Assert.Contains("Al Jazeera", story.GetProperty("outlets").EnumerateArray().Select(o => o.GetString()));
        Assert.StartsWith("2017-09-30", story.GetProperty("first").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stories_filter_by_text_entity_outlet_and_dates()
    {
        Assert.Equal([app.Store.SampleStory], StoryIds(await Json("/api/stories?q=Yang%20Jiechi")));
        Assert.Equal([app.Store.HostileStory], StoryIds(await Json("/api/stories?q=ferry")));
        Assert.Empty(StoryIds(await Json("/api/stories?q=%22trade%20surplus%20with%20Mars%22")));
        Assert.Equal([app.Store.SampleStory], StoryIds(await Json("/api/stories?entity=Rex%20Tillerson")));
        Assert.Equal([app.Store.SampleStory], StoryIds(await Json("/api/stories?outlet=al%20jazeera")));
        Assert.Equal([app.Store.HostileStory], StoryIds(await Json("/api/stories?outlet=harbour-gazette.example")));
        Assert.Equal([app.Store.HostileStory], StoryIds(await Json("/api/stories?from=2017-10-01")));
        Assert.Equal([app.Store.SampleStory], StoryIds(await Json("/api/stories?from=2017-09-30&to=2017-09-30")));
        Assert.Empty(StoryIds(await Json("/api/stories?q=Tillerson&from=2017-10-01")));

        var page = await Json("/api/stories?limit=1&offset=1");
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        Assert.Single(StoryIds(page));
    }

    [Theory]
    [InlineData("/api/stories?from=30/09/2017", "from")]
    [InlineData("/api/stories?from=2017-10-02&to=2017-10-01", "to")]
    [InlineData("/api/stories?limit=0", "limit")]
    [InlineData("/api/stories?limit=100000", "limit")]
    [InlineData("/api/articles?offset=-1", "offset")]
    [InlineData("/api/entities?type=PLANET", "type")]
    [InlineData("/api/search", "q")]
    public async Task Bad_parameters_are_a_problem_naming_the_parameter(string url, string parameter)
    {
        var problem = await Problem(url, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task A_parameter_of_the_wrong_type_is_a_problem_too()
    {
        var problem = await Problem("/api/stories?limit=ten", HttpStatusCode.BadRequest);
        Assert.Contains("limit", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_story_is_its_brief_json_with_offsets_into_the_original_text()
    {
        var brief = await Json($"/api/stories/{app.Store.SampleStory}");
        var story = brief.GetProperty("stories").EnumerateArray().Single();
        Assert.Equal(2, brief.GetProperty("articles").GetArrayLength());
        foreach (var field in new[] { "headline", "articles", "entities", "quotes", "facts", "numbers", "timeline", "summary", "coverage" })
        {
            Assert.True(story.TryGetProperty(field, out _), "missing " + field);
        }

        var facts = story.GetProperty("facts").EnumerateArray().ToList();
        var shared = facts.First(f => f.GetProperty("status").GetString() == "consensus");
        Assert.Equal(2, shared.GetProperty("articles").GetArrayLength());

        // every cited sentence is exactly the original text between its offsets
        var originals = new Dictionary<long, string>();
        foreach (var sentence in facts.SelectMany(f => f.GetProperty("sentences").EnumerateArray()))
        {
            var id = sentence.GetProperty("article").GetInt64();
            if (!originals.TryGetValue(id, out var text))
            {
                originals[id] = text = (await Json($"/api/articles/{id}")).GetProperty("text").GetString()!;
            }

            int start = sentence.GetProperty("start").GetInt32(), end = sentence.GetProperty("end").GetInt32();
            Assert.Equal(sentence.GetProperty("text").GetString(), text[start..end]);
        }
    }

    [Fact]
    public async Task Unknown_things_are_404_problems()
    {
        await Problem("/api/stories/9999", HttpStatusCode.NotFound);
        await Problem("/api/articles/9999", HttpStatusCode.NotFound);
        await Problem("/api/entities/9999", HttpStatusCode.NotFound);
        await Problem("/api/entities/Nobody%20At%20All", HttpStatusCode.NotFound);
        await Problem("/api/nothing-here", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_article_comes_with_its_layers_as_offsets_into_its_original_text()
    {
        var id = app.Store.SampleArticles[0];
        var article = await Json($"/api/articles/{id}");
        var text = article.GetProperty("text").GetString()!;
        Assert.Equal(app.Store.SampleStory, article.GetProperty("story").GetInt64());
        Assert.NotEmpty(article.GetProperty("paragraphs").EnumerateArray());
        foreach (var layer in new[] { "entities", "quotes", "dates", "numbers", "sentences" })
        {
            var items = article.GetProperty(layer).EnumerateArray().ToList();
            Assert.True(items.Count > 0, "no " + layer);
            foreach (var item in items)
            {
                Assert.Equal(item.GetProperty("text").GetString(), text[item.GetProperty("start").GetInt32()..item.GetProperty("end").GetInt32()]);
            }
        }

        Assert.Contains(article.GetProperty("entities").EnumerateArray(), e => e.GetProperty("text").GetString() == "Rex Tillerson" && e.GetProperty("type").GetString() == "PERSON");

        var list = await Json("/api/articles?limit=2");
        Assert.Equal(3, list.GetProperty("total").GetInt64());
        Assert.Equal(2, list.GetProperty("articles").GetArrayLength());
    }

    [Fact]
    public async Task Entities_are_listed_and_found_by_id_or_by_name_with_roles_and_their_outlets()
    {
        var people = await Json("/api/entities?type=PERSON&q=Tillerson");
        var tillerson = people.GetProperty("entities").EnumerateArray().First();
        Assert.Equal("Rex Tillerson", tillerson.GetProperty("name").GetString());

        var byId = await Json($"/api/entities/{tillerson.GetProperty("id").GetInt64()}");
        var byName = await Json("/api/entities/rex%20tillerson");
        Assert.Equal(byId.GetProperty("id").GetInt64(), byName.GetProperty("id").GetInt64());
        var role = byId.GetProperty("roles").EnumerateArray().First(r => r.GetProperty("role").GetString()!.Contains("Secretary of State", StringComparison.Ordinal));
        Assert.NotEmpty(role.GetProperty("outlets").EnumerateArray());
        Assert.Contains(byId.GetProperty("stories").EnumerateArray(), s => s.GetProperty("id").GetInt64() == app.Store.SampleStory);
    }

    [Fact]
    public async Task Search_ranks_the_articles_that_have_the_words()
    {
        var hits = (await Json("/api/search?q=%22Yang%20Jiechi%22")).GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Contains(h.GetProperty("id").GetInt64(), app.Store.SampleArticles));
        Assert.Empty((await Json("/api/search?q=zeppelin")).GetProperty("hits").EnumerateArray());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint()
    {
        var doc = await Json("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/stories", "/api/stories/{id}", "/api/articles", "/api/articles/{id}", "/api/entities", "/api/entities/{id}", "/api/search" })
        {
            Assert.True(paths.TryGetProperty(path, out _), "missing " + path);
        }

        Assert.True(paths.GetProperty("/api/articles").TryGetProperty("post", out _));
        Assert.False(paths.TryGetProperty("/", out _)); // pages are not API
        Assert.Equal("Parallax API", doc.GetProperty("info").GetProperty("title").GetString());
    }
}
