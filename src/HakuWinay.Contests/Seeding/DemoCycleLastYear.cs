using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Results.Publication;

namespace HakuWinay.Contests.Seeding;

/// <summary>
/// Last year's contest up to its results: five groups apply; the field sheets come on paper and the
/// administrator enters them (one of them mistyped: grupo6's third sheet says 10% of the points);
/// the CLAR's jurors score the public session on their tablets; version 1 is published; grupo1
/// (failed) appeals and is rejected, grupo6 appeals with a PDF and is upheld; the mistyped sheet
/// is reopened and entered again; version 2 is published (grupo6 now funded) and the contest
/// moves to execution. <see cref="DemoCycleExecution"/> takes the awards on from there.
/// </summary>
internal static class DemoCycleLastYear
{
    public const string Upheld = "grupo6@demo.hakuwinay.pe";
    public const string Rejected = "grupo1@demo.hakuwinay.pe";

    /// <summary>The share of each criterion's points each group earns (its jurors vary by ±2 points in a hundred).</summary>
    private static readonly Dictionary<string, decimal> Shares = new(StringComparer.OrdinalIgnoreCase)
    {
        ["grupo5@demo.hakuwinay.pe"] = 0.90m,
        [Upheld] = 0.75m,
        ["grupo7@demo.hakuwinay.pe"] = 0.86m,
        ["grupo8@demo.hakuwinay.pe"] = 0.82m,
        [Rejected] = 0.55m,
    };

    private const decimal Mistyped = 0.10m;

    public static async Task<int> SeedAsync(DemoCycleStory story, DemoCycleContestSeed seed, string code, Func<string, DemoProfileSeed> profileOf, CancellationToken ct)
    {
        var contestId = await story.CreateContestAsync(seed, code, ct);
        var profiles = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (email, i) in seed.GroupRepresentatives.Select((e, i) => (e, i)))
        {
            story.At(seed.OpensDaysFromNow + 5 + (3 * i), 11);
            profiles[email] = await story.ApplyAsync(contestId, email, profileOf(email), ct);
        }
        var emailOfGroup = seed.GroupRepresentatives.ToDictionary(e => story.Group(e).GroupId, e => e);

        story.At(seed.FieldEvaluationStartsDaysFromNow, 8);
        foreach (var profile in profiles.Values)
        {
            await story.DeclareEligibleAsync(profile, ct);
        }
        await story.StartEvaluationAsync(contestId, new Dictionary<string, IReadOnlyList<string>>
        {
            [DemoCycleEvaluation.FieldStage] = story.Jurors,
            [DemoCycleEvaluation.PublicStage] = story.Jurors,
        }, ct);
        var stages = await story.StagesAsync(contestId, ct);
        await story.AssignAsync(stages[DemoCycleEvaluation.FieldStage], story.Today.Year - 1, ct);

        // The field sheets, on paper: the administrator enters them when the field evaluation ends.
        story.At(seed.FieldEvaluationEndsDaysFromNow, 16);
        var paper = story.Service<PaperSheetService>();
        var field = await story.ScorecardsAsync(stages[DemoCycleEvaluation.FieldStage], ct);
        var mistyped = field.Last(c => emailOfGroup[c.GroupId] == Upheld);
        foreach (var card in field)
        {
            var share = card == mistyped ? Mistyped : ShareOf(story, emailOfGroup[card.GroupId], card.JurorUserId);
            DemoCycleStory.Ok(await paper.EnterAsync(story.Admin, card.Id, card.Version, DemoCycleStory.Points(card.Criteria, share), "Ficha en papel firmada por el jurado.",
                    await story.PresentAsync(card.GroupId, ct), ct),
                "a field paper sheet");
        }

