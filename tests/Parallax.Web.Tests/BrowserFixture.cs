using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;
using Parallax.Testing;

namespace Parallax.Web.Tests;

/// <summary>
/// The real server (`parallax serve` on a free loopback port, over the samples' store) and Debian's headless
/// Chromium driven by Playwright. Never downloads a browser: when /usr/bin/chromium is missing every browser test
/// fails with what to install (test.sh installs it).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly StringBuilder _serverErrors = new();
    private Process? _server;
    private IPlaywright? _playwright;
    private IBrowserContext? _context;

    public SampleStore Store { get; private set; } = null!;

    public string BaseUrl { get; private set; } = string.Empty;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: under the test output folder.</summary>
    public static string ScreenshotDir { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync(); // never leave a server or a browser behind a failed start
            throw;
        }
    }

    private async Task StartAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's chromium at {ChromiumPath}; install it with `apt-get install -y chromium` (test.sh does). Playwright's own browsers are never downloaded.");
        }

        Store = new SampleStore();
        _server = CliRunner.Start(["serve", "--db", Store.Db, "--urls", "http://127.0.0.1:0"], Store.Dir.Path, new Dictionary<string, string> { ["PARALLAX_API_KEY"] = string.Empty });
        _server.ErrorDataReceived += (_, e) =>
        {
            lock (_serverErrors)
            {
                _serverErrors.AppendLine(e.Data);
            }
        };
        _server.BeginErrorReadLine();

        // the browser starts while the server loads its models
        var browser = LaunchBrowserAsync();
        try
        {
            BaseUrl = await WaitForAddress(_server, TimeSpan.FromSeconds(90));
        }
        finally
        {
            Browser = await browser;
        }

        _ = _server.StandardOutput.ReadToEndAsync(); // keep draining so the server never blocks on a full pipe
    }

    private async Task<IBrowser> LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private async Task<string> WaitForAddress(Process server, TimeSpan timeout)
    {
        const string marker = "Parallax is listening on ";
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            string? line;
            try
            {
                line = await server.StandardOutput.ReadLineAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"parallax serve did not say where it listens within {timeout.TotalSeconds} s. Its errors: {Errors()}");
            }

            if (line is null)
            {
                await server.WaitForExitAsync(CancellationToken.None);
                throw new InvalidOperationException($"parallax serve exited with {server.ExitCode} before listening. Its errors: {Errors()}");
            }

            int at = line.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var rest = line[(at + marker.Length)..];
                return rest[..rest.IndexOf(' ', StringComparison.Ordinal)];
            }
        }
    }

    public string Errors()
    {
        lock (_serverErrors)
        {
            return _serverErrors.ToString();
        }
    }

    /// <summary>A fresh page in a fresh context; the previous test's context is closed (the tests of the collection run one at a time).</summary>
    public async Task<IPage> NewPage(int width = 1400, int height = 1000)
    {
        if (_context is { } previous)
        {
            _context = null;
            await previous.CloseAsync();
        }

        _context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = BaseUrl });
        return await _context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        // safe to call twice (after a failed start, and again by xunit)
        if (Browser is { } browser)
        {
            Browser = null!;
            await browser.CloseAsync();
        }

        _playwright?.Dispose();
        _playwright = null;
        if (_server is { } server)
        {
            _server = null;
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                await server.WaitForExitAsync();
            }

            server.Dispose();
        }

        Store?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
