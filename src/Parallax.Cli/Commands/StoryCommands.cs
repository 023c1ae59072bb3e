using System.CommandLine;
using System.Globalization;
using Parallax.Engine;
using Parallax.Stories.Briefs;

namespace Parallax.Cli.Commands;

/// <summary>stories, story, brief, analyze.</summary>
public static class StoryCommands
{
    public static IEnumerable<Command> Create() => [Stories(), Story(), Brief(), Analyze()];

    private static Option<string> BriefFormat(string defaultFormat) => new("--format")
    {
        Description = "md, json or html.",
        DefaultValueFactory = _ => defaultFormat,
    };

    private static Option<string?> OutFile() => new("--out", "-o") { Description = "Write to this file instead of standard output." };

    internal static void WriteBrief(BriefDocument document, string format, string? outFile)
    {
        var text = format.ToLowerInvariant() switch
        {
            "md" or "markdown" => BriefMarkdown.Render(document),
            "json" => BriefJson.Serialize(document) + "\n",
            "html" => BriefHtml.Render(document),
            _ => throw new UsageException($"unknown --format '{format}'; use md, json or html"),
        };
        if (outFile is null)
        {
            Console.Out.Write(text);
            Console.Out.Flush();
        }
        else
        {
            File.WriteAllText(outFile, text);
            Output.Message($"wrote {outFile}");
        }
    }

