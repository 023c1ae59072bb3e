using Parallax.Core;
using Parallax.Testing;

namespace Parallax.Storage.Tests;

public class LayerCodecTests
{
    private static Document Annotated()
    {
        const string text = "Mr Tillerson said on Saturday: “China ordered firms to close.” The surplus was 347 billion US dollars (£259 billion).";
        int t = text.IndexOf("Tillerson", StringComparison.Ordinal);
        int sat = text.IndexOf("on Saturday", StringComparison.Ordinal);
        int q = text.IndexOf("China ordered", StringComparison.Ordinal);
        int usd = text.IndexOf("347", StringComparison.Ordinal);
        int gbp = text.IndexOf("£259", StringComparison.Ordinal);
        return new Document(text, new DocumentInfo { Published = new DateTimeOffset(2017, 9, 30, 0, 0, 0, TimeSpan.Zero) })
            .With(Layers.Tokens, new TokenLayer([new Token(0, 2, TokenKind.Word), new Token(3, 12, TokenKind.Word), new Token(62, 63, TokenKind.Punctuation)]))
            .With(Layers.Sentences, new SentenceLayer([new Sentence(new TextRange(0, 62), 0, 2, 0), new Sentence(new TextRange(63, text.Length), 2, 1, 0)]))
            .With(Layers.Entities, new EntityLayer([new EntityMention(new TextRange(t, t + 9), EntityType.Person, 1, 1, 0.98f)]))
            .With(Layers.Roles, new RoleLayer([new RoleMention(0, new TextRange(0, 2), "Secretary of State", "US", RolePosition.Before)], [new Honorific(0, new TextRange(0, 2), "Mr")]))
            .With(Layers.Quantities, new QuantityLayer([
                new Quantity(new TextRange(usd, usd + 20), QuantityKind.Money, 347e9, null, null, "USD", false, 0),
                new Quantity(new TextRange(gbp, gbp + 12), QuantityKind.Money, 259e9, 260e9, null, "GBP", true, 0)]))
            .With(Layers.Times, new TimeLayer([
                new TimeExpression(new TextRange(sat, sat + 11), new DateOnly(2017, 9, 30), new DateOnly(2017, 9, 30), TimeGranularity.Day, TimeResolution.Resolved, "weekday:Saturday", null),
                new TimeExpression(new TextRange(0, 1), null, null, TimeGranularity.Unknown, TimeResolution.Unresolved, "-1 year", "by")]))
            .With(Layers.Quotes, new QuoteLayer([
                new QuoteMention(new TextRange(q, q + 30), new TextRange(13, 17), new TextRange(t, t + 9), 0, "Rex Tillerson", true, SpeakerResolution.Named),
                new QuoteMention(new TextRange(q, q + 5), null, null, -1, null, false, SpeakerResolution.Unresolved)]));
    }

    [Fact]
    public void Every_stored_layer_round_trips()
    {
        var original = Annotated();
        var restored = new Document(original.Text, original.Info);
        foreach (var layer in LayerCodec.Stored)
        {
            var json = LayerCodec.Encode(original, layer);
            Assert.NotNull(json);
            restored = LayerCodec.Decode(restored, layer, json!);
        }

        Assert.Equal(original.Get(Layers.Tokens).Tokens, restored.Get(Layers.Tokens).Tokens);
        Assert.Equal(original.Get(Layers.Sentences).Sentences, restored.Get(Layers.Sentences).Sentences);
        Assert.Equal(original.Get(Layers.Entities).Mentions, restored.Get(Layers.Entities).Mentions);
        Assert.Equal(original.Get(Layers.Roles).Roles, restored.Get(Layers.Roles).Roles);
        Assert.Equal(original.Get(Layers.Roles).Honorifics, restored.Get(Layers.Roles).Honorifics);
        Assert.Equal(original.Get(Layers.Quantities).Quantities, restored.Get(Layers.Quantities).Quantities);
        Assert.Equal(original.Get(Layers.Times).Expressions, restored.Get(Layers.Times).Expressions);
        Assert.Equal(original.Get(Layers.Quotes).Quotes, restored.Get(Layers.Quotes).Quotes);
    }

    [Fact]
    public void An_annotated_article_is_stored_and_loaded_with_its_layers()
    {
        using var dir = RepoPaths.TempDir();
        using var store = ArticleStore.Open(dir.File("p.db"));
        var doc = Annotated();
        var id = store.Add(
            new ArticleDraft { Text = doc.Text, Title = "t", Format = "text", Origin = new InputOrigin("x.txt") },
            new TestFingerprint("h", [1], [])).Id;
        Assert.Equal([id], store.ArticlesNeedingAnnotation("p@1"));
        store.SaveLayers(id, doc, "p@1");
        Assert.Empty(store.ArticlesNeedingAnnotation("p@1"));
        Assert.Equal([id], store.ArticlesNeedingAnnotation("p@2"));
        var article = store.GetArticle(id)!;
        Assert.Null(store.LoadAnnotated(article, "p@2"));
        var loaded = store.LoadAnnotated(article, "p@1")!;
        Assert.Equal(doc.Get(Layers.Quotes).Quotes, loaded.Get(Layers.Quotes).Quotes);
    }
}
