using System.Text.Json;
using Parallax.Testing;

namespace Parallax.Cli.Tests;

public class NerCommandTests
{
    private const string Sample = """
        -DOCSTART- O

        EU S-ORG
        rejects O
        German S-MISC
        call O
        to O
        boycott O
        British S-MISC
        lamb O
        . O

        Peter B-PER
        Blackburn E-PER

        """;

    [Fact]
    public void Eval_ner_prints_conll_scores_as_json()
    {
        using var dir = RepoPaths.TempDir();
        var data = dir.File("tiny.iobes");
        File.WriteAllText(data, Sample);
        var result = CliRunner.Run(["eval", "ner", "--data", data, "--json"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("entities").GetInt32());
        foreach (var key in new[] { "precision", "recall", "f1" })
        {
            Assert.InRange(root.GetProperty(key).GetDouble(), 0, 1);
        }

        foreach (var type in new[] { "PER", "ORG", "LOC", "MISC" })
        {
            Assert.True(root.GetProperty("by_type").GetProperty(type).TryGetProperty("f1", out _));
        }
    }

    [Fact]
    public void Eval_ner_on_a_missing_file_is_an_error_with_a_code()
    {
        var result = CliRunner.Run(["eval", "ner", "--data", "/nonexistent/eng.testa"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("PX2001", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_ner_writes_a_model_that_eval_reads()
    {
        using var dir = RepoPaths.TempDir();
        var data = dir.File("tiny.iobes");
        File.WriteAllText(data, Sample);
        var model = dir.File("tiny.model");
        var train = CliRunner.Run(["train", "ner", "--train", data, "--out", model, "--epochs", "2"]);
        Assert.True(train.ExitCode == 0, train.Stderr);
        var eval = CliRunner.Run(["eval", "ner", "--data", data, "--model", model, "--json"]);
        Assert.True(eval.ExitCode == 0, eval.Stderr);
        using var json = JsonDocument.Parse(eval.Stdout);
        Assert.True(json.RootElement.GetProperty("f1").GetDouble() > 0.5);
    }
}
