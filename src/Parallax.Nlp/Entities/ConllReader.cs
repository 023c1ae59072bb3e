using Parallax.Core;

namespace Parallax.Nlp.Entities;

/// <summary>A CoNLL document: a text made of its tokens (joined by spaces, sentences by newlines) with token and sentence layers, and its gold entities.</summary>
public sealed record ConllDocument(Document Document, IReadOnlyList<(int Start, int End, EntityType Type)> Gold)
{
    /// <summary>BILOU gold tags, one per token.</summary>
    public byte[] GoldTags()
    {
        var tags = new byte[Document.Get(Layers.Tokens).Count];
        NerTags.TagsFromSpans(Gold, tags);
        return tags;
    }
}

/// <summary>
/// Reads CoNLL-style NER files: one token per line with the tag in the last column (IOB1, IOB2, IOBES or BILOU),
/// blank lines between sentences, <c>-DOCSTART-</c> between documents. WikiANN's "en:" prefix is dropped.
/// Files without <c>-DOCSTART-</c> are cut into documents of <paramref name="sentencesPerDocument"/> sentences.
/// </summary>
public static class ConllReader
{
    public static List<ConllDocument> Read(string path, int sentencesPerDocument = 50)
    {
        if (!File.Exists(path))
        {
            throw new ParallaxException(ErrorCodes.InputNotFound, $"The NER data file '{path}' does not exist.");
        }

        var docs = new List<ConllDocument>();
        var sentences = new List<(List<string> Words, List<string> Tags)>();
        var words = new List<string>();
        var tags = new List<string>();
        bool sawDocstart = false;
        int lineNo = 0;

        void EndSentence()
        {
            if (words.Count > 0)
            {
                sentences.Add((words, tags));
                words = [];
                tags = [];
            }
        }

        void EndDocument()
        {
            EndSentence();
            if (sentences.Count > 0)
            {
                docs.Add(Build(sentences));
                sentences.Clear();
            }
        }

        foreach (var raw in File.ReadLines(path))
        {
            lineNo++;
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                EndSentence();
                if (!sawDocstart && sentences.Count >= sentencesPerDocument)
                {
                    EndDocument();
                }

                continue;
            }

            if (line.StartsWith("-DOCSTART-", StringComparison.Ordinal))
            {
                sawDocstart = true;
                EndDocument();
                continue;
            }

            int firstSep = line.IndexOfAny([' ', '\t']);
            int lastSep = line.LastIndexOfAny([' ', '\t']);
            if (firstSep <= 0)
            {
                throw new ParallaxException(ErrorCodes.DataFormat, $"{path}:{lineNo}: expected 'token TAG', got '{line}'.");
            }

            var word = line[..firstSep];
            if (word.StartsWith("en:", StringComparison.Ordinal) && word.Length > 3)
            {
                word = word[3..];
            }

            words.Add(word);
            tags.Add(line[(lastSep + 1)..]);
        }

        EndDocument();
        return docs;
    }

    private static ConllDocument Build(List<(List<string> Words, List<string> Tags)> sentences)
    {
        var text = new System.Text.StringBuilder();
        var tokens = new List<Token>();
        var sentenceList = new List<Sentence>();
        var gold = new List<(int, int, EntityType)>();
        for (int s = 0; s < sentences.Count; s++)
        {
            var (words, tags) = sentences[s];
            if (s > 0)
            {
                text.Append('\n');
            }

            int first = tokens.Count;
            int sentenceStart = text.Length;
            for (int i = 0; i < words.Count; i++)
            {
                if (i > 0)
                {
                    text.Append(' ');
                }

                int start = text.Length;
                text.Append(words[i]);
                tokens.Add(new Token(start, text.Length, KindOf(words[i])));
            }

            sentenceList.Add(new Sentence(new TextRange(sentenceStart, text.Length), first, words.Count, s));
            NerTags.SpansFromStrings(tags, first, gold);
        }

        var doc = new Document(text.ToString())
            .With(Layers.Tokens, new TokenLayer([.. tokens]))
            .With(Layers.Sentences, new SentenceLayer([.. sentenceList]));
        return new ConllDocument(doc, gold);
    }

    private static TokenKind KindOf(string word)
    {
        char c = word[0];
        if (char.IsLetter(c))
        {
            return TokenKind.Word;
        }

        if (char.IsDigit(c))
        {
            return TokenKind.Number;
        }

        return c is '"' or '\'' or '`' ? TokenKind.Quote : char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
    }
}
