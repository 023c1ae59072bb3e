using Parallax.Core;
using Parallax.Nlp.Entities;

namespace Parallax.Nlp.Quotes;

/// <summary>
/// Who said what in one document: the rules of <see cref="QuoteExtractor"/> and the learned
/// <see cref="AttributionModel"/> together. The model decides which cues there are and tags the source and content
/// of each; where the rules found a direct quotation attributed by the same cue (the layouts they handle precisely:
/// "...," X said / X said: "..."), the rules' spans are kept. Quote paragraphs that continue the previous speaker
/// (rules) stay attached to their attribution. Without a model this is the rules alone.
/// </summary>
public static class QuoteFinder
{
    /// <summary>Keep a rule direct quote even when the model did not tag its cue.</summary>
    internal static bool KeepUnmatchedDirectQuotes { get; set; } = true;

    /// <summary>Keep every rule attribution whose cue the model did not tag.</summary>
    internal static bool KeepUnmatchedRules { get; set; }

    public static IReadOnlyList<ExtractedAttribution> Find(
        string text,
        TokenLayer tokens,
        SentenceLayer sentences,
        IReadOnlyList<TextRange> paragraphs,
        EntityLayer? entities,
        AttributionModel? model,
        CueModel? cueModel = null)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(sentences);
        cueModel ??= CueModel.Default;
        var rules = QuoteExtractor.Extract(text, tokens, sentences, paragraphs, cueModel);
        if (model is null)
        {
            return rules;
        }

