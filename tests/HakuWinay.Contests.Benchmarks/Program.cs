using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/HakuWinay.Contests.Benchmarks -- --filter '*ScoreSheet*'
BenchmarkSwitcher.FromAssembly(typeof(HakuWinay.Contests.Benchmarks.ScoreSheetCsvBenchmarks).Assembly).Run(args);
