using System.Net;
using System.Text;

namespace Parallax.Ingestion.Html;

/// <summary>
/// A node of <see cref="LightHtml"/>'s tree: an element (with the few attributes extraction reads) or a text run
/// (a range of the source, entity-decoded on demand).
/// </summary>
public sealed class LightNode
{
    private static readonly List<LightNode> NoChildren = [];

    internal LightNode(string? name, LightNode? parent)
    {
        Name = name;
        Parent = parent;
    }

    /// <summary>Lower-case tag name; null for a text node.</summary>
    public string? Name { get; }

    public bool IsText => Name is null;

    public LightNode? Parent { get; }

    public IReadOnlyList<LightNode> Children => ChildList ?? NoChildren;

    internal List<LightNode>? ChildList { get; set; }

    internal int TextStart { get; set; }

    internal sbyte FurnitureFlag { get; set; }

    /// <summary>Scratch space of <see cref="MainTextExtractor"/> (its measurements of this subtree).</summary>
    internal object? Stats { get; set; }

    internal sbyte BodyMarkerFlag { get; set; }

    internal int TextLength { get; set; }

    internal bool TextHasEntity { get; set; }

    internal (string Name, string Value)[]? Attributes { get; set; }

    /// <summary>For raw-text elements (script, style, title, ...): their content, undecoded.</summary>
    internal string? RawContent { get; set; }

    /// <summary>An attribute's value (names are lower-case), or null.</summary>
    public string? Attr(string name)
    {
        if (Attributes is null)
        {
            return null;
        }

        foreach (var (n, v) in Attributes)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                return v;
            }
        }

        return null;
    }

    public bool HasAttr(string name) => Attr(name) is not null;

    internal void Add(LightNode child) => (ChildList ??= []).Add(child);

    /// <summary>All descendant elements in document order.</summary>
    public IEnumerable<LightNode> Descendants()
    {
        var stack = new Stack<(LightNode Node, int Index)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, index) = stack.Pop();
            var children = node.ChildList;
            if (children is null || index >= children.Count)
            {
                continue;
            }

            stack.Push((node, index + 1));
            var child = children[index];
            if (!child.IsText)
            {
                yield return child;
                stack.Push((child, 0));
            }
        }
    }

    public override string ToString() => IsText ? "#text" : $"<{Name}{(Attr("id") is { } id ? " #" + id : string.Empty)}{(Attr("class") is { } c ? " ." + c : string.Empty)}>";
}

/// <summary>
/// A small, fast, forgiving HTML parser for extraction: it tokenises once over the string and builds a tree with
/// the usual implicit closings (p, li, dt/dd, tr/td, option, headings), skips comments and doctypes, keeps
/// raw-text elements (script, style, title, textarea, noscript, iframe) as one undecoded string, and keeps only
/// the attributes extraction reads. It is not a full HTML5 tree builder (AngleSharp is, at a tenth of the speed);
/// on pages where the difference matters the extraction cascade falls back to SmartReader over AngleSharp.
/// </summary>
public sealed class LightHtml
{
    /// <summary>Elements deeper than this are added flat (pathological nesting cannot blow the stack).</summary>
    public const int MaxDepth = 400;

