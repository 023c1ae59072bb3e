using System.Text;
using Parallax.Core;

namespace Parallax.Ingestion.Html;

/// <summary>The article text taken from a page: paragraphs separated by blank lines, and which paragraphs are subheadings.</summary>
/// <param name="Extractor">The cascade step that produced it: "own", "own:selector", "smartreader", ...</param>
public sealed record ExtractedText(string Text, IReadOnlyList<TextRange> Headings, string Extractor);

/// <summary>
/// The own extractor (first step of the cascade, see <see cref="HtmlArticleReader"/>): over a <see cref="LightHtml"/>
/// tree, it skips page furniture (<see cref="ExtractionRules.SkippedElements"/>, roles, hidden elements, furniture
/// class/id words), scores paragraph containers the Readability way (paragraph length and commas, given to the
/// parent in full and to ancestors in part, times one minus link density), prefers a body-marker container
/// (<see cref="ExtractionRules.BodyMarkers"/>) when it holds enough of that text, adds sibling containers that
/// continue the article, and writes the chosen subtrees out block by block, dropping link lists and furniture lines.
/// </summary>
public sealed class MainTextExtractor
{
    private readonly LightHtml _doc;
    private readonly Dictionary<LightNode, double> _scores = new(ReferenceEqualityComparer.Instance);
    private readonly string? _title;
    private bool _firstPass;
    private int _pass;
    private double _softSkipLimit;

    private MainTextExtractor(LightHtml doc, string? title)
    {
        _doc = doc;
        _title = title;
    }

    internal sealed class Stats
    {
        public int Pass;

        public int Text;
        public int LinkText;
        public int Commas;
        public int ParaText;
        public bool HasBlockChild;
        public bool Skipped;

        public double LinkDensity => Text == 0 ? 0 : LinkText / (double)Text;
    }

    /// <summary>Extracts the main text of a parsed page.</summary>
    public static ExtractedText Extract(LightHtml doc, string? title)
    {
        var extractor = new MainTextExtractor(doc, title);
        return extractor.Run();
    }

    /// <summary>The text of an HTML fragment (a feed item's content) as a whole, block by block, furniture skipped.</summary>
    public static ExtractedText FragmentText(LightHtml doc)
    {
        var extractor = new MainTextExtractor(doc, null);
        return extractor.Write([doc.Root], "fragment");
    }

    private ExtractedText Run()
    {
        var body = _doc.Elements.FirstOrDefault(e => e.Name == "body") ?? _doc.Root;

        // Pass 1 skips only what is furniture by tag, role or visibility; pass 2 also skips subtrees with furniture
        // class/id words, unless they hold most of the page's paragraph text (a "fusion-app" wrapper is no sidebar).
        _firstPass = true;
        _pass = 1;
        var total = Measure(body, inLink: false, depth: 0);
        _firstPass = false;
        _pass = 2;
        _softSkipLimit = total.ParaText * ExtractionRules.FurnitureMaxShare;
        _scores.Clear();
        Measure(body, inLink: false, depth: 0);

        // 1. the best-scoring container
        LightNode? top = null;
        double topScore = 0;
        foreach (var (node, score) in _scores)
        {
            var final = score * (1 - (TryStats(node, out var ns) ? ns.LinkDensity : 0));
            if (final > topScore)
            {
                topScore = final;
                top = node;
            }
        }

        // 2. a body-marker container holding enough of the paragraph text wins
        LightNode? marker = null;
        int markerText = 0;
        foreach (var e in _doc.Elements)
        {
            if (IsBodyMarker(e) && TryStats(e, out var st) && !st.Skipped && st.ParaText > markerText)
            {
                marker = e;
                markerText = st.ParaText;
            }
        }

        string how = "own";
        LightNode? root = top;
        if (marker is not null && (top is null || markerText >= ExtractionRules.SelectorShareOfBest * ParaText(top)))
        {
            root = marker;
            how = "own:selector";
        }

        if (root is null)
        {
            return new ExtractedText(string.Empty, [], "own");
        }

        // 3. a body split into several containers of the same marker (ad breaks, paywall parts) is read whole
        var roots = new List<LightNode> { root };
        if (how == "own:selector" && root.Attr("class") is { Length: > 0 } markerClass)
        {
            roots.Clear();
            foreach (var e in _doc.Elements)
            {
                bool same = ReferenceEquals(e, root) || (string.Equals(e.Attr("class"), markerClass, StringComparison.Ordinal)
                    && TryStats(e, out var es) && !es.Skipped && es.ParaText > 0 && !IsAncestor(e, root));
                if (same && !roots.Any(r => IsAncestor(r, e)))
                {
                    roots.Add(e);
                }
            }
        }

        // 4. siblings that continue the article
        if (root.Parent is { } parent && how == "own")
        {
            double rootScore = _scores.TryGetValue(root, out var rs) ? rs : 0;
            double threshold = Math.Max(10, rootScore * 0.2);
            var rootClass = root.Attr("class");
            roots.Clear();
            foreach (var sibling in parent.Children)
            {
                if (ReferenceEquals(sibling, root))
                {
                    roots.Add(sibling);
                    continue;
                }

                if (sibling.IsText || !TryStats(sibling, out var ss) || ss.Skipped)
                {
                    continue;
                }

                double bonus = !string.IsNullOrEmpty(rootClass) && string.Equals(sibling.Attr("class"), rootClass, StringComparison.Ordinal) ? rootScore * 0.2 : 0;
                double siblingScore = (_scores.TryGetValue(sibling, out var s) ? s : 0) + bonus;
                bool include = siblingScore >= threshold;
                if (!include && sibling.Name == "p")
                {
                    include = (ss.Text > 80 && ss.LinkDensity < 0.25) || (ss.Text > 0 && ss.LinkDensity == 0 && EndsSentence(sibling));
                }

                if (include)
                {
                    roots.Add(sibling);
                }
            }
        }

        return Write(roots, how);
    }

