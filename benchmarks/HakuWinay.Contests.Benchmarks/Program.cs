using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/HakuWinay.Contests.Benchmarks -- --filter '*ScoreSheet*'
BenchmarkSwitcher.FromAssembly(typeof(HakuWinay.Contests.Benchmarks.ScoreSheetCsvBenchmarks).Assembly).Run(args);