        var tagged = model.Tag(text, tokens.Tokens, sentences.Sentences, paragraphs, entities?.Mentions, rules, cueModel);
        return Merge(text, tokens.Tokens, paragraphs, rules, tagged);
    }

    private static bool IsDirectLayout(AttributionLayout layout) => layout is AttributionLayout.QuoteThenCue or AttributionLayout.CueThenQuote;

    internal static IReadOnlyList<ExtractedAttribution> Merge(
        string text,
        Token[] tokens,
        IReadOnlyList<TextRange> paragraphs,
        IReadOnlyList<ExtractedAttribution> rules,
        List<TaggedAttribution> tagged)
    {
        var output = new List<ExtractedAttribution>(tagged.Count + 4);
        var ruleOut = new int[rules.Count];
        Array.Fill(ruleOut, -1);
        var quotes = Quotations.Find(text, paragraphs);
        foreach (var t in tagged)
        {
            var cue = new TextRange(tokens[t.CueStart].Start, tokens[t.CueEnd - 1].End);
            var rule = -1;
            for (var r = 0; r < rules.Count; r++)
            {
                if (rules[r].Cue is { } rc && rc.Overlaps(cue) && ruleOut[r] < 0)
                {
                    rule = r;
                    break;
                }
            }

            if (rule >= 0 && IsDirectLayout(rules[rule].Layout) && SpansParagraphs(paragraphs, rules[rule], cue))
            {
                ruleOut[rule] = output.Count;
                output.Add(rules[rule]);
                continue;
            }

            if (rule >= 0)
            {
                ruleOut[rule] = output.Count;
            }

            output.Add(FromTagged(text, tokens, quotes, t, rule >= 0 ? rules[rule] : null));
        }

        for (var r = 0; r < rules.Count; r++)
        {
            if (ruleOut[r] < 0 && rules[r].Cue is not null && ((KeepUnmatchedDirectQuotes && IsDirectLayout(rules[r].Layout)) || KeepUnmatchedRules))
            {
                ruleOut[r] = output.Count;
                output.Add(rules[r]);
            }
        }

        for (var r = 0; r < rules.Count; r++)
        {
            var a = rules[r];
            if (a.Layout == AttributionLayout.Continuation && a.ContinuesAttribution >= 0 && ruleOut[a.ContinuesAttribution] >= 0)
            {
                ruleOut[r] = output.Count;
                output.Add(a with { ContinuesAttribution = ruleOut[a.ContinuesAttribution] });
            }
        }

        return Sorted(output);
    }

    /// <summary>A rule attribution whose content reaches into another paragraph than its cue's (a quote running over paragraphs: beyond the model's window).</summary>
    private static bool SpansParagraphs(IReadOnlyList<TextRange> paragraphs, ExtractedAttribution a, TextRange cue)
    {
        var home = ParagraphOf(paragraphs, cue.Start);
        foreach (var part in a.ContentWithMarks)
        {
            if (ParagraphOf(paragraphs, part.Start) != home || ParagraphOf(paragraphs, part.End - 1) != home)
            {
                return true;
            }
        }

        return false;
    }

    private static int ParagraphOf(IReadOnlyList<TextRange> paragraphs, int position)
    {
        int lo = 0, hi = paragraphs.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (position < paragraphs[mid].Start)
            {
                hi = mid - 1;
            }
            else if (position >= paragraphs[mid].End)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>Text order (by first content); continuations keep pointing at the attribution they continue.</summary>
    internal static IReadOnlyList<ExtractedAttribution> Sorted(List<ExtractedAttribution> list)
    {
        var order = Enumerable.Range(0, list.Count)
            .OrderBy(i => list[i].Content.Count > 0 ? list[i].Content[0].Start : 0)
            .ThenBy(i => i)
            .ToArray();
        var newIndex = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            newIndex[order[i]] = i;
        }

        var sorted = new ExtractedAttribution[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var a = list[order[i]];
            sorted[i] = a.ContinuesAttribution >= 0 ? a with { ContinuesAttribution = newIndex[a.ContinuesAttribution] } : a;
        }

        return sorted;
    }

    private static ExtractedAttribution FromTagged(string text, Token[] tokens, List<Quotation> quotes, TaggedAttribution t, ExtractedAttribution? rule)
    {
        var cue = new TextRange(tokens[t.CueStart].Start, tokens[t.CueEnd - 1].End);
        TextRange? source = t.SourceStart >= 0 ? new TextRange(tokens[t.SourceStart].Start, tokens[t.SourceEnd - 1].End) : null;
        var marks = new List<TextRange>(t.Content.Length);
        var shown = new List<TextRange>(t.Content.Length);
        var direct = true;
        foreach (var (start, end) in t.Content)
        {
            var part = new TextRange(tokens[start].Start, tokens[end - 1].End);
            marks.Add(part);
            var inner = WholeQuotation(text, quotes, part);
            if (inner is { } q)
            {
                shown.Add(q);
            }
            else
            {
                direct = false;
                shown.Add(Display(text, tokens, start, end));
            }
        }

        var layout = t.Content[0].Start >= t.CueEnd ? AttributionLayout.Reported : AttributionLayout.ReportedBefore;
        if (t.CueEnd - t.CueStart == 2 && Word(text, tokens[t.CueStart]).Equals("according", StringComparison.OrdinalIgnoreCase))
        {
            layout = AttributionLayout.According;
        }

        var display = rule?.Cue == cue && rule.DisplayCue is { } d ? d : cue;
        return new ExtractedAttribution(
            source,
            t.SourceStart,
            t.SourceStart >= 0 ? t.SourceEnd - t.SourceStart : 0,
            cue,
            display,
            shown,
            marks,
            direct,
            layout,
            -1);
    }

    private static ReadOnlySpan<char> Word(string text, Token t) => text.AsSpan(t.Start, t.Length);

    /// <summary>The inner text of the quotation <paramref name="part"/> consists of (marks and a final punctuation mark aside), or null.</summary>
    private static TextRange? WholeQuotation(string text, List<Quotation> quotes, TextRange part)
    {
        foreach (var q in quotes)
        {
            if (q.Outer.Start < part.Start - 1 || q.Outer.Start > part.Start + 1)
            {
                continue;
            }

            // the part may stop before the closing mark or run one punctuation mark past it
            var rest = part.End - q.Outer.End;
            if (rest < -1 || rest > 1 || (rest == 1 && char.IsLetterOrDigit(text[part.End - 1])))
            {
                return null;
            }

            return Trim(text, q.Inner);
        }

        return null;
    }

    /// <summary>Reported content as shown: without a leading "that" or colon and without the sentence's final stop.</summary>
    private static TextRange Display(string text, Token[] tokens, int start, int end)
    {
        while (end - start > 1 && (Is(text, tokens[start], "that") || IsPunct(text, tokens[start], ':') || IsPunct(text, tokens[start], ',')))
        {
            start++;
        }

        while (end - start > 1 && tokens[end - 1].Length == 1 && text[tokens[end - 1].Start] is '.' or ',' or ';' or ':')
        {
            end--;
        }

        return new TextRange(tokens[start].Start, tokens[end - 1].End);
    }

    private static bool Is(string text, Token t, string word) => Word(text, t).Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool IsPunct(string text, Token t, char c) => t.Length == 1 && text[t.Start] == c;

    private static TextRange Trim(string text, TextRange r)
    {
        int s = r.Start, e = r.End;
        while (s < e && char.IsWhiteSpace(text[s]))
        {
            s++;
        }

        while (e > s && char.IsWhiteSpace(text[e - 1]))
        {
            e--;
        }

        return new TextRange(s, e);
    }
}
