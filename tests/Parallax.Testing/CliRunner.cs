using System.Diagnostics;
using System.Text;

namespace Parallax.Testing;

/// <summary>Runs the real <c>parallax</c> command (the built parallax.dll next to the test assembly) as a process.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static string DllPath
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "parallax.dll");
            if (!File.Exists(path))
            {
                throw new FileNotFoundException("parallax.dll is not next to the tests; reference src/Parallax.Cli from this test project.", path);
            }

            return path;
        }
    }

    public static Result Run(IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null, string? stdin = null, TimeSpan? timeout = null)
    {
        using var process = Start(args, workingDirectory, environment, redirectStdin: stdin is not null);
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.Append(e.Data).Append('\n'); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.Append(e.Data).Append('\n'); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("parallax " + string.Join(' ', args) + " did not finish in time.");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    public static Process Start(IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null, bool redirectStdin = false)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectStdin,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(DllPath);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NO_COLOR"] = "1";
        psi.Environment.Remove("PARALLAX_DB");
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                psi.Environment[k] = v;
            }
        }

        return Process.Start(psi) ?? throw new InvalidOperationException("could not start dotnet");
    }
}
