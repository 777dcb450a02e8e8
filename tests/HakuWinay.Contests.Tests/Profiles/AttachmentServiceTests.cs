using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Profiles;

/// <summary>Bad uploads are refused with a reason and leave neither a row nor a file; good ones are kept under generated names.</summary>
public sealed class AttachmentServiceTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[1000]];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private readonly string _folder = Directory.CreateTempSubdirectory("haku-attachments-").FullName;
    private readonly ActingUser _representativeA = new("rep-a");
    private readonly ActingUser _representativeB = new("rep-b");
    private SqliteTestDatabase _database = null!;
    private AttachmentStorage _storage = null!;
    private Contest _contest = null!;
    private int _profileA;
    private int _profileB;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        _storage = new AttachmentStorage(_folder);
        await using var db = _database.CreateDbContext();
        var line = new ProductionLine("CUYES", "Crianza de cuyes", "Guinea pigs");
        db.ProductionLines.Add(line);
        db.Users.AddRange(
            new Identity.AppUser { Id = "rep-a", UserName = "a@t.pe", Email = "a@t.pe", FullName = "Rep A" },
            new Identity.AppUser { Id = "rep-b", UserName = "b@t.pe", Email = "b@t.pe", FullName = "Rep B" });
        _contest = new ContestBuilder().WithCode("AYA-2026-01").WithCategory("IDEA").OpenFor(TimeSpan.FromDays(10)).Published().Build();
        db.Contests.Add(_contest);
        await db.SaveChangesAsync();
        var groupA = AddGroup(db, "Grupo A", line.Id, "rep-a", 41000000);
        var groupB = AddGroup(db, "Grupo B", line.Id, "rep-b", 42000000);
        await db.SaveChangesAsync();
        var profiles = new ProfileService(_database, _time, new NoSignal());
        _profileA = (await profiles.StartDraftAsync(_representativeA, groupA.Id, _contest.Id, _contest.Categories[0].Id)).Value;
        _profileB = (await profiles.StartDraftAsync(_representativeB, groupB.Id, _contest.Id, _contest.Categories[0].Id)).Value;
    }

    private static ProducerGroup AddGroup(ContestsDbContext db, string name, int lineId, string representative, int firstDni)
    {
        var group = new ProducerGroup(name, LegalForm.InformalGroup, null, lineId, new GroupLocation("05", "0501", "050102", "Huayllapampa"), Instants.Now);
        group.AppointRepresentative(representative);
        for (var i = 0; i < 4; i++)
        {
            group.AddHousehold($"Socia {i} {name}", (firstDni + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Sex.Female, 1985, false, HouseholdRole.Member);
        }
        db.ProducerGroups.Add(group);
        return group;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private AttachmentService Service() => new(_database, _storage, _time);

    private async Task<Guid> VersionAsync(int profileId)
    {
        await using var db = _database.CreateDbContext();
        return await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => p.Version).SingleAsync();
    }

    private async Task<ServiceResult<AttachmentAdded>> UploadAsync(string name, byte[] content, int? profileId = null, ActingUser? user = null)
    {
        var id = profileId ?? _profileA;
        using var stream = new MemoryStream(content);
        return await Service().UploadAsync(user ?? _representativeA, id, await VersionAsync(id), name, stream);
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.ProfileAttachments.CountAsync());
        Assert.Empty(_storage.StoredFiles());
    }

    [Theory]
    [InlineData("cotizacion.pdf", AttachmentKind.Pdf)]
    [InlineData("foto del galpón.JPG", AttachmentKind.Jpeg)]
    [InlineData("croquis.png", AttachmentKind.Png)]
    [InlineData("sin extension", AttachmentKind.Pdf)]
    public async Task A_pdf_jpeg_or_png_is_kept_by_its_content_under_a_generated_name(string name, AttachmentKind kind)
    {
        var content = kind switch { AttachmentKind.Jpeg => Jpeg, AttachmentKind.Png => Png, _ => Pdf };

        var result = await UploadAsync(name, content);

        Assert.True(result.Succeeded, result.Outcome.ToString());
        await using var db = _database.CreateDbContext();
        var row = await db.ProfileAttachments.SingleAsync();
        Assert.Equal((name, kind, content.LongLength), (row.DisplayName, row.Kind, row.SizeBytes));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), row.Sha256);
        var file = Assert.Single(_storage.StoredFiles());
        Assert.Equal(row.StorageName, Path.GetFileName(file));
        Assert.DoesNotContain(Path.GetFileNameWithoutExtension(name), file, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllBytesAsync(file));
        Assert.Equal(result.Value!.Version, await VersionAsync(_profileA));
        Assert.Equal("profile.attachment-added", (await db.AuditLog.OrderBy(a => a.Id).LastAsync()).Action);
    }

    [Fact]
    public async Task An_upload_over_ten_megabytes_is_refused_and_nothing_is_stored()
    {
        var content = new byte[AttachmentFile.MaxBytes + 1];
        Pdf.CopyTo(content, 0);

        var result = await UploadAsync("grande.pdf", content);

        Assert.Equal("Attachments.TooLarge", Assert.Single(result.Violations).Rule);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Exactly_ten_megabytes_is_accepted()
    {
        var content = new byte[AttachmentFile.MaxBytes];
        Pdf.CopyTo(content, 0);

        Assert.True((await UploadAsync("justo.pdf", content)).Succeeded);
    }

    [Theory]
    [InlineData("programa.pdf", new byte[] { (byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0 })]
    [InlineData("script.pdf", new byte[] { (byte)'#', (byte)'!', (byte)'/', (byte)'b', (byte)'i', (byte)'n', (byte)'/', (byte)'s', (byte)'h' })]
    [InlineData("pagina.png", new byte[] { (byte)'<', (byte)'h', (byte)'t', (byte)'m', (byte)'l', (byte)'>', (byte)'<', (byte)'s' })]
    [InlineData("corto.pdf", new byte[] { (byte)'%', (byte)'P', (byte)'D' })]
    public async Task A_file_that_is_not_really_a_pdf_jpeg_or_png_is_refused_whatever_its_name(string name, byte[] content)
    {
        var result = await UploadAsync(name, content);

        Assert.Equal("Attachments.WrongType", Assert.Single(result.Violations).Rule);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var result = await UploadAsync("vacio.pdf", []);

        Assert.Equal("Attachments.Empty", Assert.Single(result.Violations).Rule);
        await AssertNothingStoredAsync();
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\..\\windows\\win.ini.pdf")]
    [InlineData("/etc/cron.d/x.pdf")]
    [InlineData("C:\\x.pdf")]
    [InlineData("..")]
    [InlineData("nombre\0oculto.pdf")]
    [InlineData("   ")]
    public async Task A_file_name_with_a_path_or_control_characters_is_refused(string name)
    {
        var result = await UploadAsync(name, Pdf);

        Assert.Equal("Attachments.BadName", Assert.Single(result.Violations).Rule);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task The_eleventh_attachment_is_refused()
    {
        for (var i = 0; i < AttachmentFile.MaxPerProfile; i++)
        {
            Assert.True((await UploadAsync($"archivo-{i}.pdf", Pdf)).Succeeded);
        }

        var result = await UploadAsync("once.pdf", Pdf);

        Assert.Equal("Attachments.TooMany", Assert.Single(result.Violations).Rule);
        await using var db = _database.CreateDbContext();
        Assert.Equal(AttachmentFile.MaxPerProfile, await db.ProfileAttachments.CountAsync());
        Assert.Equal(AttachmentFile.MaxPerProfile, _storage.StoredFiles().Count());
    }

    [Fact]
    public async Task Concurrent_uploads_cannot_take_a_profile_past_ten_files()
    {
        for (var i = 0; i < AttachmentFile.MaxPerProfile - 1; i++)
        {
            Assert.True((await UploadAsync($"archivo-{i}.pdf", Pdf)).Succeeded);
        }
        var version = await VersionAsync(_profileA);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            using var stream = new MemoryStream(Pdf);
            return await Service().UploadAsync(_representativeA, _profileA, version, $"a-la-vez-{i}.pdf", stream);
        })));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        // The others are told the draft changed, or (once the tenth is in) that the profile is full.
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(
            r.Outcome == ServiceOutcome.Conflict || r.Violations.SingleOrDefault()?.Rule == "Attachments.TooMany",
            $"{r.Outcome} {string.Join(",", r.Violations.Select(v => v.Rule))}"));
        await using var db = _database.CreateDbContext();
        Assert.Equal(AttachmentFile.MaxPerProfile, await db.ProfileAttachments.CountAsync());
        Assert.Equal(AttachmentFile.MaxPerProfile, _storage.StoredFiles().Count());
    }

    [Fact]
    public async Task The_upload_reports_its_progress_up_to_the_whole_file()
    {
        var content = new byte[200_000];
        Png.CopyTo(content, 0);
        var reported = new List<long>();

        using var stream = new MemoryStream(content);
        var result = await Service().UploadAsync(_representativeA, _profileA, await VersionAsync(_profileA), "foto.png", stream, new SyncProgress(reported));

        Assert.True(result.Succeeded);
        Assert.True(reported.Count > 1);
        Assert.Equal(content.LongLength, reported[^1]);
    }

    [Fact]
    public async Task Another_group_can_neither_list_upload_download_nor_remove_a_groups_attachments()
    {
        var added = (await UploadAsync("cotizacion.pdf", Pdf)).Value!;

        Assert.Equal(ServiceOutcome.Forbidden, (await Service().ListAsync(_representativeB, _profileA)).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await UploadAsync("intruso.pdf", Pdf, _profileA, _representativeB)).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await Service().FindForDownloadAsync(_representativeB, _profileA, added.AttachmentId)).Outcome);
        Assert.Equal(ServiceOutcome.Forbidden, (await Service().RemoveAsync(_representativeB, _profileA, added.AttachmentId, added.Version)).Outcome);
        // Its own profile's id with another profile's attachment id finds nothing.
        Assert.Equal(ServiceOutcome.NotFound, (await Service().FindForDownloadAsync(_representativeB, _profileB, added.AttachmentId)).Outcome);
        Assert.Equal(ServiceOutcome.Ok, (await Service().FindForDownloadAsync(new ActingUser("tecnico", IsTechnician: true), _profileA, added.AttachmentId)).Outcome);
        Assert.Single(_storage.StoredFiles());
    }

    [Fact]
    public async Task A_draft_attachment_can_be_removed_with_its_file()
    {
        var added = (await UploadAsync("cotizacion.pdf", Pdf)).Value!;

        var removed = await Service().RemoveAsync(_representativeA, _profileA, added.AttachmentId, added.Version);

        Assert.True(removed.Succeeded);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task An_upload_from_a_stale_page_is_told_the_draft_changed_and_stores_nothing()
    {
        var stale = await VersionAsync(_profileA);
        Assert.True((await UploadAsync("primero.pdf", Pdf)).Succeeded);

        using var stream = new MemoryStream(Pdf);
        var result = await Service().UploadAsync(_representativeA, _profileA, stale, "segundo.pdf", stream);

        Assert.Equal(ServiceOutcome.Conflict, result.Outcome);
        Assert.Single(_storage.StoredFiles());
    }

    [Fact]
    public async Task A_submitted_profile_takes_no_more_attachments()
    {
        await using (var db = _database.CreateDbContext())
        {
            var profile = await db.BusinessProfiles.SingleAsync(p => p.Id == _profileA);
            profile.Submit("AYA-2026-01-001", Instants.Now);
            await db.SaveChangesAsync();
        }

        var result = await UploadAsync("tarde.pdf", Pdf);

        Assert.Equal("Rules.NotEditable", Assert.Single(result.Violations).Rule);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public void A_storage_path_is_only_ever_a_generated_name_inside_the_folder()
    {
        Assert.Throws<ArgumentException>(() => _storage.PathOf("../../etc/passwd"));
        Assert.Throws<ArgumentException>(() => _storage.PathOf("cotizacion.pdf"));
        Assert.StartsWith(_storage.RootPath, _storage.PathOf(AttachmentStorage.NewStorageName()), StringComparison.Ordinal);
    }

    private sealed class NoSignal : HakuWinay.Contests.Notifications.IOutboxSignal
    {
        public void MessagesQueued()
        {
        }
    }

    private sealed class SyncProgress(List<long> reported) : IProgress<long>
    {
        public void Report(long value) => reported.Add(value);
    }
}
