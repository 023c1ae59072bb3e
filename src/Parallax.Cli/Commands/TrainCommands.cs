using System.CommandLine;

namespace Parallax.Cli.Commands;

/// <summary>The <c>parallax train</c> subcommands. Each model area adds its own line here.</summary>
public static class TrainCommands
{
    public static IEnumerable<Command> Create() =>
    [
        BackgroundDfCommand.Create(),
        .. NerCommands.Train(),
        QuotesTrainCommand.Create(),
        .. ParaphraseCommands.Train(),
    ];
}
