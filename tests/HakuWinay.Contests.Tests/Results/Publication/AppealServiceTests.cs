using HakuWinay.Contests.Common;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Results.Publication;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Tests.Results.Publication;

/// <summary>A group files one appeal within the window; the Admin rejects or upholds it, audited and emailed; upholding leads to version 2.</summary>
public sealed class AppealServiceTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[500]];

    private readonly string _folder = Directory.CreateTempSubdirectory("haku-appeals-").FullName;
    private readonly ActingUser _quinua = new("rep1");
    private PublicationTestData _data = null!;
    private AttachmentStorage _storage = null!;
    private DateTime _publishedAt;

    public async Task InitializeAsync()
    {
        _data = await PublicationTestData.CreateAsync();
        _storage = new AttachmentStorage(_folder);
        await _data.PublishFirstAsync();
        _publishedAt = _data.Clock.GetUtcNow().UtcDateTime;
    }

    public async Task DisposeAsync()
    {
        await _data.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private AppealService Appeals => new(_data.Database, _storage, _data.Clock, _data.Signal);

    private AppealQueries Queries => new(_data.Database, _storage, _data.Clock);

    [Fact]
    public async Task A_group_files_within_the_window_with_a_pdf_and_the_window_closes_three_days_after_publication()
    {
        _data.Clock.SetUtcNow(new DateTimeOffset(_publishedAt.AddDays(3).AddTicks(-1)));
        using var file = new MemoryStream(Pdf);

        var filed = await Appeals.FileAsync(_quinua, _data.ProfileIds[0], "Mi puntaje de campo está mal sumado.", new AppealFile("sustento.pdf", file));

        Assert.True(filed.Succeeded, string.Join(",", filed.Violations.Select(v => v.Rule)));
        var appeal = (await Queries.StandingAsync(_quinua, _data.ProfileIds[0])).Value!.Appeal!;
        Assert.Equal((1, AppealStatus.Filed, "sustento.pdf", AttachmentKind.Pdf), (appeal.PublicationVersion, appeal.Status, appeal.AttachmentName, appeal.AttachmentKind));
        var download = await Queries.AttachmentAsync(_quinua, appeal.Id);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(download.Value!.FilePath));
        Assert.Equal(ServiceOutcome.NotFound, (await Queries.AttachmentAsync(new ActingUser("rep2"), appeal.Id)).Outcome);
        Assert.Single(await _data.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "appeal.filed").ToListAsync()));
    }

    [Fact]
    public async Task At_the_end_of_the_window_an_appeal_is_refused()
    {
        _data.Clock.SetUtcNow(new DateTimeOffset(_publishedAt.AddDays(3)));

        var late = await Appeals.FileAsync(_quinua, _data.ProfileIds[0], "Reclamo tardío");

        Assert.Equal("Appeals.WindowClosed", Assert.Single(late.Violations).Rule);
        Assert.False((await Queries.StandingAsync(_quinua, _data.ProfileIds[0])).Value!.MayFile);
        Assert.Equal(0, await _data.WithDbAsync(db => db.Appeals.CountAsync()));
    }

    [Fact]
    public async Task A_group_files_one_appeal_per_contest_and_needs_a_text()
    {
        var empty = await Appeals.FileAsync(_quinua, _data.ProfileIds[0], " ");
        var tooLong = await Appeals.FileAsync(_quinua, _data.ProfileIds[0], new string('a', Appeal.MaxTextLength + 1));
        var first = await Appeals.FileAsync(_quinua, _data.ProfileIds[0], "Primer reclamo");
        var second = await Appeals.FileAsync(_quinua, _data.ProfileIds[0], "Segundo reclamo");

        Assert.Equal("Appeals.TextRequired", Assert.Single(empty.Violations).Rule);
        Assert.Equal("Appeals.TextRequired", Assert.Single(tooLong.Violations).Rule);
        Assert.True(first.Succeeded);
        Assert.Equal("Appeals.AlreadyFiled", Assert.Single(second.Violations).Rule);
        Assert.Equal(1, await _data.WithDbAsync(db => db.Appeals.CountAsync()));
    }

    [Fact]
    public async Task Another_groups_profile_is_forbidden_an_unknown_one_not_found_and_staff_may_file_on_behalf()
    {
        var other = await Appeals.FileAsync(new ActingUser("rep2"), _data.ProfileIds[0], "No es mío");
        var unknown = await Appeals.FileAsync(_quinua, 9_999, "No existe");
        var standing = await Queries.StandingAsync(new ActingUser("rep2"), _data.ProfileIds[0]);
        var staff = await Appeals.FileAsync(new ActingUser("tecnico", IsTechnician: true), _data.ProfileIds[1], "En nombre del grupo");

        Assert.Equal(ServiceOutcome.Forbidden, other.Outcome);
        Assert.Equal(ServiceOutcome.NotFound, unknown.Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, standing.Outcome);
        Assert.True(staff.Succeeded);
    }

    [Fact]
    public async Task A_file_that_is_not_a_pdf_jpeg_or_png_is_refused_and_nothing_is_kept()
    {
        using var file = new MemoryStream("MZ this is an executable"u8.ToArray());

        var refused = await Appeals.FileAsync(_quinua, _data.ProfileIds[0], "Con adjunto", new AppealFile("sustento.pdf", file));

        Assert.Equal("Attachments.WrongType", Assert.Single(refused.Violations).Rule);
        Assert.Empty(_storage.StoredFiles());
        Assert.Equal(0, await _data.WithDbAsync(db => db.Appeals.CountAsync()));
    }

    [Fact]
    public async Task A_profile_that_is_not_in_the_publication_cannot_appeal()
    {
        var undecided = await _data.AddUndecidedProfileAsync();

        var refused = await Appeals.FileAsync(new ActingUser("rep4"), undecided, "Reclamo");

        Assert.Equal("Appeals.NotInPublication", Assert.Single(refused.Violations).Rule);
    }

    [Fact]
    public async Task Rejecting_needs_a_reason_is_audited_and_emailed_once()
    {
        var appealId = (await Appeals.FileAsync(_quinua, _data.ProfileIds[0], "Reclamo")).Value;

        var noReason = await Appeals.RejectAsync(PublicationTestData.Admin, appealId, "");
        var notAdmin = await Appeals.RejectAsync(_quinua, appealId, "Motivo");
        var rejected = await Appeals.RejectAsync(PublicationTestData.Admin, appealId, "Las fichas suman bien.");
        var again = await Appeals.UpholdAsync(PublicationTestData.Admin, appealId, "Cambio de opinión");

        Assert.Equal("Appeals.ReasonRequired", Assert.Single(noReason.Violations).Rule);
        Assert.Equal(ServiceOutcome.Forbidden, notAdmin.Outcome);
        Assert.Equal(AppealStatus.Rejected, rejected.Value);
        Assert.Equal("Appeals.AlreadyDecided", Assert.Single(again.Violations).Rule);
        Assert.Single(await _data.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "appeal.rejected").ToListAsync()));
        var email = Assert.Single(await _data.WithDbAsync(db => db.Outbox.Where(m => m.DeduplicationKey!.StartsWith("appeal-decision:")).ToListAsync()));
        Assert.Equal("rep1@t.pe", email.To);
        Assert.Contains("Las fichas suman bien.", email.TextBody, StringComparison.Ordinal);
        Assert.False((await _data.ContestAsync()).CorrectionOpen);
    }

    [Fact]
    public async Task Upholding_opens_a_correction_and_the_next_version_is_recorded_as_correcting_it()
    {
        var appealId = (await Appeals.FileAsync(_quinua, _data.ProfileIds[0], "Reclamo")).Value;

        var upheld = await Appeals.UpholdAsync(PublicationTestData.Admin, appealId, "Falta una ficha del jurado");
        var contest = await _data.ContestAsync();
        var v2 = await _data.Publication.PublishAsync(_data.ContestId, PublicationTestData.Admin);

        Assert.Equal(AppealStatus.Upheld, upheld.Value);
        Assert.True(contest.CorrectionOpen);
        Assert.Equal(appealId, contest.CorrectionAppealId);
        Assert.Equal(2, v2.Value!.Version);
        var appeal = (await Queries.ForContestAsync(_data.ContestId)).Single();
        Assert.Equal((AppealStatus.Upheld, 2), (appeal.Status, appeal.CorrectedInVersion));
        Assert.Contains("Falta una ficha del jurado", (await _data.Queries.LatestAsync(_data.ContestId))!.CorrectionReason, StringComparison.Ordinal);
        Assert.Single(await _data.WithDbAsync(db => db.AuditLog.Where(a => a.Action == "appeal.upheld").ToListAsync()));
        Assert.Single(await _data.WithDbAsync(db => db.Outbox.Where(m => m.DeduplicationKey == $"appeal-decision:{appealId}").ToListAsync()));
    }
}
