using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Seeding;
using HakuWinay.Contests.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace HakuWinay.Contests.Tests.Contests;

/// <summary>Saving the bases and the document slots through the administrator's service, on a migrated SQLite database.</summary>
public sealed class ContestBasesServiceTests : IAsyncLifetime
{
    private const string Admin = "admin-1";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Instants.Now));
    private SqliteTestDatabase _database = null!;
    private int _contestId;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.TempFileAsync();
        await using var db = _database.CreateDbContext();
        await ReferenceDataSeeder.SeedAsync(db, new SeedFolder(Path.Combine(AppContext.BaseDirectory, "seed-data")));
        var created = await Service().CreateAsync(Admin, new NewContest("AYA-2027-01", "Concurso 2027", "05", new ContestBuilder().Timeline(), "CLAR-DOS-ETAPAS", null));
        Assert.True(created.Succeeded, string.Join(", ", created.Violations.Select(v => v.Rule)));
        _contestId = created.Value;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private ContestAdminService Service() => new(_database, _time, new NoSignal());

    private async Task<Contest> ContestAsync() => (await Service().FindAsync(_contestId))!;

    private async Task<HakuWinay.Contests.Common.ServiceResult<Guid>> SaveBasesAsync(string bases)
    {
        var contest = await ContestAsync();
        return await Service().SaveGeneralAsync(Admin, _contestId, contest.Version, new GeneralSettings(contest.Code, contest.Title, "05", "0501", null, bases));
    }

    [Fact]
    public async Task Saving_bases_with_an_unknown_placeholder_is_refused_naming_it_and_stores_nothing()
    {
        var result = await SaveBasesAsync("Contrapartida de {{contrapartida_minima}}; monto {{monto_maximo}}.");

        var violation = Assert.Single(result.Violations);
        Assert.Equal(("Bases", "ContestRules.UnknownPlaceholder"), (violation.Field, violation.Rule));
        Assert.Equal(["{{monto_maximo}}"], violation.Arguments);
        Assert.Equal("", (await ContestAsync()).BasesMarkdown);
    }

    [Fact]
    public async Task Bases_with_known_placeholders_are_saved_as_written_and_filled_when_read()
    {
        var result = await SaveBasesAsync("Al menos el {{contrapartida_minima}}; hasta {{categoria.IDEA.monto_maximo}}.");

        Assert.True(result.Succeeded, string.Join(", ", result.Violations.Select(v => v.Rule)));
        var contest = await ContestAsync();
        Assert.Equal("Al menos el {{contrapartida_minima}}; hasta {{categoria.IDEA.monto_maximo}}.", contest.BasesMarkdown);
        Assert.Equal("Al menos el 10 %; hasta S/ 7,500.00.", HakuWinay.Contests.Text.MarkdownRenderer.ToPlainText(BasesPlaceholders.Fill(contest).Markdown).Trim());
    }

    [Fact]
    public async Task Removing_a_category_the_bases_quote_is_refused_until_the_bases_change()
    {
        Assert.True((await SaveBasesAsync("Monto: {{categoria.MARCHA.monto_maximo}}")).Succeeded);
        var contest = await ContestAsync();
        var idea = contest.Categories.Single(c => c.Code == "IDEA");

        var result = await Service().SaveCategoriesAsync(Admin, _contestId, contest.Version, [new(idea.Id, "IDEA", idea.Name, idea.Budget, idea.MaxAward)]);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(("Categories", "ContestRules.PlaceholderInUse"), (violation.Field, violation.Rule));
        Assert.Equal(["{{categoria.MARCHA.monto_maximo}}"], violation.Arguments);
        Assert.Equal(2, (await ContestAsync()).Categories.Count);
    }

    [Fact]
    public async Task Publishing_is_refused_while_the_bases_use_an_unknown_placeholder()
    {
        await using (var db = _database.CreateDbContext())
        {
            // Bases written before placeholders existed (a migrated contest) are not re-checked on their own: publish checks them.
            var contest = await db.Contests.SingleAsync(c => c.Id == _contestId);
            contest.WriteBases("Documentos: {{documentos_requeridos}}. Plazo: {{plazo}}.");
            await db.SaveChangesAsync();
        }

        var result = await Service().PublishAsync(Admin, _contestId, (await ContestAsync()).Version);

        Assert.Contains(result.Violations, v => v.Rule == "ContestRules.UnknownPlaceholder" && Equals(v.Arguments[0], "{{plazo}}"));
        Assert.Equal(ContestStatus.Draft, (await ContestAsync()).Status);
    }

    [Fact]
    public async Task Document_slots_are_saved_in_order_revised_by_id_and_audited()
    {
        var saved = await Service().SaveDocumentSlotsAsync(Admin, _contestId, (await ContestAsync()).Version,
            [new(null, "Acta de asamblea", "Firmada", true, true), new(null, "Compromiso de contrapartida", null, true, true)]);
        Assert.True(saved.Succeeded, string.Join(", ", saved.Violations.Select(v => v.Rule)));
        var contest = await ContestAsync();
        var acta = contest.DocumentSlots.Single(s => s.Name == "Acta de asamblea");

        var renamed = await Service().SaveDocumentSlotsAsync(Admin, _contestId, contest.Version,
            [new(acta.Id, "Acta de asamblea general", "Firmada por los socios", true, false)]);

        Assert.True(renamed.Succeeded, string.Join(", ", renamed.Violations.Select(v => v.Rule)));
        var slot = Assert.Single((await ContestAsync()).DocumentSlots);
        Assert.Equal((acta.Id, "Acta de asamblea general", "Firmada por los socios", false), (slot.Id, slot.Name, slot.Description, slot.PdfOnly));
        await using var db = _database.CreateDbContext();
        Assert.Equal(2, await db.AuditLog.CountAsync(a => a.Action == "contest.document-slots-saved"));
    }

    [Theory]
    [InlineData("", "ContestRules.Required")]
    [InlineData("Acta", "ContestRules.DuplicateName")]
    public async Task A_slot_form_with_an_empty_or_repeated_name_is_refused_next_to_the_row(string secondName, string rule)
    {
        var result = await Service().SaveDocumentSlotsAsync(Admin, _contestId, (await ContestAsync()).Version,
            [new(null, "Acta", null, true, true), new(null, secondName, null, true, true)]);

        var violation = Assert.Single(result.Violations);
        Assert.Equal(("DocumentSlot.2.Name", rule), (violation.Field, violation.Rule));
        Assert.Empty((await ContestAsync()).DocumentSlots);
    }

    [Fact]
    public async Task Removing_a_slot_the_bases_list_is_fine_the_list_just_changes()
    {
        var contest = await ContestAsync();
        var saved = await Service().SaveDocumentSlotsAsync(Admin, _contestId, contest.Version, [new(null, "Acta", null, true, true)]);
        Assert.True((await SaveBasesAsync("Adjunte: {{documentos_requeridos}}.")).Succeeded);

        var removed = await Service().SaveDocumentSlotsAsync(Admin, _contestId, (await ContestAsync()).Version, []);

        Assert.True(removed.Succeeded && saved.Succeeded);
        Assert.Equal("Adjunte: ninguno.", HakuWinay.Contests.Text.MarkdownRenderer.ToPlainText(BasesPlaceholders.Fill(await ContestAsync()).Markdown).Trim());
    }

    private sealed class NoSignal : HakuWinay.Contests.Notifications.IOutboxSignal
    {
        public void MessagesQueued()
        {
        }
    }
}
