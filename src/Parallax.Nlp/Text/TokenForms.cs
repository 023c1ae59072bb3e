using System.Runtime.CompilerServices;

namespace Parallax.Nlp.Text;

/// <summary>
/// Normalised token forms for features and lookups, never for the text: curly quotes and apostrophes become
/// straight ones, dashes become "-", so "China’s" reads like CoNLL's "China 's". Hashes are computed over the
/// normalised characters without allocating.
/// </summary>
public static class TokenForms
{
    private const ulong FnvOffset = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;

    /// <summary>The normalised form of one character.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char Normalize(char c) => c < 128 ? c : c switch
    {
        '\u2019' or '\u2018' or '\u00B4' or '\u02BC' or '\u2032' or '\u201A' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        '\u00A0' => ' ',
        _ => c,
    };

    /// <summary>Hash of the normalised form.</summary>
    public static ulong Hash(ReadOnlySpan<char> token)
    {
        ulong h = FnvOffset;
        foreach (char ch in token)
        {
            h = (h ^ Normalize(ch)) * FnvPrime;
        }

        return h;
    }

    /// <summary>Hash of the normalised, lowercased form.</summary>
    public static ulong HashLower(ReadOnlySpan<char> token)
    {
        ulong h = FnvOffset;
        foreach (char ch in token)
        {
            char c = Normalize(ch);
            c = c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
            h = (h ^ c) * FnvPrime;
        }

        return h;
    }

    /// <summary>Combines a phrase hash with the next token's hash.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong phrase, ulong token) => ((phrase ^ 0x9E3779B97F4A7C15UL) * FnvPrime) ^ (token + (phrase << 6) + (phrase >> 2));

    /// <summary>The normalised form as a string (for tools and training, not the hot path).</summary>
    public static string ToForm(ReadOnlySpan<char> token)
    {
        Span<char> buffer = token.Length <= 256 ? stackalloc char[token.Length] : new char[token.Length];
        for (int i = 0; i < token.Length; i++)
        {
            buffer[i] = Normalize(token[i]);
        }

        return new string(buffer);
    }
}
