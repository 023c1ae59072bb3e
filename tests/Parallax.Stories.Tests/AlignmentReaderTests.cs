using Parallax.Core;
using Parallax.Stories.Alignment;
using Parallax.Testing;

namespace Parallax.Stories.Tests;

public class AlignmentReaderTests
{
    [Fact]
    public void Msrp_training_file_reads_all_pairs_with_labels()
    {
        var pairs = MsrpReader.Read(RepoPaths.DataFile("msrp", "msr_paraphrase_train.txt"));
        Assert.Equal(4076, pairs.Count);
        Assert.Equal(2753, pairs.Count(p => p.IsParaphrase));
        Assert.Equal("702876", pairs[0].Id1);
        Assert.StartsWith("Amrozi accused his brother, whom he called \" the witness \",", pairs[0].Sentence1, StringComparison.Ordinal);
        Assert.DoesNotContain(pairs, p => p.Sentence1.Contains("<QUOTE>", StringComparison.Ordinal) || p.Sentence2.Contains("<QUOTE>", StringComparison.Ordinal));
    }

    [Fact]
    public void Lines_are_split_on_tabs_so_stray_quotes_do_not_break_fields()
    {
        var text = "\uFEFFQuality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
            + "1\t1\t2\tHe said \"no .\tHe said no , \" twice .\n"
            + "0\t3\t4\tIt fell 5 % .\tIt rose $ 2.5 billion .\n";
        var pairs = MsrpReader.Read(new StringReader(text));
        Assert.Equal(2, pairs.Count);
        Assert.Equal("He said \"no.", pairs[0].Sentence1);
        Assert.Equal("He said no, \" twice.", pairs[0].Sentence2);
        Assert.False(pairs[1].IsParaphrase);
        Assert.Equal("It fell 5%.", pairs[1].Sentence1);
        Assert.Equal("It rose $2.5 billion.", pairs[1].Sentence2);
    }

    [Theory]
    [InlineData("Yucaipa owned Dominick 's before selling", "Yucaipa owned Dominick's before selling")]
    [InlineData("wages , wouldn 't be capped under Bush 's plan .", "wages, wouldn't be capped under Bush's plan.")]
    [InlineData("They do n't know ( yet ) .", "They don't know (yet).")]
    public void Corpus_tokens_are_joined_back_to_ordinary_spelling(string corpus, string expected) =>
        Assert.Equal(expected, MsrpReader.Clean(corpus));

    [Fact]
    public void A_line_with_too_few_fields_is_a_data_error_with_its_line_number()
    {
        var ex = Assert.Throws<ParallaxException>(() => MsrpReader.Read(new StringReader("1\t1\t2\tonly one sentence\n"), "pairs.tsv"));
        Assert.Equal(ErrorCodes.DataFormat, ex.Code);
        Assert.Contains("pairs.tsv:1", ex.Message, StringComparison.Ordinal);
    }
}
