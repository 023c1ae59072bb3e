using System.CommandLine;
using Parallax.Engine;

namespace Parallax.Cli.Commands;

/// <summary>entities, entity.</summary>
public static class EntityCommands
{
    public static IEnumerable<Command> Create() => [Entities(), Entity()];

    private static Command Entities()
    {
        var json = GlobalOptions.Json();
        var query = new Option<string?>("--query", "-q") { Description = "Only names or aliases containing this." };
        var type = new Option<string?>("--type") { Description = "PERSON, ORG, LOC or MISC." };
        var limit = new Option<int>("--limit") { Description = "How many (default 50).", DefaultValueFactory = _ => 50 };
        var command = new Command("entities", "People, organisations and places across the store, most mentioned first.") { json, query, type, limit };
        command.SetAction(parse =>
        {
            var t = parse.GetValue(type)?.ToUpperInvariant();
            if (t is not (null or "PERSON" or "ORG" or "LOC" or "MISC"))
            {
                throw new UsageException($"unknown --type '{parse.GetValue(type)}'; use PERSON, ORG, LOC or MISC");
            }

            using var engine = ParallaxEngine.Open(GlobalOptions.ResolveDb(parse));
            engine.AnalyzeNew();
            var list = engine.ListEntities(parse.GetValue(query), t, parse.GetValue(limit));
            if (parse.GetValue(json))
            {
                Output.Json(new { entities = list });
                return CliApp.Ok;
            }

            foreach (var e in list)
            {
                var aliases = e.Aliases.Count > 0 ? "  (also " + string.Join(", ", e.Aliases.Take(4)) + ")" : string.Empty;
                Output.Line($"{e.Id,6}  {e.Type,-6}  {e.Mentions,4} mentions  {e.Stories,3} stories  {e.Name}{aliases}");
            }

            Output.Message($"{list.Count} entities");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Entity()
    {
        var name = new Argument<string>("NAME_OR_ID") { Description = "An entity's id, name or alias (\"Tillerson\", \"UN\")." };
        var json = GlobalOptions.Json();
        var command = new Command("entity", "One entity: its aliases, roles (and which outlet gave which), stories and quotes.") { name, json };
        command.SetAction(parse =>
        {
            using var engine = ParallaxEngine.Open(GlobalOptions.ResolveDb(parse));
            engine.AnalyzeNew();
            var e = engine.GetEntity(parse.GetValue(name) ?? string.Empty);
            if (e is null)
            {
                Output.Message($"parallax: no entity '{parse.GetValue(name)}'; see `parallax entities --query ...`");
                return CliApp.SomeFailed;
            }

            if (parse.GetValue(json))
            {
                Output.Json(e);
                return CliApp.Ok;
            }

            Output.Line($"{e.Name} ({e.Type}{(e.Country is not null && e.Country != e.Name ? ", " + e.Country : string.Empty)}) · entity {e.Id} · {e.Mentions} mentions");
            if (e.Aliases.Count > 0)
            {
                Output.Line("also called: " + string.Join(", ", e.Aliases));
            }

            if (e.Roles.Count > 0)
            {
                Output.Line("roles:");
                foreach (var r in e.Roles)
                {
                    Output.Line($"  {r.Role}  (given by {string.Join(", ", r.Outlets)}; articles {string.Join(", ", r.Articles)})");
                }
            }

            if (e.Stories.Count > 0)
            {
                Output.Line("stories:");
                foreach (var s in e.Stories)
                {
                    Output.Line($"  {s.Id,6}  {s.Headline}");
                }
            }

            if (e.Quotes.Count > 0)
            {
                Output.Line("quotes:");
                foreach (var q in e.Quotes)
                {
                    Output.Line($"  [{q.Article}] {q.Outlet}: {(q.Direct ? "“" + q.Content + "”" : q.Content)}{(q.Cue is null ? string.Empty : " (" + q.Cue + ")")}");
                }
            }

            return CliApp.Ok;
        });
        return command;
    }
}
