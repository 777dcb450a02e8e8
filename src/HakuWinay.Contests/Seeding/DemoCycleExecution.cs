using HakuWinay.Contests.Accounting;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.FollowUp;
using HakuWinay.Contests.Profiles;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Seeding;

/// <summary>
/// Last year's awards in the states an administrator meets in execution, each played on the
/// story's clock through the services of /admin/awards/{id}, /awards/{id}/expenses and
/// /technician/visits/{id}:
/// grupo8 closed with its closing act; grupo7 at risk (an unsatisfactory visit, 40% of tranche 1
/// accounted 80 days after its payment); grupo5 with tranche 2 due (80% accounted and approved, one
/// more receipt awaiting review, its first visit approved); grupo6 (funded by version 2) with its
/// first visit due this week.
/// </summary>
internal static class DemoCycleExecution
{
    public const string Closed = "grupo8@demo.hakuwinay.pe";
    public const string AtRisk = "grupo7@demo.hakuwinay.pe";
    public const string TrancheTwoDue = "grupo5@demo.hakuwinay.pe";
    public const string VisitThisWeek = "grupo6@demo.hakuwinay.pe";

    public static async Task SeedAsync(DemoCycleStory story, int contestId, CancellationToken ct)
    {
        var awards = await AwardsAsync(story, contestId, ct);
        var run = new Run(story, ct);

        var closed = awards[story.Group(Closed).GroupId];
        await run.SignAndPayFirstAsync(closed, signDay: -360, payDay: -355);
        await run.SpendAsync(closed, 1, day: -340, share: 1m, approveDay: -338);
        await run.VisitAsync(closed, 1, day: -325, VisitRating.Satisfactory, approveDay: -324);
        await run.PayAsync(closed, 2, day: -320);
        await run.SpendAsync(closed, 2, day: -300, share: 1m, approveDay: -299);
        await run.VisitAsync(closed, 2, day: -265, VisitRating.Satisfactory, approveDay: -264);
        await run.VisitAsync(closed, 3, day: -175, VisitRating.Satisfactory, approveDay: -174);
        story.At(-170, 11);
        DemoCycleStory.Ok(await story.Service<AwardAdminService>().CloseAsync(story.Admin, closed.AwardId, story.Day(-170),
            "El negocio funciona con sus propios ingresos; el grupo rindió cuentas de todo el premio y las tres visitas fueron aprobadas.", ct), "closing grupo8's award");

        var atRisk = awards[story.Group(AtRisk).GroupId];
        await run.SignAndPayFirstAsync(atRisk, signDay: -90, payDay: -80);
        await run.SpendAsync(atRisk, 1, day: -65, share: 0.4m, approveDay: -63);
        await run.VisitAsync(atRisk, 1, day: -50, VisitRating.Unsatisfactory, approveDay: -48);

        var due = awards[story.Group(TrancheTwoDue).GroupId];
        await run.SignAndPayFirstAsync(due, signDay: -70, payDay: -60);
        await run.SpendAsync(due, 1, day: -45, share: 0.8m, approveDay: -44);
        await run.VisitAsync(due, 1, day: -30, VisitRating.Satisfactory, approveDay: -29);
        await run.SpendAsync(due, 1, day: -2, share: 0.1m, approveDay: null, firstNumber: 90);

        var thisWeek = awards[story.Group(VisitThisWeek).GroupId];
        await run.SignAndPayFirstAsync(thisWeek, signDay: -35, payDay: -27);

        story.AtNow();
        await story.Service<ExecutionSweepService>().SweepAsync(ct);
    }

    private static async Task<Dictionary<int, DemoCycleAward>> AwardsAsync(DemoCycleStory story, int contestId, CancellationToken ct)
    {
        await using var db = await story.Db.CreateDbContextAsync(ct);
        var awards = await db.Awards.AsNoTracking().Include(a => a.Tranches).Include(a => a.Visits)
            .Where(a => a.ContestId == contestId && a.Status == AwardStatus.Active).ToListAsync(ct);
        var profiles = awards.Select(a => a.BusinessProfileId).ToList();
        var lines = await db.Set<InvestmentLine>().Where(l => profiles.Contains(l.BusinessProfileId))
            .Select(l => new { l.Id, l.BusinessProfileId, l.FinancedBy }).ToListAsync(ct);
        return awards.ToDictionary(a => a.ProducerGroupId, a => new DemoCycleAward(
            a.Id,
            a.Tranches.OrderBy(t => t.Order).Select(t => (t.Id, t.Amount)).ToList(),
            a.Visits.OrderBy(v => v.Order).Select(v => v.Id).ToList(),
            lines.Where(l => l.BusinessProfileId == a.BusinessProfileId && l.FinancedBy == FinancedBy.Fund).OrderBy(l => l.Id).Select(l => l.Id).ToList(),
            lines.Where(l => l.BusinessProfileId == a.BusinessProfileId).OrderBy(l => l.Id).Select(l => l.Id).ToList(),
            a.ProducerGroupId));
    }

