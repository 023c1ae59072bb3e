using System.Text.Json;
using Parallax.Stories.Briefs;

namespace Parallax.Cli;

/// <summary>Where output goes: results on stdout, messages on stderr; --json prints one JSON document on stdout and nothing else there.</summary>
public static class Output
{
    public static void Json<T>(T value)
    {
        Console.Out.Write(JsonSerializer.Serialize(value, BriefJson.Options));
        Console.Out.Write('\n');
        Console.Out.Flush();
    }

    public static void Line(string text) => Console.Out.WriteLine(text);

    public static void Message(string text) => Console.Error.WriteLine(text);

    /// <summary>True when stderr is a terminal that can show a progress bar.</summary>
    public static bool Interactive =>
        !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb") &&
        Environment.GetEnvironmentVariable("CI") is null;

    public static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
