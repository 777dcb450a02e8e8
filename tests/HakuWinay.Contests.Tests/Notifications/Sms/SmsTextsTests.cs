using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Notifications.Sms;

namespace HakuWinay.Contests.Tests.Notifications.Sms;

/// <summary>Every message's text, with ordinary and with the longest values, fits its parts.</summary>
public sealed class SmsTextsTests
{
    private const string Link = "https://concursos.foncodes.gob.pe/s/Ab3dE5gH9k";
    private static readonly string Long = new('Ñ', 500);

    public static TheoryData<string, string> Ordinary => new()
    {
        { "eligibility", SmsTexts.EligibilityDecided("PN-2026-0012", eligible: true, Link) },
        { "results", SmsTexts.ResultsPublished("HW-ICA-2026", "PN-2026-0012", "Financiado", 19_340m, Link) },
        { "tranche", SmsTexts.TranchePaid(1, "PN-2026-0012", 13_538m, Link) },
        { "expense", SmsTexts.ExpenseReviewed("Agropecuaria San Juan SAC", "B001-000123", accepted: false, Link) },
        { "visit", SmsTexts.VisitReminder(2, "Asociación de Criadores de Cuyes Santa Rosa", new DateOnly(2026, 12, 14), 7, Link) },
        { "scoring", SmsTexts.ScoringReminder("HW-ICA-2026", 12, new DateTime(2026, 12, 9, 18, 0, 0), Link) },
        { "live", SmsTexts.LiveSessionCall("HW-ICA-2026", "Presentación pública", Link) },
    };

    public static TheoryData<string, string> Longest => new()
    {
        { "eligibility", SmsTexts.EligibilityDecided(Long, eligible: false, Link) },
        { "results", SmsTexts.ResultsPublished(Long, Long, "Financiado parcialmente", 99_999_999.99m, Link) },
        { "tranche", SmsTexts.TranchePaid(99, Long, 99_999_999.99m, Link) },
        { "expense", SmsTexts.ExpenseReviewed(Long, Long, accepted: true, Link) },
        { "visit", SmsTexts.VisitReminder(99, Long, new DateOnly(2026, 12, 14), 1, Link) },
        { "scoring", SmsTexts.ScoringReminder(Long, 999, new DateTime(2026, 12, 9, 18, 0, 0), Link) },
        { "live", SmsTexts.LiveSessionCall(Long, Long, Link) },
    };

    [Theory]
    [MemberData(nameof(Ordinary))]
    public void Each_message_with_ordinary_values_is_one_gsm7_sms_with_its_link(string kind, string text)
    {
        var measure = SmsLength.Measure(SmsLength.ToGsm7(text));

        Assert.True(measure.Encoding == SmsEncoding.Gsm7, $"{kind}: {text}");
        Assert.True(measure.Parts == 1, $"{kind} takes {measure.Parts} parts ({measure.Units} units): {text}");
        Assert.EndsWith(Link, text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Longest))]
    public void Each_message_with_the_longest_values_stays_within_the_parts_allowed(string kind, string text)
    {
        var folded = SmsLength.ToGsm7(text);
        var message = OutboxMessage.Sms("+51987654321", kind, folded, Instants.Now);

        Assert.Equal(SmsLength.Measure(folded).Parts, message.Parts);
        Assert.InRange(message.Parts, 1, 2);
        Assert.Contains(Link, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_results_sms_names_the_outcome_and_the_amount_in_soles()
    {
        var text = SmsTexts.ResultsPublished("HW-ICA-2026", "PN-1", "Financiado", 7_500m, Link);

        Assert.Contains("Financiado, S/ 7,500.00", text, StringComparison.Ordinal);
    }
}