        // The public session: the CLAR's jurors score each presentation on their tablets.
        story.At(seed.PublicSessionDaysFromNow, 9);
        await story.AssignAsync(stages[DemoCycleEvaluation.PublicStage], story.Today.Year - 1, ct);
        story.At(seed.PublicSessionDaysFromNow, 13);
        var scoring = story.Service<ScoringService>();
        foreach (var card in await story.ScorecardsAsync(stages[DemoCycleEvaluation.PublicStage], ct))
        {
            DemoCycleStory.Ok(await scoring.SubmitAsync(new Common.ActingUser(card.JurorUserId), card.Id, card.Version,
                DemoCycleStory.Points(card.Criteria, ShareOf(story, emailOfGroup[card.GroupId], card.JurorUserId)), "Presentación clara, con participación de las socias.", ct),
                "a public-session scorecard");
        }

        story.At(seed.ResultsDaysFromNow, 18);
        var publication = story.Service<PublicationService>();
        DemoCycleStory.Ok(await publication.PublishAsync(contestId, story.Admin, ct: ct), $"publishing the results of {code}");

        // The appeals, the day after: grupo1's is rejected, grupo6's (with its sheet as a PDF) upheld.
        story.At(seed.ResultsDaysFromNow + 1, 10);
        var appeals = story.Service<AppealService>();
        var rejected = DemoCycleStory.Ok(await appeals.FileAsync(story.Group(Rejected).User, profiles[Rejected],
            "Pedimos que se revise nuestro puntaje: el jurado no vio el galpón terminado.", null, ct), "grupo1's appeal");
        var upheld = DemoCycleStory.Ok(await appeals.FileAsync(story.Group(Upheld).User, profiles[Upheld],
            "La ficha de campo del tercer jurado suma muy poco: en la copia que nos dejaron los puntajes son otros. Adjuntamos la foto de la ficha.",
            new AppealFile("ficha-de-campo.pdf", new MemoryStream(DemoCycleFiles.PdfBytes("Copia de la ficha de campo del tercer jurado"))), ct), "grupo6's appeal");
        story.At(seed.ResultsDaysFromNow + 2, 11);
        DemoCycleStory.Ok(await appeals.RejectAsync(story.Admin, rejected,
            "Las fichas de campo y de la sesión pública están completas y bien sumadas; el puntaje se mantiene.", ct), "rejecting grupo1's appeal");
        DemoCycleStory.Ok(await appeals.UpholdAsync(story.Admin, upheld,
            "La ficha de campo del tercer jurado se digitó mal; se corrige con la ficha en papel.", ct), "upholding grupo6's appeal");
        DemoCycleStory.Ok(await story.Service<ScoringService>().ReopenAsync(story.Admin, mistyped.Id, "Reclamo fundado: ficha mal digitada.", ct), "reopening the mistyped sheet");
        DemoCycleStory.Ok(await paper.EnterAsync(story.Admin, mistyped.Id, await story.ScorecardVersionAsync(mistyped.Id, ct),
            DemoCycleStory.Points(mistyped.Criteria, ShareOf(story, Upheld, mistyped.JurorUserId)), "Ficha en papel, digitada de nuevo tras el reclamo.", ct), "re-entering the mistyped sheet");
        story.At(seed.ResultsDaysFromNow + 3, 10);
        DemoCycleStory.Ok(await publication.PublishAsync(contestId, story.Admin, ct: ct), $"publishing version 2 of {code}");

        story.At(seed.ResultsDaysFromNow + 4, 9);
        DemoCycleStory.Ok(await story.Service<ContestAdminService>().AdvanceAsync(story.Admin.UserId, contestId, await story.VersionAsync(contestId, ct),
            ContestTransition.StartExecution, ct), $"starting the execution of {code}");
        return contestId;
    }

    private static decimal ShareOf(DemoCycleStory story, string email, string jurorUserId) =>
        Shares[email] + (0.02m * (IndexOf(story.Jurors, jurorUserId) - 1));

    private static int IndexOf(IReadOnlyList<string> jurors, string id)
    {
        for (var i = 0; i < jurors.Count; i++)
        {
            if (jurors[i] == id)
            {
                return i;
            }
        }
        throw new InvalidOperationException("Demo cycle: a scorecard of a juror who is not a demo juror.");
    }
}
