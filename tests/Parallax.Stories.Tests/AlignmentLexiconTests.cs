using Parallax.Stories.Alignment;

namespace Parallax.Stories.Tests;

[Collection(AlignmentCollection.Name)]
public class AlignmentLexiconTests(AlignmentFixture fixture)
{
    private readonly ParaphraseLexicon _lexicon = fixture.Model.Lexicon;

    [Theory]
    [InlineData("said", "say")]
    [InlineData("talks", "talk")]
    [InlineData("countries", "country")]
    [InlineData("ordered", "order")]
    [InlineData("scheduled", "schedule")]
    [InlineData("stopped", "stop")]
    [InlineData("officials", "official")]
    [InlineData("met", "meet")]
    [InlineData("news", "news")]
    [InlineData("business", "business")]
    public void Words_are_reduced_to_their_WordNet_lemma(string word, string lemma) =>
        Assert.Equal(lemma, _lexicon.Word(word).Lemma);

    [Theory]
    [InlineData("purchase", "buy", 0.9f)]
    [InlineData("shut", "close", 0.9f)]
    [InlineData("decision", "decide", 0.7f)]
    public void WordNet_links_synonyms_and_derived_words(string x, string y, float atLeast) =>
        Assert.True(PairFeatures.Match(_lexicon.Word(x), _lexicon.Word(y)) >= atLeast, $"{x} ~ {y}");

    [Theory]
    [InlineData("missile", "cake")]
    [InlineData("Beijing", "Moscow")]
    public void Unrelated_words_do_not_match(string x, string y) =>
        Assert.Equal(0f, PairFeatures.Match(_lexicon.Word(x), _lexicon.Word(y)));

    [Fact]
    public void Rare_words_weigh_more_than_common_ones()
    {
        Assert.True(_lexicon.Word("Pyongyang").Idf > _lexicon.Word("said").Idf);
        Assert.True(_lexicon.Word("said").Idf > _lexicon.Word("the").Idf);
    }

    [Fact]
    public void Word_vectors_place_related_news_words_closer_than_unrelated_ones()
    {
        var minister = _lexicon.Word("minister").Vector.Span;
        Assert.False(minister.IsEmpty);
        float related = WordVectors.Dot(minister, _lexicon.Word("secretary").Vector.Span);
        float unrelated = WordVectors.Dot(minister, _lexicon.Word("football").Vector.Span);
        Assert.True(related > unrelated + 0.1f, $"minister~secretary {related:F2}, minister~football {unrelated:F2}");
    }
}
