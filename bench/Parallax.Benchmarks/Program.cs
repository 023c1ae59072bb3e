using BenchmarkDotNet.Running;

// Each area adds its benchmark classes in its own file in this project.
// dotnet run -c Release --project bench/Parallax.Benchmarks -- --filter '*Tokenizer*'
// dotnet run -c Release --project bench/Parallax.Benchmarks -- profile-ingest [FOLDER...]   (stage breakdown of an ingest)
if (args.Length > 0 && args[0] == "profile-ingest")
{
    return Parallax.Benchmarks.IngestProfile.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Parallax.Benchmarks.BenchPaths).Assembly).Run(args);
return 0;
