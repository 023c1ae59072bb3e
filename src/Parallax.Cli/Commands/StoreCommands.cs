using System.CommandLine;

namespace Parallax.Cli.Commands;

/// <summary>ingest, articles, show, search.</summary>
public static class StoreCommands
{
    public static IEnumerable<Command> Create() => [];
}
