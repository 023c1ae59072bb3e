using System.IO.Compression;
using System.Text;
using Parallax.Core;
using Parallax.Testing;

namespace Parallax.Ingestion.Tests;

/// <summary>Helpers to read inputs in tests.</summary>
internal static class TestInputs
{
    public static readonly ReadOptions Options = new();

    public static string Sample000 => Path.Combine(RepoPaths.TillersonSample, "000_8bd32afc6ad81d3d.txt");

    public static string Sample003 => Path.Combine(RepoPaths.TillersonSample, "003_b954ae2e1036d3dd.txt");

    public static List<ReadOutcome> Read(string path, ReadOptions? options = null) => [.. InputReader.Read([path], options ?? Options)];

    public static List<ReadOutcome> ReadBytes(byte[] bytes, string name, ReadOptions? options = null) => [.. InputReader.ReadBytes(bytes, name, options ?? Options)];

    public static List<ReadOutcome> ReadText(string text, string name, ReadOptions? options = null) => ReadBytes(Encoding.UTF8.GetBytes(text), name, options);

    public static ArticleDraft Single(List<ReadOutcome> outcomes)
    {
        var failures = outcomes.OfType<ReadFailure>().ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        return Assert.Single(outcomes.OfType<ArticleRead>()).Draft;
    }

    public static ReadFailure Failure(List<ReadOutcome> outcomes) => Assert.Single(outcomes.OfType<ReadFailure>());

    public static byte[] Gzip(byte[] data)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Fastest, leaveOpen: true))
        {
            gz.Write(data);
        }

        return ms.ToArray();
    }

    /// <summary>A page of the shared article-extraction set, decompressed, and its true body.</summary>
    public static (byte[] Html, string Truth, string Url) ExtractionPage(string idPrefix)
    {
        var dir = RepoPaths.DataFile("article-extraction");
        using var truth = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "ground-truth.json")));
        var entry = truth.RootElement.EnumerateObject().Single(e => e.Name.StartsWith(idPrefix, StringComparison.Ordinal));
        using var file = File.OpenRead(Path.Combine(dir, "html", entry.Name + ".html.gz"));
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var ms = new MemoryStream();
        gz.CopyTo(ms);
        return (ms.ToArray(), entry.Value.GetProperty("articleBody").GetString()!, entry.Value.GetProperty("url").GetString()!);
    }

    public static IEnumerable<string> ExcludedTexts(ArticleDraft draft, ExclusionKind kind) =>
        draft.Cleaning!.Excluded.Where(e => e.Kind == kind).Select(e => e.Range.Of(draft.Text).Trim());
}
