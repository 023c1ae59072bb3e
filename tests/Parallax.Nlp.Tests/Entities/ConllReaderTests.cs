using Parallax.Core;
using Parallax.Nlp.Entities;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Entities;

public class ConllReaderTests
{
    [Fact]
    public void Reads_the_dev_set_into_documents_with_layers_and_gold_entities()
    {
        var docs = ConllReader.Read(RepoPaths.DataFile("conll2003", "eng.testa"));
        Assert.Equal(216, docs.Count); // 215 -DOCSTART- separators, text before the first
        int sentences = docs.Sum(d => d.Document.Get(Layers.Sentences).Count);
        Assert.Equal(3250, sentences);
        int entities = docs.Sum(d => d.Gold.Count);
        Assert.InRange(entities, 5900, 6000); // 5942 in the CoNLL-2003 paper's dev figures

        var first = docs.First(d => d.Gold.Count > 0);
        var (start, end, _) = first.Gold[0];
        var tokens = first.Document.Get(Layers.Tokens);
        var name = first.Document.Text[tokens[start].Start..tokens[end - 1].End];
        Assert.DoesNotContain('\n', name);
    }

    [Fact]
    public void Missing_file_is_an_input_error()
    {
        var ex = Assert.Throws<ParallaxException>(() => ConllReader.Read("/nonexistent/eng.testa"));
        Assert.Equal(ErrorCodes.InputNotFound, ex.Code);
    }

    [Fact]
    public void Wikiann_prefixes_are_dropped()
    {
        using var dir = RepoPaths.TempDir();
        var path = dir.File("wiki.txt");
        File.WriteAllText(path, "en:Sioux\tB-ORG\nen:Falls\tI-ORG\nen:Arena\tI-ORG\n\n");
        var doc = ConllReader.Read(path).Single();
        Assert.Equal("Sioux Falls Arena", doc.Document.Text);
        Assert.Equal([(0, 3, EntityType.Organization)], doc.Gold);
    }
}
