using Parallax.Core;
using Parallax.Nlp.Facts;

namespace Parallax.Nlp.Roles;

/// <summary>
/// <c>parallax.roles</c>: roles and titles bound to PERSON mentions (before the name, in apposition, after it, in
/// relative clauses), each with its display form and qualifier; honorifics (Mr, Mrs, Ms, Dr) recorded apart.
/// </summary>
public sealed class RoleComponent : IPipelineComponent
{
    public const string Id = "parallax.roles";

    public ComponentInfo Info { get; } = new(Id, 1, [Layers.Tokens.Name, Layers.Sentences.Name, Layers.Entities.Name], [Layers.Roles.Name]);

    public Document Process(Document document, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return document.With(Layers.Roles, Extract(document));
    }

    public static RoleLayer Extract(Document document)
    {
        var tokens = document.Get(Layers.Tokens);
        var entities = document.Get(Layers.Entities);
        using var atoms = AtomBuffer.Build(document.Text, tokens, document.GetOrDefault(Layers.Sentences));
        var roles = new List<RoleMention>();
        var honorifics = new List<Honorific>();
        RoleGrammar.Parse(atoms, entities, roles, honorifics);
        return new RoleLayer(roles, honorifics);
    }
}
