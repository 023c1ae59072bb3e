using Parallax.Core;
using Parallax.Nlp.Quotes;

namespace Parallax.Nlp.Tests;

/// <summary>The committed attribution model (models/quotes/attribution.model, embedded) and its file format.</summary>
public sealed class AttributionModelTests
{
    [Fact]
    public void Built_in_model_is_embedded_with_its_training_command()
    {
        var model = AttributionModel.Default;
        Assert.NotNull(model);
        Assert.True(model.FeatureCount > 10_000);
        Assert.StartsWith("parallax train quotes", model.Metadata, StringComparison.Ordinal);
    }

    [Fact]
    public void Saved_model_keeps_its_weights_and_cue_bias()
    {
        var model = AttributionModel.Default!.WithCueBias(7.5f);
        var path = Path.Combine(Path.GetTempPath(), $"parallax-attribution-{Guid.NewGuid():N}.model");
        try
        {
            model.Save(path, System.IO.Compression.CompressionLevel.Fastest);
            var loaded = AttributionModel.Load(path);
            Assert.Equal(7.5f, loaded.CueBias);
            Assert.Equal(model.FeatureCount, loaded.FeatureCount);
            Assert.Equal(model.Metadata, loaded.Metadata);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_a_model_format_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parallax-attribution-{Guid.NewGuid():N}.model");
        try
        {
            File.WriteAllText(path, "\"Not a model,\" she said.");
            var ex = Assert.Throws<ParallaxException>(() => AttributionModel.Load(path));
            Assert.Equal(ErrorCodes.ModelFormat, ex.Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_model_file_says_so()
    {
        var ex = Assert.Throws<ParallaxException>(() => AttributionModel.Load(Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.model")));
        Assert.Equal(ErrorCodes.ModelMissing, ex.Code);
    }
}
