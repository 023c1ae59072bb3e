using Parallax.Core;

namespace Parallax.Nlp.Quotes;

/// <summary>
/// A quotation found from its quote marks. <see cref="Outer"/> spans the marks, <see cref="Inner"/> what is between
/// them. A quotation left open at the end of its paragraph has <see cref="Closed"/> false; when the next paragraph
/// opens with a quote mark it continues there (<see cref="ContinuesFrom"/> points back to the earlier part).
/// </summary>
public readonly record struct Quotation(TextRange Outer, TextRange Inner, bool Closed, int Paragraph, int ContinuesFrom)
{
    public bool StartsParagraph { get; init; }

    public bool EndsParagraph { get; init; }
}

/// <summary>
/// Finds quotations in paragraphs: curly double quotes (“ ”), straight double quotes ("), TeX/NYT style (`` '' and '' ''),
/// and single curly quotes (‘ ’) when no double quote is open and the marks stand at word edges (so apostrophes are
/// never taken for quotes). Nested quotes inside a double-quoted passage stay part of it.
/// </summary>
public static class Quotations
{
    public static bool IsQuoteChar(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E' or '\u2018' or '\u2019' or '`' or '\'' or '\u00AB' or '\u00BB';

    public static List<Quotation> Find(string text, IReadOnlyList<TextRange> paragraphs)
    {
        var result = new List<Quotation>();
        var openFromPrevious = -1;
        for (var p = 0; p < paragraphs.Count; p++)
        {
            var para = paragraphs[p];
            var firstNonSpace = para.Start;
            while (firstNonSpace < para.End && char.IsWhiteSpace(text[firstNonSpace]))
            {
                firstNonSpace++;
            }

            var lastNonSpace = para.End;
            while (lastNonSpace > firstNonSpace && char.IsWhiteSpace(text[lastNonSpace - 1]))
            {
                lastNonSpace--;
            }

            var open = -1;        // position of the open mark
            var openLength = 0;
            var openKind = 0;     // 1 double curly, 2 straight, 3 two apostrophes / backticks, 4 single curly, 5 guillemet
            var continued = -1;
            var i = para.Start;
            while (i < para.End)
            {
                var c = text[i];
                if (!IsQuoteChar(c))
                {
                    i++;
                    continue;
                }

                var prev = i > para.Start ? text[i - 1] : ' ';
                var twoMarks = i + 1 < para.End && ((c == '\'' && text[i + 1] == '\'') || (c == '`' && text[i + 1] == '`'));
                var next = i + (twoMarks ? 2 : 1) < para.End ? text[i + (twoMarks ? 2 : 1)] : ' ';
                var len = twoMarks ? 2 : 1;
                if (open < 0)
                {
                    var kind = c switch
                    {
                        '\u201C' or '\u201E' => 1,
                        '"' => 2,
                        '\u00AB' => 5,
                        '`' when twoMarks => 3,
                        '\'' when twoMarks && !char.IsLetterOrDigit(prev) => 3,
                        '\u2018' when !char.IsLetterOrDigit(prev) && !char.IsWhiteSpace(next) => 4,
                        '\u201D' when i == firstNonSpace => 1, // a closing mark used as opener at paragraph start
                        _ => 0,
                    };
                    if (kind == 2 && char.IsLetterOrDigit(prev))
                    {
                        kind = 0; // 5'10" and similar
                    }

                    if (kind != 0)
                    {
                        open = i;
                        openLength = len;
                        openKind = kind;
                        if (i == firstNonSpace && openFromPrevious >= 0)
                        {
                            continued = openFromPrevious;
                        }
                    }

                    i += len;
                    continue;
                }

                var closes = openKind switch
                {
                    1 => c is '\u201D' || (c == '"'),
                    2 => c is '"' or '\u201D',
                    3 => twoMarks && c == '\'',
                    4 => c == '\u2019' && !char.IsLetterOrDigit(next),
                    5 => c == '\u00BB',
                    _ => false,
                };
                if (closes)
                {
                    var end = i + len;
                    result.Add(new Quotation(new TextRange(open, end), new TextRange(open + openLength, i), true, p, continued)
                    {
                        StartsParagraph = open == firstNonSpace,
                        EndsParagraph = end >= lastNonSpace,
                    });
                    open = -1;
                    continued = -1;
                }

                i += len;
            }

            openFromPrevious = -1;
            if (open >= 0 && openKind != 4 && lastNonSpace > open + openLength)
            {
                // left open at the paragraph's end: it runs to the end and may continue in the next paragraph
                openFromPrevious = result.Count;
                result.Add(new Quotation(new TextRange(open, lastNonSpace), new TextRange(open + openLength, lastNonSpace), false, p, continued)
                {
                    StartsParagraph = open == firstNonSpace,
                    EndsParagraph = true,
                });
            }
        }

        return result;
    }
}
