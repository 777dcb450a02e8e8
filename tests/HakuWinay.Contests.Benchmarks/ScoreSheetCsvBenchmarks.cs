using BenchmarkDotNet.Attributes;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Tests.Judging;

namespace HakuWinay.Contests.Benchmarks;

/// <summary>
/// Importing an Admin's paper-score CSV of 10,000 rows (500 profiles × 4 jurors × 5 criteria,
/// UTF-8 with a byte-order mark, quoted and accented comments): reading the upload, parsing it,
/// and checking every row against the contest. Time and allocated memory per import.
/// </summary>
[MemoryDiagnoser]
public class ScoreSheetCsvBenchmarks
{
    private byte[] _file = [];
    private ScoreSheetCsvContext _contest = null!;
    private IReadOnlyList<ScoreSheetCsvRow> _rows = [];

    [GlobalSetup]
    public void Setup()
    {
        (_file, _contest) = ScoreSheetCsvSamples.Large(profiles: 500);
        _rows = ScoreSheetCsv.Parse(_file).Rows;
        if (_rows.Count != 10_000 || !ScoreSheetCsv.Validate(_rows, _contest).Succeeded)
        {
            throw new InvalidOperationException("The generated sheet is not the valid 10,000-row file the benchmark measures.");
        }
    }

    [Benchmark]
    public int Parse() => ScoreSheetCsv.Parse(_file).Rows.Count;

    [Benchmark]
    public int Validate() => ScoreSheetCsv.Validate(_rows, _contest).Scorecards.Count;

    [Benchmark(Baseline = true)]
    public async Task<int> ParseAndValidateUpload()
    {
        using var upload = new MemoryStream(_file, writable: false);
        var parsed = await ScoreSheetCsv.ParseAsync(upload);
        return ScoreSheetCsv.Validate(parsed.Rows, _contest).Scorecards.Count;
    }
}
