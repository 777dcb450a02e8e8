using HakuWinay.Contests.Identity;

namespace HakuWinay.Contests.Testing;

/// <summary>Who may open a page: a sample address of it, and the roles allowed. Null roles: everyone, signed in or not.</summary>
public sealed record PageRule(string SampleUrl, params string[]? Roles);

/// <summary>
/// Every routable page of the portal with a sample address and who may open it: the access matrix
/// (Web.Tests) checks each against every role, the accessibility tour (EndToEnd) opens each in a
/// browser for every role allowed. A new page needs a line here, or the access matrix fails.
/// </summary>
public static class PageAccess
{
    public const string Anonymous = "Anonymous";

    public static readonly IReadOnlyDictionary<string, PageRule> ExpectedAccess = new Dictionary<string, PageRule>(StringComparer.Ordinal)
    {
        ["/"] = new("/", null),
        ["/contests/{Code}"] = new("/contests/AYA-2026-01", null),
        // The public index of contests; PublicContestsTests covers its filters.
        ["/contests"] = new("/contests?year=2026&status=open", null),
        ["/account/login"] = new("/account/login", null),
        ["/account/access-denied"] = new("/account/access-denied", null),
        ["/account/lockout"] = new("/account/lockout", null),
        ["/not-found"] = new("/not-found", null),
        ["/Error"] = new("/Error", null),
        ["/admin"] = new("/admin", Roles.Admin),
        ["/admin/outbox"] = new("/admin/outbox", Roles.Admin),
        ["/admin/contests"] = new("/admin/contests", Roles.Admin),
        ["/admin/contests/{ContestId:int}/submissions"] = new("/admin/contests/1/submissions", Roles.Admin),
        ["/admin/contests/new"] = new("/admin/contests/new", Roles.Admin),
        ["/admin/contests/{Id:int}/edit"] = new("/admin/contests/1/edit", Roles.Admin),
        ["/admin/contests/{Id:int}/lifecycle"] = new("/admin/contests/1/lifecycle", Roles.Admin),
        ["/juror"] = new("/juror", Roles.Juror),
        ["/producer"] = new("/producer", Roles.Producer),
        ["/technician"] = new("/technician", Roles.Technician),
        ["/contests/{Code}/apply"] = new("/contests/AYA-2026-01/apply", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/profiles"] = new("/profiles", Roles.Producer),
        ["/profiles/{Id:int}"] = new("/profiles/{profileId}", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/profiles/{Id:int}/edit"] = new("/profiles/{profileId}/edit", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/profiles/{Id:int}/receipt"] = new("/profiles/{profileId}/receipt", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/profiles/{Id:int}/withdraw"] = new("/profiles/{profileId}/withdraw", Roles.Admin, Roles.Technician, Roles.Producer),
        // The page answers every one of them, saying why the profile cannot be presented again (here: no published results).
        ["/profiles/{Id:int}/present-again"] = new("/profiles/{profileId}/present-again", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/admin/profiles/{Id:int}/eligibility"] = new("/admin/profiles/{profileId}/eligibility", Roles.Admin),
        ["/admin/profiles/{Id:int}/audit"] = new("/admin/profiles/{profileId}/audit", Roles.Admin),
        ["/admin/contests/{Id:int}/audit"] = new("/admin/contests/1/audit", Roles.Admin),
        ["/register"] = new("/register", null),
        ["/account/set-password/{UserId}"] = new("/account/set-password/someone?token=abc", null),
        ["/account/confirm-email/{UserId}"] = new("/account/confirm-email/someone?token=abc", null),
        ["/account/forgot-password"] = new("/account/forgot-password", null),
        // Mi cuenta: anyone signed in, whatever the role.
        ["/account"] = new("/account", Roles.Admin, Roles.Juror, Roles.Technician, Roles.Producer),
        ["/groups/new"] = new("/groups/new", Roles.Admin, Roles.Producer, Roles.Technician),
        // Group 1 is grupo1's (the demo's producer account); other representatives are refused by GroupPageAccessTests.
        ["/groups/{Id:int}"] = new("/groups/1", Roles.Admin, Roles.Producer, Roles.Technician),
        ["/groups/{Id:int}/edit"] = new("/groups/1/edit", Roles.Admin, Roles.Producer, Roles.Technician),
        ["/admin/groups"] = new("/admin/groups", Roles.Admin),
        ["/admin/registries"] = new("/admin/registries", Roles.Admin),
        ["/admin/accounts"] = new("/admin/accounts", Roles.Admin),
        ["/admin/contests/{Id:int}/jurors"] = new("/admin/contests/1/jurors", Roles.Admin),
        ["/admin/contests/{Id:int}/assignment"] = new("/admin/contests/1/assignment", Roles.Admin),
        // The demo appoints jurado1 to both stages of contest 1; JudgingPortalTests refuses jurors of other contests.
        ["/juror/contests/{Id:int}/conflicts"] = new("/juror/contests/1/conflicts", Roles.Juror),
        // jurado1 confirmed the declaration and is assigned the fixture's profile; ScoringPortalTests refuses other jurors' scorecards.
        ["/juror/contests/{ContestId:int}/scorecards"] = new("/juror/contests/1/scorecards", Roles.Juror),
        ["/juror/scorecards/{ScorecardId:int}"] = new("/juror/scorecards/{scorecardId}", Roles.Juror),
        ["/admin/scorecards/{ScorecardId:int}"] = new("/admin/scorecards/{scorecardId}", Roles.Admin),
        ["/admin/contests/{ContestId:int}/session"] = new("/admin/contests/1/session", Roles.Admin),
        ["/contests/{ContestId:int}/projector"] = new("/contests/1/projector", Roles.Admin, Roles.Technician),
        // The same projector by the contest's code; ProjectorByCodeTests answers 404 for an unknown code.
        ["/contests/{ContestCode}/projector"] = new("/contests/AYA-2026-01/projector", Roles.Admin, Roles.Technician),
        // LivePortalTests refuses the live page to jurors of other contests.
        ["/juror/contests/{ContestId:int}/live"] = new("/juror/contests/1/live", Roles.Juror),
        ["/admin/contests/{ContestId:int}/evaluation"] = new("/admin/contests/1/evaluation", Roles.Admin),
        ["/admin/contests/{ContestId:int}/score-sheets"] = new("/admin/contests/1/score-sheets", Roles.Admin),
        // The offline sends' refusals; FieldSyncEndpointTests checks the /api/field endpoints per role.
        ["/admin/contests/{ContestId:int}/field-sync"] = new("/admin/contests/1/field-sync", Roles.Admin),
        ["/admin/contests/{ContestId:int}/score-sheets/import"] = new("/admin/contests/1/score-sheets/import", Roles.Admin),
        ["/admin/scorecards/{ScorecardId:int}/paper"] = new("/admin/scorecards/{paperScorecardId}/paper", Roles.Admin),
        // Results (public pages): 404 to everyone until results are published; see ResultsAccessTests for after.
        ["/contests/{Code}/results"] = new("/contests/AYA-2026-01/results", null),
        ["/contests/{Code}/results/acta"] = new("/contests/AYA-2026-01/results/acta", null),
        // The group's appeal page: its representative, or staff on its behalf; ResultsAccessTests refuses other groups.
        ["/profiles/{Id:int}/appeal"] = new("/profiles/{profileId}/appeal", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/admin/contests/{ContestId:int}/results/acta"] = new("/admin/contests/1/results/acta", Roles.Admin),
        ["/admin/contests/{ContestId:int}/results/dashboard"] = new("/admin/contests/1/results/dashboard", Roles.Admin),
        ["/admin/contests/{ContestId:int}/results"] = new("/admin/contests/1/results", Roles.Admin),
        ["/admin/contests/{ContestId:int}/awards"] = new("/admin/contests/1/awards", Roles.Admin),
        ["/admin/awards/{AwardId:int}"] = new("/admin/awards/1", Roles.Admin),
        ["/admin/awards/{AwardId:int}/closing-act"] = new("/admin/awards/1/closing-act", Roles.Admin),
        ["/admin/awards/{AwardId:int}/expenses"] = new("/admin/awards/1/expenses", Roles.Admin),
        // The group's own award pages: its representative, the award's Technician, the Admin; GroupAwardAccessTests refuses other groups.
        ["/awards/{AwardId:int}"] = new("/awards/1", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/awards/{AwardId:int}/expenses"] = new("/awards/1/expenses", Roles.Admin, Roles.Technician, Roles.Producer),
        ["/my/awards"] = new("/my/awards", Roles.Producer),
        ["/admin/contests/{ContestId:int}/execution"] = new("/admin/contests/1/execution", Roles.Admin),
        ["/admin/programme"] = new("/admin/programme", Roles.Admin),
        // Follow-up visits: only the assigned Technician (VisitServiceTests refuses another one); the Admin reviews.
        ["/technician/visits"] = new("/technician/visits", Roles.Technician),
        ["/technician/visits/{VisitId:int}"] = new("/technician/visits/1", Roles.Technician),
        ["/admin/visits/{VisitId:int}"] = new("/admin/visits/1", Roles.Admin),
    };
}
