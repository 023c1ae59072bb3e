using System.Collections.Immutable;

namespace Parallax.Core;

/// <summary>A typed name for an annotation layer. Components declare the names they require and assign.</summary>
public sealed class LayerKey<T>(string name) where T : class
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}

/// <summary>What the pipeline knows about a document besides its text.</summary>
public sealed record DocumentInfo
{
    public string? Id { get; init; }

    public string? Title { get; init; }

    /// <summary>When the article was published; relative dates are resolved against it.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>ISO 639-1 code, e.g. "en".</summary>
    public string? Language { get; init; }

    public string? Source { get; init; }
}

/// <summary>
/// An immutable text with annotation layers. The text is the article's original text and is never rewritten:
/// every layer is made of character ranges into it. Adding a layer returns a new document.
/// </summary>
public sealed class Document
{
    private readonly ImmutableDictionary<string, object> _layers;

    public Document(string text, DocumentInfo? info = null)
        : this(text ?? throw new ArgumentNullException(nameof(text)), info ?? new DocumentInfo(), ImmutableDictionary<string, object>.Empty)
    {
    }

    private Document(string text, DocumentInfo info, ImmutableDictionary<string, object> layers)
    {
        Text = text;
        Info = info;
        _layers = layers;
    }

    public string Text { get; }

    public DocumentInfo Info { get; }

    public IEnumerable<string> LayerNames => _layers.Keys;

    public bool Has(string layerName) => _layers.ContainsKey(layerName);

    public bool Has<T>(LayerKey<T> key) where T : class => _layers.ContainsKey(key.Name);

    public T Get<T>(LayerKey<T> key) where T : class
    {
        if (_layers.TryGetValue(key.Name, out var value))
        {
            return (T)value;
        }

        throw new ParallaxException(
            ErrorCodes.MissingLayer,
            $"Layer '{key.Name}' is not on this document (it has: {string.Join(", ", _layers.Keys.Order(StringComparer.Ordinal))}). Add the component that assigns it earlier in the pipeline.");
    }

    public T? GetOrDefault<T>(LayerKey<T> key) where T : class =>
        _layers.TryGetValue(key.Name, out var value) ? (T)value : null;

    public Document With<T>(LayerKey<T> key, T layer) where T : class =>
        new(Text, Info, _layers.SetItem(key.Name, layer ?? throw new ArgumentNullException(nameof(layer))));

    public Document WithInfo(DocumentInfo info) => new(Text, info, _layers);

    public string this[TextRange range] => range.Of(Text);

    /// <summary>
    /// The ranges of the text that are the article body, after cleaning. Without a cleaning layer the whole
    /// text is split into paragraphs at blank lines.
    /// </summary>
    public IReadOnlyList<TextRange> BodyParagraphs =>
        GetOrDefault(Layers.Cleaning)?.Paragraphs ?? Paragraphs.Split(Text);
}
