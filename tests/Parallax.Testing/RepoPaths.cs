namespace Parallax.Testing;

/// <summary>Where things are, for tests: the repository root, its samples, and the shared data sets.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root (the folder holding Parallax.slnx).</summary>
    public static string Root => LazyRoot.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string TillersonSample => Path.Combine(Samples, "tillerson-china-2017");

    /// <summary>The shared data sets: $PARALLAX_DATA, else ../shared/data from the repository root.</summary>
    public static string Data
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("PARALLAX_DATA");
            var path = string.IsNullOrEmpty(fromEnv) ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "data")) : fromEnv;
            if (!Directory.Exists(path))
            {
                throw new DirectoryNotFoundException($"The shared data sets are not at {path}. Set PARALLAX_DATA to their folder.");
            }

            return path;
        }
    }

    public static string DataFile(params string[] parts) => Path.Combine([Data, .. parts]);

    /// <summary>A fresh temporary folder, deleted when disposed.</summary>
    public static TempDir TempDir() => new();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Parallax.slnx")))
            {
                return dir.FullName;
            }

            dir = dir.Parent;
        }

        throw new DirectoryNotFoundException("Could not find the repository root (Parallax.slnx) above " + AppContext.BaseDirectory);
    }
}

public sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parallax-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
        catch (UnauthorizedAccessException)
        {
            // best effort
        }
    }
}
