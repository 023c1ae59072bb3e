using BenchmarkDotNet.Running;

// Each area adds its benchmark classes in its own file in this project.
// dotnet run -c Release --project bench/Parallax.Benchmarks -- --filter '*Tokenizer*'
BenchmarkSwitcher.FromAssembly(typeof(Parallax.Benchmarks.BenchPaths).Assembly).Run(args);
