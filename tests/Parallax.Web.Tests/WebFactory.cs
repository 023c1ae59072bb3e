using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Parallax.Web.Tests;

/// <summary>The web app in memory (WebApplicationFactory) over a real SQLite file, with extra settings if given.</summary>
public sealed class WebFactory(string db, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production"); // as users run it: no developer pages, whatever happens
        builder.UseSetting("Parallax:Db", db);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}

/// <summary>The samples' store and an app over it, shared by the read-only API and page tests.</summary>
public sealed class ReadOnlyApp : IDisposable
{
    public ReadOnlyApp() => Factory = new WebFactory(Store.Db);

    public SampleStore Store { get; } = new();

    public WebFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Store.Dispose();
    }
}
