using HakuWinay.Contests.Common;
using HakuWinay.Contests.Judging;

namespace HakuWinay.Contests.Seeding;

/// <summary>
/// The contest in evaluation: its call closed a few days ago; two jurors (jurado1, jurado2) did
/// the field evaluation and jurado2 still has one field scorecard to do; the public stage is
/// assigned to the three demo jurors and waits for its live session (no draw yet).
/// </summary>
internal static class DemoCycleEvaluation
{
    public const string FieldStage = "CAMPO";
    public const string PublicStage = "PUBLICA";

    public static async Task<int> SeedAsync(DemoCycleStory story, DemoCycleContestSeed seed, string code, Func<string, DemoProfileSeed> profileOf, CancellationToken ct)
    {
        var contestId = await story.CreateContestAsync(seed, code, ct);
        var profiles = new List<int>();
        foreach (var (email, i) in seed.GroupRepresentatives.Select((e, i) => (e, i)))
        {
            story.At(seed.OpensDaysFromNow + 3 + (2 * i), 11);
            profiles.Add(await story.ApplyAsync(contestId, email, profileOf(email), ct));
        }

        story.At(seed.FieldEvaluationStartsDaysFromNow, 8);
        foreach (var profile in profiles)
        {
            await story.DeclareEligibleAsync(profile, ct);
        }
        var fieldJurors = story.Jurors.Take(2).ToList();
        await story.StartEvaluationAsync(contestId, new Dictionary<string, IReadOnlyList<string>>
        {
            [FieldStage] = fieldJurors,
            [PublicStage] = story.Jurors,
        }, ct);
        var stages = await story.StagesAsync(contestId, ct);
        await story.AssignAsync(stages[FieldStage], story.Today.Year, ct);

        // The field visits, one day per profile; jurado2's last visit is still to be scored.
        var cards = await story.ScorecardsAsync(stages[FieldStage], ct);
        var pending = cards.Last(c => c.JurorUserId == fieldJurors[1]);
        var scoring = story.Service<ScoringService>();
        foreach (var (card, i) in cards.Where(c => c != pending).Select((c, i) => (c, i)))
        {
            story.At(seed.FieldEvaluationStartsDaysFromNow + Math.Min(i / 2, 2), 15);
            var share = 0.7m + (0.05m * (card.GroupId % 5));
            DemoCycleStory.Ok(await scoring.SubmitAsync(new ActingUser(card.JurorUserId), card.Id, card.Version,
                DemoCycleStory.Points(card.Criteria, share), "Verificado en campo con los socios presentes.", await story.PresentAsync(card.GroupId, ct), ct),
                "a field scorecard");
        }
        await story.AssignAsync(stages[PublicStage], story.Today.Year, ct);
        return contestId;
    }
}