    private static Command Stories()
    {
        var json = GlobalOptions.Json();
        var limit = new Option<int>("--limit") { Description = "How many (default 50).", DefaultValueFactory = _ => 50 };
        var command = new Command("stories", "List the stories: headline, article count, outlets, time span.") { json, limit };
        command.SetAction(parse =>
        {
            using var engine = ParallaxEngine.Open(GlobalOptions.ResolveDb(parse));
            engine.AnalyzeNew();
            var stories = engine.Store.ListStories(parse.GetValue(limit));
            if (parse.GetValue(json))
            {
                Output.Json(new
                {
                    stories = stories.Select(s => new { id = s.Id, headline = s.Headline, articles = s.Articles, outlets = s.Outlets, first = s.First, last = s.Last }),
                });
                return CliApp.Ok;
            }

            foreach (var s in stories)
            {
                var span = s.First is { } f ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + (s.Last is { } l && l.Date != f.Date ? ".." + l.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty) : "no date";
                Output.Line($"{s.Id,6}  {s.Articles,3} art.  {span,-22}  {Output.Shorten(s.Headline, 70)}");
                Output.Line($"        {Output.Shorten(string.Join(", ", s.Outlets), 100)}");
            }

            Output.Message($"{stories.Count} stories");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Story()
    {
        var id = new Argument<long>("ID") { Description = "The story's id." };
        var explain = new Option<bool>("--explain") { Description = "Show why each article was placed in this story: scores, shared entities and terms." };
        var json = GlobalOptions.Json();
        var command = new Command("story", "Show one story: its articles, and with --explain how each was placed.") { id, explain, json };
        command.SetAction(parse =>
        {
            using var engine = ParallaxEngine.Open(GlobalOptions.ResolveDb(parse));
            engine.AnalyzeNew();
            var storyId = engine.Store.ResolveStory(parse.GetValue(id));
            if (storyId is not long sid || engine.Store.GetStory(sid) is not { } story)
            {
                Output.Message($"parallax: no story {parse.GetValue(id)}");
                return CliApp.SomeFailed;
            }

            var placements = engine.Store.Placements(sid);
            var articles = engine.Store.GetArticles(placements.Select(p => p.ArticleId)).ToDictionary(a => a.Id);
            if (parse.GetValue(json))
            {
                Output.Json(new
                {
                    id = sid,
                    headline = story.Headline,
                    outlets = story.Outlets,
                    first = story.First,
                    last = story.Last,
                    articles = placements.Select(p => new
                    {
                        id = p.ArticleId,
                        title = articles[p.ArticleId].Title,
                        outlet = StoryArticle.OutletName(articles[p.ArticleId]),
                        published = articles[p.ArticleId].Published,
                        score = p.Score,
                        decision = p.Decision,
                        explanation = System.Text.Json.JsonDocument.Parse(p.Explanation).RootElement,
                    }),
                    merges = engine.Store.Merges(sid).Select(m => new { absorbed = m.Absorbed, article = m.Article, explanation = System.Text.Json.JsonDocument.Parse(m.Explanation).RootElement }),
                    moves = engine.Store.Moves(sid).Select(m => new { article = m.ArticleId, from = m.From, to = m.To, triggered_by = m.TriggeredBy, split = m.Split, explanation = System.Text.Json.JsonDocument.Parse(m.Explanation).RootElement }),
                });
                return CliApp.Ok;
            }

            Output.Line($"story {sid}: {story.Headline}");
            Output.Line($"{story.Articles} articles from {string.Join(", ", story.Outlets)}");
            foreach (var p in placements)
            {
                var a = articles[p.ArticleId];
                Output.Line($"  [{a.Id}] {StoryArticle.OutletName(a)}: {a.Title}");
                if (parse.GetValue(explain))
                {
                    Output.Line("      " + StoryExplanationText.Describe(p.Decision, p.Score, p.Explanation).ReplaceLineEndings("\n      "));
                }
            }

            if (parse.GetValue(explain))
            {
                foreach (var m in engine.Store.Merges(sid))
                {
                    Output.Line($"  merged story {m.Absorbed} into this one (bridged by article {m.Article}): {StoryExplanationText.Describe("merge", null, m.Explanation)}");
                }

                foreach (var m in engine.Store.Moves(sid))
                {
                    Output.Line("  " + StoryExplanationText.DescribeMove(m.Explanation));
                }
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Brief()
    {
        var id = new Argument<long>("STORY_ID") { Description = "The story's id (see `parallax stories`)." };
        var format = BriefFormat("md");
        var outFile = OutFile();
        var command = new Command("brief", "The brief of a story: what all agree on, what each outlet adds, where they conflict.") { id, format, outFile };
        command.SetAction(parse =>
        {
            using var engine = ParallaxEngine.Open(GlobalOptions.ResolveDb(parse));
            engine.AnalyzeNew();
            var doc = engine.BriefDocument([parse.GetValue(id)]);
            if (doc.Stories.Count == 0)
            {
                Output.Message($"parallax: no story {parse.GetValue(id)}");
                return CliApp.SomeFailed;
            }

            WriteBrief(doc, parse.GetValue(format)!, parse.GetValue(outFile));
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Analyze()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files, folders or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var format = BriefFormat("md");
        var outFile = OutFile();
        var inputFormat = new Option<string?>("--input-format") { Description = "Input format for every input (default: chosen by content)." };
        var source = StoreCommands.SourceOption();
        var published = StoreCommands.PublishedOption();
        var maxBytes = StoreCommands.MaxBytesOption();
        var encoding = StoreCommands.EncodingOption();
        var command = new Command("analyze", "One shot: ingest into a temporary store and print the briefs of every story.")
        {
            paths, format, outFile, inputFormat, source, published, maxBytes, encoding,
        };
        command.SetAction(parse =>
        {
            var options = StoreCommands.ReadOptionsFrom(parse, inputFormat, source, published, maxBytes, encoding);
            var dir = Path.Combine(Path.GetTempPath(), "parallax-analyze-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(dir);
            try
            {
                IngestReport report;
                BriefDocument doc;
                using (var engine = ParallaxEngine.Open(Path.Combine(dir, "analyze.db")))
                {
                    report = StoreCommands.RunIngest(engine, parse.GetValue(paths) ?? [], options, quiet: true);
                    doc = engine.BriefDocument(engine.Store.ListStories(int.MaxValue).Select(s => s.Id));
                }

                WriteBrief(doc, parse.GetValue(format)!, parse.GetValue(outFile));
                return report.Failed > 0 ? CliApp.SomeFailed : CliApp.Ok;
            }
            finally
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException)
                {
                    // a temporary folder left behind is harmless
                }
            }
        });
        return command;
    }
}
