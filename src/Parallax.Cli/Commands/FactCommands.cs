using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Parallax.Core;
using Parallax.Nlp;
using Parallax.Nlp.Dates;
using Parallax.Nlp.Facts;
using Parallax.Nlp.Numbers;

namespace Parallax.Cli.Commands;

/// <summary><c>parallax eval times</c> and <c>parallax eval quantities</c>: the fact grammars against gold files of real sentences.</summary>
public static class FactCommands
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static IEnumerable<Command> Eval() => [EvalTimes(), EvalQuantities(), EvalRoles()];

    private static Command EvalTimes()
    {
        var data = new Option<string>("--data") { Description = "Gold file (JSON lines), e.g. tests/fixtures/facts/times.gold.jsonl.", Required = true };
        var json = GlobalOptions.Json();
        var command = new Command("times", "Score time expressions (detection and resolution against the publication date) on a gold file.");
        command.Options.Add(data);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var pipeline = NlpPipeline.CreateDefault([new TimeComponent()]);
            var result = FactEvaluation.Times(parse.GetValue(data)!, pipeline);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    result.Sentences,
                    Detection = Figures(result.Detection),
                    result.ResolutionAccuracy,
                    Strict = Figures(result.Strict),
                    Errors = result.Errors.Count,
                }, JsonOptions));
                return CliApp.Ok;
            }

            Console.WriteLine($"sentences {result.Sentences}");
            Console.WriteLine(Line("detection", result.Detection));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"resolution accuracy {result.ResolutionAccuracy:F3} (of phrases found)"));
            Console.WriteLine(Line("strict (found and resolved)", result.Strict));
            PrintErrors(result.Errors);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command EvalQuantities()
    {
        var data = new Option<string>("--data") { Description = "Gold file (JSON lines), e.g. tests/fixtures/facts/quantities.gold.jsonl.", Required = true };
        var json = GlobalOptions.Json();
        var command = new Command("quantities", "Score numbers and money (detection, value, unit, currency, linked amounts) on a gold file.");
        command.Options.Add(data);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var pipeline = NlpPipeline.CreateDefault([new QuantityComponent()]);
            var result = FactEvaluation.Quantities(parse.GetValue(data)!, pipeline);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    result.Sentences,
                    Detection = Figures(result.Detection),
                    result.ValueAccuracy,
                    result.UnitAccuracy,
                    result.GroupAccuracy,
                    Strict = Figures(result.Strict),
                    Errors = result.Errors.Count,
                }, JsonOptions));
                return CliApp.Ok;
            }

            Console.WriteLine($"sentences {result.Sentences}");
            Console.WriteLine(Line("detection", result.Detection));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"value accuracy {result.ValueAccuracy:F3}, unit accuracy {result.UnitAccuracy:F3}, linked amounts {result.GroupAccuracy:F3} (of quantities found)"));
            Console.WriteLine(Line("strict (found, value, unit)", result.Strict));
            PrintErrors(result.Errors);
            return CliApp.Ok;
        });
        return command;
    }

    private static Command EvalRoles()
    {
        var data = new Option<string>("--data") { Description = "Gold file (JSON lines with entities), e.g. tests/fixtures/facts/roles.test.gold.jsonl.", Required = true };
        var json = GlobalOptions.Json();
        var command = new Command("roles", "Score roles and titles bound to people on a gold file that gives the entity mentions.");
        command.Options.Add(data);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var result = FactEvaluation.Roles(parse.GetValue(data)!, NlpPipeline.CreateDefault(), new Parallax.Nlp.Roles.RoleComponent());
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { result.Sentences, Roles = Figures(result.Roles), result.QualifierAccuracy, Errors = result.Errors.Count }, JsonOptions));
                return CliApp.Ok;
            }

            Console.WriteLine($"sentences {result.Sentences}");
            Console.WriteLine(Line("roles (person, role)", result.Roles));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"qualifier accuracy {result.QualifierAccuracy:F3} (of roles found with an annotated qualifier)"));
            PrintErrors(result.Errors);
            return CliApp.Ok;
        });
        return command;
    }

    private static object Figures(Prf p) => new { p.Precision, p.Recall, p.F1, p.Correct, p.Predicted, p.Gold };

    private static string Line(string name, Prf p) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}: precision {p.Precision:F3} recall {p.Recall:F3} F1 {p.F1:F3} ({p.Correct} right, {p.Predicted} predicted, {p.Gold} gold)");

    private static void PrintErrors(IReadOnlyList<FactError> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"{errors.Count} differences:");
        foreach (var e in errors)
        {
            Console.WriteLine($"  '{e.Phrase}': expected {e.Expected}, got {e.Got}  [{e.Source}]");
        }
    }
}
