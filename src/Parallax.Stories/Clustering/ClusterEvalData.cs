using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Parallax.Core;

namespace Parallax.Stories.Clustering;

/// <summary>An article with its gold story label, for measuring.</summary>
public sealed record LabelledArticle(ClusterArticle Article, string Gold, string Source);

/// <summary>
/// Readers for the story-clustering evaluation sets. ECB+: the tokens of each document (never its mention or
/// coreference annotation), gold = (topic, ecb or ecbplus). news-please JSON: gold = <c>newsCluster.EventId</c> when
/// present, else <c>category</c>, else the article alone.
/// </summary>
public static class ClusterEvalData
{
    /// <summary>Reads ECB+ documents from <c>DIR/&lt;topic&gt;/&lt;topic&gt;_&lt;n&gt;ecb(plus).xml</c>, topics in [minTopic, maxTopic].</summary>
    public static List<LabelledArticle> ReadEcbPlus(string directory, int minTopic = 1, int maxTopic = 35)
    {
        if (!Directory.Exists(directory))
        {
            throw new ParallaxException(ErrorCodes.InputNotFound, $"ECB+ folder not found: {directory}");
        }

        var files = new List<(int Topic, int Number, bool Plus, string Path)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.xml", SearchOption.AllDirectories))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            bool plus = name.EndsWith("ecbplus", StringComparison.Ordinal);
            if (!plus && !name.EndsWith("ecb", StringComparison.Ordinal))
            {
                continue;
            }

            int us = name.IndexOf('_', StringComparison.Ordinal);
            if (us <= 0 || !int.TryParse(name.AsSpan(0, us), NumberStyles.None, CultureInfo.InvariantCulture, out int topic))
            {
                continue;
            }

            var rest = name[(us + 1)..^(plus ? 7 : 3)];
            _ = int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out int number);
            if (topic >= minTopic && topic <= maxTopic)
            {
                files.Add((topic, number, plus, path));
            }
        }

        if (files.Count == 0)
        {
            throw new ParallaxException(ErrorCodes.InputEmpty, $"No ECB+ documents (T_Necb.xml, T_Necbplus.xml) under {directory} for topics {minTopic}-{maxTopic}.");
        }

        files.Sort((a, b) => (a.Topic, a.Plus, a.Number).CompareTo((b.Topic, b.Plus, b.Number)));
        var result = new List<LabelledArticle>(files.Count);
        long id = 1;
        foreach (var (topic, _, plus, path) in files)
        {
            var (title, text, url) = ReadEcbDocument(path);
            result.Add(new LabelledArticle(
                new ClusterArticle { Id = id++, Title = title, Text = text, Outlet = url is null ? null : HostOf(url) },
                string.Create(CultureInfo.InvariantCulture, $"{topic}{(plus ? "ecbplus" : "ecb")}"),
                Path.GetFileName(path)));
        }

        return result;
    }

    private static string? HostOf(string url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Host : null;

    /// <summary>The document's sentences from its tokens; a first sentence that is a URL is taken as the URL, the next one as the title.</summary>
    private static (string Title, string Text, string? Url) ReadEcbDocument(string path)
    {
        var sentences = new SortedDictionary<int, List<string>>();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(path, settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Name == "token")
                {
                    int sentence = int.Parse(reader.GetAttribute("sentence") ?? "0", CultureInfo.InvariantCulture);
                    var word = reader.ReadElementContentAsString();
                    if (!sentences.TryGetValue(sentence, out var list))
                    {
                        sentences[sentence] = list = [];
                    }

                    list.Add(word);
                }
            }
        }
        catch (XmlException ex)
        {
            throw new ParallaxException(ErrorCodes.InputMalformedXml, $"{path}: {ex.Message}", ex);
        }

        var lines = sentences.Values.ToList();
        string? url = null;
        if (lines.Count > 0 && lines[0].Count > 0 && lines[0][0].StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            url = string.Concat(lines[0]);
            lines.RemoveAt(0);
        }

        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.AppendJoin(' ', line).Append('\n');
        }

        // the title is the first line that is not a dateline ("Tuesday , May 24 , 2005", "18 September 2013 Last updated at 13 : 59 GMT")
        var title = "";
        foreach (var line in lines.Take(3))
        {
            if (!IsDateline(line))
            {
                title = string.Join(' ', line);
                break;
            }
        }
        return (title, text.ToString(), url);
    }

    private static bool IsDateline(List<string> tokens)
    {
        int lowerWords = 0;
        bool dateWord = false;
        foreach (var t in tokens)
        {
            var lower = t.ToLowerInvariant();
            if (TermNormalizer.MonthNumber(lower) > 0 || TermNormalizer.IsWeekday(lower) || (t.Length == 4 && t.All(char.IsDigit)))
            {
                dateWord = true;
            }
            else if (t.Length > 0 && char.IsLower(t[0]) && lower is not ("at" or "updated" or "on" or "published" or "posted" or "last" or "am" or "pm"))
            {
                lowerWords++;
            }
        }

        return dateWord && tokens.Count <= 14 && lowerWords <= 1;
    }

    /// <summary>Reads news-please JSON files (one article each) from a folder.</summary>
    public static List<LabelledArticle> ReadNewsPlease(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new ParallaxException(ErrorCodes.InputNotFound, $"news-please folder not found: {directory}");
        }

        var result = new List<LabelledArticle>();
        long id = 1;
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(File.ReadAllText(path));
            }
            catch (JsonException ex)
            {
                throw new ParallaxException(ErrorCodes.InputMalformedJson, $"{path}: {ex.Message}", ex);
            }

            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                string? Str(string name) => root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                var title = Str("title") ?? "";
                var description = Str("description");
                var body = Str("text") ?? "";
                var text = string.IsNullOrWhiteSpace(description) || body.Contains(description, StringComparison.Ordinal) ? body : description + "\n\n" + body;
                DateTimeOffset? published = null;
                if (Str("date_publish") is { } d && DateTime.TryParse(d, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dt))
                {
                    published = new DateTimeOffset(dt, TimeSpan.Zero);
                }

                string? gold = null;
                if (root.TryGetProperty("newsCluster", out var nc) && nc.ValueKind == JsonValueKind.Object && nc.TryGetProperty("EventId", out var ev))
                {
                    gold = ev.ValueKind == JsonValueKind.String ? ev.GetString() : ev.ValueKind == JsonValueKind.Number ? ev.GetRawText() : null;
                }

                gold ??= Str("category");
                gold ??= "(alone) " + Path.GetFileName(path);
                result.Add(new LabelledArticle(
                    new ClusterArticle { Id = id++, Title = title, Text = text, Published = published, Outlet = Str("publisher") ?? Str("source_domain") },
                    gold,
                    Path.GetFileName(path)));
            }
        }

        if (result.Count == 0)
        {
            throw new ParallaxException(ErrorCodes.InputEmpty, $"No news-please JSON files in {directory}.");
        }

        return result;
    }
}
