using System.CommandLine;
using System.Globalization;
using Parallax.Core;
using Parallax.Engine;
using Parallax.Ingestion;
using Parallax.Storage;
using Spectre.Console;

namespace Parallax.Cli.Commands;

/// <summary>ingest, articles, show, search.</summary>
public static class StoreCommands
{
    public static IEnumerable<Command> Create() => [Ingest(), Articles(), Show(), Search()];

    internal static Option<string?> FormatOption() => new("--format")
    {
        Description = "Input format for every input: " + string.Join(", ", InputFormats.Names) + " (default: chosen by content).",
    };

    internal static Option<string?> SourceOption() => new("--source") { Description = "The outlet's name, for inputs that do not say." };

    internal static Option<string?> PublishedOption() => new("--published") { Description = "Publication date (ISO 8601, e.g. 2017-09-30), for inputs that do not say." };

    internal static Option<string?> EncodingOption() => new("--encoding")
    {
        Description = "Read every input in this encoding (e.g. windows-1252), overriding what it declares.",
    };

    internal static Option<long?> MaxBytesOption() => new("--max-bytes") { Description = $"Refuse inputs larger than this many bytes (default {ReadOptions.DefaultMaxBytes})." };

    /// <summary>Builds read options from the shared input options; a bad value is a usage error.</summary>
    internal static ReadOptions ReadOptionsFrom(ParseResult parse, Option<string?> format, Option<string?> source, Option<string?> published, Option<long?> maxBytes, Option<string?>? encoding = null)
    {
        var options = new ReadOptions();
        if (encoding is not null && parse.GetValue(encoding) is { } label)
        {
            options = options with
            {
                Encoding = Parallax.Ingestion.Input.TextDecoder.FromLabel(label)
                    ?? throw new UsageException($"unknown --encoding '{label}'; use a name such as utf-8, windows-1252, iso-8859-1, utf-16"),
            };
        }

        if (parse.GetValue(format) is { } f)
        {
            if (!InputFormats.TryParse(f, out var parsed))
            {
                throw new UsageException($"unknown --format '{f}'; use one of: {string.Join(", ", InputFormats.Names)}");
            }

            options = options with { Format = parsed };
        }

        if (parse.GetValue(source) is { } s && !string.IsNullOrWhiteSpace(s))
        {
            options = options with { Source = s.Trim() };
        }

        if (parse.GetValue(published) is { } p)
        {
            if (!DateTimeOffset.TryParse(p, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            {
                throw new UsageException($"--published '{p}' is not a date; use ISO 8601, e.g. 2017-09-30 or 2017-09-30T08:00:00Z");
            }

            options = options with { Published = date };
        }

        if (parse.GetValue(maxBytes) is long max)
        {
            if (max <= 0)
            {
                throw new UsageException("--max-bytes must be positive");
            }

            options = options with { MaxBytes = max };
        }

        return options;
    }

    private static Command Ingest()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Files, folders (read recursively) or - for standard input.", Arity = ArgumentArity.OneOrMore };
        var format = FormatOption();
        var source = SourceOption();
        var published = PublishedOption();
        var maxBytes = MaxBytesOption();
        var encoding = EncodingOption();
        var noAnalyze = new Option<bool>("--no-analyze") { Description = "Only read and store; annotate and place in stories later." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print a line for every article stored or skipped as a duplicate." };
        var json = GlobalOptions.Json();
        var command = new Command("ingest", "Read news inputs (text, HTML, news-please JSON/JSONL, RSS/Atom, WARC) into the store.")
        {
            paths, format, source, published, maxBytes, encoding, noAnalyze, verbose, json,
        };
        command.SetAction(parse =>
        {
            var options = ReadOptionsFrom(parse, format, source, published, maxBytes, encoding);
            var inputs = parse.GetValue(paths) ?? [];
            using var engine = ParallaxEngine.Open(GlobalOptions.ResolveDb(parse), new EngineOptions { AnalyzeOnIngest = !parse.GetValue(noAnalyze) });
            var asJson = parse.GetValue(json);
            var report = RunIngest(engine, inputs, options, quiet: asJson, verbose: parse.GetValue(verbose) && !asJson);
            if (asJson)
            {
                Output.Json(new
                {
                    stored = report.Stored,
                    copies = report.Copies,
                    duplicates = report.Duplicates,
                    failed = report.Failed,
                    articles = report.NewArticles,
                    failures = report.Failures.Select(f => new { origin = f.Origin.ToString(), code = f.Code, reason = f.Reason }),
                    seconds = Math.Round(report.Elapsed.TotalSeconds, 3),
                });
            }

            return report.Failed > 0 ? CliApp.SomeFailed : CliApp.Ok;
        });
        return command;
    }

    /// <summary>Runs an ingest with a progress bar on a terminal, plain lines otherwise; prints failures and the summary to stderr.</summary>
    internal static IngestReport RunIngest(ParallaxEngine engine, IEnumerable<string> inputs, ReadOptions options, bool quiet, bool verbose = false)
    {
        IngestReport report;
        int seen = 0;
        var lastProgress = System.Diagnostics.Stopwatch.StartNew();
        void Plain(IngestEvent e)
        {
            seen++;
            switch (e)
            {
                case InputFailed f:
                    Output.Message($"failed  {f.Origin}: {f.Reason} [{f.Code}]");
                    break;
                case ArticleDuplicate d when verbose:
                    Output.Message($"dup     {d.Origin}: already stored as article {d.ExistingId} ({d.Reason})");
                    break;
                case ArticleStored s when verbose:
                    Output.Message($"stored  {s.Origin}: article {s.Id}{(s.CopyOf is long c ? $" (copy of {c})" : string.Empty)}: {Output.Shorten(s.Title, 70)}");
                    break;
            }

            if (!quiet && !verbose && lastProgress.Elapsed > TimeSpan.FromSeconds(5))
            {
                Output.Message($"... {seen} inputs read");
                lastProgress.Restart();
            }
        }

        if (Output.Interactive && !quiet && !verbose)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            IngestReport? result = null;
            var failures = new List<InputFailed>();
            console.Progress().AutoClear(true).Start(ctx =>
            {
                var task = ctx.AddTask("ingesting", maxValue: double.MaxValue);
                task.IsIndeterminate = true;
                int n = 0;
                result = engine.Ingest(inputs, options, e =>
                {
                    n++;
                    task.Description = $"ingesting: {n} read";
                    if (e is InputFailed f)
                    {
                        failures.Add(f);
                    }
                });
            });
            report = result!;
            foreach (var f in failures)
            {
                Output.Message($"failed  {f.Origin}: {f.Reason} [{f.Code}]");
            }
        }
        else
        {
            report = engine.Ingest(inputs, options, Plain);
        }

        Output.Message(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Stored} stored ({report.Copies} as copies), {report.Duplicates} duplicate, {report.Failed} failed in {report.Elapsed.TotalSeconds:0.0} s; store: {engine.Store.Path}"));
        return report;
    }

    private static Command Articles()
    {
        var json = GlobalOptions.Json();
        var limit = new Option<int>("--limit") { Description = "How many (default 100).", DefaultValueFactory = _ => 100 };
        var offset = new Option<int>("--offset") { Description = "Skip this many." };
        var command = new Command("articles", "List the stored articles.") { json, limit, offset };
        command.SetAction(parse =>
        {
            using var store = ArticleStore.Open(GlobalOptions.ResolveDb(parse));
            var list = store.ListArticles(parse.GetValue(limit), parse.GetValue(offset));
            if (parse.GetValue(json))
            {
                Output.Json(new { total = store.CountArticles(), articles = list });
                return CliApp.Ok;
            }

            foreach (var a in list)
            {
                Output.Line(string.Create(CultureInfo.InvariantCulture,
                    $"{a.Id,6}  {a.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "          "}  {Output.Shorten(a.Source ?? "-", 18),-18}  {a.Language ?? "??"}  {Output.Shorten(a.Title, 80)}{(a.CopyOf is long c ? $"  (copy of {c})" : string.Empty)}"));
            }

            Output.Message($"{list.Count} of {store.CountArticles()} articles");
            return CliApp.Ok;
        });
        return command;
    }

    private static Command Show()
    {
        var id = new Argument<long>("ID") { Description = "The article's id." };
        var json = GlobalOptions.Json();
        var command = new Command("show", "Show one stored article: its metadata, cleaned body and what cleaning removed.") { id, json };
        command.SetAction(parse =>
        {
            using var store = ArticleStore.Open(GlobalOptions.ResolveDb(parse));
            var article = store.GetArticle(parse.GetValue(id));
            if (article is null)
            {
                Output.Message($"parallax: no article {parse.GetValue(id)} in {store.Path}");
                return CliApp.SomeFailed;
            }

            if (parse.GetValue(json))
            {
                Output.Json(ArticleView.From(article, store.StoryOfArticle(article.Id)));
                return CliApp.Ok;
            }

            Output.Line(article.Title);
            Output.Line(new string('=', Math.Min(80, article.Title.Length)));
            Output.Line($"id {article.Id} · {article.Outlet} · {article.Published?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "no date"} · {article.Language ?? "language unknown"} · {article.Format} from {article.Origin}");
            if (article.Url is not null)
            {
                Output.Line(article.Url);
            }

            if (article.Authors.Count > 0)
            {
                Output.Line("by " + string.Join(", ", article.Authors));
            }

            if (article.CopyOf is long c)
            {
                Output.Line(string.Create(CultureInfo.InvariantCulture, $"copy of article {c} (similarity {article.CopySimilarity:0.00})"));
            }

            Output.Line(string.Empty);
            Output.Line(article.Body);
            if (article.Cleaning is { Excluded.Count: > 0 } cleaning)
            {
                Output.Line(string.Empty);
                Output.Line("-- not part of the article (kept in the original, marked by cleaning):");
                foreach (var x in cleaning.Excluded)
                {
                    Output.Line($"   [{x.Kind}, {x.Rule}] {Output.Shorten(x.Range.Of(article.Text).ReplaceLineEndings(" "), 100)}");
                }
            }

            return CliApp.Ok;
        });
        return command;
    }

    private static Command Search()
    {
        var query = new Argument<string>("QUERY") { Description = "Words (all must occur), \"a phrase\", or a prefix*." };
        var json = GlobalOptions.Json();
        var limit = new Option<int>("--limit") { Description = "How many hits (default 20).", DefaultValueFactory = _ => 20 };
        var command = new Command("search", "Full-text search over titles and bodies, ranked by BM25, with snippets.") { query, json, limit };
        command.SetAction(parse =>
        {
            using var store = ArticleStore.Open(GlobalOptions.ResolveDb(parse));
            var hits = store.Search(parse.GetValue(query) ?? string.Empty, parse.GetValue(limit));
            if (parse.GetValue(json))
            {
                Output.Json(new { query = parse.GetValue(query), hits });
                return CliApp.Ok;
            }

            foreach (var h in hits)
            {
                Output.Line(string.Create(CultureInfo.InvariantCulture, $"{h.Id,6}  {h.Score,6:0.00}  {h.Source ?? "-"}: {h.Title}"));
                Output.Line("        " + h.Snippet.ReplaceLineEndings(" "));
            }

            Output.Message($"{hits.Count} hits");
            return CliApp.Ok;
        });
        return command;
    }
}

/// <summary>An article as `show --json` prints it.</summary>
public sealed record ArticleView(
    long Id, string Title, string? Source, string Outlet, string? SourceDomain, string? Url, string? CanonicalUrl, DateTimeOffset? Published,
    IReadOnlyList<string> Authors, string? Language, string Format, string Origin, long? CopyOf, double? CopySimilarity, long? Story,
    string Text, IReadOnlyList<object> Paragraphs, IReadOnlyList<object> Excluded)
{
    public static ArticleView From(Article a, long? story) => new(
        a.Id, a.Title, a.Source, a.Outlet, a.SourceDomain, a.Url, a.CanonicalUrl, a.Published, a.Authors, a.Language, a.Format, a.Origin,
        a.CopyOf, a.CopySimilarity, story, a.Body,
        (a.Cleaning?.Paragraphs ?? []).Select(p => (object)new { start = p.Start, end = p.End }).ToList(),
        (a.Cleaning?.Excluded ?? []).Select(x => (object)new { start = x.Range.Start, end = x.Range.End, kind = x.Kind.ToString(), rule = x.Rule, text = x.Range.Of(a.Text) }).ToList());
}
