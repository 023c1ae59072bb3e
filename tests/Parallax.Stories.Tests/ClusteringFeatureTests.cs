using Parallax.Core;
using Parallax.Stories.Clustering;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

public class ClusteringFeatureTests
{
    private static readonly TextFeatureExtractor Extractor = new(BackgroundFrequencies.Embedded);

    private static ClusterArticle Sample(string file, long id)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.TillersonSample, file));
        var title = text[..text.IndexOf('\n', StringComparison.Ordinal)].Trim();
        return new ClusterArticle { Id = id, Title = title, Text = text };
    }

    [Fact]
    public void Short_forms_of_a_name_count_for_the_full_name()
    {
        var f = Extractor.Extract(Sample("000_8bd32afc6ad81d3d.txt", 1));
        Assert.True(f.Entities.Any(e => e.Key == "rex tillerson"), string.Join("|", f.Entities.Select(e => e.Key + ":" + e.Count)));
        var tillerson = Assert.Single(f.Entities, e => e.Key == "rex tillerson");
        Assert.True(tillerson.Count >= 3, $"Rex Tillerson counted {tillerson.Count} times");
        Assert.DoesNotContain(f.Entities, e => e.Key == "tillerson");
        Assert.Contains(f.Entities, e => e.Key == "north korea");
        Assert.Contains(f.Entities, e => e.Key == "wang yi" && e.Type == EntityType.Person);
    }

    [Fact]
    public void An_honorific_marks_a_person_and_is_not_part_of_the_name()
    {
        var f = Extractor.Extract(new ClusterArticle { Id = 1, Title = "", Text = "Officials said Mr Tillerson would travel to Beijing on Saturday." });
        var e = Assert.Single(f.Entities, x => x.Key == "tillerson");
        Assert.Equal(EntityType.Person, e.Type);
    }

    [Fact]
    public void A_text_ending_in_an_honorific_has_no_name_there()
    {
        var f = Extractor.Extract(new ClusterArticle { Id = 1, Title = "", Text = "The report was signed by Mr" });
        Assert.Empty(f.Entities);
    }

    [Fact]
    public void Headline_case_titles_split_names_at_common_words()
    {
        var f = Extractor.Extract(new ClusterArticle { Id = 1, Title = "Lindsay Lohan Checks Into Betty Ford Rehab", Text = "She arrived on Thursday." });
        var keys = f.Entities.Select(e => e.Key).ToHashSet();
        Assert.True(keys.Contains("lindsay lohan"), string.Join("|", keys));
        Assert.Contains("betty ford", keys);
        Assert.DoesNotContain(keys, k => k.Contains("checks", StringComparison.Ordinal));
    }

    [Fact]
    public void Sentence_initial_common_words_are_not_names()
    {
        var f = Extractor.Extract(new ClusterArticle { Id = 1, Title = "", Text = "After skipping out on entering a Newport Beach rehabilitation facility, Lindsay Lohan has checked into the Betty Ford Center." });
        var keys = f.Entities.Select(e => e.Key).ToHashSet();
        Assert.Contains("newport beach", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("after", StringComparison.Ordinal));
    }

    [Fact]
    public void Years_dates_and_numbers_become_details()
    {
        // ECB+ 1_10ecbplus.xml, as tokenised there
        var f = Extractor.Extract(new ClusterArticle
        {
            Id = 1,
            Title = "Lindsay Lohan checks into Betty Ford Center",
            Text = "May 03 , 2013\nLindsay Lohan has checked into the Betty Ford Center to begin a 90 - day court - mandated stay in her reckless driving conviction .",
        });
        var keys = f.Details.Select(d => d.Key).ToHashSet();
        Assert.Contains("y:2013", keys);
        Assert.Contains("d:05-03", keys);
        Assert.Contains("n:90", keys);
        Assert.DoesNotContain("n:03", keys);
    }

    [Fact]
    public void The_verb_may_is_not_a_month()
    {
        var f = Extractor.Extract(new ClusterArticle { Id = 1, Title = "", Text = "The talks may 3 times be delayed." });
        Assert.DoesNotContain(f.Details, d => d.Kind == DetailKind.Date);
    }

    [Fact]
    public void An_entity_layer_replaces_the_capitalised_fallback()
    {
        const string text = "Tillerson met Xi Jinping in Beijing.";
        var doc = new Document(text).With(Layers.Entities, new EntityLayer(
        [
            new EntityMention(new TextRange(0, 9), EntityType.Person, 0, 1, 0.9f),
            new EntityMention(new TextRange(14, 24), EntityType.Person, 2, 2, 0.9f),
        ]));
        var f = Extractor.Extract(new ClusterArticle { Id = 1, Title = "", Text = text, Document = doc });
        Assert.Equal(["tillerson", "xi jinping"], f.Entities.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(f.Entities, e => Assert.Equal(EntityType.Person, e.Type));
        Assert.Contains("entity-layer", f.Extractor, StringComparison.Ordinal);
    }

    [Fact]
    public void Terms_are_lower_case_light_stems_without_stop_words()
    {
        var f = Extractor.Extract(new ClusterArticle { Id = 1, Title = "", Text = "The victims of the crashes were named by police." });
        var terms = f.Terms.Select(t => t.Term).ToHashSet();
        Assert.Contains("victim", terms);
        Assert.Contains("police", terms);
        Assert.DoesNotContain("the", terms);
        Assert.DoesNotContain("were", terms);
    }

    [Fact]
    public void Embedded_background_frequencies_know_common_words_from_names()
    {
        var bg = BackgroundFrequencies.Embedded;
        Assert.True(bg.Documents > 30_000);
        Assert.True(bg.DocumentFrequency("government") > bg.DocumentFrequency("earthquake"));
        Assert.True(bg.IsCommonLowerCaseWord("checks"));
        Assert.False(bg.IsCommonLowerCaseWord("london"));
    }
}
