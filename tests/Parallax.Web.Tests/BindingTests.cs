using Parallax.Core;
using Parallax.Testing;
using Parallax.Web.Hosting;

namespace Parallax.Web.Tests;

public class BindingTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.3.4.5:80", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://192.168.1.10:5080", false)]
    [InlineData("http://example.org:80", false)]
    public void Only_loopback_addresses_count_as_loopback(string url, bool loopback) => Assert.Equal(loopback, Binding.IsLoopback(url));

    [Fact]
    public void Listening_beyond_loopback_without_a_key_is_refused()
    {
        var ex = Assert.Throws<ParallaxException>(() => Binding.EnsureSafe(["http://127.0.0.1:5080", "http://0.0.0.0:8080"], null));
        Assert.Equal(WebErrorCodes.ApiKeyRequired, ex.Code);
        Assert.Contains("http://0.0.0.0:8080", ex.Message, StringComparison.Ordinal);
        Binding.EnsureSafe(["http://0.0.0.0:8080"], "key");
        Binding.EnsureSafe(["http://127.0.0.1:5080"], null);
    }

    [Fact]
    public void Serve_refuses_to_start_on_an_open_address_without_a_key()
    {
        using var dir = RepoPaths.TempDir();
        var result = CliRunner.Run(["serve", "--db", dir.File("p.db"), "--urls", "http://0.0.0.0:0"], dir.Path, new Dictionary<string, string> { ["PARALLAX_API_KEY"] = string.Empty }, timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(2, result.ExitCode); // a usage error
        Assert.Contains("PX5001", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--api-key", result.Stderr, StringComparison.Ordinal);
    }
}
