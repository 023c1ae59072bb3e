using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Parallax.Web.Hosting;

/// <summary>
/// The pages' CSS and JavaScript, embedded in the assembly and served by name from that fixed set: no request path
/// ever reaches the file system, so there is nothing to traverse.
/// </summary>
public sealed class StaticAssets
{
    private const string Prefix = "assets/";
    private readonly Dictionary<string, Asset> _assets;

    private StaticAssets(Dictionary<string, Asset> assets) => _assets = assets;

    public sealed record Asset(byte[] Content, string ContentType, EntityTagHeaderValue ETag);

    public IEnumerable<string> Names => _assets.Keys;

    public static StaticAssets Load()
    {
        var assembly = typeof(StaticAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var name = resource[Prefix.Length..];
            var etag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..16] + "\"");
            assets[name] = new Asset(content, ContentTypeOf(name), etag);
        }

        return new StaticAssets(assets);
    }

    public bool TryGet(string name, out Asset asset) => _assets.TryGetValue(name, out asset!);

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".ico" => "image/x-icon",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };

    internal static Results<FileContentHttpResult, NotFound> Serve(string name, StaticAssets assets, HttpContext context)
    {
        if (!assets.TryGet(name, out var asset))
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Bytes(asset.Content, asset.ContentType, entityTag: asset.ETag);
    }
}
