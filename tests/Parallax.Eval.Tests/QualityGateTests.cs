using System.Globalization;
using System.Text.Json;
using Parallax.Testing;

namespace Parallax.Eval.Tests;

/// <summary>
/// Runs each gate of tests/eval/floors.json through the real CLI and checks its figures against the pinned floors.
/// </summary>
public class QualityGateTests
{
    public static TheoryData<string> Gates()
    {
        var data = new TheoryData<string>();
        foreach (var gate in LoadGates())
        {
            data.Add(gate.GetProperty("name").GetString()!);
        }

        if (data.Count == 0)
        {
            data.Add("(none)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Gates))]
    public void Figures_are_at_or_above_their_floors(string name)
    {
        if (name == "(none)")
        {
            return;
        }

        var gate = LoadGates().Single(g => g.GetProperty("name").GetString() == name);
        var args = gate.GetProperty("args").EnumerateArray()
            .Select(a => a.GetString()!.Replace("{data}", RepoPaths.Data, StringComparison.Ordinal).Replace("{repo}", RepoPaths.Root, StringComparison.Ordinal))
            .ToList();
        var result = CliRunner.Run(args, workingDirectory: RepoPaths.Root, timeout: TimeSpan.FromMinutes(30));
        Assert.True(result.ExitCode == 0, $"parallax {string.Join(' ', args)} exited {result.ExitCode}:\n{result.Stderr}");
        using var json = JsonDocument.Parse(result.Stdout);
        var failures = new List<string>();
        foreach (var floor in gate.GetProperty("floors").EnumerateObject())
        {
            var value = Resolve(json.RootElement, floor.Name);
            var min = floor.Value.GetDouble();
            if (value < min)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{floor.Name} = {value:F4} < floor {min:F4}"));
            }
        }

        Assert.True(failures.Count == 0, $"{name}: " + string.Join("; ", failures) + "\n" + result.Stdout);
    }

    private static double Resolve(JsonElement root, string dottedPath)
    {
        var e = root;
        foreach (var part in dottedPath.Split('.'))
        {
            e = e.GetProperty(part);
        }

        return e.GetDouble();
    }

    private static List<JsonElement> LoadGates()
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "eval", "floors.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("gates").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
