namespace Parallax.Web.Hosting;

/// <summary>Stable error codes of the web host (PX5xxx), in the "code" field of every problem it returns.</summary>
public static class WebErrorCodes
{
    public const string ApiKeyRequired = "PX5001";
    public const string Unauthorized = "PX5002";
    public const string CrossSite = "PX5003";
    public const string BadRequest = "PX5004";
    public const string NotFound = "PX5005";
    public const string TooLarge = "PX5006";
    public const string UnsupportedMediaType = "PX5007";
    public const string NoInput = "PX5008";
    public const string AllInputsFailed = "PX5009";
    public const string Unexpected = "PX5010";
}
