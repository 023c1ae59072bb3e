using System.Runtime.CompilerServices;

namespace Parallax.Nlp.Text;

/// <summary>Character tests used on the tokenizer's hot path: a table for ASCII, the Unicode tables beyond.</summary>
internal static class CharClass
{
    private const byte Letter = 1;
    private const byte Digit = 2;
    private const byte Space = 4;
    private const byte Upper = 8;

    private static readonly byte[] Ascii = BuildAscii();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) => c < 128 ? (Ascii[c] & Letter) != 0 : char.IsLetter(c) || IsCombining(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetterOrDigit(char c) => c < 128 ? (Ascii[c] & (Letter | Digit)) != 0 : char.IsLetterOrDigit(c) || IsCombining(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c < 128 ? (Ascii[c] & Space) != 0 : char.IsWhiteSpace(c) || c is '\u200B' or '\uFEFF';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUpper(char c) => c < 128 ? (Ascii[c] & Upper) != 0 : char.IsUpper(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLower(char c) => c < 128 ? (uint)(c - 'a') <= 'z' - 'a' : char.IsLower(c);

    /// <summary>Apostrophes as written in news: straight, right single quote, modifier letter, acute and grave accents.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u00B4' or '`' or '\u2032';

    /// <summary>Hyphens that join word parts (not dashes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>Dashes that stand alone between words: en dash, em dash, horizontal bar, minus sign.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDash(char c) => c is '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsQuote(char c) => c is '"' or '\'' or '\u201C' or '\u201D' or '\u2018' or '\u2019' or '\u201E' or '\u201A' or '\u00AB' or '\u00BB' or '\u2039' or '\u203A' or '`';

    /// <summary>Opening brackets and opening quotes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsOpener(char c) => c is '(' or '[' or '{' or '\u201C' or '\u2018' or '\u201E' or '\u201A' or '\u00AB' or '\u2039';

    /// <summary>Closing brackets and closing quotes (straight quotes are decided by context elsewhere).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCloser(char c) => c is ')' or ']' or '}' or '\u201D' or '\u2019' or '\u00BB' or '\u203A';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSymbol(char c) => c is '$' or '%' or '&' or '+' or '=' or '<' or '>' or '#' or '@' or '*' or '^' or '~' or '|' or '\\' or '/' or '_'
        || (c >= 128 && (char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.CurrencySymbol or System.Globalization.UnicodeCategory.MathSymbol or System.Globalization.UnicodeCategory.OtherSymbol));

    private static bool IsCombining(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;

    private static byte[] BuildAscii()
    {
        var t = new byte[128];
        for (int c = 'a'; c <= 'z'; c++)
        {
            t[c] = Letter;
        }

        for (int c = 'A'; c <= 'Z'; c++)
        {
            t[c] = Letter | Upper;
        }

        for (int c = '0'; c <= '9'; c++)
        {
            t[c] = Digit;
        }

        t[' '] = t['\t'] = t['\n'] = t['\r'] = t['\f'] = t['\v'] = Space;
        return t;
    }
}
