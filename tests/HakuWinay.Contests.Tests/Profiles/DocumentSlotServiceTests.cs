using HakuWinay.Contests.Catalog;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Profiles;

/// <summary>A group uploads the contest's required documents into their slots, and cannot submit without them.</summary>
public sealed class DocumentSlotServiceTests : IAsyncLifetime
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n"u8, .. new byte[500]];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'];

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private readonly string _folder = Directory.CreateTempSubdirectory("haku-slots-").FullName;
    private readonly ActingUser _representative = new("rep-a");
    private SqliteTestDatabase _database = null!;
    private AttachmentStorage _storage = null!;
    private Contest _contest = null!;
    private int _profile;

    private int Acta => _contest.DocumentSlots.Single(s => s.Name == "Acta de asamblea").Id;

    private int Compromiso => _contest.DocumentSlots.Single(s => s.Name == "Compromiso de contrapartida").Id;

    private int Fotos => _contest.DocumentSlots.Single(s => s.Name == "Fotos del local").Id;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        _storage = new AttachmentStorage(_folder);
        await using var db = _database.CreateDbContext();
        var line = new ProductionLine("CUYES", "Crianza de cuyes", "Guinea pigs");
        db.ProductionLines.Add(line);
        db.Users.Add(new Identity.AppUser { Id = "rep-a", UserName = "a@t.pe", Email = "a@t.pe", FullName = "Rep A" });
        await db.SaveChangesAsync();
        _contest = new ContestBuilder().WithCode("AYA-2026-01").WithCategory("IDEA").WithEligibleLine(line.Id).OpenFor(TimeSpan.FromDays(10)).Build();
        _contest.SetDocumentSlots([
            new DocumentSlotSettings(null, "Acta de asamblea", "Aprueba el negocio", IsRequired: true, PdfOnly: true),
            new DocumentSlotSettings(null, "Compromiso de contrapartida", null, IsRequired: true, PdfOnly: true),
            new DocumentSlotSettings(null, "Fotos del local", null, IsRequired: false, PdfOnly: false),
        ]);
        ContestBuilder.MakePublishable(_contest, line.Id);
        _contest.Publish(Instants.Now);
        db.Contests.Add(_contest);
        var group = new ProducerGroup("Grupo A", LegalForm.InformalGroup, null, line.Id, new GroupLocation("05", "0501", "050102", "Huayllapampa"), Instants.Now);
        group.AppointRepresentative("rep-a");
        for (var i = 0; i < 4; i++)
        {
            group.AddHousehold($"Socia {i}", (41000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Sex.Female, 1985, false, HouseholdRole.Member);
        }
        db.ProducerGroups.Add(group);
        await db.SaveChangesAsync();
        var profiles = new ProfileService(_database, _time, new NoSignal());
        var started = await profiles.StartDraftAsync(_representative, group.Id, _contest.Id, _contest.Categories[0].Id);
        _profile = started.Value;
        var edited = await profiles.EditDraftAsync(_representative, _profile, await VersionAsync(), (profile, now) =>
        {
            foreach (var section in ProfileSections.All)
            {
                profile.WriteSection(section, $"Texto de {section}", now);
            }
            profile.AddLine("Jaulas", InvestmentCategory.Equipment, "unidad", 10, 450m, FinancedBy.Fund, now);
            profile.AddLine("Galpón", InvestmentCategory.Infrastructure, "global", 1, 1_000m, FinancedBy.CounterpartInKind, now);
        });
        Assert.True(edited.Succeeded, edited.Outcome.ToString());
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private AttachmentService Attachments() => new(_database, _storage, _time);

    private async Task<Guid> VersionAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.BusinessProfiles.Where(p => p.Id == _profile).Select(p => p.Version).SingleAsync();
    }

    private async Task<ServiceResult<AttachmentAdded>> UploadAsync(int slotId, byte[] content, string name = "documento.pdf")
    {
        using var stream = new MemoryStream(content);
        return await Attachments().UploadToSlotAsync(_representative, _profile, slotId, await VersionAsync(), name, stream);
    }

    private async Task<ServiceResult<string>> SubmitAsync() =>
        await new ProfileService(_database, _time, new NoSignal()).SubmitAsync(_representative, _profile, await VersionAsync());

    [Fact]
    public async Task A_submission_without_the_required_documents_is_refused_naming_each_missing_one()
    {
        Assert.True((await UploadAsync(Compromiso, Pdf)).Succeeded);

        var result = await SubmitAsync();

        var violation = Assert.Single(result.Violations);
        Assert.Equal(("Attachments", "Rules.DocumentsMissing"), (violation.Field, violation.Rule));
        Assert.Equal(["Acta de asamblea"], violation.Arguments);
        await using var db = _database.CreateDbContext();
        Assert.Equal(ProfileStatus.Draft, (await db.BusinessProfiles.SingleAsync(p => p.Id == _profile)).Status);
    }

    [Fact]
    public async Task With_every_required_document_in_its_slot_the_profile_is_submitted_without_the_optional_one()
    {
        Assert.True((await UploadAsync(Acta, Pdf, "acta.pdf")).Succeeded);
        Assert.True((await UploadAsync(Compromiso, Pdf, "compromiso.pdf")).Succeeded);

        var result = await SubmitAsync();

        Assert.True(result.Succeeded, string.Join(", ", result.Violations.Select(v => v.Rule)));
        var rows = (await Attachments().ListAsync(_representative, _profile)).Value!;
        Assert.Equal([("acta.pdf", (int?)Acta), ("compromiso.pdf", Compromiso)], rows.Select(r => (r.DisplayName, r.SlotId)));
    }

    [Fact]
    public async Task A_photo_in_a_slot_that_takes_only_pdf_is_refused_and_leaves_nothing_behind()
    {
        var result = await UploadAsync(Acta, Jpeg, "acta.jpg");

        Assert.Equal("Files.PdfOnly", Assert.Single(result.Violations).Rule);
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.ProfileAttachments.CountAsync());
        Assert.Empty(_storage.StoredFiles());
    }

    [Fact]
    public async Task A_slot_that_takes_photos_keeps_one_but_a_disguised_program_is_refused_in_any_slot()
    {
        Assert.True((await UploadAsync(Fotos, Jpeg, "local.jpg")).Succeeded);

        var disguised = await UploadAsync(Compromiso, "MZ\x90\0programa"u8.ToArray(), "compromiso.pdf");

        Assert.Equal("Files.PdfOnly", Assert.Single(disguised.Violations).Rule);
        Assert.Single(_storage.StoredFiles());
    }

    [Fact]
    public async Task A_second_file_for_a_filled_slot_is_refused_until_the_first_is_removed()
    {
        var first = await UploadAsync(Acta, Pdf, "acta.pdf");

        var second = await UploadAsync(Acta, Pdf, "acta-2.pdf");

        Assert.Equal(("Attachments.SlotFilled", "Acta de asamblea"), (Assert.Single(second.Violations).Rule, (string)second.Violations[0].Arguments[0]));
        Assert.True((await Attachments().RemoveAsync(_representative, _profile, first.Value!.AttachmentId, await VersionAsync())).Succeeded);
        Assert.True((await UploadAsync(Acta, Pdf, "acta-2.pdf")).Succeeded);
        Assert.Single(_storage.StoredFiles());
    }

    [Fact]
    public async Task A_slot_of_another_contest_or_none_at_all_answers_not_found()
    {
        var result = await UploadAsync(slotId: 9_999, Pdf);

        Assert.Equal(ServiceOutcome.NotFound, result.Outcome);
        Assert.Empty(_storage.StoredFiles());
    }

    [Fact]
    public async Task The_editor_reads_the_contest_s_slots_in_order()
    {
        var slots = (await Attachments().DocumentSlotsAsync(_representative, _profile)).Value!;

        Assert.Equal(["Acta de asamblea", "Compromiso de contrapartida", "Fotos del local"], slots.Select(s => s.Name));
        Assert.Equal([true, true, false], slots.Select(s => s.IsRequired));
        Assert.Equal(ServiceOutcome.Forbidden, (await Attachments().DocumentSlotsAsync(new ActingUser("someone-else"), _profile)).Outcome);
    }

    private sealed class NoSignal : HakuWinay.Contests.Notifications.IOutboxSignal
    {
        public void MessagesQueued()
        {
        }
    }
}
