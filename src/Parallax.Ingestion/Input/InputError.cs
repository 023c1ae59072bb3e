using Parallax.Core;

namespace Parallax.Ingestion.Input;

/// <summary>Thrown inside readers for a bad input; <see cref="InputReader"/> turns it into a <see cref="ReadFailure"/>.</summary>
internal sealed class InputError : ParallaxException
{
    public InputError(string code, string message)
        : base(code, message)
    {
    }

    public InputError(string code, string message, Exception inner)
        : base(code, message, inner)
    {
    }

    public InputError()
    {
    }

    public InputError(string message)
        : base(message)
    {
    }

    public InputError(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

internal static class Sizes
{
    public static string Describe(long bytes) => bytes switch
    {
        >= 1024L * 1024 * 1024 => $"{bytes / (1024.0 * 1024 * 1024):0.#} GB",
        >= 1024L * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };

    public static InputError TooLarge(string what, long size, long max, bool atLeast = false, string advice = "--max-bytes") =>
        new(ErrorCodes.InputTooLarge, $"{what} is {(atLeast ? "over " : string.Empty)}{Describe(size)}, over the {Describe(max)} limit; raise the limit ({advice}) if it really is one article.");
}