    private static bool IsAncestor(LightNode ancestor, LightNode node)
    {
        for (var n = node.Parent; n is not null; n = n.Parent)
        {
            if (ReferenceEquals(n, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    private int ParaText(LightNode node) => TryStats(node, out var s) ? s.ParaText : 0;

    private bool TryStats(LightNode node, out Stats stats)
    {
        if (node.Stats is Stats s && s.Pass == _pass)
        {
            stats = s;
            return true;
        }

        stats = null!;
        return false;
    }

    private bool EndsSentence(LightNode p)
    {
        var sb = new StringBuilder();
        AppendPlain(p, sb);
        var t = sb.ToString().TrimEnd();
        return t.EndsWith('.') || t.EndsWith('!') || t.EndsWith('?') || t.EndsWith('”') || t.EndsWith('"');
    }

    private void AppendPlain(LightNode node, StringBuilder sb)
    {
        foreach (var child in node.Children)
        {
            if (child.IsText)
            {
                _doc.AppendText(child, sb);
            }
            else if (!IsSkipped(child))
            {
                AppendPlain(child, sb);
            }
        }
    }

    // ------------------------------------------------------------ measuring and scoring

    private Stats Measure(LightNode node, bool inLink, int depth)
    {
        int firstPassParaText = node.Stats is Stats old && old.Pass == 1 ? old.ParaText : 0;
        var stats = node.Stats as Stats ?? new Stats();
        node.Stats = stats;
        stats.Pass = _pass;
        stats.Text = stats.LinkText = stats.Commas = stats.ParaText = 0;
        stats.HasBlockChild = stats.Skipped = false;
        if (IsHardSkipped(node) || (!_firstPass && IsFurnitureNamed(node) && firstPassParaText < _softSkipLimit))
        {
            stats.Skipped = true;
            return stats;
        }

        bool link = inLink || node.Name == "a";
        int directText = 0;
        foreach (var child in node.Children)
        {
            if (child.IsText)
            {
                int len = VisibleLength(child, out int commas);
                stats.Text += len;
                directText += len;
                stats.Commas += commas;
                if (link)
                {
                    stats.LinkText += len;
                }

                continue;
            }

            var cs = Measure(child, link, depth + 1);
            if (cs.Skipped)
            {
                continue;
            }

            stats.Text += cs.Text;
            stats.LinkText += cs.LinkText;
            stats.Commas += cs.Commas;
            stats.ParaText += cs.ParaText;
            if (ExtractionRules.BlockElements.Contains(child.Name!) || cs.HasBlockChild)
            {
                stats.HasBlockChild = true;
            }
        }

        bool paragraph = ExtractionRules.ParagraphElements.Contains(node.Name!)
            || (node.Name is "div" or "section" or "span" or "font" or "article" && !stats.HasBlockChild && directText >= ExtractionRules.MinScoringParagraph);
        if (paragraph && stats.Text >= ExtractionRules.MinScoringParagraph && node.Name != "li" && node.Name != "td")
        {
            if (stats.LinkDensity < ExtractionRules.MaxLinkDensity)
            {
                stats.ParaText = stats.Text - stats.LinkText;
            }

            double score = 1 + stats.Commas + Math.Min(stats.Text / 100, 3);
            var ancestor = node.Parent;
            for (int level = 0; ancestor is not null && level < 5; level++, ancestor = ancestor.Parent)
            {
                if (ancestor.Name is null or "#document" or "html" or "body")
                {
                    break;
                }

                if (!_scores.TryGetValue(ancestor, out var current))
                {
                    current = InitialScore(ancestor);
                }

                double share = level == 0 ? 1 : level == 1 ? 0.5 : 1.0 / (level * 3);
                _scores[ancestor] = current + (score * share);
            }
        }

        return stats;
    }

    private static double InitialScore(LightNode e)
    {
        double score = e.Name switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return score + ClassWeight(e);
    }

    private static double ClassWeight(LightNode e)
    {
        double weight = 0;
        foreach (var value in new[] { e.Attr("class"), e.Attr("id") })
        {
            var (furniture, content) = ExtractionRules.ClassifyName(value);
            if (content)
            {
                weight += 25;
            }
            else if (furniture)
            {
                weight -= 25;
            }
        }

        if (e.Attr("itemprop") is { } itemprop && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
        {
            weight += 50;
        }

        return weight;
    }

    private int VisibleLength(LightNode text, out int commas)
    {
        var span = _doc.Source.AsSpan(text.TextStart, text.TextLength);
        int len = 0;
        commas = 0;
        bool space = true;
        foreach (char c in span)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                {
                    len++;
                    space = true;
                }
            }
            else
            {
                len++;
                space = false;
                if (c is ',' or '，' or '、')
                {
                    commas++;
                }
            }
        }

        return len;
    }

    /// <summary>Whether an element's subtree is page furniture by tag, role, or visibility, or by class/id words.</summary>
    internal static bool IsSkipped(LightNode e) => IsHardSkipped(e) || IsFurnitureNamed(e);

    /// <summary>Whether an element's subtree is page furniture by tag, role, or visibility.</summary>
    internal static bool IsHardSkipped(LightNode e)
    {
        var name = e.Name!;
        if (ExtractionRules.SkippedElements.Contains(name))
        {
            return true;
        }

        if (e.Attributes is null)
        {
            return false;
        }

        if (e.HasAttr("hidden") || string.Equals(e.Attr("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (e.Attr("role") is { } role && ExtractionRules.SkippedRoles.Contains(role))
        {
            return true;
        }

        if (e.Attr("style") is { } style && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase) || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase) || style.Contains("visibility: hidden", StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return false;
    }

    /// <summary>Whether an element's class or id words mark it as page furniture (cached on the node).</summary>
    internal static bool IsFurnitureNamed(LightNode e)
    {
        if (e.FurnitureFlag == 0)
        {
            e.FurnitureFlag = ComputeFurnitureNamed(e) ? (sbyte)1 : (sbyte)-1;
        }

        return e.FurnitureFlag > 0;
    }

    /// <summary>Whether an element carries a body marker in its class, id or itemprop (cached on the node).</summary>
    internal static bool IsBodyMarker(LightNode e)
    {
        if (e.BodyMarkerFlag == 0)
        {
            e.BodyMarkerFlag = e.Attributes is not null && (ExtractionRules.IsBodyMarker(e.Attr("class")) || ExtractionRules.IsBodyMarker(e.Attr("id")) || ExtractionRules.IsBodyMarker(e.Attr("itemprop")))
                ? (sbyte)1 : (sbyte)-1;
        }

        return e.BodyMarkerFlag > 0;
    }

    private static bool ComputeFurnitureNamed(LightNode e)
    {
        var name = e.Name!;
        if (ExtractionRules.SoftSkippedElements.Contains(name))
        {
            return true;
        }

        if (e.Attributes is null || name is "body" or "html" or "main" or "article")
        {
            return false;
        }

        if (IsBodyMarker(e))
        {
            return false;
        }

        return ExtractionRules.IsFurnitureName(e.Attr("class")) || ExtractionRules.IsFurnitureName(e.Attr("id"));
    }

    // ------------------------------------------------------------ writing the text

    private ExtractedText Write(List<LightNode> roots, string how)
    {
        var writer = new BlockWriter(_doc, _pass, _title);
        foreach (var root in roots)
        {
            writer.Write(root);
        }

        writer.Flush();
        return writer.Build(how);
    }

    /// <summary>Writes subtrees as blocks: paragraphs separated by blank lines, inline text joined with single spaces.</summary>
    private sealed class BlockWriter(LightHtml doc, int pass, string? title)
    {
        private readonly StringBuilder _out = new();
        private readonly StringBuilder _block = new();
        private readonly List<TextRange> _headings = [];
        private bool _blockIsHeading;
        private int _blockLinkChars;
        private int _linkDepth;

        public void Write(LightNode node)
        {
            if (node.IsText)
            {
                AppendText(node);
                return;
            }

            var st = node.Stats is Stats ns && ns.Pass == pass && pass > 0 ? ns : null;
            if (st is not null ? st.Skipped : IsSkipped(node))
            {
                return;
            }

            var name = node.Name!;
            if (name == "br")
            {
                if (_block.Length > 0 && _block[^1] == '\n')
                {
                    Flush();
                }
                else if (_block.Length > 0)
                {
                    TrimBlockEnd();
                    _block.Append('\n');
                }

                return;
            }

            bool block = ExtractionRules.BlockElements.Contains(name);
            if (block)
            {
                Flush();

                // a list or block of links is navigation, not prose
                if (st is not null && name is "ul" or "ol" or "li" or "div" or "section" or "table" or "dl" && st.Text > 0
                    && st.LinkDensity > (st.Text <= ExtractionRules.ShortBlock ? ExtractionRules.MaxLinkDensity : 0.8))
                {
                    return;
                }
            }

            bool heading = ExtractionRules.Headings.Contains(name);
            if (heading)
            {
                _blockIsHeading = true;
            }

            if (name == "a")
            {
                _linkDepth++;
            }

            foreach (var child in node.Children)
            {
                Write(child);
            }

            if (name == "a")
            {
                _linkDepth--;
            }

            if (block)
            {
                Flush();
            }
            else if (name is "td" or "th")
            {
                _block.Append(' ');
            }
        }

        private void AppendText(LightNode node)
        {
            var raw = doc.Source.AsSpan(node.TextStart, node.TextLength);
            string? decoded = node.TextHasEntity ? doc.TextOf(node) : null;
            var span = decoded is null ? raw : decoded.AsSpan();
            int before = _block.Length;
            foreach (char ch in span)
            {
                char c = ch == '\u00A0' ? ' ' : ch;
                if (char.IsWhiteSpace(c))
                {
                    if (_block.Length > 0 && _block[^1] != ' ' && _block[^1] != '\n')
                    {
                        _block.Append(' ');
                    }
                }
                else if (!char.IsControl(c) && c != '\u200B' && c != '\uFEFF')
                {
                    _block.Append(c);
                }
            }

            if (_linkDepth > 0)
            {
                _blockLinkChars += _block.Length - before;
            }
        }

        private void TrimBlockEnd()
        {
            while (_block.Length > 0 && _block[^1] == ' ')
            {
                _block.Length--;
            }
        }

        public void Flush()
        {
            TrimBlockEnd();
            int start = 0;
            while (start < _block.Length && char.IsWhiteSpace(_block[start]))
            {
                start++;
            }

            if (start < _block.Length)
            {
                var text = _block.ToString(start, _block.Length - start).Trim();
                if (Keep(text))
                {
                    if (_out.Length > 0)
                    {
                        _out.Append("\n\n");
                    }

                    int at = _out.Length;
                    _out.Append(text);
                    if (_blockIsHeading)
                    {
                        _headings.Add(new TextRange(at, _out.Length));
                    }
                }
            }

            _block.Clear();
            _blockIsHeading = false;
            _blockLinkChars = 0;
        }

        private bool Keep(string text)
        {
            if (text.Length <= ExtractionRules.ShortBlock && _blockLinkChars > text.Length * ExtractionRules.MaxLinkDensity)
            {
                return false;
            }

            if (_blockIsHeading && title is not null && SameText(text, title))
            {
                return false;
            }

            return text.Length > 120 || !ExtractionRules.FurnitureBlock().IsMatch(text);
        }

        private static bool SameText(string a, string b) =>
            string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

        private static string Normalize(string s)
        {
            var sb = new StringBuilder(s.Length);
            foreach (char c in s)
            {
                if (char.IsLetterOrDigit(c))
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        public ExtractedText Build(string how) => new(_out.ToString(), _headings, how);
    }
}
