using HakuWinay.Contests.Text;
using System.Globalization;
using System.Text;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Notifications.Sms;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Results.Publication;

/// <summary>
/// One email per group and publication version, keyed "results:{publicationId}:{profileId}" so a
/// retried publication never sends twice: the outcome, the score per stage, bonus, rank, award,
/// the rules' explanation and, when the contest shares them, the jurors' comments as "Jurado 1/2/…".
/// </summary>
internal static class ResultEmails
{
    public static async Task<int> QueueAsync(ContestsDbContext db, Contest contest, ResultsPublication publication, BuiltResultsInput built,
        RankingResult ranking, DateTime now, IPortalAddress? address, CancellationToken ct)
    {
        var profileIds = built.ProfileIds.Values.ToList();
        // The representative's account, or the group's own mobile while it has none (docs/decisions/037).
        var recipients = await Recipients.OfProfilesAsync(db, profileIds, ct);
        var comments = contest.ShareJurorCommentsWithGroups ? await CommentsAsync(db, contest.Id, built.Pseudonyms, ct) : [];
        var stages = built.Input.Rules.Stages.ToDictionary(s => s.Code, s => s.Name);
        var queued = 0;
        foreach (var entry in ranking.Entries)
        {
            var profileId = built.ProfileIds[entry.ProfileCode];
            if (!recipients.TryGetValue(profileId, out var recipient))
            {
                continue;
            }
            var body = Body(contest, publication, entry, stages, comments.GetValueOrDefault(profileId) ?? []);
            var subject = publication.Version == 1
                ? $"Resultados del concurso {contest.Code}: perfil {entry.ProfileCode}"
                : $"Resultados corregidos (versión {publication.Version.ToString(CultureInfo.InvariantCulture)}) del concurso {contest.Code}: perfil {entry.ProfileCode}";
            var sms = recipient.WantsSms
                ? SmsTexts.ResultsPublished(contest.Code, entry.ProfileCode, OutcomeText(entry.Outcome), entry.Award,
                    ShortLinks.Create(db, address, $"/profiles/{profileId.ToString(CultureInfo.InvariantCulture)}", now))
                : "";
            if (await NotificationOutbox.NotifyAsync(db, recipient, subject, body, sms, now, DeduplicationKey(publication.Id, profileId), ct))
            {
                queued++;
            }
        }
        return queued;
    }

    public static string DeduplicationKey(int publicationId, int profileId) =>
        string.Create(CultureInfo.InvariantCulture, $"results:{publicationId}:{profileId}");

    public static string OutcomeText(ResultOutcome outcome) => outcome switch
    {
        ResultOutcome.Funded => "Financiado",
        ResultOutcome.PartiallyFunded => "Financiado parcialmente",
        ResultOutcome.Waitlisted => "En lista de espera",
        ResultOutcome.Failed => "Desaprobado",
        ResultOutcome.Incomplete => "Incompleto",
        ResultOutcome.Ineligible => "No elegible",
        ResultOutcome.Withdrawn => "Retirado",
        ResultOutcome.Disqualified => "Descalificado",
        _ => outcome.ToString(),
    };

    private static EmailMarkdown Body(Contest contest, ResultsPublication publication, ResultEntry entry, IReadOnlyDictionary<string, string> stages,
        List<(string StageCode, string Text)> comments)
    {
        // Built line by line, so every value is escaped here by hand (E) and the whole is trusted once at the end.
        static string E(string value) => EmailMarkdown.Escape(value);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Se publicaron los resultados del concurso **{E(contest.Title)}** ({E(contest.Code)}), versión {publication.Version}.");
        if (publication.CorrectionReason is { } reason)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Esta versión corrige la anterior. Motivo: {E(reason)}");
        }
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Su perfil **{E(entry.ProfileCode)}**: **{OutcomeText(entry.Outcome)}**.").AppendLine();
        foreach (var stage in entry.Stages)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {E(stages.GetValueOrDefault(stage.StageCode, stage.StageCode))}: {Score(stage.Score)}");
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"- Puntaje de evaluación: {Score(entry.EvaluationScore)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Bonificación por prioridad: {Score(entry.Bonus)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Puntaje final: {Score(entry.FinalScore)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Puesto: {(entry.Rank is { } rank ? rank.ToString(CultureInfo.InvariantCulture) : "—")}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Monto asignado: {E(Money.Format(entry.Award))}");
        text.AppendLine().AppendLine(E(entry.Explanation));
        if (comments.Count > 0)
        {
            text.AppendLine().AppendLine("Comentarios del jurado:").AppendLine();
            foreach (var (stageCode, comment) in comments)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {E(stages.GetValueOrDefault(stageCode, stageCode))}, {E(comment)}");
            }
        }
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture,
            $"Si no está de acuerdo, puede presentar un reclamo dentro de {contest.AppealWindowDays} días desde la publicación.");
        return EmailMarkdown.Trusted(text.ToString());
    }

    private static string Score(decimal? score) => score is { } s ? s.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    /// <summary>
    /// The comments of each profile's submitted scorecards, the jurors numbered 1, 2, … per profile
    /// in the order of their pseudonyms: a group learns what was said, never who said it.
    /// </summary>
    private static async Task<Dictionary<int, List<(string StageCode, string Text)>>> CommentsAsync(
        ContestsDbContext db, int contestId, IReadOnlyDictionary<string, string> pseudonyms, CancellationToken ct)
    {
        var stages = await db.Set<ContestStage>().AsNoTracking().Include(s => s.Criteria).Where(s => s.ContestId == contestId).ToListAsync(ct);
        var stageIds = stages.Select(s => s.Id).ToList();
        var criteria = stages.SelectMany(s => s.Criteria).ToDictionary(c => c.Id, c => c.Name);
        var cards = await db.Scorecards.AsNoTracking().Include(s => s.Points)
            .Where(s => stageIds.Contains(s.ContestStageId) && s.Status == ScorecardStatus.Submitted).ToListAsync(ct);
        var result = new Dictionary<int, List<(string, string)>>();
        foreach (var profile in cards.GroupBy(c => c.BusinessProfileId))
        {
            var jurors = profile.Select(c => c.JurorUserId).Distinct()
                .OrderBy(j => pseudonyms.GetValueOrDefault(j, j), StringComparer.Ordinal).ToList();
            var lines = new List<(string, string)>();
            foreach (var card in profile.OrderBy(c => stages.Single(s => s.Id == c.ContestStageId).Order).ThenBy(c => jurors.IndexOf(c.JurorUserId)))
            {
                var juror = $"Jurado {jurors.IndexOf(card.JurorUserId) + 1}";
                var stageCode = stages.Single(s => s.Id == card.ContestStageId).Code;
                foreach (var point in card.Points.Where(p => !string.IsNullOrWhiteSpace(p.Comment)))
                {
                    lines.Add((stageCode, $"{juror}, {criteria.GetValueOrDefault(point.ContestCriterionId, "")}: {point.Comment}"));
                }
                if (!string.IsNullOrWhiteSpace(card.OverallComment))
                {
                    lines.Add((stageCode, $"{juror}: {card.OverallComment}"));
                }
            }
            result[profile.Key] = lines;
        }
        return result;
    }
}
