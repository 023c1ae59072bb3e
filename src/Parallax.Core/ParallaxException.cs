namespace Parallax.Core;

/// <summary>
/// An error a person can act on. <see cref="Code"/> is stable across versions (see <see cref="ErrorCodes"/>);
/// the message says what went wrong and, where possible, what to do.
/// </summary>
public class ParallaxException : Exception
{
    public ParallaxException(string code, string message)
        : base(message) => Code = code;

    public ParallaxException(string code, string message, Exception inner)
        : base(message, inner) => Code = code;

    public ParallaxException()
        : this(ErrorCodes.Unknown, "Unknown Parallax error.")
    {
    }

    public ParallaxException(string message)
        : this(ErrorCodes.Unknown, message)
    {
    }

    public ParallaxException(string message, Exception innerException)
        : this(ErrorCodes.Unknown, message, innerException)
    {
    }

    public string Code { get; } = ErrorCodes.Unknown;

    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>Stable error codes. Never renumber; add new ones at the end of their block.</summary>
public static class ErrorCodes
{
    public const string Unknown = "PX0000";

    // Pipeline (PX1xxx)
    public const string MissingLayer = "PX1001";
    public const string PipelineOrder = "PX1002";
    public const string DuplicateAssign = "PX1003";
    public const string ComponentFailed = "PX1004";

    // Input (PX2xxx)
    public const string InputNotFound = "PX2001";
    public const string InputEmpty = "PX2002";
    public const string InputTooLarge = "PX2003";
    public const string InputBinary = "PX2004";
    public const string InputEncoding = "PX2005";
    public const string InputMalformedJson = "PX2006";
    public const string InputMalformedXml = "PX2007";
    public const string InputUnsafeXml = "PX2008";
    public const string InputMalformedWarc = "PX2009";
    public const string InputNoArticle = "PX2010";
    public const string InputUnknownFormat = "PX2011";
    public const string InputMissingField = "PX2012";

    // Storage (PX3xxx)
    public const string StoreOpen = "PX3001";
    public const string StoreSchemaTooNew = "PX3002";
    public const string StoreNotFound = "PX3003";

    // Models (PX4xxx)
    public const string ModelMissing = "PX4001";
    public const string ModelFormat = "PX4002";
    public const string DataFormat = "PX4003";
}
