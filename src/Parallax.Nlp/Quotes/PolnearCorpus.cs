using System.Globalization;
using Parallax.Core;

namespace Parallax.Nlp.Quotes;

/// <summary>A possibly discontinuous span of a BRAT annotation (<c>T1 Content 10 20;30 40</c>).</summary>
public sealed record BratSpan(IReadOnlyList<TextRange> Parts)
{
    public int Start => Parts[0].Start;

    public int End => Parts[^1].End;

    public string Of(string text) => string.Join(" ", Parts.Select(p => p.Of(text)));
}

/// <summary>One gold attribution of PolNeAR: its content, cue and (optional) source.</summary>
public sealed record GoldAttribution(BratSpan? Source, BratSpan Cue, BratSpan Content);

/// <summary>One PolNeAR article as annotated by one annotator.</summary>
public sealed record PolnearDocument(string Article, string Annotator, string Text, IReadOnlyList<GoldAttribution> Attributions, DateOnly? Published);

/// <summary>
/// Reads PolNeAR (<c>text/*.txt</c> + BRAT standoff <c>attributions/*_ANNOTATOR.ann</c>). Text-bound annotations
/// <c>Source</c>, <c>Cue</c>, <c>Content</c> (discontinuous spans allowed) are linked by events
/// <c>E1 Attribution:T4 Content:T3 Cue:T2 Source:T1</c> (or <c>Attribution-no-source</c>). <c>Content2</c> (a second
/// content of the same event) is joined into the content span. <c>Discard</c> and <c>Discuss</c> are ignored.
/// </summary>
public static class PolnearCorpus
{
    /// <summary>
    /// Reads one split folder. Some articles were annotated by several annotators (the file suffix is the annotator
    /// id). With <paramref name="oneAnnotatorPerArticle"/> only the file whose annotator id sorts first (ordinal) is
    /// kept, so every article counts once; otherwise every annotation file is returned.
    /// </summary>
    public static IReadOnlyList<PolnearDocument> Read(string directory, bool oneAnnotatorPerArticle = true)
    {
        var textDir = Path.Combine(directory, "text");
        var annDir = Path.Combine(directory, "attributions");
        if (!Directory.Exists(textDir) || !Directory.Exists(annDir))
        {
            throw new ParallaxException(
                ErrorCodes.InputNotFound,
                $"'{directory}' is not a PolNeAR split folder: it needs text/ and attributions/ (e.g. .../polnear/dev).");
        }

        var dates = ReadDates(Path.Combine(directory, "..", "metadata.tsv"));
        var files = Directory.GetFiles(annDir, "*.ann");
        Array.Sort(files, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var docs = new List<PolnearDocument>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var cut = name.LastIndexOf('_');
            if (cut <= 0)
            {
                throw new ParallaxException(ErrorCodes.DataFormat, $"{file}: expected ARTICLE_ANNOTATOR.ann.");
            }

            var article = name[..cut];
            var annotator = name[(cut + 1)..];
            if (oneAnnotatorPerArticle && !seen.Add(article))
            {
                continue;
            }

            var textPath = Path.Combine(textDir, article + ".txt");
            if (!File.Exists(textPath))
            {
                throw new ParallaxException(ErrorCodes.InputNotFound, $"{file}: its text {textPath} is missing.");
            }

            var text = File.ReadAllText(textPath);
            var attributions = ParseAnn(File.ReadLines(file), file);
            docs.Add(new PolnearDocument(article, annotator, text, attributions, dates.TryGetValue(article, out var d) ? d : null));
        }

        return docs;
    }

    /// <summary>Parses the lines of one .ann file into attributions.</summary>
    public static IReadOnlyList<GoldAttribution> ParseAnn(IEnumerable<string> lines, string fileName = "ann")
    {
        var spans = new Dictionary<string, (string Type, BratSpan Span)>(StringComparer.Ordinal);
        var events = new List<string[]>();
        var lineNo = 0;
        foreach (var line in lines)
        {
            lineNo++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (line[0] == 'T' && fields.Length >= 2)
            {
                var typeAndRange = fields[1];
                var space = typeAndRange.IndexOf(' ', StringComparison.Ordinal);
                if (space < 0)
                {
                    throw new ParallaxException(ErrorCodes.DataFormat, $"{fileName}:{lineNo}: no offsets in '{line}'.");
                }

                var parts = new List<TextRange>();
                foreach (var piece in typeAndRange[(space + 1)..].Split(';'))
                {
                    var ends = piece.Trim().Split(' ');
                    if (ends.Length != 2
                        || !int.TryParse(ends[0], NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                        || !int.TryParse(ends[1], NumberStyles.None, CultureInfo.InvariantCulture, out var e))
                    {
                        throw new ParallaxException(ErrorCodes.DataFormat, $"{fileName}:{lineNo}: bad offsets '{piece}'.");
                    }

                    parts.Add(new TextRange(s, e));
                }

                parts.Sort();
                spans[fields[0]] = (typeAndRange[..space], new BratSpan(parts));
            }
            else if (line[0] == 'E' && fields.Length >= 2)
            {
                events.Add(fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        var result = new List<GoldAttribution>();
        foreach (var args in events)
        {
            BratSpan? source = null, cue = null, content = null, content2 = null;
            var isAttribution = false;
            foreach (var arg in args)
            {
                var colon = arg.IndexOf(':', StringComparison.Ordinal);
                if (colon < 0 || !spans.TryGetValue(arg[(colon + 1)..], out var target))
                {
                    continue;
                }

                switch (arg[..colon])
                {
                    case "Attribution":
                    case "Attribution-no-source":
                        isAttribution = true;
                        break;
                    case "Source":
                        source = target.Span;
                        break;
                    case "Cue":
                        cue = target.Span;
                        break;
                    case "Content":
                        content = target.Span;
                        break;
                    case "Content2":
                        content2 = target.Span;
                        break;
                }
            }

            if (!isAttribution || cue is null || content is null)
            {
                continue;
            }

            if (content2 is not null)
            {
                var joined = content.Parts.Concat(content2.Parts).ToList();
                joined.Sort();
                content = new BratSpan(joined);
            }

            result.Add(new GoldAttribution(source, cue, content));
        }

        return result;
    }

    private static Dictionary<string, DateOnly> ReadDates(string metadataPath)
    {
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        if (!File.Exists(metadataPath))
        {
            return dates;
        }

        string[]? header = null;
        foreach (var line in File.ReadLines(metadataPath))
        {
            var f = line.Split('\t');
            if (header is null)
            {
                header = f;
                continue;
            }

            var nameCol = Array.IndexOf(header, "filename");
            var dateCol = Array.IndexOf(header, "publication_date");
            if (nameCol < 0 || dateCol < 0 || f.Length <= Math.Max(nameCol, dateCol))
            {
                continue;
            }

            if (DateOnly.TryParseExact(f[dateCol], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                dates[f[nameCol]] = d;
            }
        }

        return dates;
    }
}
