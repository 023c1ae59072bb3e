using System.CommandLine;
using Parallax.Core;
using Parallax.Web.Hosting;

namespace Parallax.Cli.Commands;

/// <summary>serve: the web app and its API over the store.</summary>
public static class ServeCommand
{
    public static IEnumerable<Command> Create() => [Serve()];

    private static Command Serve()
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen, ';'-separated (default {ParallaxWebOptions.DefaultUrl}). Any address other than loopback needs an API key.",
            DefaultValueFactory = _ => ParallaxWebOptions.DefaultUrl,
        };
        var apiKey = new Option<string?>("--api-key")
        {
            Description = $"The key write requests must carry (X-Api-Key header); default ${ParallaxWebOptions.ApiKeyEnvironmentVariable}. Required on non-loopback addresses.",
        };
        var command = new Command("serve", "Serve the web app and the REST API (browse stories, compare outlets, upload articles).") { urls, apiKey };
        command.SetAction(parse =>
        {
            var key = parse.GetValue(apiKey);
            if (string.IsNullOrWhiteSpace(key))
            {
                key = Environment.GetEnvironmentVariable(ParallaxWebOptions.ApiKeyEnvironmentVariable);
            }

            key = string.IsNullOrWhiteSpace(key) ? null : key; // a blank key is no key, here and in the host

            var addresses = Binding.Split(parse.GetValue(urls));
            try
            {
                Binding.EnsureSafe(addresses, key);
            }
            catch (ParallaxException ex) when (ex.Code == WebErrorCodes.ApiKeyRequired)
            {
                // a public address without an API key is a usage error (exit 2), not a failed input
                throw new UsageException($"error {ex.Code}: {ex.Message}");
            }

            using var app = ParallaxWebHost.Create(GlobalOptions.ResolveDb(parse), addresses, key);
            try
            {
                app.Run();
            }
            catch (IOException ex)
            {
                // the address is taken or cannot be bound: say so, without a stack trace
                Output.Message($"parallax: cannot listen on {string.Join(", ", addresses)}: {ex.Message}");
                return CliApp.SomeFailed;
            }

            return CliApp.Ok;
        });
        return command;
    }
}
