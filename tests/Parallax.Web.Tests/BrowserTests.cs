using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Parallax.Testing;
using static Microsoft.Playwright.Assertions;

namespace Parallax.Web.Tests;

/// <summary>The pages in headless Chromium against the real server: the claim highlighting, keyboard use, phone width, escaping, accessibility.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public partial class BrowserTests(BrowserFixture fx)
{
    private string StoryUrl => $"/stories/{fx.Store.SampleStory}";

    /// <summary>A screenshot to look at: the viewport as PNG, or the whole page as JPEG (a story is ten thousand pixels tall).</summary>
    private static Task Shot(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(fullPage
            ? new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".jpg"), FullPage = true, Type = ScreenshotType.Jpeg, Quality = 80 }
            : new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotDir, name + ".png") });

    [GeneratedRegex(@"\bis-selected\b")]
    private static partial Regex Selected();

    [Fact]
    public async Task Clicking_a_shared_claim_highlights_it_in_both_outlets()
    {
        var page = await fx.NewPage();
        var cspErrors = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal)) { cspErrors.Add(m.Text); } };
        await page.GotoAsync(StoryUrl);

        var columns = page.Locator(".column");
        await Expect(columns).ToHaveCountAsync(2);
        var shared = columns.Nth(0).Locator("mark.claim.s-consensus").First;
        var fact = await shared.GetAttributeAsync("data-fact");
        Assert.NotNull(fact);
        await shared.ClickAsync();

        for (int i = 0; i < 2; i++)
        {
            var mark = columns.Nth(i).Locator($"mark.claim[data-fact='{fact}']").First;
            await Expect(mark).ToHaveClassAsync(Selected());
            await Expect(mark).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(mark).ToBeInViewportAsync();
        }

        await Expect(page.Locator($"#claim-{fact}")).ToBeVisibleAsync();
        Assert.Equal(await page.Locator($"mark.claim[data-fact='{fact}']").CountAsync(), await page.Locator("mark.claim.is-selected").CountAsync());
        await Shot(page, "story-claim-selected");
        await Shot(page, "story-full", fullPage: true);

        // another claim replaces the selection; clicking it again clears it
        var single = columns.Nth(1).Locator("mark.claim.s-single").First;
        await single.ClickAsync();
        await Expect(page.Locator($"mark.claim[data-fact='{fact}']").First).Not.ToHaveClassAsync(Selected());
        await single.ClickAsync();
        await Expect(page.Locator("mark.claim.is-selected")).ToHaveCountAsync(0);
        Assert.Empty(cspErrors);
    }

    [Fact]
    public async Task A_claim_is_selected_from_the_keyboard_and_from_the_summary()
    {
        var page = await fx.NewPage();
        await page.GotoAsync(StoryUrl);
        var mark = page.Locator(".column").Nth(1).Locator("mark.claim.s-consensus").First;
        var fact = await mark.GetAttributeAsync("data-fact");
        await mark.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".column").Nth(0).Locator($"mark.claim[data-fact='{fact}']").First).ToHaveClassAsync(Selected());
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("mark.claim.is-selected")).ToHaveCountAsync(0);

        var cite = page.Locator("ol.summary a.cite").First;
        var citedFact = await cite.GetAttributeAsync("data-fact");
        await cite.ClickAsync();
        await Expect(page.Locator($"mark.claim[data-fact='{citedFact}']").First).ToHaveClassAsync(Selected());
        await Expect(page.Locator($"#claim-{citedFact}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task At_phone_width_nothing_runs_off_the_side()
    {
        var page = await fx.NewPage(390, 844);
        foreach (var (url, name) in new[] { (StoryUrl, "phone-story"), ("/", "phone-stories"), ($"/articles/{fx.Store.SampleArticles[0]}", "phone-article"), ("/upload", "phone-upload") })
        {
            await page.GotoAsync(url);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{url} is {overflow}px wider than the phone");
            await Shot(page, name);
        }

        // a phone has no hover: a tap on an annotation says what it is
        await page.GotoAsync($"/articles/{fx.Store.SampleArticles[0]}");
        var annotation = page.Locator(".article-text .a.ent").First;
        var title = await annotation.GetAttributeAsync("title");
        Assert.False(string.IsNullOrEmpty(title));
        await annotation.ClickAsync();
        await Expect(page.Locator("#mark-info")).ToHaveTextAsync(title!);
        await Shot(page, "phone-article-mark-tapped");

        await page.GotoAsync(StoryUrl);
        var shared = page.Locator("mark.claim.s-consensus").First;
        await shared.ClickAsync();
        await Expect(shared).ToHaveClassAsync(Selected());
        await Shot(page, "phone-story-claim-selected");
    }

    [Fact]
    public async Task Script_in_an_article_is_shown_as_text_and_never_runs()
    {
        var page = await fx.NewPage();
        var dialogs = new List<string>();
        page.Dialog += (_, d) => { dialogs.Add(d.Message); _ = d.DismissAsync(); };
        foreach (var url in new[] { $"/stories/{fx.Store.HostileStory}", $"/articles/{fx.Store.HostileArticle}", "/search?q=ferry" })
        {
            await page.GotoAsync(url);
            Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), url + " ran the article's script");
            await Expect(page.Locator("main")).ToContainTextAsync(url.StartsWith("/search", StringComparison.Ordinal) ? "Ferry strike ends <script>" : SampleStore.HostileScript);
        }

        await Shot(page, "hostile-search");
        await page.GotoAsync($"/articles/{fx.Store.HostileArticle}");
        await Expect(page.Locator("h1")).ToHaveTextAsync(SampleStore.HostileTitle);
        await Expect(page.Locator(".article-text")).ToContainTextAsync(SampleStore.HostileImage);
        await Shot(page, "hostile-article", fullPage: true);
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task The_pages_have_no_serious_or_critical_accessibility_violations()
    {
        var page = await fx.NewPage();
        var failures = new List<string>();
        foreach (var (url, name) in new[]
        {
            ("/", "stories"), (StoryUrl, "story"), ($"/articles/{fx.Store.SampleArticles[1]}", "article"), ("/articles", "articles"), ("/entities", "entities"),
            ("/entities/Rex%20Tillerson", "entity"), ("/search?q=Beijing", "search"), ("/upload", "upload"),
        })
        {
            await page.GotoAsync(url);
            if (name != "story")
            {
                await Shot(page, "page-" + name);
            }

            // only the violations come back with every node: the passes of a story page are thousands of nodes
            var results = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
            failures.AddRange(results.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{url}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Articles_are_uploaded_through_the_form()
    {
        var page = await fx.NewPage();
        await page.GotoAsync("/upload");
        var sample = Directory.GetFiles(RepoPaths.TillersonSample, "*.txt").Order(StringComparer.Ordinal).Last();
        await page.Locator("#files").SetInputFilesAsync(sample); // already stored: a duplicate, so the shared store stays as it is
        await page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await Expect(page.Locator("#result-h")).ToBeVisibleAsync();
        await Expect(page.Locator(".result tbody tr").First).ToContainTextAsync("duplicate");
        await Shot(page, "upload-result");
    }
}
