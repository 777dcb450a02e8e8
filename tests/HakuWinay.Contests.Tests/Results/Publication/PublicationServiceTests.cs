using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Results;
using HakuWinay.Contests.Results.Package;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Results.Publication;

/// <summary>Publishing stores an immutable, verifiable version, moves the contest, audits and emails each group once.</summary>
public sealed class PublicationServiceTests : IAsyncLifetime
{
    private PublicationTestData _data = null!;

    public async Task InitializeAsync() => _data = await PublicationTestData.CreateAsync();

    public async Task DisposeAsync() => await _data.DisposeAsync();

    [Fact]
    public async Task Publishing_stores_the_package_and_its_entries_moves_the_contest_and_audits()
    {
        var published = await _data.PublishFirstAsync();

        Assert.Equal(1, published.Version);
        Assert.Equal(ContestStatus.ResultsPublished, (await _data.ContestAsync()).Status);
        var stored = await _data.WithDbAsync(db => db.ResultsPublications.Include(p => p.Entries).SingleAsync());
        Assert.Null(stored.CorrectionReason);
        Assert.Equal("admin", stored.PublishedByUserId);
        Assert.Equal(_data.Clock.GetUtcNow().UtcDateTime, stored.PublishedAtUtc);
        Assert.Equal(3, stored.Entries.Count);
        var quinua = stored.Entries.Single(e => e.BusinessProfileId == _data.ProfileIds[0]);
        Assert.Equal((1, ResultOutcome.Funded, 7_500m, 90m), (quinua.Rank, quinua.Outcome, quinua.Award, quinua.EvaluationScore));
        Assert.Equal(ResultOutcome.Ineligible, stored.Entries.Single(e => e.BusinessProfileId == _data.ProfileIds[2]).Outcome);
        var audit = Assert.Single(await _data.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "results.published").ToListAsync()));
        Assert.Contains(stored.Hash, audit.AfterJson);
    }

    [Fact]
    public async Task The_stored_hash_is_the_packages_own_and_the_package_verifies()
    {
        var published = await _data.PublishFirstAsync();

        var json = await _data.WithDbAsync(db => db.ResultsPublications.Select(p => p.PackageJson).SingleAsync());
        var package = ResultsPackageJson.Read(json).Package!;
        Assert.Equal(published.Hash, package.Hash);
        Assert.Equal(published.Hash, ResultsPackageJson.Hash(package));
        Assert.True(ResultsVerifier.Verify(package).Verified);
        Assert.Equal((_data.ContestCode, 1, (string?)null), (package.Contest.Code, package.Contest.PublicationVersion, package.Contest.CorrectionReason));
    }

    [Fact]
    public async Task Each_group_is_emailed_once_and_a_second_click_publishes_and_emails_nothing_more()
    {
        var published = await _data.PublishFirstAsync();

        var again = await _data.Publication.PublishAsync(_data.ContestId, PublicationTestData.Admin);

        Assert.Equal("Results.NoOpenCorrection", Assert.Single(again.Violations).Rule);
        Assert.Equal(3, published.EmailsQueued);
        var emails = await _data.WithDbAsync(db => db.Outbox.OrderBy(m => m.To).ToListAsync());
        Assert.Equal(["rep1@t.pe", "rep2@t.pe", "rep3@t.pe"], emails.Select(m => m.To));
        Assert.All(emails, m => Assert.StartsWith($"results:{published.PublicationId}:", m.DeduplicationKey, StringComparison.Ordinal));
        var quinua = emails[0].TextBody;
        Assert.Contains("Financiado", quinua, StringComparison.Ordinal);
        Assert.Contains("Puntaje de evaluación: 90.00", quinua, StringComparison.Ordinal);
        Assert.Contains("Jurado 1, Criterio uno: Buen plan", quinua, StringComparison.Ordinal);
        Assert.DoesNotContain("j1", quinua, StringComparison.Ordinal);
        Assert.Equal(1, await _data.WithDbAsync(db => db.ResultsPublications.CountAsync()));
    }

    [Fact]
    public async Task Comments_stay_out_of_the_emails_when_the_contest_does_not_share_them()
    {
        await using (var db = _data.Database.CreateDbContext())
        {
            (await db.Contests.SingleAsync(c => c.Id == _data.ContestId)).SetResultsCommunication(3, shareJurorComments: false);
            await db.SaveChangesAsync();
        }

        await _data.PublishFirstAsync();

        var quinua = await _data.WithDbAsync(db => db.Outbox.SingleAsync(m => m.To == "rep1@t.pe"));
        Assert.DoesNotContain("Buen plan", quinua.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_publish_clicks_at_once_publish_once()
    {
        await _data.ScoreAllAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => _data.Publication.PublishAsync(_data.ContestId, PublicationTestData.Admin))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(r.Outcome is ServiceOutcome.Conflict or ServiceOutcome.Invalid));
        Assert.Equal(1, await _data.WithDbAsync(db => db.ResultsPublications.CountAsync()));
        Assert.Equal(3, await _data.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task Publishing_with_blockers_is_refused_with_every_blocker_and_changes_nothing()
    {
        await _data.ScoreAllAsync("j1", "j2");

        var refused = await _data.Publication.PublishAsync(_data.ContestId, PublicationTestData.Admin);

        Assert.Equal(ServiceOutcome.Invalid, refused.Outcome);
        Assert.Equal(4, refused.Violations.Count(v => v.Rule == "Results.Blocker.IncompleteNotAccepted"));
        Assert.Equal(ContestStatus.Evaluation, (await _data.ContestAsync()).Status);
        Assert.Equal(0, await _data.WithDbAsync(db => db.ResultsPublications.CountAsync()));
        Assert.Equal(0, await _data.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task The_first_version_needs_the_contest_in_evaluation_takes_no_correction_reason_and_only_an_admin_publishes()
    {
        await _data.ScoreAllAsync();

        var withReason = await _data.Publication.PublishAsync(_data.ContestId, PublicationTestData.Admin, "Corrige algo");
        var notAdmin = await _data.Publication.PublishAsync(_data.ContestId, new ActingUser("rep1"));
        var unknown = await _data.Publication.PublishAsync(9_999, PublicationTestData.Admin);
        await using (var db = _data.Database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Contests\" SET \"Status\" = {0} WHERE \"Id\" = {1}", (int)ContestStatus.Closed, _data.ContestId);
        }
        var closed = await _data.Publication.PublishAsync(_data.ContestId, PublicationTestData.Admin);

        Assert.Equal("Results.NothingToCorrect", Assert.Single(withReason.Violations).Rule);
        Assert.Equal(ServiceOutcome.Forbidden, notAdmin.Outcome);
        Assert.Equal(ServiceOutcome.NotFound, unknown.Outcome);
        Assert.Equal("Results.NotInEvaluation", Assert.Single(closed.Violations).Rule);
        Assert.Equal(0, await _data.WithDbAsync(db => db.ResultsPublications.CountAsync()));
    }

    [Fact]
    public async Task The_queries_answer_the_published_version_and_nothing_before()
    {
        Assert.False(await _data.Queries.IsPublicAsync(_data.ContestId));
        Assert.Null(await _data.Queries.LatestAsync(_data.ContestId));

        var published = await _data.PublishFirstAsync();

        Assert.True(await _data.Queries.IsPublicAsync(_data.ContestId));
        var latest = (await _data.Queries.LatestAsync(_data.ContestCode.ToLowerInvariant()))!;
        Assert.Equal((1, published.Hash, true), (latest.Version, latest.Hash, latest.IsLatest));
        var first = latest.Entries[0];
        Assert.Equal((_data.ProfileCodes[0], "Grupo Quinua", "Quinua", 1), (first.ProfileCode, first.GroupName, first.District, first.Rank));
        Assert.NotEmpty(first.Explanation);
        Assert.Equal(latest.PackageJson, (await _data.Queries.VersionAsync(_data.ContestId, 1))!.PackageJson);
        Assert.Null(await _data.Queries.VersionAsync(_data.ContestId, 2));
        Assert.Equal([1], (await _data.Queries.VersionsAsync(_data.ContestId)).Select(v => v.Version));
    }
}
