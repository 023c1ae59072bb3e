namespace Parallax.Core;

/// <summary>
/// What a pipeline component is and does: a stable id (never reused for different behaviour), a version bumped
/// whenever its output changes, the layers it requires and the layers it assigns.
/// </summary>
public sealed record ComponentInfo(string Id, int Version, IReadOnlyList<string> Requires, IReadOnlyList<string> Assigns)
{
    public override string ToString() => $"{Id}@{Version}";
}

/// <summary>
/// A pipeline component: one small contract. It reads the layers it requires and returns the document with the
/// layers it assigns. It never changes the text.
/// </summary>
public interface IPipelineComponent
{
    ComponentInfo Info { get; }

    Document Process(Document document, CancellationToken cancellationToken);
}

/// <summary>
/// An ordered, checked list of components. <see cref="Create"/> verifies that each component's requirements are
/// assigned by an earlier component (or are present on every input, see <paramref name="provided"/>).
/// </summary>
public sealed class Pipeline
{
    private readonly IPipelineComponent[] _components;

    private Pipeline(IPipelineComponent[] components, IReadOnlyList<string> provided)
    {
        _components = components;
        Provided = provided;
    }

    public IReadOnlyList<IPipelineComponent> Components => _components;

    /// <summary>Layers the caller promises are on every input document.</summary>
    public IReadOnlyList<string> Provided { get; }

    /// <summary>Every layer this pipeline's output has.</summary>
    public IEnumerable<string> Assigns => Provided.Concat(_components.SelectMany(c => c.Info.Assigns)).Distinct(StringComparer.Ordinal);

    /// <summary>"sentences@1 > tokens@1 > ..." for logs and model cards.</summary>
    public string Signature => string.Join(" > ", _components.Select(c => c.Info.ToString()));

    public static Pipeline Create(IEnumerable<IPipelineComponent> components, IEnumerable<string>? provided = null)
    {
        var list = components.ToArray();
        var providedList = (provided ?? []).ToArray();
        var available = new HashSet<string>(providedList, StringComparer.Ordinal);
        var assignedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var component in list)
        {
            var info = component.Info;
            foreach (var required in info.Requires)
            {
                if (!available.Contains(required))
                {
                    var later = list.FirstOrDefault(c => c.Info.Assigns.Contains(required, StringComparer.Ordinal));
                    var hint = later is null
                        ? "No component in this pipeline assigns it."
                        : $"'{later.Info.Id}' assigns it but comes later; move it before '{info.Id}'.";
                    throw new ParallaxException(
                        ErrorCodes.PipelineOrder,
                        $"Component '{info}' requires layer '{required}', which is not available at that point. {hint}");
                }
            }

            foreach (var assigned in info.Assigns)
            {
                if (assignedBy.TryGetValue(assigned, out var previous))
                {
                    throw new ParallaxException(
                        ErrorCodes.DuplicateAssign,
                        $"Layer '{assigned}' is assigned by both '{previous}' and '{info}'. Keep one.");
                }

                assignedBy[assigned] = info.ToString();
                available.Add(assigned);
            }
        }

        return new Pipeline(list, providedList);
    }

    public static Pipeline Create(params IPipelineComponent[] components) => Create((IEnumerable<IPipelineComponent>)components);

    /// <summary>Runs every component in order. A failure names the component that failed.</summary>
    public Document Run(Document document, CancellationToken cancellationToken = default)
    {
        foreach (var component in _components)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                document = component.Process(document, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw;
            }
            catch (ParallaxException ex) when (ex.Code != ErrorCodes.ComponentFailed)
            {
                throw new ParallaxException(ex.Code, $"{component.Info}: {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is not ParallaxException)
            {
                throw new ParallaxException(
                    ErrorCodes.ComponentFailed,
                    $"Component '{component.Info}' failed on document '{document.Info.Id ?? "?"}': {ex.Message}",
                    ex);
            }
        }

        return document;
    }
}
