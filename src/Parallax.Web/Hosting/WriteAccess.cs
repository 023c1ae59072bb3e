using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Parallax.Web.Hosting;

/// <summary>
/// Who may write: when an API key is set, only requests carrying it (X-Api-Key, Authorization: Bearer, or the upload
/// form's field); and never a request a browser sends from another site (Origin or Sec-Fetch-Site says so), so a web
/// page cannot make a visitor's browser write to a Parallax on their machine.
/// </summary>
public static class WriteAccess
{
    public const string HeaderName = "X-Api-Key";
    public const string FormField = "api_key";

    public static ProblemHttpResult? Check(HttpContext context, ParallaxWebOptions options, string? formKey = null)
    {
        if (!SameSite(context.Request))
        {
            return Problems.Of(StatusCodes.Status403Forbidden, WebErrorCodes.CrossSite, "Cross-site write refused", "Writes are accepted only from this site's own pages or from clients that are not browsers.");
        }

        if (string.IsNullOrEmpty(options.ApiKey))
        {
            return null;
        }

        var request = context.Request;
        var given = request.Headers[HeaderName].ToString();
        if (given.Length == 0 && request.Headers.Authorization.ToString() is { } auth && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            given = auth["Bearer ".Length..].Trim();
        }

        if (given.Length == 0)
        {
            given = formKey ?? string.Empty;
        }

        if (given.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(options.ApiKey)))
        {
            return null;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Of(
            StatusCodes.Status401Unauthorized,
            WebErrorCodes.Unauthorized,
            "API key required",
            given.Length == 0 ? $"This server needs an API key for writes: send it in the {HeaderName} header." : "The API key is wrong.");
    }

    /// <summary>
    /// True unless a browser says the request comes from another site. Browsers send Sec-Fetch-Site ("same-origin" for
    /// this site's own pages, "none" when the user typed the address); without it, an Origin header must name this host.
    /// Clients that are not browsers send neither.
    /// </summary>
    private static bool SameSite(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || SameOrigin(origin, request);
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var o) &&
        string.Equals(o.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase) &&
        string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);

    /// <summary>An endpoint filter that runs <see cref="Check"/> before the handler.</summary>
    public static TBuilder RequireWriteAccess<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var options = context.HttpContext.RequestServices.GetRequiredService<ParallaxWebOptions>();
            return Check(context.HttpContext, options) is { } refused ? refused : await next(context);
        });
}

/// <summary>One writer at a time: ingest and analysis from concurrent requests would place the same articles twice.</summary>
public sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return work();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
