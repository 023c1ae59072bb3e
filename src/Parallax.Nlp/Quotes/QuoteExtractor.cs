using Parallax.Core;

namespace Parallax.Nlp.Quotes;

/// <summary>How an attribution was found; kept for tests and for tuning.</summary>
public enum AttributionLayout : byte
{
    /// <summary>"...," X said / "...," said X / "...?" X asked.</summary>
    QuoteThenCue,

    /// <summary>X said: "..." / X said, "...".</summary>
    CueThenQuote,

    /// <summary>X said (that) ... / X warned of ...</summary>
    Reported,

    /// <summary>..., X said.</summary>
    ReportedBefore,

    /// <summary>According to X, ... / ..., according to X.</summary>
    According,

    /// <summary>A quote with no attribution of its own that continues the previous speaker.</summary>
    Continuation,
}

/// <summary>
/// One attribution found by <see cref="QuoteExtractor"/>. Content parts are in text order; a direct quote split by its
/// attribution ("A," she said. "B.") has two parts. <see cref="Cue"/> is the verb group as PolNeAR marks it
/// ("said", "has repeatedly warned", "according to", "said in a statement"); <see cref="DisplayCue"/> adds the
/// addressee of tell-verbs ("told Al Jazeera").
/// </summary>
public sealed record ExtractedAttribution(
    TextRange? Source,
    int SourceFirstToken,
    int SourceTokenCount,
    TextRange? Cue,
    TextRange? DisplayCue,
    IReadOnlyList<TextRange> Content,
    IReadOnlyList<TextRange> ContentWithMarks,
    bool Direct,
    AttributionLayout Layout,
    int ContinuesAttribution);

/// <summary>
/// Finds attributions (who said what) in a tokenized, sentence-split text, by a documented cascade of rules:
/// first quotations by their marks and the attribution next to them (before or after, in the same paragraph);
/// then reported speech around reporting verbs from <see cref="CueLexicon"/> and "according to"; then quote
/// paragraphs that continue the previous speaker. Works on character ranges only; never changes the text.
/// </summary>
public sealed class QuoteExtractor
{
    /// <summary>Longest attribution clause after a quote ("," State Department Assistant Secretary Susan Thornton, who ..., told a Senate hearing).</summary>
    public const int MaxAttributionTokens = 30;

    /// <summary>Longest noun phrase taken as a source, in tokens (appositions included).</summary>
    public const int MaxSourceTokens = 30;

    /// <summary>A word outside the hand lexicon is a cue when at least this share of its training occurrences were cues.</summary>
    public static double LearnedRate { get; set; } = 0.4;

    /// <summary>... and it was a cue at least this many times.</summary>
    public static int LearnedMinCount { get; set; } = 5;

    /// <summary>A hand-lexicon word whose training cue rate is below this is not taken as a cue.</summary>
    public static double VetoRate { get; set; } = 0.1;

    public static IReadOnlyList<ExtractedAttribution> Extract(string text, TokenLayer tokens, SentenceLayer sentences, IReadOnlyList<TextRange> paragraphs, CueModel? model = null)
    {
        var run = new Run(text, tokens.Tokens, sentences.Sentences, paragraphs, model ?? CueModel.Default);
        run.Direct();
        run.Reported();
        run.Continuations();
        // text order; continuations keep pointing at the attribution they continue
        var order = Enumerable.Range(0, run.Result.Count).OrderBy(i => First(run.Result[i])).ThenBy(i => i).ToArray();
        var newIndex = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            newIndex[order[i]] = i;
        }

        var sorted = new ExtractedAttribution[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var a = run.Result[order[i]];
            sorted[i] = a.ContinuesAttribution >= 0 ? a with { ContinuesAttribution = newIndex[a.ContinuesAttribution] } : a;
        }

