using Parallax.Core;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Text;

namespace Parallax.Nlp.Tests.Entities;

public class HonorificsTests
{
    [Fact]
    public void Honorific_is_dropped_from_the_name_and_makes_it_a_person()
    {
        var text = "Mr Trump met Mr. Xi";
        var tokens = Tokenizer.Tokenize(text);
        EntityMention[] mentions =
        [
            new(new TextRange(0, 8), EntityType.Organization, 0, 2, 0.9f),   // "Mr Trump" as the model might tag it
            new(new TextRange(17, 19), EntityType.Misc, 4, 1, 0.8f),        // "Xi" after "Mr."
        ];
        Honorifics.Apply(text, tokens, mentions);
        Assert.Equal("Trump", text[mentions[0].Range.Start..mentions[0].Range.End]);
        Assert.Equal(EntityType.Person, mentions[0].Type);
        Assert.Equal((1, 1), (mentions[0].FirstToken, mentions[0].TokenCount));
        Assert.Equal(EntityType.Person, mentions[1].Type);
    }

    [Fact]
    public void Other_entities_are_left_alone()
    {
        var text = "Mr Tillerson visited China";
        var tokens = Tokenizer.Tokenize(text);
        EntityMention[] mentions = [new(new TextRange(21, 26), EntityType.Location, 3, 1, 1f)];
        Honorifics.Apply(text, tokens, mentions);
        Assert.Equal(EntityType.Location, mentions[0].Type);
        Assert.Equal(new TextRange(21, 26), mentions[0].Range);
    }
}
