using System.Diagnostics;
using System.Globalization;
using System.Xml;
using Parallax.Core;
using Parallax.Nlp.Text;
using Parallax.Stories.Claims;

namespace Parallax.Stories.Alignment;

/// <summary>An annotated sentence of an ECB+ document with the events it mentions.</summary>
/// <param name="Story">The sub-topic: topic number and "ecb" or "ecbplus" (one event per sub-topic).</param>
/// <param name="Document">The file name.</param>
/// <param name="Events">Event instance ids of its action mentions (cross-document chains; a mention in no chain gets an id of its own).</param>
public sealed record EventSentence(string Story, string Document, int Sentence, string Text, IReadOnlySet<string> Events);

/// <summary>What <see cref="ClaimPairEvaluation.Run"/> measured.</summary>
/// <param name="RelatedPairs">Cross-document pairs of one story that mention a common event.</param>
/// <param name="UnrelatedPairs">Cross-document pairs of one story that mention no common event.</param>
/// <param name="RelatedAtThreshold">Related pairs scoring at or above the threshold.</param>
/// <param name="UnrelatedAtThreshold">Unrelated pairs scoring at or above the threshold.</param>
/// <param name="Auc">Probability that a related pair outscores an unrelated one of the same corpus (ties count half).</param>
public sealed record ClaimPairReport(int Stories, int Units, int RelatedPairs, int UnrelatedPairs, int RelatedAtThreshold, int UnrelatedAtThreshold, double Auc, double Milliseconds)
{
    /// <summary>Share of related pairs at or above the threshold.</summary>
    public double Recall => RelatedPairs == 0 ? 0 : RelatedAtThreshold / (double)RelatedPairs;

    /// <summary>Share of unrelated pairs at or above the threshold (false alarms).</summary>
    public double FalseAlarmRate => UnrelatedPairs == 0 ? 0 : UnrelatedAtThreshold / (double)UnrelatedPairs;

    /// <summary>Of the pairs at or above the threshold, the share that are related.</summary>
    public double Precision => RelatedAtThreshold + UnrelatedAtThreshold == 0 ? 0 : RelatedAtThreshold / (double)(RelatedAtThreshold + UnrelatedAtThreshold);
}

/// <summary>
/// Measures a claim scorer inside real stories: ECB+ sub-topics are stories of 5-20 articles on one event; their
/// annotated sentences are claim units, and two sentences of different articles are related when they mention the
/// same event instance (cross-document coreference), unrelated when they mention none in common. Every
/// cross-article pair of a story is scored with the story's <see cref="ClaimContext"/>, as the claim builder does.
/// Related is a loose notion (two sentences about one arrest may say different things about it), so recall is far
/// below 1 for any scorer; the false-alarm rate is the figure that says whether unrelated sentences of one story stay apart.
/// </summary>
public static class ClaimPairEvaluation
{
    /// <summary>Action mention types that count as events (reporting verbs such as "said" are left out).</summary>
    private static bool IsEvent(string element) =>
        (element.StartsWith("ACTION_", StringComparison.Ordinal) || element.StartsWith("NEG_ACTION_", StringComparison.Ordinal))
        && !element.EndsWith("REPORTING", StringComparison.Ordinal);

    /// <summary>The annotated sentences (at least one event mention) of the ECB+ files under <paramref name="directory"/>.</summary>
    public static List<EventSentence> ReadEcbPlus(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ParallaxException(ErrorCodes.InputNotFound, $"ECB+ folder not found: {directory}");
        }

        var result = new List<EventSentence>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            bool plus = name.EndsWith("ecbplus", StringComparison.Ordinal);
            int us = name.IndexOf('_', StringComparison.Ordinal);
            if (us <= 0 || (!plus && !name.EndsWith("ecb", StringComparison.Ordinal)))
            {
                continue;
            }

