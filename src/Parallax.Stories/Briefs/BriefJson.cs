using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parallax.Stories.Briefs;

/// <summary>The brief as JSON (snake_case names), the shape documented in the README.</summary>
public static class BriefJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Serialize(BriefDocument document) => JsonSerializer.Serialize(document, Options);

    public static void Write(Stream stream, BriefDocument document) => JsonSerializer.Serialize(stream, document, Options);
}
