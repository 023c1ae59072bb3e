using System.CommandLine;

namespace Parallax.Cli;

public static class GlobalOptions
{
    public const string DbEnvironmentVariable = "PARALLAX_DB";

    public static readonly Option<string?> Db = new("--db")
    {
        Description = $"The store file (default: ${DbEnvironmentVariable}, else ./parallax.db).",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON document on stdout and nothing else there." };

    public static string ResolveDb(ParseResult parse)
    {
        var fromOption = parse.GetValue(Db);
        if (!string.IsNullOrWhiteSpace(fromOption))
        {
            return fromOption;
        }

        var fromEnv = Environment.GetEnvironmentVariable(DbEnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnv) ? Path.Combine(Environment.CurrentDirectory, "parallax.db") : fromEnv;
    }
}