            result.AddRange(ReadDocument(path, name[..us] + (plus ? "ecbplus" : "ecb")));
        }

        if (result.Count == 0)
        {
            throw new ParallaxException(ErrorCodes.InputEmpty, $"No annotated ECB+ sentences under {directory}.");
        }

        return result;
    }

    private static IEnumerable<EventSentence> ReadDocument(string path, string story)
    {
        var tokens = new Dictionary<string, (int Sentence, string Text)>(StringComparer.Ordinal);
        var mentionTokens = new Dictionary<string, List<string>>(StringComparer.Ordinal); // event mention m_id -> token ids
        var instance = new Dictionary<string, string>(StringComparer.Ordinal); // m_id -> cross-document instance
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        var file = Path.GetFileName(path);
        try
        {
            using var reader = XmlReader.Create(path, settings);
            string? markable = null, chain = null;
            bool inMarkables = false;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.Name == "Markables")
                {
                    inMarkables = false;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.Name)
                {
                    case "token":
                        var id = reader.GetAttribute("t_id") ?? "";
                        int sentence = int.Parse(reader.GetAttribute("sentence") ?? "0", CultureInfo.InvariantCulture);
                        tokens[id] = (sentence, reader.ReadElementContentAsString());
                        break;
                    case "Markables":
                        inMarkables = true;
                        break;
                    case "token_anchor" when markable is not null:
                        mentionTokens[markable].Add(reader.GetAttribute("t_id") ?? "");
                        break;
                    case "CROSS_DOC_COREF":
                        chain = reader.GetAttribute("note");
                        break;
                    case "source" when chain is not null:
                        instance[reader.GetAttribute("m_id") ?? ""] = chain;
                        break;
                    default:
                        if (inMarkables)
                        {
                            markable = IsEvent(reader.Name) && reader.GetAttribute("m_id") is { } m && !reader.IsEmptyElement ? m : null;
                            if (markable is not null)
                            {
                                mentionTokens[markable] = [];
                            }
                        }

                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            throw new ParallaxException(ErrorCodes.InputMalformedXml, $"{path}: {ex.Message}", ex);
        }

        var events = new SortedDictionary<int, HashSet<string>>();
        foreach (var (m, anchors) in mentionTokens)
        {
            if (anchors.Count == 0 || !tokens.TryGetValue(anchors[0], out var first))
            {
                continue;
            }

            if (!events.TryGetValue(first.Sentence, out var set))
            {
                events[first.Sentence] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(instance.TryGetValue(m, out var chainId) ? chainId : file + "#" + m);
        }

        var words = tokens.Values.GroupBy(t => t.Sentence).ToDictionary(g => g.Key, g => string.Join(' ', g.Select(t => t.Text)));
        foreach (var (sentence, set) in events)
        {
            yield return new EventSentence(story, file, sentence, MsrpReader.Clean(words[sentence]), set);
        }
    }

    /// <summary>Scores every cross-article pair of each story with <paramref name="scorer"/>.</summary>
    public static ClaimPairReport Run(IReadOnlyList<EventSentence> sentences, IClaimScorer scorer, double threshold, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var related = new List<double>();
        var unrelated = new List<double>();
        int stories = 0, units = 0;
        foreach (var story in sentences.GroupBy(s => s.Story, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var list = story.ToList();
            var claimUnits = new List<ClaimUnit>(list.Count);
            var documents = list.Select(s => s.Document).Distinct(StringComparer.Ordinal).ToList();
            foreach (var s in list)
            {
                claimUnits.Add(Unit(s, documents.IndexOf(s.Document)));
            }

            var keep = Enumerable.Range(0, list.Count).Where(i => claimUnits[i].Stems.Length >= 3).ToList();
            var context = new ClaimContext(keep.Select(i => claimUnits[i]).ToList());
            stories++;
            units += keep.Count;
            for (int x = 0; x < keep.Count; x++)
            {
                for (int y = x + 1; y < keep.Count; y++)
                {
                    var (a, b) = (list[keep[x]], list[keep[y]]);
                    if (string.Equals(a.Document, b.Document, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    double score = scorer.Score(claimUnits[keep[x]], claimUnits[keep[y]], context);
                    (a.Events.Overlaps(b.Events) ? related : unrelated).Add(score);
                }
            }
        }

        return new ClaimPairReport(stories, units, related.Count, unrelated.Count,
            related.Count(s => s >= threshold), unrelated.Count(s => s >= threshold), Auc(related, unrelated), watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>A claim unit of one sentence, as the story analyser makes them (content stems, no entities, quantities or dates).</summary>
    public static ClaimUnit Unit(EventSentence sentence, int article)
    {
        var text = sentence.Text;
        var stems = new List<string>();
        bool negated = false;
        foreach (var token in Tokenizer.Tokenize(text))
        {
            var word = text[token.Start..token.End];
            negated |= Lexicon.Negations.Contains(word);
            if (token.Kind is TokenKind.Word or TokenKind.Number && word.Length > 1 && !Lexicon.StopWords.Contains(word))
            {
                var stem = Lexicon.Stem(word);
                if (!stems.Contains(stem, StringComparer.Ordinal))
                {
                    stems.Add(stem);
                }
            }
        }

        var range = new TextRange(0, text.Length);
        return new ClaimUnit
        {
            Article = article,
            Outlet = sentence.Document,
            Voice = sentence.Document,
            Sentence = sentence.Sentence,
            SentenceRange = range,
            Range = range,
            Text = text,
            SentenceText = text,
            SourceText = text,
            Stems = [.. stems],
            Entities = [],
            Quantities = [],
            Times = [],
            Negated = negated,
            Position = 0,
            Order = sentence.Sentence,
        };
    }

    /// <summary>Mann-Whitney AUC: the chance a related pair outscores an unrelated one.</summary>
    private static double Auc(List<double> positives, List<double> negatives)
    {
        if (positives.Count == 0 || negatives.Count == 0)
        {
            return 0;
        }

        var all = positives.Select(s => (Score: s, Positive: true)).Concat(negatives.Select(s => (Score: s, Positive: false))).OrderBy(t => t.Score).ToArray();
        double rankSum = 0;
        int i = 0;
        while (i < all.Length)
        {
            int j = i;
            while (j + 1 < all.Length && all[j + 1].Score == all[i].Score)
            {
                j++;
            }

            double rank = ((i + j) / 2.0) + 1;
            for (int k = i; k <= j; k++)
            {
                if (all[k].Positive)
                {
                    rankSum += rank;
                }
            }

            i = j + 1;
        }

        return (rankSum - (positives.Count * (positives.Count + 1) / 2.0)) / ((double)positives.Count * negatives.Count);
    }
}
