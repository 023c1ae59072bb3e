using Parallax.Ingestion.Language;

namespace Parallax.Ingestion.Tests;

public class LanguageTests
{
    [Fact]
    public void English_sample_is_english()
    {
        Assert.Equal("en", TestInputs.Single(TestInputs.Read(TestInputs.Sample000)).Language);
    }

    [Theory]
    [InlineData("Il segretario di Stato americano è arrivato a Pechino per colloqui con il presidente cinese sulla Corea del Nord.", "it")]
    [InlineData("Der amerikanische Außenminister ist zu Gesprächen über Nordkorea in Peking eingetroffen, teilte das Ministerium mit.", "de")]
    [InlineData("Госсекретарь США прибыл в Пекин для переговоров о Северной Корее с председателем КНР.", "ru")]
    public void Other_languages_are_told_apart(string text, string expected)
    {
        Assert.Equal(expected, LanguageIdentifier.Detect(text));
    }

    [Fact]
    public void Too_little_text_has_no_language()
    {
        Assert.Null(LanguageIdentifier.Detect("OK 123"));
    }
}
