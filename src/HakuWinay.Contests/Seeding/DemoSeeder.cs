using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Judging;
using HakuWinay.Contests.Profiles;
using HakuWinay.Contests.Registries;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Seeding;

/// <summary>
/// Development-only demo: users of every role, one contest open now, eight producer groups, and
/// four eligible profiles (of groups 5 to 8), with the contest's required documents, ready for the jury;
/// and the padrones its groups' households are checked against (<see cref="DemoPadrones"/>).
/// Idempotent: users, the contest and groups are matched by email, code and name.
/// </summary>
public sealed class DemoSeeder(
    ContestsDbContext db, UserManager<AppUser> users, AttachmentService attachments, TimeProvider clock, IServiceProvider services)
{
    public const string DemoFile = "demo/demo.json";

    public async Task<DemoSeed> SeedAsync(SeedFolder seeds, CancellationToken cancellationToken = default)
    {
        var demo = seeds.Read<DemoSeed>(DemoFile);
        var now = clock.GetUtcNow().UtcDateTime;
        var password = new DemoPassword(users, demo.Password);
        foreach (var seed in demo.Users)
        {
            await EnsureUserAsync(seed, password, now);
        }
        await EnsureContestAsync(demo.Contest, now, cancellationToken);
        var admin = (await users.GetUsersInRoleAsync(Roles.Admin)).OrderBy(u => u.Email, StringComparer.Ordinal).First();
        await DemoPadrones.ImportAsync(services, seeds, new ActingUser(admin.Id, IsAdmin: true), now, cancellationToken);
        foreach (var seed in demo.Groups)
        {
            await EnsureGroupAsync(seed, admin.Id, now, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await EnsureAppointmentsAsync(demo, admin.Id, now, cancellationToken);
        await EnsureProfilesAsync(demo, admin.Id, now, cancellationToken);
        return demo;
    }

    private async Task EnsureUserAsync(DemoUserSeed seed, DemoPassword password, DateTime now)
    {
        if (!Roles.All.Contains(seed.Role))
        {
            throw new InvalidOperationException($"Demo user {seed.Email} has unknown role '{seed.Role}'.");
        }
        var user = await users.FindByEmailAsync(seed.Email);
        if (user is null)
        {
            user = new AppUser
            {
                UserName = seed.Email,
                Email = seed.Email,
                EmailConfirmed = true,
                FullName = seed.FullName,
                Institution = seed.Institution,
                DistrictCode = seed.DistrictCode,
                CreatedAtUtc = now,
            };
            user.PasswordHash = await password.HashFor(user);
            ThrowOnError(await users.CreateAsync(user), seed.Email);
        }
        if (!await users.IsInRoleAsync(user, seed.Role))
        {
            ThrowOnError(await users.AddToRoleAsync(user, seed.Role), seed.Email);
        }
        // The demo's scopes are set once: a scope a national administrator changed later is theirs to keep.
        if (seed.Scope is { Count: > 0 } scope && !await db.StaffScopeAreas.AnyAsync(a => a.UserId == user.Id))
        {
            db.StaffScopeAreas.AddRange(Territories.StaffScope.Of(scope).Areas.Select(code => new Territories.StaffScopeArea(user.Id, code)));
            await db.SaveChangesAsync();
        }
    }

    private async Task EnsureContestAsync(DemoContestSeed seed, DateTime now, CancellationToken ct)
    {
        if (await db.Contests.AnyAsync(c => c.Code == seed.Code, ct))
        {
            return;
        }
        var template = await db.EvaluationTemplates
            .Include(t => t.Stages).ThenInclude(s => s.Criteria)
            .SingleAsync(t => t.Code == seed.TemplateCode, ct);
        var today = now.Date;
        DateTime? Day(int? offset) => offset is null ? null : today.AddDays(offset.Value);
        var timeline = new ContestTimeline(
            today.AddDays(seed.OpensDaysFromNow),
            today.AddDays(seed.ClosesDaysFromNow).AddHours(22).AddMinutes(59), // 17:59 in Lima
            Day(seed.FieldEvaluationStartsDaysFromNow),
            Day(seed.FieldEvaluationEndsDaysFromNow),
            Day(seed.PublicSessionDaysFromNow),
            Day(seed.ResultsDaysFromNow));
        var contest = Contest.FromTemplate(template, seed.Code, seed.Title, seed.RegionCode, timeline, now);
        contest.LocateIn(seed.RegionCode, seed.ProvinceCode, seed.DistrictCode);
        contest.WriteBases(seed.BasesMarkdown);
        foreach (var category in seed.Categories)
        {
            contest.AddCategory(category.Code, category.Name, category.Budget, category.MaxAward);
        }
        var lines = await db.ProductionLines
            .Where(l => seed.EligibleProductionLineCodes.Contains(l.Code))
            .Select(l => l.Id)
            .ToListAsync(ct);
        foreach (var lineId in lines)
        {
            contest.MakeEligible(lineId);
        }
        contest.SetGroupSize(seed.MinHouseholds ?? contest.MinHouseholds, seed.MaxHouseholds ?? contest.MaxHouseholds);
        contest.SetMinCounterpart(seed.MinCounterpartPercent ?? contest.MinCounterpartPercent);
        foreach (var (category, maxPercent) in seed.InvestmentCaps ?? new Dictionary<string, decimal>())
        {
            contest.CapInvestment(Enum.Parse<InvestmentCategory>(category), maxPercent);
        }
        foreach (var item in seed.EligibilityChecklist ?? [])
        {
            contest.AddChecklistItem(item);
        }
        if (seed.Aggregation is not null)
        {
            contest.ConfigureEvaluation(contest.Evaluation with { Aggregation = Enum.Parse<ScoreAggregation>(seed.Aggregation) });
        }
        if (seed.Tranches is not null)
        {
            contest.PlanDisbursement(seed.Tranches.Select(t => new TrancheRule(t.Percent, Enum.Parse<TrancheTrigger>(t.Trigger), t.RequiredAccountedPercent)).ToList());
        }
        if (seed.FollowUpVisitDays is not null)
        {
            contest.PlanFollowUp(seed.FollowUpVisitDays);
        }
        contest.SetDocumentSlots((seed.DocumentSlots ?? []).Select(s => new DocumentSlotSettings(null, s.Name, s.Description, s.IsRequired, s.PdfOnly)).ToList());
        contest.Publish(now);
        db.Contests.Add(contest);
    }

    private async Task EnsureGroupAsync(DemoGroupSeed seed, string adminId, DateTime now, CancellationToken ct)
    {
        if (await db.ProducerGroups.AnyAsync(g => g.Name == seed.Name, ct))
        {
            return;
        }
        var lineId = await db.ProductionLines.Where(l => l.Code == seed.ProductionLineCode).Select(l => l.Id).SingleAsync(ct);
        var representative = await users.FindByEmailAsync(seed.RepresentativeEmail)
            ?? throw new InvalidOperationException($"Demo group {seed.Name}: no user {seed.RepresentativeEmail}.");
        var group = new ProducerGroup(
            seed.Name, Enum.Parse<LegalForm>(seed.LegalForm), seed.Ruc, lineId,
            new GroupLocation(seed.RegionCode, seed.ProvinceCode, seed.DistrictCode, seed.CentroPoblado), now);
        group.RecordSelfRegistration(representative.Id);
        foreach (var h in seed.Households)
        {
            group.AddHousehold(h.HeadFullName, h.Dni, Enum.Parse<Sex>(h.Sex), h.BirthYear, h.IsJuntosUser, Enum.Parse<HouseholdRole>(h.Role));
        }
        group.Verify(adminId, now);
        // As at registration: each household against the padrones (DemoPadrones), stored on it.
        await RegistryChecks.ApplyAsync(db, group, now, ct);
        db.ProducerGroups.Add(group);
    }

    /// <summary>Appoints the demo jurors to the demo contest's stages; an existing appointment is left as it is.</summary>
    private async Task EnsureAppointmentsAsync(DemoSeed demo, string adminId, DateTime now, CancellationToken ct)
    {
        var contest = await db.Contests.Include(c => c.Stages).SingleAsync(c => c.Code == demo.Contest.Code, ct);
        foreach (var seed in demo.JurorAppointments ?? [])
        {
            var juror = await users.FindByEmailAsync(seed.Email)
                ?? throw new InvalidOperationException($"Demo appointment: no user {seed.Email}.");
            foreach (var code in seed.StageCodes)
            {
                var stage = contest.Stages.SingleOrDefault(s => s.Code == code)
                    ?? throw new InvalidOperationException($"Demo appointment: contest {contest.Code} has no stage {code}.");
                if (!await db.JurorAppointments.AnyAsync(a => a.ContestStageId == stage.Id && a.JurorUserId == juror.Id, ct))
                {
                    db.JurorAppointments.Add(new JurorAppointment(contest.Id, stage.Id, juror.Id, adminId, now));
                }
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Writes, submits and declares eligible the demo groups' profiles, checked by the same rules a
    /// group's submission meets; a group that already has a profile in the contest is left alone.
    /// </summary>
    private async Task EnsureProfilesAsync(DemoSeed demo, string adminId, DateTime now, CancellationToken ct)
    {
        var contest = await db.Contests.Include(c => c.Categories).Include(c => c.EligibleLines).Include(c => c.InvestmentCaps)
            .Include(c => c.DocumentSlots).AsSplitQuery().SingleAsync(c => c.Code == demo.Contest.Code, ct);
        foreach (var seed in demo.Groups.Where(g => g.Profile is not null))
        {
            var group = await db.ProducerGroups.Include(g => g.Households).SingleAsync(g => g.Name == seed.Name, ct);
            if (await db.BusinessProfiles.AnyAsync(p => p.ContestId == contest.Id && p.ProducerGroupId == group.Id, ct))
            {
                continue;
            }
            var profile = WriteProfile(seed.Profile!, contest, group.Id, now);
            // Saved as a draft first, so its documents go in through the same upload path (and checks) a group's do.
            db.BusinessProfiles.Add(profile);
            await db.SaveChangesAsync(ct);
            foreach (var slot in contest.DocumentSlots.OrderBy(s => s.Order))
            {
                await using var pdf = new MemoryStream(DemoDocuments.Pdf($"{slot.Name} - {seed.Name}"));
                var added = await attachments.UploadToSlotAsync(new ActingUser(adminId, IsAdmin: true), profile.Id, slot.Id, profile.Version,
                    DemoDocuments.FileName(slot.Name), pdf, ct: ct);
                if (!added.Succeeded)
                {
                    throw new InvalidOperationException($"Demo profile of {seed.Name}: the {slot.Name} was refused ({added.Outcome}).");
                }
                await db.Entry(profile).ReloadAsync(ct);
            }
            var filled = await db.ProfileAttachments.Where(a => a.BusinessProfileId == profile.Id && a.DocumentSlotId != null)
                .Select(a => a.DocumentSlotId!.Value).ToListAsync(ct);
            var violations = ProfileRules.CheckSubmission(profile, contest.SubmissionRulesFor(profile.CategoryId),
                new SubmissionContext(group.Households.Count, group.ProductionLineId, CallOpen: true, filled.ToHashSet()));
            if (violations.Count > 0)
            {
                throw new InvalidOperationException($"Demo profile of {seed.Name} breaks the contest's rules: {string.Join(", ", violations.Select(v => v.Rule))}.");
            }
            profile.Submit(contest.NextProfileCode(now), now);
            profile.DecideEligibility(true, "Cumple las condiciones de las bases (datos de demostración).", adminId, now);
            await db.SaveChangesAsync(ct);
        }
    }

    private static BusinessProfile WriteProfile(DemoProfileSeed seed, Contest contest, int groupId, DateTime now)
    {
        var category = contest.Categories.SingleOrDefault(c => c.Code == seed.CategoryCode)
            ?? throw new InvalidOperationException($"Demo profile: contest {contest.Code} has no category {seed.CategoryCode}.");
        var profile = new BusinessProfile(contest.Id, category.Id, groupId, now);
        foreach (var (section, markdown) in seed.Sections)
        {
            profile.WriteSection(Enum.Parse<ProfileSection>(section), markdown, now);
        }
        profile.SetExpectedResults(seed.ExpectedSalesPerYear, seed.ExpectedJobs, seed.HouseholdsBenefiting, now);
        foreach (var line in seed.Lines)
        {
            profile.AddLine(line.Description, Enum.Parse<InvestmentCategory>(line.Category), line.Unit, line.Quantity, line.UnitCost,
                Enum.Parse<FinancedBy>(line.FinancedBy), now);
        }
        return profile;
    }

    private static void ThrowOnError(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>
/// The demo users' one password, checked by the password validators and hashed once: a hash takes
/// tens of milliseconds by design, and the demo's fourteen users would spend a second of the first
/// start on it. The hash carries its own salt, so one hash serves every user.
/// </summary>
internal sealed class DemoPassword(UserManager<AppUser> users, string password)
{
    private string? _hash;

    public async Task<string> HashFor(AppUser user)
    {
        if (_hash is null)
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"The demo password is refused: {string.Join("; ", result.Errors.Select(e => e.Description))}");
                }
            }
            _hash = users.PasswordHasher.HashPassword(user, password);
        }
        return _hash;
    }
}
