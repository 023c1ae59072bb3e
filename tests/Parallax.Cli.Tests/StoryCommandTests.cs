using System.Text.Json;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

/// <summary>stories, story --explain, brief, entities, entity, annotate and analyze on the samples, through the real command.</summary>
public class StoryCommandTests : IClassFixture<StoryCommandTests.SamplesStore>
{
    private readonly SamplesStore _store;

    public StoryCommandTests(SamplesStore store) => _store = store;

    public sealed class SamplesStore : IDisposable
    {
        public SamplesStore()
        {
            var result = CliRunner.Run(["ingest", RepoPaths.TillersonSample, "--published", "2017-09-30", "--db", Db], Dir.Path);
            Assert.True(result.ExitCode == 0, result.Stderr);
        }

        public TempDir Dir { get; } = RepoPaths.TempDir();

        public string Db => Dir.File("p.db");

        public void Dispose() => Dir.Dispose();
    }

    private CliRunner.Result Run(params string[] args) => CliRunner.Run(args.Concat(["--db", _store.Db]), _store.Dir.Path);

    [Fact]
    public void The_two_samples_are_one_story_and_its_placement_is_explained()
    {
        var stories = Run("stories", "--json");
        Assert.Equal(0, stories.ExitCode);
        using var json = JsonDocument.Parse(stories.Stdout);
        var story = Assert.Single(json.RootElement.GetProperty("stories").EnumerateArray());
        Assert.Equal(2, story.GetProperty("articles").GetInt32());
        Assert.Equal(2, story.GetProperty("outlets").GetArrayLength());

        var id = story.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var explain = Run("story", id, "--explain");
        Assert.Equal(0, explain.ExitCode);
        Assert.Contains("shared entities:", explain.Stdout, StringComparison.Ordinal);
        Assert.Contains("Rex Tillerson", explain.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Entities_merge_name_forms_and_keep_which_outlet_gave_which_role()
    {
        var entity = Run("entity", "Tillerson", "--json");
        Assert.True(entity.ExitCode == 0, entity.Stderr);
        using var json = JsonDocument.Parse(entity.Stdout);
        Assert.Equal("Rex Tillerson", json.RootElement.GetProperty("name").GetString());
        Assert.Equal(10, json.RootElement.GetProperty("mentions").GetInt32());
        var role = Assert.Single(json.RootElement.GetProperty("roles").EnumerateArray(), r => r.GetProperty("role").GetString() == "US Secretary of State");
        Assert.Equal(2, role.GetProperty("outlets").GetArrayLength());

        using var yang = JsonDocument.Parse(Run("entity", "Yang Jiechi", "--json").Stdout);
        var roles = yang.RootElement.GetProperty("roles").EnumerateArray()
            .ToDictionary(r => r.GetProperty("role").GetString()!, r => r.GetProperty("outlets").EnumerateArray().Select(o => o.GetString()).ToList());
        Assert.Equal(["Al Jazeera"], roles["State Councillor"]);
        Assert.DoesNotContain("Al Jazeera", roles["senior foreign policy adviser"]);

        using var tangen = JsonDocument.Parse(Run("entity", "Einar Tangen", "--json").Stdout);
        Assert.True(tangen.RootElement.GetProperty("quotes").GetArrayLength() >= 2);

        Assert.Equal(1, Run("entity", "Nobody Atall").ExitCode);
        var list = Run("entities", "--type", "PERSON", "--json");
        using var people = JsonDocument.Parse(list.Stdout);
        Assert.All(people.RootElement.GetProperty("entities").EnumerateArray(), e => Assert.Equal("PERSON", e.GetProperty("type").GetString()));
    }

    [Fact]
    public void The_brief_of_the_story_is_markdown_json_and_html()
    {
        var md = Run("brief", "1", "--format", "md");
        Assert.Equal(0, md.ExitCode);
        Assert.StartsWith("# ", md.Stdout, StringComparison.Ordinal);
        Assert.Contains("## What only one outlet reports", md.Stdout, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(Run("brief", "1", "--format", "json").Stdout);
        var story = Assert.Single(json.RootElement.GetProperty("stories").EnumerateArray());
        foreach (var key in new[] { "id", "headline", "articles", "entities", "quotes", "facts", "numbers", "timeline", "summary" })
        {
            Assert.True(story.TryGetProperty(key, out _), key);
        }

        var html = Run("brief", "1", "--format", "html");
        Assert.StartsWith("<!DOCTYPE html>", html.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, Run("brief", "999").ExitCode);
        Assert.Equal(2, Run("brief", "1", "--format", "pdf").ExitCode);
    }

    [Fact]
    public void Annotate_shows_every_layer_of_an_article()
    {
        var result = CliRunner.Run(["annotate", Path.Combine(RepoPaths.TillersonSample, "000_8bd32afc6ad81d3d.txt"), "--published", "2017-09-30", "--json"], _store.Dir.Path);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var a = Assert.Single(json.RootElement.GetProperty("articles").EnumerateArray());
        var text = a.GetProperty("text").GetString()!;
        foreach (var layer in new[] { "sentences", "entities", "numbers", "dates", "quotes", "excluded" })
        {
            Assert.True(a.GetProperty(layer).GetArrayLength() > 0, layer);
            foreach (var span in a.GetProperty(layer).EnumerateArray())
            {
                // every offset points into the original text
                int start = span.GetProperty("start").GetInt32(), end = span.GetProperty("end").GetInt32();
                Assert.Equal(span.GetProperty("text").GetString(), text[start..end]);
            }
        }

        var tillerson = a.GetProperty("entities").EnumerateArray().First(e => e.GetProperty("text").GetString() == "Rex Tillerson");
        Assert.Contains(tillerson.GetProperty("roles").EnumerateArray(), r => r.GetProperty("role").GetString() == "Secretary of State");
        Assert.Contains(a.GetProperty("dates").EnumerateArray(), d => d.GetProperty("text").GetString() == "on Saturday" && d.GetProperty("date").GetString() == "2017-09-30");
    }
}
