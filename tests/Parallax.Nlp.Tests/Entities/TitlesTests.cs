using Parallax.Core;
using Parallax.Nlp.Entities;
using Parallax.Nlp.Text;

namespace Parallax.Nlp.Tests.Entities;

public class TitlesTests
{
    private static List<(string, EntityType)> Split(string text, EntityType type)
    {
        var tokens = Tokenizer.Tokenize(text);
        EntityMention[] whole = [new(new TextRange(0, text.Length), type, 0, tokens.Length, 1f)];
        return Titles.Apply(text, tokens, whole).Select(m => (text[m.Range.Start..m.Range.End], m.Type)).ToList();
    }

    [Fact]
    public void A_title_run_is_split_off_the_name()
    {
        Assert.Equal([("Yang Jiechi", EntityType.Person)], Split("State Councillor Yang Jiechi", EntityType.Organization));
        Assert.Equal([("Igor Morgulov", EntityType.Person)], Split("Deputy Foreign Minister Igor Morgulov", EntityType.Person));
    }

    [Fact]
    public void An_organisation_before_the_title_stays_an_organisation()
    {
        Assert.Equal(
            [("State Department", EntityType.Organization), ("Susan Thornton", EntityType.Person)],
            Split("State Department Assistant Secretary Susan Thornton", EntityType.Organization));
    }

    [Fact]
    public void Names_without_a_title_and_titles_without_a_name_are_left_alone()
    {
        Assert.Equal([("Kim Jong Un", EntityType.Person)], Split("Kim Jong Un", EntityType.Person));
        Assert.Equal([("Senate Armed Services Committee", EntityType.Organization)], Split("Senate Armed Services Committee", EntityType.Organization));
        Assert.Equal([("Foreign Minister", EntityType.Misc)], Split("Foreign Minister", EntityType.Misc));
    }
}
