using Parallax.Core;

namespace Parallax.Nlp.Entities;

/// <summary>
/// The BILOU tag set over the four CoNLL types: tag 0 is O; then for each type (PER, ORG, LOC, MISC, in
/// <see cref="EntityType"/> order) B, I, L, U. BILOU is IOBES with L = E and U = S.
/// </summary>
public static class NerTags
{
    public const int O = 0;
    public const int Count = 17;
    public const int TypeCount = 4;

    public enum Part : byte
    {
        Begin = 0,
        Inside = 1,
        Last = 2,
        Unit = 3,
    }

    private static readonly bool[] Allowed = BuildTransitions();

    public static int Tag(EntityType type, Part part) => 1 + ((int)type * 4) + (int)part;

    public static EntityType TypeOf(int tag) => (EntityType)((tag - 1) >> 2);

    public static Part PartOf(int tag) => (Part)((tag - 1) & 3);

    /// <summary>Whether <paramref name="next"/> may follow <paramref name="previous"/> (-1 = sentence start).</summary>
    public static bool CanFollow(int previous, int next) => Allowed[((previous + 1) * Count) + next];

    /// <summary>Whether a sentence may end after <paramref name="tag"/>.</summary>
    public static bool CanEnd(int tag) => tag == O || PartOf(tag) is Part.Last or Part.Unit;

    public static string Name(int tag) => tag == O ? "O" : PartOf(tag) switch
    {
        Part.Begin => "B-",
        Part.Inside => "I-",
        Part.Last => "L-",
        _ => "U-",
    } + TypeOf(tag).ToConll();

    private static bool[] BuildTransitions()
    {
        var allowed = new bool[(Count + 1) * Count];
        for (int prev = -1; prev < Count; prev++)
        {
            for (int next = 0; next < Count; next++)
            {
                bool prevOpen = prev > 0 && PartOf(prev) is Part.Begin or Part.Inside;
                bool ok;
                if (next == O || PartOf(next) is Part.Begin or Part.Unit)
                {
                    ok = !prevOpen;
                }
                else
                {
                    ok = prevOpen && TypeOf(prev) == TypeOf(next);
                }

                allowed[((prev + 1) * Count) + next] = ok;
            }
        }

        return allowed;
    }

    /// <summary>
    /// Turns a sentence's tags in any of IOB1, IOB2, IOBES or BILOU (strings like "B-PER", "I-ORG", "E-LOC",
    /// "S-MISC", "L-PER", "U-ORG", "O") into entity spans over token indices [start, end).
    /// </summary>
    public static void SpansFromStrings(IReadOnlyList<string> tags, int offset, List<(int Start, int End, EntityType Type)> output)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(output);
        int start = -1;
        EntityType type = EntityType.Misc;
        for (int i = 0; i <= tags.Count; i++)
        {
            char prefix = 'O';
            EntityType t = EntityType.Misc;
            if (i < tags.Count && tags[i] is { Length: > 2 } s && s[1] == '-')
            {
                prefix = char.ToUpperInvariant(s[0]);
                if (!EntityTypes.TryParse(s[2..], out t))
                {
                    throw new ParallaxException(ErrorCodes.DataFormat, $"Unknown entity type in tag '{s}'.");
                }
            }

            bool continues = start >= 0 && t == type && prefix is 'I' or 'E' or 'L';
            if (start >= 0 && !continues)
            {
                output.Add((offset + start, offset + i, type));
                start = -1;
            }

            if (prefix != 'O' && start < 0)
            {
                start = i;
                type = t;
            }

            if (prefix is 'E' or 'L' or 'S' or 'U')
            {
                output.Add((offset + start, offset + i + 1, type));
                start = -1;
            }
        }
    }

    /// <summary>BILOU tags for entity spans over a sentence of <paramref name="length"/> tokens.</summary>
    public static void TagsFromSpans(IEnumerable<(int Start, int End, EntityType Type)> spans, Span<byte> tags)
    {
        ArgumentNullException.ThrowIfNull(spans);
        tags.Clear();
        foreach (var (s, e, type) in spans)
        {
            if (e - s == 1)
            {
                tags[s] = (byte)Tag(type, Part.Unit);
                continue;
            }

            tags[s] = (byte)Tag(type, Part.Begin);
            for (int k = s + 1; k < e - 1; k++)
            {
                tags[k] = (byte)Tag(type, Part.Inside);
            }

            tags[e - 1] = (byte)Tag(type, Part.Last);
        }
    }
}
