using System.CommandLine;
using Parallax.Cli.Commands;
using Parallax.Core;

namespace Parallax.Cli;

/// <summary>Builds the <c>parallax</c> command tree. Each command lives in Commands/ and holds no logic of its own.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int UsageError = 2;

    public static RootCommand Build()
    {
        var root = new RootCommand("Parallax: groups news reports of one event into stories and shows what the outlets agree on, add, and dispute.");
        root.Options.Add(GlobalOptions.Db);

        // store and inspect
        foreach (var command in StoreCommands.Create().Concat(StoryCommands.Create()).Concat(EntityCommands.Create()).Concat(AnnotateCommand.Create()).Concat(ServeCommand.Create()))
        {
            root.Subcommands.Add(command);
        }

        // train and evaluate models and heuristics
        var train = new Command("train", "Train a model from a data set and write it to a file.");
        foreach (var command in TrainCommands.Create())
        {
            train.Subcommands.Add(command);
        }

        root.Subcommands.Add(train);

        var eval = new Command("eval", "Measure a model or heuristic on a named data set.");
        foreach (var command in EvalCommands.Create())
        {
            eval.Subcommands.Add(command);
        }

        root.Subcommands.Add(eval);
        return root;
    }

    public static int Run(string[] args)
    {
        var root = Build();
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !IsHelpRequest(args))
        {
            foreach (var error in parse.Errors)
            {
                Console.Error.WriteLine($"parallax: {error.Message}");
            }

            Console.Error.WriteLine("Run 'parallax --help' for usage.");
            return UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            Console.Error.WriteLine($"parallax: {ex.Message}");
            return UsageError;
        }
        catch (ParallaxException ex)
        {
            Console.Error.WriteLine($"parallax: error {ex.Code}: {ex.Message}");
            return SomeFailed;
        }
    }

    private static bool IsHelpRequest(string[] args) =>
        args.Any(a => a is "-h" or "--help" or "-?" or "--version");
}

/// <summary>A command was used wrongly: exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
