using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Parallax.Web.Tests;

/// <summary>The server-rendered pages: what they show, that article content is always escaped, the security headers, the assets.</summary>
public class PageTests(ReadOnlyApp app) : IClassFixture<ReadOnlyApp>
{
    private readonly HttpClient _client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<string> Html(string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await _client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        return html;
    }

    [Fact]
    public async Task Every_page_renders_with_its_landmarks()
    {
        foreach (var url in new[] { "/", "/?q=Tillerson", $"/stories/{app.Store.SampleStory}", "/articles", $"/articles/{app.Store.SampleArticles[0]}", "/entities", "/entities?type=PERSON", "/entities/Rex%20Tillerson", "/search?q=Beijing", "/upload" })
        {
            var html = await Html(url);
            Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
            Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
            Assert.Contains("<nav aria-label=\"Main\">", html, StringComparison.Ordinal);
            Assert.Contains("<h1", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_story_page_marks_each_claim_sentence_with_its_fact_and_status()
    {
        var html = await Html($"/stories/{app.Store.SampleStory}");
        Assert.Contains("Rex Tillerson in China for North Korea talks", html, StringComparison.Ordinal);
        Assert.Matches("<mark class=\"claim s-consensus\" id=\"s-\\d+-\\d+\" data-fact=\"f\\d+\"", html);
        Assert.Matches("<mark class=\"claim s-single\" id=\"s-\\d+-\\d+\" data-fact=\"f\\d+\"", html);
        Assert.Contains("id=\"article-" + app.Store.SampleArticles[0] + "\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"article-" + app.Store.SampleArticles[1] + "\"", html, StringComparison.Ordinal);
        Assert.Contains("<svg viewBox=", html, StringComparison.Ordinal); // the timeline: the samples' dates resolve against 30 Sep 2017
        Assert.Contains("Yang Jiechi", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/assets/story.js\" defer></script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Story_list_filters_show_what_matches()
    {
        var ferry = await Html("/?q=ferry");
        Assert.Contains("/stories/" + app.Store.HostileStory, ferry, StringComparison.Ordinal);
        Assert.DoesNotContain("/stories/" + app.Store.SampleStory + "\"", ferry, StringComparison.Ordinal);

        var none = await Html("/?outlet=Nobody%20News");
        Assert.Contains("No story matches these filters.", none, StringComparison.Ordinal);

        var bad = await Html("/?from=soon", HttpStatusCode.BadRequest);
        Assert.Contains("role=\"alert\"", bad, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_content_is_shown_as_text_never_run_as_markup()
    {
        foreach (var url in new[] { $"/stories/{app.Store.HostileStory}", $"/articles/{app.Store.HostileArticle}", "/search?q=ferry", "/", "/articles" })
        {
            var html = await Html(url);
            Assert.DoesNotContain("<script>window.__pwned", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        }

        var article = await Html($"/articles/{app.Store.HostileArticle}");
        Assert.Contains("&lt;img src=x onerror=&quot;window.__pwned = true&quot;&gt;", article, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_response_carries_a_content_security_policy_without_inline_script()
    {
        foreach (var url in new[] { "/", $"/stories/{app.Store.SampleStory}", "/api/stories", "/assets/app.css", "/no-such-page" })
        {
            using var response = await _client.GetAsync(url);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        }

        // and the pages need none: no inline script, no inline style, no event handler attributes
        var html = await Html($"/stories/{app.Store.SampleStory}");
        Assert.DoesNotMatch("<script>|<script [^>]*>[^<]", html);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(" on[a-z]+=\"", html);
    }

    [Fact]
    public async Task Assets_are_served_by_name_and_nothing_else_is()
    {
        using var css = await _client.GetAsync("/assets/app.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(css.Headers.ETag);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/assets/app.css");
        conditional.Headers.IfNoneMatch.Add(css.Headers.ETag!);
        using var notModified = await _client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/assets/story.js")).StatusCode);
        foreach (var url in new[]
        {
            "/assets/..%2fParallax.Web.dll", "/assets/..%2F..%2Fappsettings.json", "/assets/%2e%2e%2fProgram.cs", "/assets/../../etc/passwd",
            "/assets/..%5c..%5cParallax.Web.dll", "/assets/%2fetc%2fpasswd", "/Parallax.Web.dll", "/parallax.db", "/appsettings.json",
            "/stories/..%2f..%2fetc%2fpasswd", "/entities/..%2f..%2f..%2fetc%2fpasswd",
        })
        {
            using var response = await _client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("root:x:0:0", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Unknown_pages_are_404_pages_and_unknown_api_paths_404_problems()
    {
        Assert.Contains("There is no story 424242.", await Html("/stories/424242", HttpStatusCode.NotFound), StringComparison.Ordinal);
        Assert.Contains("Not found", await Html("/nowhere", HttpStatusCode.NotFound), StringComparison.Ordinal);
        Assert.Contains("There is no article 99999.", await Html("/articles/99999", HttpStatusCode.NotFound), StringComparison.Ordinal);
        using var api = await _client.GetAsync("/api/nowhere");
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_upload_form_posts_files_and_shows_what_happened()
    {
        // a sample again: a duplicate, so the shared store does not change
        var sample = Directory.GetFiles(Parallax.Testing.RepoPaths.TillersonSample, "*.txt").Order(StringComparer.Ordinal).First();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(File.ReadAllBytes(sample));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "files", "again.txt");
        form.Add(new StringContent(string.Empty), "text");
        using var response = await _client.PostAsync("/upload", form);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("What happened", html, StringComparison.Ordinal);
        Assert.Contains("duplicate", html, StringComparison.Ordinal);
        Assert.Contains("/stories/" + app.Store.SampleStory, html, StringComparison.Ordinal);

        using var empty = new MultipartFormDataContent { { new StringContent(string.Empty), "text" } };
        using var nothing = await _client.PostAsync("/upload", empty);
        Assert.Equal(HttpStatusCode.BadRequest, nothing.StatusCode);
        Assert.Contains("role=\"alert\"", await nothing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
