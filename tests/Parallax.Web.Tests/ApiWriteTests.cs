using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Parallax.Testing;

namespace Parallax.Web.Tests;

/// <summary>POST /api/articles: uploads read with the CLI's readers, options and validation; per-input failures; limits; the API key.</summary>
public sealed class ApiWriteTests : IDisposable
{
    private readonly TempDir _dir = RepoPaths.TempDir();

    private WebFactory App(IReadOnlyDictionary<string, string>? settings = null) => new(_dir.File("upload.db"), settings);

    private static string Sample(int i) => Directory.GetFiles(RepoPaths.TillersonSample, "*.txt").Order(StringComparer.Ordinal).ElementAt(i);

    private static MultipartFormDataContent Files(params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return form;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, string? MediaType)> Send(HttpClient client, HttpContent content, string url = "/api/articles")
    {
        using var response = await client.PostAsync(url, content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Uploaded_files_are_stored_placed_in_a_story_and_each_failure_is_reported()
    {
        using var app = App();
        var client = app.CreateClient();
        using var form = Files(
            (Path.GetFileName(Sample(0)), File.ReadAllBytes(Sample(0))),
            (Path.GetFileName(Sample(1)), File.ReadAllBytes(Sample(1))),
            ("empty.txt", Encoding.UTF8.GetBytes("   \n")),
            ("broken.json", Encoding.UTF8.GetBytes("{\"title\": \"x\", \"maintext\": ")));
        form.Add(new StringContent("2017-09-30"), "published");

        var (status, body, _) = await Send(client, form);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2, body.GetProperty("stored").GetInt32());
        Assert.Equal(2, body.GetProperty("failed").GetInt32());
        var results = body.GetProperty("results").EnumerateArray().ToList();
        var stored = results.Where(r => r.GetProperty("outcome").GetString() == "stored").ToList();
        Assert.Equal(2, stored.Count);
        Assert.Single(stored.Select(r => r.GetProperty("story").GetInt64()).Distinct()); // one story
        var empty = results.Single(r => r.GetProperty("input").GetString() == "empty.txt");
        Assert.Equal("failed", empty.GetProperty("outcome").GetString());
        Assert.Equal("PX2002", empty.GetProperty("code").GetString());
        Assert.Equal("PX2006", results.Single(r => r.GetProperty("input").GetString() == "broken.json").GetProperty("code").GetString());

        // the same file again is a duplicate, not a second article
        using var again = Files(("again.txt", File.ReadAllBytes(Sample(0))));
        var (status2, body2, _) = await Send(client, again);
        Assert.Equal(HttpStatusCode.OK, status2);
        Assert.Equal(1, body2.GetProperty("duplicates").GetInt32());
        Assert.Equal(0, body2.GetProperty("stored").GetInt32());
    }

    [Fact]
    public async Task A_json_body_is_read_as_a_news_please_record_with_options_in_the_query()
    {
        using var app = App();
        var client = app.CreateClient();
        var record = JsonSerializer.Serialize(new
        {
            title = "Port of Dunmore reopens after storm",
            maintext = "The port of Dunmore reopened on Monday after a storm closed it for two days, the harbour authority said.\n\nAbout 30 ships had waited offshore.",
        });
        using var content = new StringContent(record, Encoding.UTF8, "application/json");
        var (status, body, _) = await Send(client, content, "/api/articles?source=Dunmore%20Herald&published=2017-11-06");
        Assert.Equal(HttpStatusCode.OK, status);
        var id = body.GetProperty("articles")[0].GetInt64();

        var article = JsonDocument.Parse(await client.GetStringAsync($"/api/articles/{id}")).RootElement;
        Assert.Equal("Dunmore Herald", article.GetProperty("source").GetString());
        Assert.StartsWith("2017-11-06", article.GetProperty("published").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("published", "yesterday-ish")]
    [InlineData("format", "pdf")]
    public async Task Bad_options_are_refused_before_anything_is_read(string field, string value)
    {
        using var app = App();
        using var form = Files(("a.txt", File.ReadAllBytes(Sample(0))));
        form.Add(new StringContent(value), field);
        var (status, body, media) = await Send(app.CreateClient(), form);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", media);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Nothing_to_read_unreadable_inputs_and_unknown_media_types_are_problems()
    {
        using var app = App();
        var client = app.CreateClient();

        using var none = new MultipartFormDataContent { { new StringContent("x"), "source" } };
        var (s1, b1, _) = await Send(client, none);
        Assert.Equal(HttpStatusCode.BadRequest, s1);
        Assert.Equal("PX5008", b1.GetProperty("code").GetString());

        using var binary = Files(("photo.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
        var (s2, b2, _) = await Send(client, binary);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, s2);
        Assert.Equal("PX5009", b2.GetProperty("code").GetString());
        Assert.Equal("failed", b2.GetProperty("results")[0].GetProperty("outcome").GetString());

        using var pdf = new ByteArrayContent([1, 2, 3]);
        pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var (s3, b3, _) = await Send(client, pdf);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, s3);
        Assert.Equal("PX5007", b3.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Inputs_and_requests_over_the_limits_are_refused()
    {
        using var app = App(new Dictionary<string, string> { ["Parallax:MaxRequestBytes"] = "4096", ["Parallax:MaxInputBytes"] = "1024" });
        var client = app.CreateClient();

        // one file over the input limit fails on its own, as with parallax ingest --max-bytes
        var big = Encoding.UTF8.GetBytes("Big file\n\n" + string.Concat(Enumerable.Repeat("The harbour was quiet all week. ", 60)));
        using var form = Files(("big.txt", big));
        var (s1, b1, _) = await Send(client, form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, s1);
        Assert.Equal("PX2003", b1.GetProperty("results")[0].GetProperty("code").GetString());
        // the reason names what an uploader's administrator can change, not a command-line option
        var reason = b1.GetProperty("results")[0].GetProperty("reason").GetString()!;
        Assert.Contains("Parallax:MaxInputBytes", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("--max-bytes", reason, StringComparison.Ordinal);

        // a request over the body limit is refused whole
        using var huge = Files(("huge.txt", new byte[10_000]));
        var (s2, b2, _) = await Send(client, huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, s2);
        Assert.Equal("PX5006", b2.GetProperty("code").GetString());

        using var hugeJson = new StringContent(new string(' ', 10_000), Encoding.UTF8, "application/json");
        var (s3, _, _) = await Send(client, hugeJson);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, s3);
    }

    [Fact]
    public async Task A_file_name_never_names_a_path()
    {
        using var app = App();
        using var form = Files(("../../../../tmp/evil.txt", File.ReadAllBytes(Sample(0))), ("..\\..\\windows\\evil2.txt", Encoding.UTF8.GetBytes("Title here\n\nThe harbour of Dunmore was quiet on Sunday, officials said.")));
        var (status, body, _) = await Send(app.CreateClient(), form);
        Assert.Equal(HttpStatusCode.OK, status);
        var inputs = body.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("input").GetString()).ToList();
        Assert.Equal(["evil.txt", "evil2.txt"], inputs);
        Assert.False(File.Exists("/tmp/evil.txt"));
    }

    [Fact]
    public async Task With_an_api_key_writes_need_it_and_reads_do_not()
    {
        using var app = App(new Dictionary<string, string> { ["Parallax:ApiKey"] = "s3cret-key" });
        var client = app.CreateClient();
        using var form = Files(("a.txt", File.ReadAllBytes(Sample(0))));
        var (s1, b1, _) = await Send(client, form);
        Assert.Equal(HttpStatusCode.Unauthorized, s1);
        Assert.Equal("PX5002", b1.GetProperty("code").GetString());

        client.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
        using var form2 = Files(("a.txt", File.ReadAllBytes(Sample(0))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(client, form2)).Status);

        client.DefaultRequestHeaders.Remove("X-Api-Key");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret-key");
        using var form3 = Files(("a.txt", File.ReadAllBytes(Sample(0))));
        Assert.Equal(HttpStatusCode.OK, (await Send(client, form3)).Status);

        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/api/stories")).StatusCode);
    }

    [Fact]
    public async Task The_upload_page_takes_the_api_key_from_its_form()
    {
        using var app = App(new Dictionary<string, string> { ["Parallax:ApiKey"] = "s3cret-key" });
        var client = app.CreateClient();
        Assert.Contains("id=\"api_key\"", await client.GetStringAsync("/upload"), StringComparison.Ordinal);

        using var without = Files(("a.txt", File.ReadAllBytes(Sample(0))));
        using var refused = await client.PostAsync("/upload", without);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("role=\"alert\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var with = Files(("a.txt", File.ReadAllBytes(Sample(0))));
        with.Add(new StringContent("s3cret-key"), "api_key");
        using var accepted = await client.PostAsync("/upload", with);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("1 stored", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_that_cannot_be_opened_is_a_problem_without_a_stack_trace()
    {
        using var app = App();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stories")).StatusCode);

        // the store is replaced by something that is not a database while the server runs
        SqliteConnectionPoolClear();
        File.WriteAllText(_dir.File("upload.db"), "this is not a database, just text that happens to sit where the store was");
        File.Delete(_dir.File("upload.db-wal"));
        File.Delete(_dir.File("upload.db-shm"));
        using var response = await client.GetAsync("/api/stories");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("PX3001", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }

    private static void SqliteConnectionPoolClear() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    [Fact]
    public async Task A_write_from_another_site_is_refused()
    {
        using var app = App();
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/articles") { Content = Files(("a.txt", File.ReadAllBytes(Sample(0)))) };
        request.Headers.Add("Origin", "https://evil.example");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("PX5003", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var sameSite = new HttpRequestMessage(HttpMethod.Post, "/upload") { Content = Files(("a.txt", File.ReadAllBytes(Sample(0)))) };
        sameSite.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var page = await client.SendAsync(sameSite);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await client.GetStringAsync("/api/articles")).RootElement.GetProperty("total").GetInt64());
    }

    public void Dispose() => _dir.Dispose();
}
