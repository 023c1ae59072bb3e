namespace Parallax.Ingestion.Html;

/// <summary>Diagnostics for tuning the extractor.</summary>
public static class MainTextExtractorAccess
{
    public static bool Skipped(LightNode e) => MainTextExtractor.IsSkipped(e);
}