        return sorted;
    }

    private static int First(ExtractedAttribution a) => a.Content.Count > 0 ? a.Content[0].Start : 0;

    private sealed class Run
    {
        private readonly string _text;
        private readonly Token[] _tok;
        private readonly Sentence[] _sents;
        private readonly int[] _sentOf;
        private readonly List<Quotation> _quotes;
        private readonly int[] _quoteOf;      // token -> quotation whose inner holds it, else -1
        private readonly bool[] _used;        // tokens used as cue or source
        private readonly int[] _quoteAttribution;

        public Run(string text, Token[] tokens, Sentence[] sentences, IReadOnlyList<TextRange> paragraphs, CueModel model)
        {
            Model = model;
            _text = text;
            _tok = tokens;
            _sents = sentences;
            _sentOf = new int[tokens.Length];
            Array.Fill(_sentOf, -1);
            for (var s = 0; s < sentences.Length; s++)
            {
                var end = Math.Min(sentences[s].EndToken, tokens.Length);
                for (var t = sentences[s].FirstToken; t < end; t++)
                {
                    _sentOf[t] = s;
                }
            }

            _quotes = Quotations.Find(text, paragraphs);
            _quoteOf = new int[tokens.Length];
            Array.Fill(_quoteOf, -1);
            for (var q = 0; q < _quotes.Count; q++)
            {
                var inner = _quotes[q].Inner;
                for (var t = IndexAtOrAfter(inner.Start); t < tokens.Length && tokens[t].Start < inner.End; t++)
                {
                    if (tokens[t].Start >= inner.Start)
                    {
                        _quoteOf[t] = q;
                    }
                }
            }

            _used = new bool[tokens.Length];
            _quoteAttribution = new int[_quotes.Count];
            Array.Fill(_quoteAttribution, -1);
        }

        public List<ExtractedAttribution> Result { get; } = [];

        private CueModel Model { get; }

        // ------------------------------------------------------------------ direct quotes

        public void Direct()
        {
            for (var q = 0; q < _quotes.Count; q++)
            {
                var quote = _quotes[q];
                if (quote.ContinuesFrom >= 0 || !IsStandalone(q) || WordCount(quote.Inner) < 2)
                {
                    continue;
                }

                // the chain of parts of one quotation running over paragraphs
                var last = q;
                while (last + 1 < _quotes.Count && _quotes[last + 1].ContinuesFrom == last)
                {
                    last++;
                }

                var found = After(last) ?? Before(q);
                if (found is null)
                {
                    continue;
                }

                var (source, cue, display, layout) = found.Value;
                var content = new List<TextRange>();
                var marks = new List<TextRange>();
                for (var k = q; k <= last; k++)
                {
                    content.Add(Trim(_quotes[k].Inner));
                    marks.Add(_quotes[k].Outer);
                }

                var index = Result.Count;
                for (var k = q; k <= last; k++)
                {
                    _quoteAttribution[k] = index;
                }

                // "A," she said. "B." : the next quotation right after the attribution's sentence continues it
                if (layout == AttributionLayout.QuoteThenCue && last + 1 < _quotes.Count)
                {
                    var next = _quotes[last + 1];
                    if (next.Paragraph == _quotes[last].Paragraph && next.ContinuesFrom < 0 && OnlyAttributionBetween(cue, next.Outer.Start, last + 1))
                    {
                        content.Add(Trim(next.Inner));
                        marks.Add(next.Outer);
                        _quoteAttribution[last + 1] = index;
                        var chainEnd = last + 1;
                        while (chainEnd + 1 < _quotes.Count && _quotes[chainEnd + 1].ContinuesFrom == chainEnd)
                        {
                            chainEnd++;
                            content.Add(Trim(_quotes[chainEnd].Inner));
                            marks.Add(_quotes[chainEnd].Outer);
                            _quoteAttribution[chainEnd] = index;
                        }

                        last = chainEnd;
                    }
                }

                Result.Add(new ExtractedAttribution(
                    source?.Range, source?.First ?? -1, source?.Count ?? 0, cue, display, content, marks, true, layout, -1));
                q = last;
            }
        }

        /// <summary>A quotation that is a quote of its own, not a phrase quoted inside a sentence.</summary>
        private bool IsStandalone(int q)
        {
            var quote = _quotes[q];
            if (quote.StartsParagraph)
            {
                return true;
            }

            var i = quote.Outer.Start - 1;
            var lineStart = false;
            while (i >= 0 && char.IsWhiteSpace(_text[i]))
            {
                lineStart |= _text[i] == '\n';
                i--;
            }

            if (i < 0 || lineStart)
            {
                return true; // the quote opens its line
            }

            var c = _text[i];
            if (c is '.' or '?' or '!' or ':' or ',' or ';' or '\u2014' or '\u2013' or '(' || Quotations.IsQuoteChar(c))
            {
                return true;
            }

            // She declared "What a Super Tuesday!"
            var t = IndexAtOrAfter(quote.Outer.Start) - 1;
            return t >= 0 && CueLexicon.TryGet(Word(t), out var cw) && cw.Class is CueClass.Speech or CueClass.Tell
                && InnerEndsWithPunctuation(quote);
        }

        private bool InnerEndsWithPunctuation(Quotation quote)
        {
            var e = quote.Inner.End - 1;
            while (e >= quote.Inner.Start && char.IsWhiteSpace(_text[e]))
            {
                e--;
            }

            return e >= quote.Inner.Start && _text[e] is '.' or '?' or '!' or ',' or '\u2026';
        }

        /// <summary>"...," Tangen told Al Jazeera. / "...," said Tangen. / "...," he said.</summary>
        private (Np? Source, TextRange Cue, TextRange Display, AttributionLayout Layout)? After(int q)
        {
            var quote = _quotes[q];
            if (!quote.Closed)
            {
                return null;
            }

            var t = IndexAtOrAfter(quote.Outer.End);
            if (t < _tok.Length && IsChar(t, ','))
            {
                t++;
            }

            var start = t;
            var para = quote.Paragraph;
            var nextQuoteStart = q + 1 < _quotes.Count && _quotes[q + 1].Paragraph == para ? _quotes[q + 1].Outer.Start : int.MaxValue;
            var limit = start;
            while (limit < _tok.Length && limit - start < MaxAttributionTokens && _tok[limit].Start < nextQuoteStart
                   && SameParagraph(limit, quote.Outer.End) && !IsSentenceEnd(limit))
            {
                limit++;
            }

            if (Epigraph(quote) is { } epigraph)
            {
                return epigraph;
            }

            // the attribution must follow the quote directly: ' said Tangen', ' Tangen told', ' he said'
            for (var k = start; k < limit; k++)
            {
                if (!CueLexicon.TryGet(Word(k), out var cw) || cw.Class == CueClass.Belief || cw.Participle || char.IsUpper(_text[_tok[k].Start]))
                {
                    continue;
                }

                if (k > start && IsDeterminer(k - 1))
                {
                    continue;
                }

                var (cueStart, cueEnd) = CueGroup(k, start);
                if (cueStart == start)
                {
                    // inverted: said Tangen / said the ministry / said Kevin Barrett, a lawyer at Bailey & Glasser, who represents ...
                    var right = RightNp(cueEnd, limit);
                    if (right is null)
                    {
                        return null;
                    }

                    var rightEnd = right.Value.First + right.Value.Count;
                    if (rightEnd < limit && IsChar(rightEnd, ',') && limit - cueEnd <= MaxSourceTokens && !HasQuoteBetween(rightEnd, limit))
                    {
                        right = MakeNp(right.Value.First, limit);
                    }

                    MarkUsed(cueStart, cueEnd);
                    MarkUsed(right.Value.First, right.Value.First + right.Value.Count);
                    var cue = Range(cueStart, cueEnd);
                    return (right, cue, cue, AttributionLayout.QuoteThenCue);
                }

                var left = LeftNp(cueStart, start);
                if (left is null || left.Value.First != start)
                {
                    return null; // something other than the source stands between quote and cue
                }

                var display = Range(cueStart, AddresseeEnd(k, cueEnd, limit, cw));
                MarkUsed(cueStart, cueEnd);
                MarkUsed(left.Value.First, left.Value.First + left.Value.Count);
                return (left, Range(cueStart, cueEnd), display, AttributionLayout.QuoteThenCue);
            }

            return null;
        }

        /// <summary>
        /// “...” ― Sonya Herridge: a dash right after the closing mark (spaces allowed, none needed) and a name that ends
        /// its line (a final stop allowed), as under an epigraph or in a list of readers' quotes.
        /// </summary>
        private (Np? Source, TextRange Cue, TextRange Display, AttributionLayout Layout)? Epigraph(Quotation quote)
        {
            var i = quote.Outer.End;
            while (i < _text.Length && _text[i] is ' ' or '\u00A0')
            {
                i++;
            }

            if (i >= _text.Length || _text[i] is not ('\u2015' or '\u2014' or '\u2013'))
            {
                return null;
            }

            var dash = new TextRange(i, i + 1);
            i++;
            while (i < _text.Length && _text[i] is ' ' or '\u00A0')
            {
                i++;
            }

            var first = IndexAtOrAfter(i);
            if (first >= _tok.Length || _tok[first].Start < i || !char.IsUpper(_text[_tok[first].Start]))
            {
                return null;
            }

            // capitalised words and initials ("Edwin G. Monroy", "Christina N Luis Olidem"), up to the end of the line
            var end = first;
            while (end < _tok.Length && end - first < 8 && !LineBreakBefore(end, first)
                   && (char.IsUpper(_text[_tok[end].Start]) || (IsChar(end, '.') && end > first && _tok[end - 1].Length == 1)
                       || IsWord(end, "de") || IsWord(end, "del") || IsWord(end, "la") || IsWord(end, "van") || IsWord(end, "von") || IsWord(end, "y")))
            {
                end++;
            }

            var after = end;
            if (after < _tok.Length && IsChar(after, '.') && !LineBreakBefore(after, first))
            {
                after++; // "― Carla Sanchez."
            }

            if (after < _tok.Length && !LineBreakBefore(after, first) && !IsQuoteTok(after))
            {
                return null; // the line goes on: not a signature
            }

            MarkUsed(first, end);
            var name = MakeNp(first, end);
            return (name, dash, dash, AttributionLayout.QuoteThenCue);
        }

        /// <summary>A line break between token <paramref name="t"/> and the token before it (from <paramref name="first"/> on).</summary>
        private bool LineBreakBefore(int t, int first)
        {
            if (t <= first)
            {
                return false;
            }

            for (var c = _tok[t - 1].End; c < _tok[t].Start; c++)
            {
                if (_text[c] == '\n')
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>McCain said: "..." / Caddell continued: "..." / He told reporters, "...".</summary>
        private (Np? Source, TextRange Cue, TextRange Display, AttributionLayout Layout)? Before(int q)
        {
            var quote = _quotes[q];
            var open = IndexAtOrAfter(quote.Outer.Start);
            if (open == 0)
            {
                return null;
            }

            var s = _sentOf[Math.Min(open, _tok.Length - 1)];
            var prevEnd = q > 0 ? _quotes[q - 1].Outer.End : 0;
            var t = open - 1;
            if (t < 0 || _tok[t].Start < prevEnd)
            {
                return null;
            }

            // the quote must open right after ':' ',' or the cue itself
            var lastTok = t;
            if (IsChar(t, ':') || IsChar(t, ',') || IsChar(t, '\u2014'))
            {
                lastTok = t - 1;
            }

            // the cue may be followed by an addressee or a time ("told reporters on Friday:")
            var floor = Math.Max(0, lastTok - 8);
            for (var k = lastTok; k >= floor; k--)
            {
                var colonBefore = lastTok < t && IsChar(t, ':');
                if (_tok[k].Start < prevEnd || (_sentOf[k] != s && _sentOf[k] >= 0 && !SameParagraph(k, quote.Outer.Start) && !colonBefore) || IsSentenceEnd(k))
                {
                    break;
                }

                if (!CueLexicon.TryGet(Word(k), out var cw) || cw.Class == CueClass.Belief || _used[k])
                {
                    continue;
                }

                if (k > 0 && IsDeterminer(k - 1))
                {
                    continue;
                }

                var sentStart = _sentOf[k] >= 0 ? _sents[_sentOf[k]].FirstToken : 0;
                var floorTok = Math.Max(sentStart, IndexAtOrAfter(prevEnd));
                var (cueStart, cueEnd) = CueGroup(k, floorTok);
                var left = cw.Participle && cueStart > 0 && IsChar(cueStart - 1, ',')
                    ? SubjectOfSentence(floorTok, cueStart)
                    : LeftNp(cueStart, floorTok);
                if (left is null)
                {
                    return null;
                }

                MarkUsed(cueStart, cueEnd);
                MarkUsed(left.Value.First, left.Value.First + left.Value.Count);
                var display = Range(cueStart, AddresseeEnd(k, cueEnd, lastTok + 1, cw));
                return (left, Range(cueStart, cueEnd), display, AttributionLayout.CueThenQuote);
            }

            return null;
        }

        private bool HasQuoteBetween(int from, int to)
        {
            for (var t = from; t < to; t++)
            {
                if (IsQuoteTok(t))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Between the cue and the next quote there is only the rest of the attribution sentence.</summary>
        private bool OnlyAttributionBetween(TextRange cue, int nextQuoteStart, int nextQuote)
        {
            var t = IndexAtOrAfter(cue.End);
            var ended = false;
            var n = 0;
            var lastComma = false;
            while (t < _tok.Length && _tok[t].Start < nextQuoteStart)
            {
                lastComma = IsChar(t, ',');
                if (CueLexicon.TryGet(Word(t), out var between) && between.Class is CueClass.Speech or CueClass.Tell && !_used[t])
                {
                    return false; // "..., adding later, "...": the next quote has its own cue
                }

                if (IsSentenceEndChar(t))
                {
                    ended = true;
                }
                else if (ended || ++n > MaxAttributionTokens)
                {
                    return false;
                }

                t++;
            }

            if (!ended && !lastComma)
            {
                return false;
            }

            // the next quote has no attribution of its own: it ends its paragraph or its sentence, or another quote follows
            var next = _quotes[nextQuote];
            if (next.EndsParagraph)
            {
                return true;
            }

            var after = IndexAtOrAfter(next.Outer.End);
            return after >= _tok.Length || IsSentenceEndChar(after) || IsQuoteTok(after)
                   || (_sentOf[after] != _sentOf[Math.Max(0, after - 1)]);
        }

        // ------------------------------------------------------------------ reported speech

        public void Reported()
        {
            for (var s = 0; s < _sents.Length; s++)
            {
                var sent = _sents[s];
                var first = sent.FirstToken;
                var end = Math.Min(sent.EndToken, _tok.Length);
                SpeakerColon(s, first, end);
                for (var k = first; k < end; k++)
                {
                    if (_used[k] || _quoteOf[k] >= 0)
                    {
                        continue;
                    }

                    if (IsWord(k, "according") && k + 1 < end && IsWord(k + 1, "to"))
                    {
                        According(k, first, end);
                        k++;
                        continue;
                    }

                    if (!TryCue(k, out var cw) || !AcceptCue(k, first, cw))
                    {
                        continue;
                    }

                    ReportedAt(k, first, end, cw);
                }
            }

            TrimCoordinatedContent();
        }

        /// <summary>A cue word of the hand lexicon, unless training shows it is rarely one; or a word training shows is usually one.</summary>
        private bool TryCue(int k, out CueWord cw)
        {
            var word = Word(k);
            var rate = Model.Rate(word);
            if (CueLexicon.TryGet(word, out cw))
            {
                return rate < 0 || rate >= VetoRate || Model.CueCount(word) < 3;
            }

            if (rate >= LearnedRate && Model.CueCount(word) >= LearnedMinCount && !WordSets.NpStop.Contains(word)
                && !WordSets.NpInnerPrepositions.Contains(word) && !WordSets.Determiners.Contains(word) && !WordSets.CueModifiers.Contains(word)
                && !word.Equals("according", StringComparison.OrdinalIgnoreCase) && !WordSets.StatementNouns.Contains(word))
            {
                cw = new CueWord(string.Empty, CueClass.Evaluation, word.EndsWith("ing", StringComparison.OrdinalIgnoreCase), word.EndsWith("ed", StringComparison.OrdinalIgnoreCase));
                return true;
            }

            return false;
        }

        private bool AcceptCue(int k, int first, CueWord cw)
        {
            if (k > first && IsDeterminer(k - 1))
            {
                return false; // "the report", "a call"
            }

            if (cw.Lemma == "point" && !(k + 1 < _tok.Length && (IsWord(k + 1, "out") || IsWord(k + 1, "to"))))
            {
                return false;
            }

            var word = Word(k);
            if (k > first && char.IsUpper(word[0]) && !IsQuoteTok(k - 1) && !IsTitleCase(_sentOf[k]))
            {
                return false; // "United States", "State Department", "Washington Post"
            }

            var baseForm = cw.Lemma.Length > 0 && word.Equals(cw.Lemma, StringComparison.OrdinalIgnoreCase);
            if (cw.Lemma.Length == 0 && !cw.Past && !cw.Participle && !SubjectBefore(k, first))
            {
                return false;
            }
            if (!cw.Past && !cw.Participle && CueLexicon.IsNounLike(cw.Lemma) && !SubjectBefore(k, first))
            {
                return false; // "the Clinton email matter", "Democratic claims", "economic development projects"
            }
            if (cw.Class == CueClass.Belief)
            {
                // thought verbs count only with a subject pronoun or name and an explicit "that"-clause
                return k + 1 < _tok.Length && IsWord(k + 1, "that") && k > first && !cw.Participle;
            }

            if (baseForm && cw.Class != CueClass.Speech && cw.Class != CueClass.Tell)
            {
                return k > first && WordSets.SubjectPronounsBeforeBase.Contains(Word(k - 1));
            }

            if (baseForm && k > first && IsWord(k - 1, "to") && cw.Class == CueClass.Speech && cw.Lemma != "say")
            {
                return false;
            }

            return true;
        }

        /// <summary>A headline written in title case ("Trump Says He Will ...").</summary>
        private bool IsTitleCase(int s)
        {
            if (s < 0)
            {
                return false;
            }

            int words = 0, upper = 0;
            for (var t = _sents[s].FirstToken; t < Math.Min(_sents[s].EndToken, _tok.Length); t++)
            {
                var c = _text[_tok[t].Start];
                if (char.IsLetter(c))
                {
                    words++;
                    if (char.IsUpper(c))
                    {
                        upper++;
                    }
                }
            }

            return words >= 3 && upper * 10 >= words * 7;
        }

        /// <summary>The token before a present-tense cue is a subject: a pronoun, a relative pronoun, a name or an adverb.</summary>
        private bool SubjectBefore(int k, int first)
        {
            if (k <= first)
            {
                return false;
            }

            var w = Word(k - 1);
            return WordSets.PersonalPronouns.Contains(w) || WordSets.RelativePronouns.Contains(w) || IsWord(k - 1, "also")
                || (w.EndsWith("ly", StringComparison.Ordinal) && w.Length > 3)
                || (char.IsUpper(w[0]) && k - 1 > first && !WordSets.NpStop.Contains(w));
        }

        private void ReportedAt(int k, int first, int end, CueWord cw)
        {
            var (cueStart, cueEnd) = CueGroup(k, first);
            if (cw.Lemma == "point")
            {
                cueEnd = Math.Max(cueEnd, k + 2);
            }

            var contentEnd = ContentEnd(end);
            // skip the addressee, time and "in a statement" after the cue
            var after = cueEnd;
            var addresseeEnd = AddresseeEnd(k, cueEnd, contentEnd, cw);
            var display = Range(cueStart, addresseeEnd);
            after = SkipAdverbials(addresseeEnd, contentEnd);
            var statementEnd = StatementPhraseEnd(cueEnd, contentEnd);
            if (statementEnd > cueEnd)
            {
                cueEnd = statementEnd;
                display = Range(cueStart, Math.Max(statementEnd, addresseeEnd));
                after = SkipAdverbials(Math.Max(statementEnd, after), contentEnd);
            }

            // a participle cue stands after a comma, "and", "by" or an auxiliary ("Trump attacked Clinton, saying ..."); elsewhere
            // ("most memorable for Mr Trump ordering a strike") it is not an attribution
            if (cw.Participle && cueStart > first && !(IsChar(cueStart - 1, ',') || IsWord(cueStart - 1, "and") || IsWord(cueStart - 1, "by")
                || IsWord(cueStart - 1, "is") || IsWord(cueStart - 1, "are") || IsWord(cueStart - 1, "was") || IsWord(cueStart - 1, "were")
                || IsWord(cueStart - 1, "been") || IsWord(cueStart - 1, "after") || IsWord(cueStart - 1, "while") || IsWord(cueStart - 1, "when")
                || IsWord(cueStart - 1, "before") || WordSets.CueModifiers.Contains(Word(cueStart - 1))))
            {
                return;
            }

            if (IsWord(cueEnd, "by") || (k > first && (IsWord(k - 1, "was") || IsWord(k - 1, "were") || IsWord(k - 1, "been") || IsWord(k - 1, "being")) && cw.Past))
            {
                return; // passive: "a statement issued by the ministry", "was asked"
            }

            Np? source;
            var inverted = false;
            if (cw.Participle && cueStart > first && (IsChar(cueStart - 1, ',') || IsWord(cueStart - 1, "and") || IsWord(cueStart - 1, "by")))
            {
                source = SubjectOfSentence(first, cueStart);
            }
            else if (cueStart > first && (IsChar(cueStart - 1, ',') || IsQuoteTok(cueStart - 1)) && after >= contentEnd - 0 && RightNp(cueEnd, contentEnd) is { } right
                     && SkipAdverbials(right.First + right.Count, contentEnd) >= contentEnd)
            {
                // ..., said the ministry.
                source = right;
                inverted = true;
            }
            else if (cueStart > first && (IsWord(cueStart - 1, "and") || IsWord(cueStart - 1, "but")))
            {
                source = SubjectOfSentence(first, cueStart);
            }
            else
            {
                source = LeftNp(cueStart, first);
            }

            if (source is null)
            {
                return;
            }

            List<TextRange> content;
            AttributionLayout layout;
            var clauseFollows = after + 1 < contentEnd && IsChar(after, ',') && (WordSets.ClauseJoiners.Contains(Word(after + 1))
                || IsWord(after + 1, "as") || IsWord(after + 1, "because") || IsWord(after + 1, "though") || IsWord(after + 1, "although")
                || (CueLexicon.TryGet(Word(after + 1), out var nextCue) && nextCue.Participle));
            if (inverted || after >= contentEnd || (clauseFollows && source.Value.First > first && IsChar(source.Value.First - 1, ',')))
            {
                // CONTENT, X said.
                var boundary = inverted ? cueStart - 1 : source.Value.First - 1;
                if (boundary <= first || !(IsChar(boundary, ',') || IsQuoteTok(boundary)))
                {
                    return;
                }

                var cStart = first;
                if (IsSkippableLead(cStart) && cStart + 1 < boundary)
                {
                    cStart++;
                }

                content = [Range(cStart, boundary)];
                layout = AttributionLayout.ReportedBefore;
            }
            else
            {
                // "said that talks would ..." (but "said that was not her view": a demonstrative subject)
                if ((IsWord(after, "that") && !(after + 1 < contentEnd && WordSets.NpStop.Contains(Word(after + 1)) && !WordSets.PersonalPronouns.Contains(Word(after + 1))))
                    || IsChar(after, ':') || IsChar(after, ','))
                {
                    after++;
                }

                if (after >= contentEnd)
                {
                    return;
                }

                var minTokens = cw.Class is CueClass.Evaluation ? 1 : 2;
                if (contentEnd - after < minTokens)
                {
                    return;
                }

                // the content is a quotation already attributed in the first pass
                if (_quoteOf[after] >= 0 && _quoteAttribution[_quoteOf[after]] >= 0)
                {
                    return;
                }

                content = [Range(after, ReportedContentEnd(after, contentEnd))];
                layout = AttributionLayout.Reported;
                // The museum, Mr. Obama said, would make visitors face uncomfortable truths.
                if (source.Value.First - 1 > first && IsChar(source.Value.First - 1, ',') && after > cueEnd && IsChar(after - 1, ',') && cw.Class == CueClass.Speech)
                {
                    var lead = first;
                    while (lead < source.Value.First - 1 && IsSkippableLead(lead))
                    {
                        lead++;
                    }

                    if (lead < source.Value.First - 1)
                    {
                        content = [Range(lead, source.Value.First - 1), content[0]];
                    }
                }
            }

            var direct = IsWholeQuotation(content[0]);
            MarkUsed(cueStart, cueEnd);
            Result.Add(new ExtractedAttribution(
                source.Value.Range, source.Value.First, source.Value.Count, Range(cueStart, cueEnd), display, content, content, direct, layout, -1));
        }

        private static readonly WordSet SectionLabels = new(
            "opinion", "analysis", "update", "updated", "watch", "read", "breaking", "exclusive", "video", "photos", "related", "source",
            "sources", "note", "editor", "correction", "live", "listen", "more", "see", "comment", "commentary", "review", "explainer");

        /// <summary>
        /// A headline or transcript line "Pat Caddell: Democrat Voters Worried ..." / "PENCE: Well, look, ...": a short
        /// name before a colon that opens the line; the content runs to the end of the paragraph.
        /// </summary>
        private void SpeakerColon(int s, int first, int end)
        {
            var para = _sents[s].Paragraph;
            if (s > 0 && _sents[s - 1].Paragraph == para)
            {
                return; // the colon must open its paragraph
            }

            var lead = first;
            while (lead < end && IsQuoteTok(lead))
            {
                lead++;
            }

            var colon = -1;
            for (var t = lead; t < Math.Min(end, lead + 5); t++)
            {
                if (IsChar(t, ':'))
                {
                    colon = t;
                    break;
                }

                if (!char.IsUpper(_text[_tok[t].Start]) && !IsWord(t, "of") && !IsChar(t, '.'))
                {
                    return;
                }
            }

            if (colon <= lead || colon + 1 >= end || _used[colon] || IsNumber(colon - 1) || IsNumber(colon + 1))
            {
                return;
            }

            var allCaps = true;
            for (var t = lead; t < colon; t++)
            {
                foreach (var c in Word(t))
                {
                    if (char.IsLower(c))
                    {
                        allCaps = false;
                    }
                }
            }

            if (para != 0 && !allCaps)
            {
                return; // mid-article, only a transcript's SPEAKER: line
            }

            var np = LeftNp(colon, lead);
            if (np is null || np.Value.First != lead || WordSets.NpStop.Contains(Word(lead)) || (colon == lead + 1 && SectionLabels.Contains(Word(lead))))
            {
                return;
            }

            // to the end of the paragraph
            var last = end - 1;
            for (var s2 = s + 1; s2 < _sents.Length && _sents[s2].Paragraph == para; s2++)
            {
                last = Math.Min(_sents[s2].EndToken, _tok.Length) - 1;
            }

            var content = Range(colon + 1, last + 1);
            MarkUsed(lead, colon + 1);
            var cue = Range(colon, colon + 1);
            Result.Add(new ExtractedAttribution(np.Value.Range, np.Value.First, np.Value.Count, cue, cue, [content], [content], IsWholeQuotation(content), AttributionLayout.Reported, -1));
        }

        private void According(int k, int first, int end)
        {
            var contentEnd = ContentEnd(end);
            var right = RightNp(k + 2, contentEnd);
            if (right is null)
            {
                return;
            }

            var npEnd = right.Value.First + right.Value.Count;
            TextRange content;
            var lead = first;
            while (lead < k && (IsChar(lead, ',') || IsSkippableLead(lead) || IsQuoteTok(lead)))
            {
                lead++;
            }

            if (lead == k)
            {
                // According to X, CONTENT.
                var c = npEnd;
                if (c < contentEnd && IsChar(c, ','))
                {
                    c++;
                }

                if (contentEnd - c < 2)
                {
                    return;
                }

                content = Range(c, contentEnd);
            }
            else
            {
                // CONTENT, according to X.
                var boundary = k - 1;
                if (IsChar(boundary, ','))
                {
                    boundary--;
                }

                if (boundary < lead)
                {
                    return;
                }

                content = Range(lead, boundary + 1);
            }

            MarkUsed(k, k + 2);
            var cue = Range(k, k + 2);
            Result.Add(new ExtractedAttribution(
                right.Value.Range, right.Value.First, right.Value.Count, cue, cue, [content], [content], IsWholeQuotation(content), AttributionLayout.According, -1));
        }

        /// <summary>"China says it will ... and its Commerce Ministry on Thursday said ...": the first content stops before the second attribution.</summary>
        private void TrimCoordinatedContent()
        {
            for (var i = 0; i < Result.Count; i++)
            {
                var a = Result[i];
                if (a.Layout != AttributionLayout.Reported || a.Content.Count != 1)
                {
                    continue;
                }

                var c = a.Content[0];
                foreach (var b in Result.ToArray())
                {
                    if (ReferenceEquals(a, b) || b.Source is not { } src || b.Cue is not { } cue || !c.Contains(cue) || !c.Contains(src) || src.Start <= c.Start)
                    {
                        continue;
                    }

                    var t = IndexAtOrAfter(src.Start) - 1;
                    if (t >= 0 && (IsWord(t, "and") || IsWord(t, "but")))
                    {
                        var cut = t;
                        if (cut > 0 && IsChar(cut - 1, ','))
                        {
                            cut--;
                        }

                        if (cut > IndexAtOrAfter(c.Start))
                        {
                            var trimmed = new TextRange(c.Start, _tok[cut - 1].End);
                            Result[i] = a with { Content = [trimmed], ContentWithMarks = [trimmed], Direct = IsWholeQuotation(trimmed) };
                            c = trimmed;
                        }
                    }
                }
            }
        }

        // ------------------------------------------------------------------ continuation paragraphs

        /// <summary>
        /// A paragraph that is one quotation with no attribution, right after a paragraph whose last attribution was a
        /// direct quote, continues that speaker.
        /// </summary>
        public void Continuations()
        {
            for (var q = 0; q < _quotes.Count; q++)
            {
                var quote = _quotes[q];
                if (_quoteAttribution[q] >= 0 || quote.ContinuesFrom >= 0 || !quote.StartsParagraph || WordCount(quote.Inner) < 3)
                {
                    continue;
                }

                // the paragraph must be the quotation (and its continuation chain) and nothing else
                var last = q;
                while (last + 1 < _quotes.Count && _quotes[last + 1].ContinuesFrom == last)
                {
                    last++;
                }

                if (!_quotes[last].EndsParagraph || HasCueOutsideQuotes(_quotes[last].Paragraph))
                {
                    continue;
                }

                var previous = LastAttributionInParagraph(quote.Paragraph - 1);
                if (previous < 0 || !Result[previous].Direct)
                {
                    continue;
                }

                var content = new List<TextRange>();
                var marks = new List<TextRange>();
                for (var k = q; k <= last; k++)
                {
                    content.Add(Trim(_quotes[k].Inner));
                    marks.Add(_quotes[k].Outer);
                    _quoteAttribution[k] = Result.Count;
                }

                Result.Add(new ExtractedAttribution(null, -1, 0, null, null, content, marks, true, AttributionLayout.Continuation, previous));
                q = last;
            }
        }

        private int LastAttributionInParagraph(int paragraph)
        {
            if (paragraph < 0)
            {
                return -1;
            }

            var best = -1;
            var bestStart = -1;
            for (var i = 0; i < Result.Count; i++)
            {
                var c = Result[i].Content;
                if (c.Count == 0)
                {
                    continue;
                }

                var t = IndexAtOrAfter(c[^1].Start);
                if (t < _tok.Length && _sentOf[t] >= 0 && _sents[_sentOf[t]].Paragraph == paragraph && c[^1].Start > bestStart)
                {
                    best = i;
                    bestStart = c[^1].Start;
                }
            }

            return best;
        }

        private bool HasCueOutsideQuotes(int paragraph)
        {
            for (var s = 0; s < _sents.Length; s++)
            {
                if (_sents[s].Paragraph != paragraph)
                {
                    continue;
                }

                for (var t = _sents[s].FirstToken; t < Math.Min(_sents[s].EndToken, _tok.Length); t++)
                {
                    if (_quoteOf[t] < 0 && CueLexicon.TryGet(Word(t), out var cw) && cw.Class is CueClass.Speech or CueClass.Tell)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // ------------------------------------------------------------------ phrases

        private readonly record struct Np(int First, int Count, TextRange Range);

        /// <summary>The cue verb with the auxiliaries and adverbs right before it ("has repeatedly warned").</summary>
        private (int Start, int End) CueGroup(int k, int floor)
        {
            var start = k;
            while (start - 1 >= floor && WordSets.CueModifiers.Contains(Word(start - 1)) && !IsWord(start - 1, "since"))
            {
                start--;
            }

            if (start == k && start - 1 >= floor && (IsWord(k - 1, "is") || IsWord(k - 1, "are") || IsWord(k - 1, "was") || IsWord(k - 1, "were"))
                && Word(k).EndsWith("ing", StringComparison.OrdinalIgnoreCase))
            {
                start--; // "Hillary Clinton is promoting"
            }

            var end = k + 1;
            if (end < _tok.Length && (IsWord(k, "pointed") || IsWord(k, "points") || IsWord(k, "point")) && (IsWord(end, "out") || IsWord(end, "to")))
            {
                end++;
            }

            return (start, end);
        }

        /// <summary>"told Al Jazeera", "told a security conference in Washington", "assured reporters".</summary>
        private int AddresseeEnd(int verb, int cueEnd, int limit, CueWord cw)
        {
            if (cw.Class != CueClass.Tell && !(cw.Lemma is "warn" or "urge" or "ask" or "remind"))
            {
                return cueEnd;
            }

            var t = cueEnd;
            var n = 0;
            while (t < limit && n < 10)
            {
                if (IsPunct(t) || IsQuoteTok(t) || IsWord(t, "that") || IsWord(t, "on") || IsWord(t, "this") || IsWord(t, "last")
                    || IsWord(t, "to") || IsWord(t, "he") || IsWord(t, "she") || IsWord(t, "it") || IsWord(t, "they") || IsWord(t, "there")
                    || IsWord(t, "whether") || IsWord(t, "if") || IsWord(t, "how") || IsWord(t, "what") || IsWord(t, "why")
                    || WordSets.Weekdays.Contains(Word(t)))
                {
                    break;
                }

                t++;
                n++;
            }

            // an addressee is a short noun phrase: "reporters", "Al Jazeera", "a Senate hearing"; warn/urge/ask take one
            // only before "that", "to" or a quote ("warned reporters that", "urged Congress to")
            if (cw.Class != CueClass.Tell && (n > 3 || !(t < limit && (IsWord(t, "that") || IsWord(t, "to") || IsQuoteTok(t) || IsChar(t, ':')))))
            {
                return cueEnd;
            }

            return t;
        }

        /// <summary>"said in a statement", "said in an interview with CNN" (the cue takes "in a statement").</summary>
        private int StatementPhraseEnd(int cueEnd, int limit)
        {
            var t = cueEnd;
            if (t + 2 < limit && IsWord(t, "in") && (IsWord(t + 1, "a") || IsWord(t + 1, "an") || IsWord(t + 1, "the") || IsWord(t + 1, "his") || IsWord(t + 1, "her")))
            {
                var n = t + 2;
                if (n + 1 < limit && !WordSets.StatementNouns.Contains(Word(n)) && WordSets.StatementNouns.Contains(Word(n + 1)))
                {
                    n++; // "in a phone interview", "in a written statement"
                }

                if (WordSets.StatementNouns.Contains(Word(n)))
                {
                    return n + 1;
                }
            }

            return cueEnd;
        }

        /// <summary>Skips "on Friday", "this week", "last month", "in a statement", "yesterday" after a cue.</summary>
        private int SkipAdverbials(int t, int limit)
        {
            while (t < limit)
            {
                if (IsWord(t, "on") && t + 1 < limit && (WordSets.Weekdays.Contains(Word(t + 1)) || WordSets.Months.Contains(Word(t + 1)) || IsWord(t + 1, "the")))
                {
                    t += IsWord(t + 1, "the") ? 3 : 2;
                    while (t < limit && (IsNumber(t) || WordSets.Months.Contains(Word(t))))
                    {
                        t++;
                    }

                    continue;
                }

                if ((IsWord(t, "this") || IsWord(t, "last") || IsWord(t, "next") || IsWord(t, "earlier") || IsWord(t, "late")) && t + 1 < limit
                    && (IsWord(t + 1, "week") || IsWord(t + 1, "month") || IsWord(t + 1, "year") || IsWord(t + 1, "weekend") || IsWord(t + 1, "morning")
                        || IsWord(t + 1, "afternoon") || IsWord(t + 1, "evening") || IsWord(t + 1, "night") || IsWord(t + 1, "spring")
                        || IsWord(t + 1, "summer") || IsWord(t + 1, "fall") || IsWord(t + 1, "winter") || WordSets.Weekdays.Contains(Word(t + 1))))
                {
                    t += 2;
                    continue;
                }

                if (IsWord(t, "yesterday") || IsWord(t, "today") || IsWord(t, "tonight") || IsWord(t, "recently") || IsWord(t, "earlier")
                    || IsWord(t, "later") || IsWord(t, "previously") || IsWord(t, "again") || IsWord(t, "repeatedly") || IsWord(t, "publicly")
                    || IsWord(t, "privately") || WordSets.Weekdays.Contains(Word(t)))
                {
                    t++;
                    continue;
                }

                if (IsWord(t, "in") && t + 2 < limit && (IsWord(t + 1, "a") || IsWord(t + 1, "an")) && WordSets.StatementNouns.Contains(Word(t + 2)))
                {
                    t += 3;
                    continue;
                }

                break;
            }

            return t;
        }

        /// <summary>The subject noun phrase ending right before <paramref name="cueStart"/>, walking left no further than <paramref name="floor"/>.</summary>
        private Np? LeftNp(int cueStart, int floor)
        {
            var k = cueStart - 1;
            // "its Commerce Ministry on Thursday said", "who in 2010 said", "Tillerson has in the past expressed"
            if (k - 1 >= floor && IsWord(k - 1, "on") && WordSets.Weekdays.Contains(Word(k)))
            {
                k -= 2;
            }
            else if (k - 1 >= floor && IsWord(k - 1, "in") && IsNumber(k))
            {
                k -= 2;
            }
            else if (k - 2 >= floor && IsWord(k - 2, "in") && IsWord(k - 1, "the") && (IsWord(k, "past") || IsWord(k, "end") || IsWord(k, "meantime")))
            {
                k -= 3;
            }

            while (k >= floor && WordSets.CueModifiers.Contains(Word(k)) && !IsWord(k, "'s") && !IsWord(k, "’s"))
            {
                k--;
            }

            if (k < floor)
            {
                return null;
            }

            var end = k + 1;
            if (IsChar(k, ','))
            {
                // X, a political analyst and adviser to China's government, said
                var c2 = k - 1;
                while (c2 >= floor && !IsChar(c2, ',') && !IsSentenceEndChar(c2) && !IsQuoteTok(c2) && cueStart - c2 < MaxSourceTokens)
                {
                    c2--;
                }

                if (c2 < floor + 1 || !IsChar(c2, ',') || c2 + 1 >= k)
                {
                    return null;
                }

                var segStart = c2 + 1;
                var segIsName = char.IsUpper(_text[_tok[segStart].Start]) && NpLeftEdge(k - 1, segStart) == segStart;
                if (!char.IsUpper(_text[_tok[c2 - 1].Start]) && !IsChar(c2 - 1, ')') && !WordSets.PersonalPronouns.Contains(Word(c2 - 1)) && !segIsName)
                {
                    return null; // the head before the apposition is a name (or the apposition is)
                }

                var head = NpLeftEdge(c2 - 1, floor);
                if (head < 0)
                {
                    return null;
                }

                // Scott Pruitt, the Republican attorney general of Oklahoma, one of the states suing the EPA, said
                while (head - 2 >= floor && IsChar(head - 1, ',') && cueStart - head < MaxSourceTokens
                       && (WordSets.AppositionStarts.Contains(Word(head)) || char.IsLower(_text[_tok[head].Start])))
                {
                    var before = NpLeftEdge(head - 2, floor);
                    if (before < 0 || !char.IsUpper(_text[_tok[head - 2].Start]))
                    {
                        break;
                    }

                    head = before;
                }

                return MakeNp(head, end);
            }

            if (WordSets.RelativePronouns.Contains(Word(k)) && !IsWord(k, "that"))
            {
                return MakeNp(k, k + 1);
            }

            if (WordSets.PersonalPronouns.Contains(Word(k)))
            {
                return MakeNp(k, k + 1);
            }

            var left = NpLeftEdge(k, floor);
            return left < 0 ? null : MakeNp(left, end);
        }

        /// <summary>Walks left from <paramref name="k"/> (the phrase's last token) over a noun phrase; -1 if there is none.</summary>
        private int NpLeftEdge(int k, int floor)
        {
            if (!IsNpToken(k, true))
            {
                return -1;
            }

            var i = k;
            while (i - 1 >= floor && k - (i - 1) < 12 && IsNpToken(i - 1, false))
            {
                i--;
            }

            // a phrase does not start with a preposition or a connective
            while (i < k && (WordSets.NpInnerPrepositions.Contains(Word(i)) || IsPunct(i)))
            {
                i++;
            }

            // sentence-initial capitalised connectives: "But Trump said"
            while (i < k && WordSets.NpStop.Contains(Word(i)) && !(Word(i) is "US" or "IT"))
            {
                i++;
            }

            return i;
        }

        private bool IsNpToken(int i, bool head)
        {
            var w = Word(i);
            if (w.Length == 0 || _quoteOf[i] >= 0 && !head)
            {
                return false;
            }

            var c = w[0];
            if (IsQuoteTok(i))
            {
                return false;
            }

            if (!char.IsLetterOrDigit(c))
            {
                // Trump's, co-host, U.S., A&M, Rep. Gwen Moore (D-Wis.)
                return (!head && (w is "'s" or "’s" or "-" or "&" or "." or "(" || w.StartsWith('\'') || w.StartsWith('\u2019'))) || w is ")";
            }

            if (WordSets.NpStop.Contains(w) && !(w is "US" or "IT"))
            {
                return head && WordSets.PersonalPronouns.Contains(w);
            }

            if (CueLexicon.TryGet(w, out var cw) && cw.Class is CueClass.Speech or CueClass.Tell && (cw.Past || cw.Participle))
            {
                return false;
            }

            if (head && char.IsLower(c) && w.EndsWith("ly", StringComparison.Ordinal))
            {
                return false;
            }

            return true;
        }

        /// <summary>The noun phrase starting at <paramref name="t"/>: "Tangen", "the Russian Foreign ministry", "campaign manager Jeff Weaver".</summary>
        private Np? RightNp(int t, int limit)
        {
            if (t >= limit)
            {
                return null;
            }

            if (WordSets.PersonalPronouns.Contains(Word(t)))
            {
                return MakeNp(t, t + 1);
            }

            var i = t;
            while (i < limit && i - t < 12 && IsNpToken(i, false) && !(i > t && (IsWord(i, "in") || IsWord(i, "at")) && i + 1 < limit
                   && (WordSets.Weekdays.Contains(Word(i + 1)) || IsWord(i + 1, "a") || IsWord(i + 1, "an"))))
            {
                if (i > t && (IsWord(i, "on") || WordSets.Weekdays.Contains(Word(i))))
                {
                    break;
                }

                i++;
            }

            while (i > t && (WordSets.NpInnerPrepositions.Contains(Word(i - 1)) || WordSets.Determiners.Contains(Word(i - 1))))
            {
                i--;
            }

            if (i == t)
            {
                return null;
            }

            // said John Smith, a spokesman for the ministry.
            if (i < limit && IsChar(i, ',') && i + 1 < limit && (WordSets.AppositionStarts.Contains(Word(i + 1)) || char.IsLower(_text[_tok[i + 1].Start])))
            {
                var j = i + 1;
                while (j < limit && !IsChar(j, ',') && !IsQuoteTok(j) && j - t < MaxSourceTokens)
                {
                    j++;
                }

                if (j >= limit || IsChar(j, ','))
                {
                    return MakeNp(t, j);
                }
            }

            return MakeNp(t, i);
        }

        /// <summary>The sentence's subject for a participle cue ("Other Republicans echoed ..., saying ...").</summary>
        private Np? SubjectOfSentence(int first, int before)
        {
            foreach (var a in Enumerable.Reverse(Result))
            {
                if (a.Source is { } src && a.SourceFirstToken >= first && a.SourceFirstToken < before)
                {
                    return new Np(a.SourceFirstToken, a.SourceTokenCount, src);
                }
            }

            var t = first;
            while (t < before && (IsQuoteTok(t) || IsSkippableLead(t)))
            {
                t++;
            }

            // skip an introductory phrase ending in a comma ("On Monday, Clinton ...")
            for (var k = t; k < Math.Min(before, t + 8); k++)
            {
                if (IsChar(k, ','))
                {
                    if (!char.IsUpper(_text[_tok[t].Start]) || WordSets.NpStop.Contains(Word(t)) || WordSets.NpInnerPrepositions.Contains(Word(t))
                        || IsWord(t, "after") || IsWord(t, "before") || IsWord(t, "during"))
                    {
                        t = k + 1;
                    }

                    break;
                }
            }

            var np = RightNp(t, before);
            return np;
        }

        private Np MakeNp(int first, int end)
        {
            var last = end - 1;
            return new Np(first, end - first, new TextRange(_tok[first].Start, _tok[last].End));
        }

        // ------------------------------------------------------------------ helpers

        /// <summary>Where reported content after a cue at <paramref name="from"/> ends: the sentence end, or a non-restrictive
        /// clause (", which ...", ", implicitly putting ...") or a second verb of the subject ("and blamed ...").</summary>
        private int ReportedContentEnd(int from, int contentEnd)
        {
            var depth = 0;
            for (var t = from; t < contentEnd - 1; t++)
            {
                if (IsQuoteTok(t))
                {
                    depth ^= 1;
                }

                if (depth != 0)
                {
                    continue;
                }

                if (IsChar(t, ',') && t > from)
                {
                    var n = Word(t + 1);
                    if ((n.Equals("which", StringComparison.OrdinalIgnoreCase) && t - from >= 5)
                        || (n.EndsWith("ing", StringComparison.OrdinalIgnoreCase) && n.Length > 5 && char.IsLower(n[0]))
                        || (n.EndsWith("ly", StringComparison.OrdinalIgnoreCase) && t + 2 < contentEnd && Word(t + 2).EndsWith("ing", StringComparison.OrdinalIgnoreCase)))
                    {
                        return t;
                    }
                }

                if ((IsWord(t, "and") || IsWord(t, "but")) && t > from + 1 && CueLexicon.TryGet(Word(t + 1), out var v) && v.Past)
                {
                    return t;
                }
            }

            return contentEnd;
        }

        private int ContentEnd(int sentenceEnd)
        {
            var e = sentenceEnd;
            while (e > 0 && (IsSentenceEndChar(e - 1) || (IsQuoteTok(e - 1) && !QuoteClosesInside(e - 1))))
            {
                e--;
            }

            return e;
        }

        /// <summary>A closing quote mark at the end of reported content belongs to it ("may be faced with “unacceptable options”").</summary>
        private bool QuoteClosesInside(int t) => t > 0 && _quoteOf[t - 1] >= 0 && _quotes[_quoteOf[t - 1]].Closed
            && _quotes[_quoteOf[t - 1]].Outer.End == _tok[t].End;

        private bool IsWholeQuotation(TextRange r)
        {
            var t = IndexAtOrAfter(r.Start);
            if (t >= _tok.Length || _quoteOf[t] < 0)
            {
                return IsQuoteTok(t) && t + 1 < _tok.Length && _quoteOf[t + 1] >= 0 && _quotes[_quoteOf[t + 1]].Inner.End >= r.End - 2;
            }

            return _quotes[_quoteOf[t]].Inner.End >= r.End - 2;
        }

        private bool IsSkippableLead(int t) => IsWord(t, "and") || IsWord(t, "but") || IsWord(t, "so") || IsQuoteTok(t);

        private void MarkUsed(int start, int end)
        {
            for (var t = Math.Max(0, start); t < Math.Min(end, _used.Length); t++)
            {
                _used[t] = true;
            }
        }

        private TextRange Range(int firstToken, int endToken) =>
            new(_tok[firstToken].Start, _tok[Math.Max(firstToken, endToken - 1)].End);

        private TextRange Trim(TextRange r)
        {
            int s = r.Start, e = r.End;
            while (s < e && char.IsWhiteSpace(_text[s]))
            {
                s++;
            }

            while (e > s && char.IsWhiteSpace(_text[e - 1]))
            {
                e--;
            }

            return new TextRange(s, e);
        }

        private int WordCount(TextRange r)
        {
            var n = 0;
            for (var t = IndexAtOrAfter(r.Start); t < _tok.Length && _tok[t].Start < r.End; t++)
            {
                if (char.IsLetterOrDigit(_text[_tok[t].Start]))
                {
                    n++;
                }
            }

            return n;
        }

        private bool SameParagraph(int t, int position)
        {
            var s = _sentOf[t];
            var t2 = IndexAtOrAfter(Math.Max(0, position - 1));
            if (t2 >= _tok.Length)
            {
                return false;
            }

            var s2 = _sentOf[t2];
            return s >= 0 && s2 >= 0 && _sents[s].Paragraph == _sents[s2].Paragraph;
        }

        private bool IsSentenceEnd(int t) => IsSentenceEndChar(t) && (t + 1 >= _tok.Length || _sentOf[t + 1] != _sentOf[t] || !IsQuoteTok(t + 1));

        private bool IsSentenceEndChar(int t) => _tok[t].Length == 1 && _text[_tok[t].Start] is '.' or '?' or '!' or ';';

        private bool IsQuoteTok(int t)
        {
            if (t < 0 || t >= _tok.Length)
            {
                return false;
            }

            var tok = _tok[t];
            for (var i = tok.Start; i < tok.End; i++)
            {
                if (!Quotations.IsQuoteChar(_text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private bool IsPunct(int t) => !char.IsLetterOrDigit(_text[_tok[t].Start]) && !IsQuoteTok(t);

        private bool IsNumber(int t) => char.IsDigit(_text[_tok[t].Start]);

        private bool IsChar(int t, char c) => t >= 0 && t < _tok.Length && _tok[t].Length == 1 && _text[_tok[t].Start] == c;

        private bool IsWord(int t, string w) => t >= 0 && t < _tok.Length && Word(t).Equals(w, StringComparison.OrdinalIgnoreCase);

        private bool IsDeterminer(int t) => WordSets.Determiners.Contains(Word(t)) && !IsWord(t, "that");

        private ReadOnlySpan<char> Word(int t) => _text.AsSpan(_tok[t].Start, _tok[t].Length);

        private int IndexAtOrAfter(int position)
        {
            int lo = 0, hi = _tok.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (_tok[mid].End <= position)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }
}
