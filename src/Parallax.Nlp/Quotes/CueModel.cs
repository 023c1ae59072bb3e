using System.Globalization;
using System.Reflection;
using System.Text;
using Parallax.Core;
using Parallax.Nlp.Text;

namespace Parallax.Nlp.Quotes;

/// <summary>
/// How often each word form is a cue in PolNeAR's training split: the share of its occurrences that lie inside an
/// annotated cue span. Trained by <c>parallax train quotes</c> (<see cref="Train"/>) and shipped as
/// <c>models/quotes/cues.tsv</c>, embedded in this assembly. The rules use it to accept reporting words beyond the
/// hand lexicon (<see cref="CueLexicon"/>) whose cue rate is high enough.
/// </summary>
public sealed class CueModel
{
    public const string ResourceName = "Parallax.Nlp.Quotes.cues.tsv";

    /// <summary>Forms seen as a cue fewer times than this are not kept.</summary>
    public const int MinCueCount = 3;

    /// <summary>Forms whose cue rate is below this are not kept.</summary>
    public const double MinKeptRate = 0.2;

    private static readonly Lazy<CueModel> LazyDefault = new(LoadEmbedded);

    private readonly Dictionary<string, (int Cue, int Total)>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public CueModel(IReadOnlyDictionary<string, (int Cue, int Total)> counts)
    {
        Counts = counts;
        _lookup = new Dictionary<string, (int Cue, int Total)>(counts, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The model shipped with Parallax (empty if the resource is missing).</summary>
    public static CueModel Default => LazyDefault.Value;

    public IReadOnlyDictionary<string, (int Cue, int Total)> Counts { get; }

    /// <summary>The form's cue rate in training, or -1 when unknown.</summary>
    public double Rate(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var c) && c.Total > 0 ? (double)c.Cue / c.Total : -1;

    public int CueCount(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var c) ? c.Cue : 0;

    /// <summary>Counts cue forms in a PolNeAR split (one annotator per article), tokenized by the real tokenizer.</summary>
    public static CueModel Train(string directory, CancellationToken cancellationToken = default)
    {
        var counts = new Dictionary<string, (int Cue, int Total)>(StringComparer.Ordinal);
        foreach (var doc in PolnearCorpus.Read(directory))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tokens = TokenizerComponent.Tokenize(doc.Text, Paragraphs.Split(doc.Text)).Tokens;
            var inCue = new bool[tokens.Length];
            foreach (var a in doc.Attributions)
            {
                foreach (var part in a.Cue.Parts)
                {
                    for (var t = 0; t < tokens.Length; t++)
                    {
                        if (tokens[t].Start >= part.Start && tokens[t].End <= part.End)
                        {
                            inCue[t] = true;
                        }
                    }
                }
            }

            for (var t = 0; t < tokens.Length; t++)
            {
                var word = doc.Text.AsSpan(tokens[t].Start, tokens[t].Length);
                if (word.Length < 3 || !IsLetters(word))
                {
                    continue;
                }

                var key = word.ToString().ToLowerInvariant();
                counts.TryGetValue(key, out var c);
                counts[key] = (c.Cue + (inCue[t] ? 1 : 0), c.Total + 1);
            }
        }

        var kept = counts
            .Where(kv => kv.Value.Cue >= MinCueCount && (double)kv.Value.Cue / kv.Value.Total >= MinKeptRate)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new CueModel(kept);
    }

    public void Save(string path)
    {
        var sb = new StringBuilder("# form\tcue\ttotal  (PolNeAR train: occurrences inside a cue span / all occurrences)\n");
        foreach (var (form, (cue, total)) in Counts.OrderByDescending(kv => kv.Value.Cue).ThenBy(kv => kv.Key, StringComparer.Ordinal))
        {
            sb.Append(form).Append('\t').Append(cue.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(total.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        File.WriteAllText(path, sb.ToString());
    }

    public static CueModel Parse(TextReader reader)
    {
        var counts = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var lineNo = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length != 3 || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var cue)
                || !int.TryParse(f[2], NumberStyles.None, CultureInfo.InvariantCulture, out var total))
            {
                throw new ParallaxException(ErrorCodes.ModelFormat, $"cue model line {lineNo}: expected 'form<TAB>cue<TAB>total', got '{line}'.");
            }

            counts[f[0]] = (cue, total);
        }

        return new CueModel(counts);
    }

    private static CueModel LoadEmbedded()
    {
        using var stream = typeof(CueModel).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return new CueModel(new Dictionary<string, (int, int)>());
        }

        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    private static bool IsLetters(ReadOnlySpan<char> w)
    {
        foreach (var c in w)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
