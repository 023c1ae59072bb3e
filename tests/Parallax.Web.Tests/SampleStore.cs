using System.Text.Json;
using Parallax.Engine;
using Parallax.Ingestion;
using Parallax.Testing;

namespace Parallax.Web.Tests;

/// <summary>
/// A real store for the web tests: the two sample articles (published 30 September 2017), and a hostile article, a
/// news-please record whose title and text carry markup and script as text, which every page must show as text.
/// </summary>
public sealed class SampleStore : IDisposable
{
    public const string HostileScript = "<script>window.__pwned = true</script>";
    public const string HostileImage = "<img src=x onerror=\"window.__pwned = true\">";
    public const string HostileTitle = "Ferry strike ends <script>alert('title')</script> after talks";

    public SampleStore()
    {
        var hostile = Dir.File("hostile.json");
        File.WriteAllText(hostile, JsonSerializer.Serialize(new
        {
            title = HostileTitle,
            maintext = "Ferry workers in the port of Dunmore ended a three-day strike on Tuesday after talks with the operator, the union said.\n\n" +
                       "The union's statement, posted on its website, carried the line " + HostileImage + " that a careless page would run.\n\n" +
                       "Passengers were told to expect delays until Thursday, when full services resume. " + HostileScript + "\n\n" +
                       "The operator said 14 sailings had been cancelled during the strike.",
            source_domain = "harbour-gazette.example",
            url = "https://harbour-gazette.example/ferry-strike-ends",
            date_publish = "2017-10-03 09:00:00",
            language = "en",
        }));

        using var engine = ParallaxEngine.Open(Db);
        var samples = engine.Ingest([RepoPaths.TillersonSample], new ReadOptions { Published = new DateTimeOffset(2017, 9, 30, 0, 0, 0, TimeSpan.Zero) });
        var other = engine.Ingest([hostile], new ReadOptions());
        if (samples.Stored != 2 || other.Stored != 1)
        {
            throw new InvalidOperationException($"The test store was not built: {samples.Stored} samples and {other.Stored} hostile article stored.");
        }

        SampleStory = engine.Store.StoryOfArticle(samples.NewArticles[0]) ?? throw new InvalidOperationException("the samples were not placed in a story");
        SampleArticles = samples.NewArticles.ToArray();
        HostileArticle = other.NewArticles[0];
        HostileStory = engine.Store.StoryOfArticle(HostileArticle) ?? throw new InvalidOperationException("the hostile article was not placed in a story");
    }

    public TempDir Dir { get; } = RepoPaths.TempDir();

    public string Db => Dir.File("parallax.db");

    public long SampleStory { get; }

    public IReadOnlyList<long> SampleArticles { get; }

    public long HostileArticle { get; }

    public long HostileStory { get; }

    public void Dispose() => Dir.Dispose();
}
