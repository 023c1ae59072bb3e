using System.Net;
using Parallax.Ingestion;

namespace Parallax.Web.Hosting;

/// <summary>
/// How the web app runs: the store, where it listens, the API key for writes and the size limits. Read from the
/// "Parallax" configuration section (Parallax:Db, Parallax:ApiKey, ...), falling back to $PARALLAX_DB and
/// $PARALLAX_API_KEY; the addresses come from the host's "urls" setting.
/// </summary>
public sealed record ParallaxWebOptions
{
    public const string Section = "Parallax";
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string DbEnvironmentVariable = "PARALLAX_DB";
    public const string ApiKeyEnvironmentVariable = "PARALLAX_API_KEY";

    /// <summary>The store file.</summary>
    public string Db { get; init; } = "parallax.db";

    /// <summary>When set, every write endpoint needs it (X-Api-Key header or Authorization: Bearer).</summary>
    public string? ApiKey { get; init; }

    /// <summary>The largest request body accepted (an upload of several files), in bytes.</summary>
    public long MaxRequestBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>The largest single input accepted, in bytes (as <c>parallax ingest --max-bytes</c>).</summary>
    public long MaxInputBytes { get; init; } = ReadOptions.DefaultMaxBytes;

    /// <summary>The most files one upload may carry.</summary>
    public int MaxFiles { get; init; } = 100;

    public static ParallaxWebOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var options = section.Get<ParallaxWebOptions>() ?? new ParallaxWebOptions();
        if (string.IsNullOrWhiteSpace(section["Db"]) && Environment.GetEnvironmentVariable(DbEnvironmentVariable) is { Length: > 0 } db)
        {
            options = options with { Db = db };
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            var fromEnv = Environment.GetEnvironmentVariable(ApiKeyEnvironmentVariable);
            options = options with { ApiKey = string.IsNullOrWhiteSpace(fromEnv) ? null : fromEnv };
        }

        return options with { Db = Path.GetFullPath(options.Db) };
    }
}

/// <summary>Which listening addresses are loopback-only: anything else needs an API key for writes.</summary>
public static class Binding
{
    /// <summary>The addresses in a "urls" setting (separated by ';').</summary>
    public static IReadOnlyList<string> Split(string? urls) =>
        string.IsNullOrWhiteSpace(urls) ? [ParallaxWebOptions.DefaultUrl] : urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when the address only accepts connections from this machine (localhost, 127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(string url)
    {
        // Kestrel accepts wildcard hosts ("*", "+") that Uri cannot parse: they mean every interface
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var rest = schemeEnd < 0 ? url : url[(schemeEnd + 3)..];
        var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']', StringComparison.Ordinal) + 1 : rest.IndexOfAny([':', '/']);
        var host = hostEnd <= 0 ? rest : rest[..hostEnd];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>Throws when an address is not loopback and no API key is set: writes would be open to the network.</summary>
    public static void EnsureSafe(IEnumerable<string> urls, string? apiKey)
    {
        var open = urls.Where(u => !IsLoopback(u)).ToList();
        if (open.Count > 0 && string.IsNullOrEmpty(apiKey))
        {
            throw new Core.ParallaxException(
                WebErrorCodes.ApiKeyRequired,
                $"Refusing to listen on {string.Join(", ", open)} without an API key: anyone who can reach it could write to the store. " +
                $"Pass --api-key KEY or set {ParallaxWebOptions.ApiKeyEnvironmentVariable}, or listen on a loopback address such as {ParallaxWebOptions.DefaultUrl}.");
        }
    }
}