    /// <summary>The steps of an award, each at its day (10:00 in Lima unless said otherwise).</summary>
    private sealed class Run(DemoCycleStory story, CancellationToken ct)
    {
        private int _documents;

        private AwardAdminService Awards => story.Service<AwardAdminService>();

        /// <summary>The administrator records the signed agreement; the sweeper makes tranche 1 due; the administrator pays it with the bank's voucher.</summary>
        public async Task SignAndPayFirstAsync(DemoCycleAward award, int signDay, int payDay)
        {
            story.At(signDay);
            DemoCycleStory.Ok(await Awards.RecordAgreementAsync(story.Admin, award.AwardId, story.Day(signDay),
                DemoCycleFiles.Pdf("convenio-firmado.pdf", $"Convenio de financiamiento - premio {award.AwardId} - firmado"), ct), "recording an agreement");
            await story.Service<ExecutionSweepService>().SweepAsync(ct);
            await PayAsync(award, 1, payDay);
        }

        public async Task PayAsync(DemoCycleAward award, int order, int day)
        {
            story.At(day);
            var (trancheId, amount) = award.Tranches[order - 1];
            DemoCycleStory.Ok(await Awards.PayTrancheAsync(story.Admin, award.AwardId, trancheId,
                new TranchePaymentInput(amount, story.Day(day), story.Reference("OP", day, trancheId)),
                DemoCycleFiles.Png("voucher.png", 40, 90, 160), ct), $"paying tranche {order}");
        }

        /// <summary>The group accounts for <paramref name="share"/> of a tranche with two receipts (one per fund line); the administrator approves them on <paramref name="approveDay"/>.</summary>
        public async Task SpendAsync(DemoCycleAward award, int order, int day, decimal share, int? approveDay, int firstNumber = 1)
        {
            story.At(day, 15);
            var (trancheId, amount) = award.Tranches[order - 1];
            var total = Money.Round(amount * share);
            var first = Money.Round(total / 2);
            var group = story.RepresentativeOf(award.GroupId);
            var expenses = story.Service<ExpenseService>();
            var recorded = new List<int>();
            foreach (var (line, part, i) in new[] { (award.FundLines[0], first, 0), (award.FundLines[Math.Min(1, award.FundLines.Count - 1)], total - first, 1) })
            {
                var number = firstNumber + _documents++;
                var document = i == 0 ? ExpenseDocumentType.Factura : ExpenseDocumentType.Boleta;
                var supplier = i == 0 ? "Agroveterinaria Los Andes E.I.R.L." : "Ferretería El Sol";
                recorded.Add(DemoCycleStory.Ok(await expenses.RecordAsync(group, award.AwardId, trancheId,
                    new ExpenseInput(line, story.Day(day), supplier, document, $"{(i == 0 ? "F001" : "B002")}-{number:D6}", part),
                    i == 0 ? DemoCycleFiles.Pdf("factura.pdf", $"Factura F001-{number:D6} - {supplier}") : DemoCycleFiles.Png("boleta.png", 230, 230, 210), ct),
                    "recording an expense"));
            }
            if (approveDay is { } approve)
            {
                story.At(approve, 11);
                foreach (var id in recorded)
                {
                    DemoCycleStory.Ok(await expenses.ApproveAsync(story.Admin, id, ct), "approving an expense");
                }
                await story.Service<ExecutionSweepService>().SweepAsync(ct);
            }
        }

        /// <summary>The technician files a visit with a photo; the administrator approves it the next day and the sweeper runs.</summary>
        public async Task VisitAsync(DemoCycleAward award, int order, int day, VisitRating rating, int approveDay)
        {
            story.At(day, 16);
            var visitId = award.Visits[order - 1];
            var visits = story.Service<VisitService>();
            DemoCycleStory.Ok(await visits.AddPhotoAsync(story.Technician, visitId, DemoCycleFiles.Png("visita.png", 90, 140, 60), ct), "a visit photo");
            var good = rating == VisitRating.Satisfactory;
            var report = new VisitReport(story.Day(day), good ? 4 : 2, good ? 1_800m * order : 350m, good ? 2 : 0,
                good ? "Registros en orden, ventas anotadas en el cuaderno y la inversión avanza según el plan."
                     : "Solo dos socios presentes; no hay registro de ventas y parte de lo comprado no está en uso.",
                rating, award.AllLines.Select(l => new VisitLineProgressInput(l, good ? Math.Min(100, 40 * order) : 15, null)).ToList());
            DemoCycleStory.Ok(await visits.SubmitReportAsync(story.Technician, visitId, report, ct), "filing a visit report");
            story.At(approveDay, 11);
            DemoCycleStory.Ok(await visits.ApproveAsync(story.Admin, visitId, ct: ct), "approving a visit");
            await story.Service<ExecutionSweepService>().SweepAsync(ct);
        }
    }
}

/// <summary>An award of last year's contest as the story plays it.</summary>
internal sealed record DemoCycleAward(int AwardId, IReadOnlyList<(int Id, decimal Amount)> Tranches, IReadOnlyList<int> Visits,
    IReadOnlyList<int> FundLines, IReadOnlyList<int> AllLines, int GroupId);
