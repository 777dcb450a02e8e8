using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Package;

namespace HakuWinay.Contests.Cli;

/// <summary>
/// The command-line tool: <c>rank PACKAGE.json</c> prints the recomputed results as CSV;
/// <c>verify PACKAGE.json</c> prints <c>verified</c> or every difference. Exit codes: 0 done or
/// verified, 1 the package does not verify, 2 bad usage, an unreadable file or a malformed package.
/// Every failure is a message on the error output, never a stack trace.
/// </summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int NotVerified = 1;
    public const int Unusable = 2;

    public const string Usage = """
        hakuwinay-results: re-check an open results package of a Haku Wiñay contest.

        Usage:
          hakuwinay-results rank PACKAGE.json     print the results recomputed from the package as CSV
          hakuwinay-results verify PACKAGE.json   print "verified" when the package's results and hash are
                                                  what its own input gives, else every difference
          hakuwinay-results --help                this text

        Exit codes: 0 done (verified), 1 not verified, 2 bad usage or a file that is not a valid package.
        The package format and its hash are described in docs/results-package.md.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return Dispatch(args, output, error);
        }
#pragma warning disable CA1031 // The tool's contract: whatever happens, a message and exit code 2, never a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error.WriteLine($"error: {e.Message}");
            return Unusable;
        }
    }

    private static int Dispatch(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 1 && args[0] is "--help" or "-h" or "help")
        {
            output.WriteLine(Usage);
            return Ok;
        }
        if (args.Length != 2 || args[0] is not ("rank" or "verify"))
        {
            error.WriteLine(args.Length == 0
                ? "error: say what to do: rank or verify, and the package file."
                : $"error: unknown command line \"{string.Join(' ', args)}\"; expected: rank PACKAGE.json or verify PACKAGE.json.");
            error.WriteLine();
            error.WriteLine(Usage);
            return Unusable;
        }
        var package = Load(args[1], error);
        if (package is null)
        {
            return Unusable;
        }
        try
        {
            return args[0] == "rank" ? Rank(package, output) : Verify(package, output, error);
        }
        catch (ResultsInputException e)
        {
            error.WriteLine($"error: {args[1]}: the rules cannot be applied to this package: {e.Message}");
            return Unusable;
        }
    }

    private static ResultsPackage? Load(string path, TextWriter error)
    {
        if (Directory.Exists(path))
        {
            error.WriteLine($"error: {path} is a folder, not a package file.");
            return null;
        }
        if (!File.Exists(path))
        {
            error.WriteLine($"error: {path}: no such file.");
            return null;
        }
        ResultsPackageReadResult read;
        try
        {
            using var file = File.OpenRead(path);
            read = ResultsPackageJson.Read(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: {path} cannot be read: {e.Message}");
            return null;
        }
        if (!read.Succeeded)
        {
            error.WriteLine($"error: {path} is not a valid results package ({read.Errors.Count} {(read.Errors.Count == 1 ? "problem" : "problems")}):");
            foreach (var problem in read.Errors)
            {
                error.WriteLine("  " + problem);
            }
        }
        return read.Package;
    }

    private static int Rank(ResultsPackage package, TextWriter output)
    {
        output.Write(ResultsCsv.Ranking(Ranking.Compute(package.Input)));
        return Ok;
    }

    private static int Verify(ResultsPackage package, TextWriter output, TextWriter error)
    {
        var verification = ResultsVerifier.Verify(package);
        if (verification.Verified)
        {
            output.WriteLine("verified");
            return Ok;
        }
        foreach (var difference in verification.Differences)
        {
            output.WriteLine(difference);
        }
        error.WriteLine($"not verified: {verification.Differences.Count} {(verification.Differences.Count == 1 ? "difference" : "differences")}");
        return NotVerified;
    }
}
