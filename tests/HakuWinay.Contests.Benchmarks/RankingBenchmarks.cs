using BenchmarkDotNet.Attributes;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Tests.Results.Package;

namespace HakuWinay.Contests.Benchmarks;

/// <summary>
/// Ranking and allocating a large contest: 20,000 profiles in 2 categories, 2 stages × 5 jurors ×
/// 6 criteria (1.2 million points), against a plain loop that sums the same points once. Issue 5's
/// goal: ranking costs less than 5 times the plain sum.
/// </summary>
[MemoryDiagnoser]
public class RankingBenchmarks
{
    private ResultsInput _input = null!;

    [GlobalSetup]
    public void Setup()
    {
        _input = ResultsSamples.Large(profiles: 20_000);
        if (_input.Scores.Sum(s => s.Points.Count) != 1_200_000)
        {
            throw new InvalidOperationException("The generated contest is not the 1.2 million points the benchmark measures.");
        }
    }

    /// <summary>Touches every point once: the least any ranking must do.</summary>
    [Benchmark(Baseline = true)]
    public decimal SumPoints()
    {
        var sum = 0m;
        var scores = _input.Scores;
        for (var s = 0; s < scores.Count; s++)
        {
            var points = scores[s].Points;
            for (var c = 0; c < points.Count; c++)
            {
                sum += points[c].Points;
            }
        }
        return sum;
    }

    [Benchmark]
    public int RankAndAllocate() => Ranking.Compute(_input).Entries.Count;
}
