using System.Text;
using System.Text.Json;
using Parallax.Core;
using Parallax.Testing;

namespace Parallax.Ingestion.Tests;

public class NewsPleaseReaderTests
{
    private static string[] Files() =>
        [.. Directory.GetFiles(RepoPaths.DataFile("newsplease-5w1h"), "*.json").Order(StringComparer.Ordinal).Take(3)];

    [Fact]
    public void A_news_please_file_gives_title_text_date_and_domain()
    {
        var path = Files()[0];
        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var draft = TestInputs.Single(TestInputs.Read(path));
        Assert.Equal(json.RootElement.GetProperty("title").GetString(), draft.Title);
        Assert.Equal(json.RootElement.GetProperty("text").GetString(), draft.Text);
        Assert.Equal("newsplease", draft.Format);
        Assert.NotNull(draft.Published);
        Assert.Equal(Readers.Urls.DomainOf(json.RootElement.GetProperty("url").GetString()), draft.SourceDomain);
        Assert.Equal("en", draft.Language);
    }

    [Fact]
    public void Json_lines_name_the_line_of_each_failure()
    {
        var lines = Files().Select(f => JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllBytes(f)).RootElement)).ToList();
        var content = string.Join("\n", lines[0], "{\"title\": \"broken", string.Empty, lines[1], "[1, 2]", lines[2]) + "\n";
        var outcomes = TestInputs.ReadBytes(Encoding.UTF8.GetBytes(content), "crawl.jsonl");
        Assert.Equal(3, outcomes.OfType<ArticleRead>().Count());
        var failures = outcomes.OfType<ReadFailure>().ToList();
        Assert.Equal([2, 5], failures.Select(f => f.Origin.Line));
        Assert.All(failures, f => Assert.Equal(ErrorCodes.InputMalformedJson, f.Code));
        Assert.Equal("crawl.jsonl:2", failures[0].Origin.ToString());
        Assert.All(outcomes.OfType<ArticleRead>(), a => Assert.Equal("jsonl", a.Draft.Format));
    }

    [Fact]
    public void Json_lines_are_sniffed_without_the_extension()
    {
        var lines = Files().Select(f => JsonSerializer.Serialize(JsonDocument.Parse(File.ReadAllBytes(f)).RootElement));
        var outcomes = TestInputs.ReadText(string.Join("\n", lines), "crawl.txt");
        Assert.Equal(3, outcomes.OfType<ArticleRead>().Count());
    }
}
