namespace Parallax.Benchmarks;

/// <summary>Where benchmark inputs are: the repository and the shared data sets.</summary>
public static class BenchPaths
{
    public static string Root
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parallax.slnx")))
            {
                dir = dir.Parent;
            }

            // BenchmarkDotNet runs from a generated folder under bin/; fall back to the working directory.
            return dir?.FullName ?? Environment.CurrentDirectory;
        }
    }

    public static string Data =>
        Environment.GetEnvironmentVariable("PARALLAX_DATA") is { Length: > 0 } d ? d : Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    public static string Samples => Path.Combine(Root, "samples");
}
