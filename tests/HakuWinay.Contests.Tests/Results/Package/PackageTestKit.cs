using System.Text.Json.Nodes;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Package;

namespace HakuWinay.Contests.Tests.Results.Package;

/// <summary>Packages with hand-written results (the shape of the JSON, whatever the rules compute) and edits of their JSON text.</summary>
internal static class PackageTestKit
{
    /// <summary>The example's input with results written by hand: every kind of value, including nulls and a partial award.</summary>
    public static ResultsPackage HandWritten()
    {
        var input = ResultsSamples.ExampleInput();
        var results = new RankingResult(
            [
                new CategoryOutcome("idea", 22_500m, 0m, 22_200m, 300m, 4, 3),
                new CategoryOutcome("marcha", 22_500m, 300m, 15_000m, 7_800m, 2, 2),
            ],
            [
                Entry("AYA-2026-01-001", "idea", 84.75m, 2.5m, 87.25m, 1, null, ResultOutcome.Funded, 7_500m),
                Entry("AYA-2026-01-003", "idea", 77.50m, 2.5m, 80.00m, 2, null, ResultOutcome.Funded, 7_200m, note: "Empate resuelto por presentación pública."),
                Entry("AYA-2026-01-002", "idea", 74.00m, 0m, 74.00m, 3, null, ResultOutcome.PartiallyFunded, 7_500m),
                Entry("AYA-2026-01-005", "idea", 70.00m, 0m, 70.00m, 4, 1, ResultOutcome.Waitlisted, 0m),
                Entry("AYA-2026-01-004", "idea", 56.67m, 0m, 56.67m, null, null, ResultOutcome.Failed, 0m),
                Entry("AYA-2026-01-006", "marcha", 88.33m, 4.5m, 92.83m, 1, null, ResultOutcome.Funded, 7_500m),
                Entry("AYA-2026-01-007", "marcha", 77.50m, 2m, 79.50m, 2, null, ResultOutcome.Funded, 7_500m),
                new ResultEntry("AYA-2026-01-008", "marcha", [new StageResult("campo", null, 0, 3, false), new StageResult("publica", null, 0, 3, false)],
                    null, 0m, null, false, null, null, ResultOutcome.Ineligible, 0m, "No elegible.", null),
            ]);
        return ResultsPackageJson.WithHash(new ResultsPackage(
            new PublishedContest("AYA-2026-01", "Concurso de perfiles de negocio Huamanga 2026", 2, ResultsSamples.PublishedAt.AddMilliseconds(250),
                "Reclamo fundado del perfil AYA-2026-01-002: \"puntaje\" corregido."),
            input.Rules,
            [.. input.Profiles.Select(p => p.Code == "AYA-2026-01-005" ? p with { AcceptedIncomplete = [new IncompleteAcceptance("campo", "Un jurado se retiró por conflicto de interés.")] } : p)],
            input.Scores,
            results));
    }

    private static ResultEntry Entry(string code, string category, decimal evaluation, decimal bonus, decimal final, int? rank, int? waitlist,
        ResultOutcome outcome, decimal award, string? note = null) =>
        new(code, category, [new StageResult("campo", evaluation - 1m, 3, 3, false), new StageResult("publica", evaluation + 1m, 3, 3, false)],
            evaluation, bonus, final, rank is not null, rank, waitlist, outcome, award, $"Puntaje {evaluation:0.00}; explicación de {code}.", note);

    /// <summary>The package's JSON with an edit made to its tree (the hash is left as it was).</summary>
    public static string Edit(string json, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    public static string Written(ResultsPackage package) => ResultsPackageJson.Write(package);

    public static ResultsPackage ReadOrFail(string json)
    {
        var read = ResultsPackageJson.Read(json);
        Assert.True(read.Succeeded, string.Join("\n", read.Errors));
        return read.Package!;
    }

    public static IReadOnlyList<string> ErrorsOf(string json)
    {
        var read = ResultsPackageJson.Read(json);
        Assert.False(read.Succeeded, "The package was read without error.");
        Assert.Null(read.Package);
        Assert.NotEmpty(read.Errors);
        return read.Errors;
    }

    /// <summary>The folder of the repository (for the committed example and the schema).</summary>
    public static string RepositoryPath(params string[] parts)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "HakuWinay.Contests.sln")))
        {
            folder = folder.Parent;
        }
        Assert.NotNull(folder);
        return Path.Combine([folder.FullName, .. parts]);
    }
}
