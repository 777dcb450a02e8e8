// dotnet run --project src/HakuWinay.Contests.Cli -- verify PACKAGE.json   (see docs/results-package.md)
return HakuWinay.Contests.Cli.CliApp.Run(args, Console.Out, Console.Error);
