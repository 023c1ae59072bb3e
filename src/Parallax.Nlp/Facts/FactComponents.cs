using Parallax.Core;
using Parallax.Nlp.Dates;
using Parallax.Nlp.Numbers;
using Parallax.Nlp.Roles;

namespace Parallax.Nlp.Facts;

/// <summary>
/// The fact components (quantities, times, roles) in pipeline order, to append after tokens, sentences and entities.
/// Roles need the entity layer; quantities and times need only tokens and sentences.
/// </summary>
public static class FactComponents
{
    /// <summary>Quantities and times: they need tokens and sentences only.</summary>
    public static IReadOnlyList<IPipelineComponent> WithoutEntities() => [new QuantityComponent(), new TimeComponent()];

    /// <summary>Quantities, times and roles (roles need entities earlier in the pipeline).</summary>
    public static IReadOnlyList<IPipelineComponent> All() => [new QuantityComponent(), new TimeComponent(), new RoleComponent()];

    /// <summary>
    /// The default language pipeline (<see cref="NlpPipeline.DefaultComponents"/>) followed by the fact components:
    /// roles are included when the default pipeline assigns entities (once the NER model is part of it).
    /// </summary>
    public static Pipeline CreatePipeline()
    {
        bool entities = NlpPipeline.DefaultComponents().Any(c => c.Info.Assigns.Contains(Layers.Entities.Name, StringComparer.Ordinal));
        return NlpPipeline.CreateDefault(entities ? All() : WithoutEntities());
    }
}
