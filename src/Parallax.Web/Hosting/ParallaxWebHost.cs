using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Parallax.Engine;
using Parallax.Web.Api;
using Parallax.Web.Pages;

namespace Parallax.Web.Hosting;

/// <summary>The wiring of the web host: services, middleware and endpoints. Program.cs and <c>parallax serve</c> both use it.</summary>
public static class ParallaxWebHost
{
    /// <summary>Builds the app for <c>parallax serve</c>: settings given in code rather than on a command line.</summary>
    public static WebApplication Create(string db, IReadOnlyList<string> urls, string? apiKey)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        var settings = new Dictionary<string, string?>
        {
            [$"{ParallaxWebOptions.Section}:Db"] = db,
            ["urls"] = string.Join(';', urls),
        };
        if (!string.IsNullOrEmpty(apiKey))
        {
            settings[$"{ParallaxWebOptions.Section}:ApiKey"] = apiKey;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddParallaxWeb();
        var app = builder.Build();
        app.UseParallaxWeb();
        return app;
    }

    public static WebApplicationBuilder AddParallaxWeb(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(ParallaxWebOptions.DefaultUrl);
        }

        // read late, so settings a test host adds after Program starts still count
        var services = builder.Services;
        services.AddSingleton(sp => ParallaxWebOptions.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<WriteGate>();
        services.AddSingleton(_ => StaticAssets.Load());
        services.AddScoped(sp => ParallaxEngine.Open(sp.GetRequiredService<ParallaxWebOptions>().Db));

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = ParallaxWebOptions.From(context.Configuration).MaxRequestBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });
        services.AddOptions<FormOptions>().Configure<ParallaxWebOptions>((form, options) =>
        {
            form.MultipartBodyLengthLimit = options.MaxRequestBytes;
            form.ValueLengthLimit = (int)Math.Min(int.MaxValue, options.MaxInputBytes);
            form.ValueCountLimit = 64;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.AddCode);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddResponseCompression(); // plain HTTP only (the default): a big story's page is megabytes of text
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Parallax API";
            document.Info.Description = "Stories grouped from many outlets, their briefs (what the outlets agree on, what each adds, where they conflict), articles with their annotation layers, entities, search, and ingest.";
            return Task.CompletedTask;
        }));
        services.AddRazorComponents();
        services.AddDataProtection().UseEphemeralDataProtectionProvider(); // nothing is protected across restarts: keep no key files
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning); // the host announces its addresses itself
        return builder;
    }

    public static WebApplication UseParallaxWeb(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<ParallaxWebOptions>();
        Binding.EnsureSafe(Binding.Split(app.Configuration["urls"]), options.ApiKey);

        // open the store now (creating it or bringing its schema up to date) and analyse what an earlier run left
        using (var engine = ParallaxEngine.Open(options.Db))
        {
            engine.AnalyzeNew();
        }

        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.MapOpenApi();
        app.MapGet("/assets/{name}", StaticAssets.Serve).ExcludeFromDescription();
        app.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();
        app.MapParallaxApi();
        app.MapParallaxPages();
        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app, options));
        return app;
    }

    private static void AnnounceAddresses(WebApplication app, ParallaxWebOptions options)
    {
        var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.Out.WriteLine($"Parallax is listening on {address} (store: {options.Db}{(options.ApiKey is null ? string.Empty : "; writes need the API key")})");
        }

        Console.Out.Flush();
    }
}
