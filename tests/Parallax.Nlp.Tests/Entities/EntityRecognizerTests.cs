using Parallax.Core;
using Parallax.Nlp.Entities;
using Parallax.Testing;

namespace Parallax.Nlp.Tests.Entities;

public class EntityRecognizerTests
{
    private static readonly Lazy<Pipeline> Default = new(NlpPipeline.CreateDefault);

    private static List<(string Text, EntityType Type)> Entities(string text)
    {
        var doc = Default.Value.Run(new Document(text));
        return doc.Get(Layers.Entities).Mentions.Select(m => (text[m.Range.Start..m.Range.End], m.Type)).ToList();
    }

    [Fact]
    public void Default_pipeline_assigns_entities_after_tokens_and_sentences()
    {
        Assert.Equal("parallax.tokens@1 > parallax.sentences@1 > parallax.entities@4", Default.Value.Signature);
    }

    [Fact]
    public void Finds_people_places_and_organisations_in_a_wire_sentence()
    {
        // eng.testa's style of sentence, written here as running text
        var entities = Entities("German Chancellor Helmut Kohl met French President Jacques Chirac in Bonn on Monday, the European Commission said.");
        Assert.Contains(("Helmut Kohl", EntityType.Person), entities);
        Assert.Contains(("Jacques Chirac", EntityType.Person), entities);
        Assert.Contains(("Bonn", EntityType.Location), entities);
        Assert.Contains(("European Commission", EntityType.Organization), entities);
        Assert.Contains(("German", EntityType.Misc), entities);
    }

    [Theory]
    [InlineData("US Senator John McCain, who heads the Senate Armed Services Committee, said this week he was sceptical.", "Senate Armed Services Committee")]
    [InlineData("The House Foreign Affairs Committee held a hearing on Tuesday.", "House Foreign Affairs Committee")]
    public void A_long_organisation_name_is_one_organisation(string text, string name)
    {
        var entities = Entities(text);
        Assert.Contains((name, EntityType.Organization), entities);
        Assert.DoesNotContain(entities, e => e.Text != name && name.Contains(e.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void A_nationality_before_an_organisation_stays_apart()
    {
        var entities = Entities("Chinese Foreign Ministry spokesman Lu Kang said the talks went well.");
        Assert.Contains(("Chinese", EntityType.Misc), entities);
        Assert.Contains(("Foreign Ministry", EntityType.Organization), entities);
    }

    [Fact]
    public void Mentions_are_ranges_of_the_original_text_with_a_confidence()
    {
        var text = "Chinese Foreign Ministry spokesman Lu Kang said the United States had issued many “positive signals”.";
        var doc = Default.Value.Run(new Document(text));
        var tokens = doc.Get(Layers.Tokens);
        foreach (var m in doc.Get(Layers.Entities).Mentions)
        {
            Assert.Equal(tokens[m.FirstToken].Start, m.Range.Start);
            Assert.Equal(tokens[m.FirstToken + m.TokenCount - 1].End, m.Range.End);
            Assert.InRange(m.Confidence, 0f, 1f);
        }

        Assert.Contains(doc.Get(Layers.Entities).Mentions, m => text[m.Range.Start..m.Range.End] == "Lu Kang" && m.Type == EntityType.Person);
    }

    [Fact]
    public void Curly_possessives_do_not_break_names()
    {
        var entities = Entities("Thornton’s remarks were welcomed in Beijing, which is calling for a peaceful solution.");
        Assert.Contains(("Thornton", EntityType.Person), entities);
        Assert.Contains(("Beijing", EntityType.Location), entities);
    }

    [Fact]
    public void Finds_the_main_actors_of_the_sample_articles()
    {
        var found = new HashSet<(string, EntityType)>();
        foreach (var file in Directory.GetFiles(RepoPaths.TillersonSample, "*.txt"))
        {
            foreach (var e in Entities(File.ReadAllText(file)))
            {
                found.Add(e);
            }
        }

        Assert.Contains(("Rex Tillerson", EntityType.Person), found);
        Assert.Contains(("Pyongyang", EntityType.Location), found);
        Assert.Contains(("North Korea", EntityType.Location), found);
    }

    [Fact]
    public void A_model_file_that_is_not_a_model_is_refused_with_a_code()
    {
        using var dir = RepoPaths.TempDir();
        var path = dir.File("bad.model");
        File.WriteAllText(path, "not a model");
        var ex = Assert.Throws<ParallaxException>(() => NerModel.Load(path));
        Assert.Equal(ErrorCodes.ModelFormat, ex.Code);
    }
}