    private static readonly HashSet<string> VoidElements = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "command",
    };

    private static readonly HashSet<string> RawTextElements = new(StringComparer.Ordinal)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    };

    /// <summary>Start tags that close an open <c>p</c>.</summary>
    private static readonly HashSet<string> ClosesParagraph = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p", "pre", "section",
        "summary", "table", "ul", "li", "dd", "dt",
    };

    /// <summary>Inline elements a <c>p</c> may be open beneath when a block starts.</summary>
    private static readonly HashSet<string> Inline = new(StringComparer.Ordinal)
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strike",
        "strong", "sub", "sup", "time", "tt", "u", "var", "big", "nobr",
    };

    private static readonly HashSet<string> KeptAttributes = new(StringComparer.Ordinal)
    {
        "id", "class", "itemprop", "itemtype", "itemscope", "role", "style", "hidden", "aria-hidden", "href", "name", "property", "content", "rel",
        "datetime", "lang", "type", "charset", "http-equiv", "data-component", "rev", "pubdate",
    };

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    private LightHtml(string source)
    {
        Source = source;
        Root = new LightNode("#document", null);
    }

    public string Source { get; }

    public LightNode Root { get; }

    /// <summary>Elements in document order (built during parsing).</summary>
    public List<LightNode> Elements { get; } = [];

    /// <summary>Parses a page.</summary>
    public static LightHtml Parse(string html)
    {
        var doc = new LightHtml(html);
        doc.Build();
        return doc;
    }

    /// <summary>The text of a text node, entities decoded (whitespace as written).</summary>
    public string TextOf(LightNode node)
    {
        var raw = Source.AsSpan(node.TextStart, node.TextLength);
        return node.TextHasEntity ? WebUtility.HtmlDecode(raw.ToString()) : raw.ToString();
    }

    /// <summary>Appends a text node's text to <paramref name="sb"/>, entities decoded.</summary>
    public void AppendText(LightNode node, StringBuilder sb)
    {
        var raw = Source.AsSpan(node.TextStart, node.TextLength);
        if (node.TextHasEntity)
        {
            sb.Append(WebUtility.HtmlDecode(raw.ToString()));
        }
        else
        {
            sb.Append(raw);
        }
    }

    /// <summary>The raw content of a raw-text element (script, title, ...), entities decoded for title and textarea.</summary>
    public static string RawTextOf(LightNode element)
    {
        var raw = element.RawContent ?? string.Empty;
        return element.Name is "title" or "textarea" && raw.Contains('&', StringComparison.Ordinal) ? WebUtility.HtmlDecode(raw) : raw;
    }

    private void Build()
    {
        var s = Source;
        int n = s.Length;
        var stack = new List<LightNode>(64) { Root };
        int i = 0;
        while (i < n)
        {
            int lt = s.IndexOf('<', i);
            if (lt < 0)
            {
                AddText(stack, i, n);
                break;
            }

            if (lt > i)
            {
                AddText(stack, i, lt);
            }

            if (lt + 1 >= n)
            {
                AddText(stack, lt, n);
                break;
            }

            char c = s[lt + 1];
            if (c == '!')
            {
                if (string.CompareOrdinal(s, lt, "<!--", 0, 4) == 0)
                {
                    int end = s.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                    i = end < 0 ? n : end + 3;
                }
                else
                {
                    int end = s.IndexOf('>', lt + 2);
                    i = end < 0 ? n : end + 1;
                }

                continue;
            }

            if (c == '?')
            {
                int end = s.IndexOf('>', lt + 2);
                i = end < 0 ? n : end + 1;
                continue;
            }

            if (c == '/')
            {
                int nameStart = lt + 2;
                int p = nameStart;
                while (p < n && IsNameChar(s[p]))
                {
                    p++;
                }

                int gt = s.IndexOf('>', p);
                i = gt < 0 ? n : gt + 1;
                if (p > nameStart)
                {
                    CloseElement(stack, Intern(s, nameStart, p - nameStart));
                }

                continue;
            }

            if (!char.IsAsciiLetter(c))
            {
                AddText(stack, lt, lt + 1);
                i = lt + 1;
                continue;
            }

            i = StartTag(stack, lt);
        }
    }

    private int StartTag(List<LightNode> stack, int lt)
    {
        var s = Source;
        int n = s.Length;
        int p = lt + 1;
        while (p < n && IsNameChar(s[p]))
        {
            p++;
        }

        var name = Intern(s, lt + 1, p - lt - 1);
        List<(string, string)>? attributes = null;
        bool selfClosing = false;

        // attributes
        while (p < n)
        {
            char c = s[p];
            if (c == '>')
            {
                p++;
                break;
            }

            if (c == '/')
            {
                selfClosing = p + 1 < n && s[p + 1] == '>';
                p++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                p++;
                continue;
            }

            int an = p;
            while (p < n && !char.IsWhiteSpace(s[p]) && s[p] is not ('=' or '>' or '/'))
            {
                p++;
            }

            if (p == an)
            {
                p++;
                continue;
            }

            int anEnd = p;
            while (p < n && char.IsWhiteSpace(s[p]))
            {
                p++;
            }

            int vs = -1, ve = -1;
            if (p < n && s[p] == '=')
            {
                p++;
                while (p < n && char.IsWhiteSpace(s[p]))
                {
                    p++;
                }

                if (p < n && (s[p] == '"' || s[p] == '\''))
                {
                    char q = s[p];
                    int close = s.IndexOf(q, p + 1);
                    vs = p + 1;
                    ve = close < 0 ? n : close;
                    p = close < 0 ? n : close + 1;
                }
                else
                {
                    vs = p;
                    while (p < n && !char.IsWhiteSpace(s[p]) && s[p] != '>')
                    {
                        p++;
                    }

                    ve = p;
                }
            }

            var attrName = AttributeName(s, an, anEnd - an);
            if (attrName is not null)
            {
                string value = vs < 0 ? string.Empty : s.Substring(vs, ve - vs);
                if (value.Contains('&', StringComparison.Ordinal))
                {
                    value = WebUtility.HtmlDecode(value);
                }

                (attributes ??= []).Add((attrName, value));
            }
        }

        ImplicitClose(stack, name);
        var parent = stack[^1];
        var element = new LightNode(name, parent) { Attributes = attributes?.ToArray() };
        parent.Add(element);
        Elements.Add(element);

        if (RawTextElements.Contains(name) && !selfClosing)
        {
            int close = IndexOfEndTag(s, p, name);
            element.RawContent = s.Substring(p, (close < 0 ? n : close) - p);
            if (close < 0)
            {
                return n;
            }

            int gt = s.IndexOf('>', close);
            return gt < 0 ? n : gt + 1;
        }

        if (!VoidElements.Contains(name) && !(selfClosing && name is "svg" or "path" or "use" or "circle" or "rect") && stack.Count < MaxDepth)
        {
            stack.Add(element);
        }

        return p;
    }

    private static int IndexOfEndTag(string s, int from, string name)
    {
        int i = from;
        while (true)
        {
            int lt = s.IndexOf("</", i, StringComparison.Ordinal);
            if (lt < 0)
            {
                return -1;
            }

            if (lt + 2 + name.Length <= s.Length && string.Compare(s, lt + 2, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (lt + 2 + name.Length == s.Length || !IsNameChar(s[lt + 2 + name.Length])))
            {
                return lt;
            }

            i = lt + 2;
        }
    }

    private static void ImplicitClose(List<LightNode> stack, string name)
    {
        if (ClosesParagraph.Contains(name))
        {
            // close an open p, possibly under inline elements
            for (int k = stack.Count - 1; k > 0; k--)
            {
                var open = stack[k].Name!;
                if (open == "p")
                {
                    stack.RemoveRange(k, stack.Count - k);
                    break;
                }

                if (!Inline.Contains(open))
                {
                    break;
                }
            }
        }

        switch (name)
        {
            case "li":
                PopTo(stack, "li", "ul", "ol", "menu");
                break;
            case "dt":
            case "dd":
                PopTo(stack, "dt", "dl", null, null, "dd");
                break;
            case "tr":
                PopTo(stack, "tr", "table", "tbody", "thead", "tfoot");
                break;
            case "td":
            case "th":
                PopTo(stack, "td", "tr", "table", null, "th");
                break;
            case "option":
                PopTo(stack, "option", "select", "datalist", null);
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                if (stack[^1].Name is "h1" or "h2" or "h3" or "h4" or "h5" or "h6")
                {
                    stack.RemoveAt(stack.Count - 1);
                }

                break;
        }
    }

    /// <summary>Pops up to and including an open <paramref name="target"/> (or <paramref name="alt"/>), stopping at a boundary.</summary>
    private static void PopTo(List<LightNode> stack, string target, string? b1, string? b2, string? b3, string? alt = null)
    {
        for (int k = stack.Count - 1; k > 0; k--)
        {
            var open = stack[k].Name!;
            if (open == target || (alt is not null && open == alt))
            {
                stack.RemoveRange(k, stack.Count - k);
                return;
            }

            if (open == b1 || open == b2 || open == b3 || open is "table" or "body" or "html")
            {
                return;
            }
        }
    }

    private static void CloseElement(List<LightNode> stack, string name)
    {
        for (int k = stack.Count - 1; k > 0; k--)
        {
            if (string.Equals(stack[k].Name, name, StringComparison.Ordinal))
            {
                stack.RemoveRange(k, stack.Count - k);
                return;
            }

            // an end tag does not close past a table cell or the body
            if (stack[k].Name is "td" or "th" or "table" or "body" && name is not ("table" or "body" or "html"))
            {
                return;
            }
        }
    }

    private void AddText(List<LightNode> stack, int start, int end)
    {
        var parent = stack[^1];
        var list = parent.ChildList;
        if (list is { Count: > 0 } && list[^1] is { IsText: true } last && last.TextStart + last.TextLength == start)
        {
            last.TextLength += end - start;
            last.TextHasEntity |= Source.AsSpan(start, end - start).Contains('&');
            return;
        }

        var node = new LightNode(null, parent)
        {
            TextStart = start,
            TextLength = end - start,
            TextHasEntity = Source.AsSpan(start, end - start).Contains('&'),
        };
        parent.Add(node);
    }

    private string Intern(string s, int start, int length)
    {
        var span = s.AsSpan(start, length);
        Span<char> lower = length <= 64 ? stackalloc char[length] : new char[length];
        span.ToLowerInvariant(lower);
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(lower, out var name))
        {
            return name;
        }

        name = new string(lower);
        _names[name] = name;
        return name;
    }

    private string? AttributeName(string s, int start, int length)
    {
        if (length > 16)
        {
            return null;
        }

        var name = Intern(s, start, length);
        return KeptAttributes.Contains(name) ? name : null;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or ':' or '_' or '.';

}
