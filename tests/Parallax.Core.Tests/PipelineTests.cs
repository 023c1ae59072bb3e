using Parallax.Core;

namespace Parallax.Core.Tests;

public class PipelineTests
{
    private sealed class Fake(string id, string[] requires, string[] assigns, Func<Document, Document>? body = null) : IPipelineComponent
    {
        public ComponentInfo Info { get; } = new(id, 1, requires, assigns);

        public Document Process(Document document, CancellationToken cancellationToken) => body?.Invoke(document) ?? document;
    }

    [Fact]
    public void Requirement_met_by_an_earlier_component_is_accepted()
    {
        var pipeline = Pipeline.Create(new Fake("a", [], ["tokens"]), new Fake("b", ["tokens"], ["sentences"]));
        Assert.Equal("a@1 > b@1", pipeline.Signature);
    }

    [Fact]
    public void Requirement_assigned_later_names_both_components()
    {
        var ex = Assert.Throws<ParallaxException>(() =>
            Pipeline.Create(new Fake("b", ["tokens"], ["sentences"]), new Fake("a", [], ["tokens"])));
        Assert.Equal(ErrorCodes.PipelineOrder, ex.Code);
        Assert.Contains("'a' assigns it but comes later", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_components_assigning_one_layer_are_refused()
    {
        var ex = Assert.Throws<ParallaxException>(() => Pipeline.Create(new Fake("a", [], ["x"]), new Fake("b", [], ["x"])));
        Assert.Equal(ErrorCodes.DuplicateAssign, ex.Code);
    }

    [Fact]
    public void Failure_names_the_component()
    {
        var pipeline = Pipeline.Create(new Fake("boom", [], [], _ => throw new InvalidOperationException("bad state")));
        var ex = Assert.Throws<ParallaxException>(() => pipeline.Run(new Document("text")));
        Assert.Equal(ErrorCodes.ComponentFailed, ex.Code);
        Assert.Contains("boom@1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Layers_are_added_without_changing_the_text_or_the_original_document()
    {
        var doc = new Document("Hello world.");
        var withTokens = doc.With(Layers.Tokens, new TokenLayer([new Token(0, 5, TokenKind.Word)]));
        Assert.False(doc.Has(Layers.Tokens));
        Assert.True(withTokens.Has(Layers.Tokens));
        Assert.Same(doc.Text, withTokens.Text);
        Assert.Equal("Hello", withTokens[withTokens.Get(Layers.Tokens)[0].Range]);
    }

    [Fact]
    public void Missing_layer_error_lists_what_is_there()
    {
        var ex = Assert.Throws<ParallaxException>(() => new Document("x").Get(Layers.Entities));
        Assert.Equal(ErrorCodes.MissingLayer, ex.Code);
    }

    [Theory]
    [InlineData("A\n\nB", 2)]
    [InlineData("A\nstill A\n\n\n  B  \n", 2)]
    [InlineData("   \n\n", 0)]
    [InlineData("one", 1)]
    public void Paragraphs_split_at_blank_lines(string text, int count)
    {
        var paragraphs = Paragraphs.Split(text);
        Assert.Equal(count, paragraphs.Count);
        foreach (var p in paragraphs)
        {
            var s = p.Of(text);
            Assert.Equal(s.Trim(), s);
        }
    }
}
