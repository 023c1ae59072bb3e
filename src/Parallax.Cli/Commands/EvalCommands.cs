using System.CommandLine;

namespace Parallax.Cli.Commands;

/// <summary>The <c>parallax eval</c> subcommands. Each model or heuristic adds its own line here.</summary>
public static class EvalCommands
{
    public static IEnumerable<Command> Create() =>
    [
        ExtractEvalCommand.Create(),
        ClusterEvalCommand.Create(),
        .. NerCommands.Eval(),
        QuotesEvalCommand.Create(),
        .. ParaphraseCommands.Eval(),
        .. FactCommands.Eval(),
    ];
}
