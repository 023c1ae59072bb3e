using Parallax.Stories.Alignment;

namespace Parallax.Stories.Tests;

public class AlignmentBoostingTests
{
    [Fact]
    public void Boosted_trees_learn_an_interaction_a_linear_model_cannot()
    {
        // label = (x > 0.5) xor (y > 0.5), with a noise feature
        var random = new Random(3);
        var rows = new float[2000][];
        var labels = new bool[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = [random.NextSingle(), random.NextSingle(), random.NextSingle()];
            labels[i] = (rows[i][0] > 0.5f) ^ (rows[i][1] > 0.5f);
        }

        var trees = GradientBoostedTrees.Train(rows, labels, new BoostingOptions { Trees = 100, LearningRate = 0.2f, MaxDepth = 3 });
        Assert.True(trees.Probability([0.9f, 0.1f, 0.5f]) > 0.8f);
        Assert.True(trees.Probability([0.9f, 0.9f, 0.5f]) < 0.2f);
        Assert.True(trees.Probability([0.1f, 0.1f, 0.5f]) < 0.2f);

        Span<float> contributions = stackalloc float[3];
        contributions.Clear();
        float raw = trees.Explain([0.9f, 0.1f, 0.5f], contributions);
        Assert.Equal(trees.Raw([0.9f, 0.1f, 0.5f]), raw, 4);
        Assert.True(Math.Abs(contributions[2]) < Math.Abs(contributions[0]));
    }
}
