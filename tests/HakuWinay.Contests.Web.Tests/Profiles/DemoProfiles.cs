using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HakuWinay.Contests.Web.Tests.Profiles;

/// <summary>A demo group's profile in the demo contest, written through the real services.</summary>
public sealed record DemoProfile(int Id, int AttachmentId, string? Code, string RepresentativeId);

public static class DemoProfiles
{
    public const string GroupA = "Grupo de criadoras de cuyes Warmi Kallpa";
    public const string GroupB = "Asociación de Productores Agropecuarios Qori Quinua de Muruncancha";
    public const string GroupC = "Grupo de productores de quesos Yuraq Rumi";
    public const string GroupD = "Asociación de Tejedoras Maki Ruraq de Rosaspampa";

    public static readonly byte[] Pdf = [.. "%PDF-1.7\n% cotización\n"u8, .. new byte[512]];

    /// <summary>
    /// Starts the group's draft, writes every section (or the given texts), a valid plan, one PDF and the contest's
    /// required documents, and submits it if asked.
    /// </summary>
    public static async Task<DemoProfile> CreateAsync(PortalFactory portal, string groupName, bool submit, string? sectionText = null)
    {
        var factory = portal.Services.GetRequiredService<IDbContextFactory<ContestsDbContext>>();
        int groupId, contestId, categoryId;
        string representative;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var contest = await db.Contests.Include(c => c.Categories).SingleAsync(c => c.Code == "AYA-2026-01");
            var group = await db.ProducerGroups.SingleAsync(g => g.Name == groupName);
            (groupId, representative, contestId, categoryId) = (group.Id, group.RepresentativeUserId!, contest.Id, contest.Categories.Single(c => c.Code == "IDEA").Id);
        }
        await using var scope = portal.Services.CreateAsyncScope();
        var profiles = scope.ServiceProvider.GetRequiredService<ProfileService>();
        var attachments = scope.ServiceProvider.GetRequiredService<AttachmentService>();
        var user = new ActingUser(representative);
        var started = await profiles.StartDraftAsync(user, groupId, contestId, categoryId);
        Assert.True(started.Succeeded, string.Join(", ", started.Violations.Select(v => v.Rule)));
        var edited = await profiles.EditDraftAsync(user, started.Value, await VersionAsync(factory, started.Value), (profile, now) =>
        {
            foreach (var section in ProfileSections.All)
            {
                profile.WriteSection(section, section == ProfileSection.Title ? $"Perfil de {groupName[..12]}" : sectionText ?? $"Texto de {section}", now);
            }
            profile.AddLine("Jaulas", InvestmentCategory.Equipment, "unidad", 10, 400m, FinancedBy.Fund, now);
            profile.AddLine("Asistencia técnica", InvestmentCategory.TechnicalAssistance, "mes", 4, 650m, FinancedBy.Fund, now);
            profile.AddLine("Galpón", InvestmentCategory.Infrastructure, "global", 1, 1_000m, FinancedBy.CounterpartInKind, now);
        });
        using var pdf = new MemoryStream(Pdf);
        var added = await attachments.UploadAsync(user, started.Value, edited.Value, "cotización.pdf", pdf);
        Assert.True(added.Succeeded, added.Outcome.ToString());
        // The documents the demo contest requires, each in its slot, so the profile meets every rule.
        var version = added.Value!.Version;
        foreach (var slot in (await attachments.DocumentSlotsAsync(user, started.Value)).Value!)
        {
            using var document = new MemoryStream(Pdf);
            var filled = await attachments.UploadToSlotAsync(user, started.Value, slot.Id, version, $"{slot.Name}.pdf", document);
            Assert.True(filled.Succeeded, filled.Outcome.ToString());
            version = filled.Value!.Version;
        }
        string? code = null;
        if (submit)
        {
            var submitted = await profiles.SubmitAsync(user, started.Value, version);
            Assert.True(submitted.Succeeded, string.Join(", ", submitted.Violations.Select(v => v.Rule)));
            code = submitted.Value;
        }
        return new DemoProfile(started.Value, added.Value!.AttachmentId, code, representative);
    }

    public static async Task<Guid> VersionAsync(IDbContextFactory<ContestsDbContext> factory, int profileId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.BusinessProfiles.Where(p => p.Id == profileId).Select(p => p.Version).SingleAsync();
    }
}
