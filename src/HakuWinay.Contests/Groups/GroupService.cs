using HakuWinay.Contests.Text;
using System.Globalization;
using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using HakuWinay.Contests.Notifications;
using HakuWinay.Contests.Profiles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Groups;

/// <summary>
/// Registering, editing and verifying producer groups. A representative registers and edits only
/// its own group; technicians and admins may act for any group; only admins verify. Every change
/// is checked against <see cref="GroupRules"/>, guarded by the group's version and audited with
/// the values before and after.
/// </summary>
public sealed class GroupService(
    IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock, IOutboxSignal outboxSignal, IPasswordSetupLinks passwordLinks)
{
    /// <summary>
    /// Registers a group. A producer registers its own (and only one); a technician or admin
    /// registers one on a group's behalf and must give <paramref name="assisted"/> with the
    /// representative's consent date. With the representative's email, the portal creates the
    /// account and emails a link to choose a password; without one, staff act for the group.
    /// </summary>
    public async Task<ServiceResult<int>> RegisterAsync(ActingUser user, GroupData data, AssistedRegistration? assisted, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (user.IsStaff != (assisted is not null))
        {
            return user.IsStaff ? ServiceResult<int>.Invalid("ConsentDate", "Validation.Required") : ServiceResult<int>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!user.IsStaff && await db.ProducerGroups.AnyAsync(g => g.RepresentativeUserId == user.UserId, ct))
        {
            return ServiceResult<int>.Invalid("Group", "Groups.AlreadyRepresents");
        }
        var violations = await CheckAsync(db, user, data, now, ct);
        if (assisted is not null)
        {
            violations.AddRange(GroupRules.CheckAssisted(assisted, now));
        }
        var (mobile, mobileViolation) = user.IsStaff ? GroupRules.RepresentativeMobile(data.RepresentativeMobile) : (null, null);
        if (mobileViolation is not null)
        {
            violations.Add(mobileViolation);
        }
        if (violations.Count > 0)
        {
            return ServiceResult<int>.Invalid(violations);
        }
        var group = new ProducerGroup(data.Name, data.LegalForm, data.Ruc?.Trim(), data.ProductionLineId,
            GroupLocation.InDistrict(data.DistrictCode, data.CentroPoblado), now);
        group.ReplaceHouseholds(Normalized(data.Households), now);
        await Registries.RegistryChecks.ApplyAsync(db, group, now, ct);
        AppUser? invited = null;
        if (assisted is null)
        {
            group.RecordSelfRegistration(user.UserId);
        }
        else
        {
            group.RecordAssistedRegistration(user.UserId, assisted.ConsentDate, now);
            group.ChangeRepresentativeMobile(mobile, now);
            if (!string.IsNullOrWhiteSpace(assisted.RepresentativeEmail))
            {
                var (representative, refusal) = await RepresentativeAccountAsync(db, assisted, now, ct);
                if (refusal is not null)
                {
                    return ServiceResult<int>.Invalid("RepresentativeEmail", refusal);
                }
                group.AppointRepresentative(representative!.Id);
                CarryMobile(group, representative);
                invited = representative;
            }
        }
        db.ProducerGroups.Add(group);
        try
        {
            // The group needs its id for the audit entry and the email: two saves, one transaction.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            db.AuditLog.Add(AuditEntry.Record(now, user.UserId, "group.registered", nameof(ProducerGroup), Key(group), after: Snapshot(group)));
            if (invited is not null)
            {
                await QueueInvitationAsync(db, invited, group, now, ct);
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException) when (invited is not null)
        {
            // Another registration took the same email between our check and our save.
            return ServiceResult<int>.Invalid("RepresentativeEmail", "Groups.EmailTaken");
        }
        if (invited is not null)
        {
            outboxSignal.MessagesQueued();
        }
        return ServiceResult<int>.Ok(group.Id);
    }

    /// <summary>
    /// Changes the group's details and makes its households match <paramref name="data"/>, all or
    /// nothing, against the version the editor read. A verified group changed by anyone but an
    /// admin goes back to pending verification.
    /// </summary>
    public async Task<ServiceResult<Guid>> UpdateAsync(ActingUser user, int groupId, Guid expectedVersion, GroupData data, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (group, failure) = await LoadForAsync(db, user, groupId, expectedVersion, ct);
        if (failure is { } outcome)
        {
            return ServiceResult<Guid>.Fail(outcome);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var violations = await CheckAsync(db, user, data, now, ct);
        var unknown = data.Households.Select((h, i) => (h, i)).FirstOrDefault(x => x.h.Id is { } id && group.Households.All(e => e.Id != id));
        if (unknown.h is not null)
        {
            violations.Add(new($"Households[{unknown.i}].HeadFullName", "Groups.HouseholdUnknown"));
        }
        // Only staff see and change the group's mobile; a representative's own form leaves it as it is.
        var (mobile, mobileViolation) = user.IsStaff ? GroupRules.RepresentativeMobile(data.RepresentativeMobile) : (group.RepresentativeMobile, null);
        if (mobileViolation is not null)
        {
            violations.Add(mobileViolation);
        }
        if (violations.Count > 0)
        {
            return ServiceResult<Guid>.Invalid(violations);
        }
        var before = Snapshot(group);
        var wasVerified = group.IsVerified;
        group.ChangeDetails(data.Name, data.LegalForm, data.Ruc?.Trim(), data.ProductionLineId, GroupLocation.InDistrict(data.DistrictCode, data.CentroPoblado), now);
        group.ReplaceHouseholds(Normalized(data.Households), now);
        group.ChangeRepresentativeMobile(mobile, now);
        await Registries.RegistryChecks.ApplyAsync(db, group, now, ct);
        if (wasVerified && !user.IsAdmin)
        {
            group.ReturnToPendingVerification(now);
        }
        db.AuditLog.Add(AuditEntry.Record(now, user.UserId, "group.updated", nameof(ProducerGroup), Key(group), before: before, after: Snapshot(group)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<Guid>.Fail(ServiceOutcome.Conflict);
        }
        return ServiceResult<Guid>.Ok(group.Version);
    }

    /// <summary>
    /// Staff give a group without an account its representative's account later, or send a new
    /// set-password link to a representative who never used theirs (the link lasts 7 days).
    /// </summary>
    public async Task<ServiceResult<Guid>> InviteRepresentativeAsync(
        ActingUser user, int groupId, Guid expectedVersion, string? email, string? fullName, CancellationToken ct = default)
    {
        if (!user.IsStaff)
        {
            return ServiceResult<Guid>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (group, failure) = await LoadForAsync(db, user, groupId, expectedVersion, ct);
        if (failure is { } outcome)
        {
            return ServiceResult<Guid>.Fail(outcome);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = new AssistedRegistration(DateOnly.FromDateTime(LimaTime.ToLima(now)), email, fullName);
        var violations = GroupRules.CheckAssisted(invitation, now).ToList();
        if (string.IsNullOrWhiteSpace(email))
        {
            violations.Add(new("RepresentativeEmail", "Validation.Required"));
        }
        if (violations.Count > 0)
        {
            return ServiceResult<Guid>.Invalid(violations);
        }
        var current = group.RepresentativeUserId is null ? null : await db.Users.SingleAsync(u => u.Id == group.RepresentativeUserId, ct);
        AppUser representative;
        if (current is not null)
        {
            // Only a representative who never chose a password is sent a new link, at the same address.
            if (current.PasswordHash is not null || !string.Equals(current.NormalizedEmail, email!.Trim().Normalize(), StringComparison.OrdinalIgnoreCase))
            {
                return ServiceResult<Guid>.Invalid("RepresentativeEmail", "Groups.HasRepresentative");
            }
            representative = current;
        }
        else
        {
            var (account, refusal) = await RepresentativeAccountAsync(db, invitation, now, ct);
            if (refusal is not null)
            {
                return ServiceResult<Guid>.Invalid("RepresentativeEmail", refusal);
            }
            representative = account!;
        }
        var before = new { group.RepresentativeUserId };
        group.InviteRepresentative(representative.Id, now);
        var carried = CarryMobile(group, representative);
        db.AuditLog.Add(AuditEntry.Record(now, user.UserId, "group.representative-invited", nameof(ProducerGroup), Key(group),
            before: before, after: new { group.RepresentativeUserId, representative.Email, CarriedMobile = carried ? representative.PhoneNumber : null }));
        await QueueInvitationAsync(db, representative, group, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<Guid>.Fail(ServiceOutcome.Conflict);
        }
        catch (DbUpdateException)
        {
            return ServiceResult<Guid>.Invalid("RepresentativeEmail", "Groups.EmailTaken");
        }
        outboxSignal.MessagesQueued();
        return ServiceResult<Guid>.Ok(group.Version);
    }

    /// <summary>An admin confirms the group's data (checked against the members' DNIs); audited.</summary>
    public async Task<ServiceResult<Guid>> VerifyAsync(ActingUser user, int groupId, Guid expectedVersion, CancellationToken ct = default)
    {
        if (!user.IsAdmin)
        {
            return ServiceResult<Guid>.Fail(ServiceOutcome.Forbidden);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (group, failure) = await LoadForAsync(db, user, groupId, expectedVersion, ct);
        if (failure is { } outcome)
        {
            return ServiceResult<Guid>.Fail(outcome);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var before = new { group.IsVerified, group.VerifiedAtUtc, group.VerifiedByUserId };
        group.Verify(user.UserId, now);
        db.AuditLog.Add(AuditEntry.Record(now, user.UserId, "group.verified", nameof(ProducerGroup), Key(group),
            before: before, after: new { group.IsVerified, group.VerifiedAtUtc, group.VerifiedByUserId }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<Guid>.Fail(ServiceOutcome.Conflict);
        }
        return ServiceResult<Guid>.Ok(group.Version);
    }

    private static async Task<(ProducerGroup Group, ServiceOutcome? Failure)> LoadForAsync(
        ContestsDbContext db, ActingUser user, int groupId, Guid expectedVersion, CancellationToken ct)
    {
        var group = await db.ProducerGroups.Include(g => g.Households).SingleOrDefaultAsync(g => g.Id == groupId, ct);
        if (group is null)
        {
            return (null!, ServiceOutcome.NotFound);
        }
        if (!group.MayBeEditedBy(user))
        {
            return (group, ServiceOutcome.Forbidden);
        }
        if (!await InScopeAsync(db, user, group.Location.DistrictCode, ct))
        {
            // Staff of another territory are told what a representative of another group is told.
            return (null!, ServiceOutcome.NotFound);
        }
        return group.Version != expectedVersion ? (group, ServiceOutcome.Conflict) : (group, null);
    }

    /// <summary>The form's rules plus what only the database knows: the line and district exist.</summary>
    /// <summary>Whether the district is within the scope of the acting staff member; the group's own representative is always in.</summary>
    private static async Task<bool> InScopeAsync(ContestsDbContext db, ActingUser user, string districtCode, CancellationToken ct)
    {
        if (!user.IsStaff || !Catalog.UbigeoCode.IsDistrict(districtCode))
        {
            return true;
        }
        var scope = await Territories.StaffScopes.OfAsync(db, user.UserId, ct);
        return Territories.TerritoryRule.Reaches(scope, user.IsAdmin, user.IsTechnician, Territories.TerritoryPlace.OfGroup(districtCode));
    }

    private static async Task<List<RuleViolation>> CheckAsync(ContestsDbContext db, ActingUser user, GroupData data, DateTime now, CancellationToken ct)
    {
        var violations = GroupRules.Check(data, LimaTime.ToLima(now).Year).ToList();
        if (!await db.ProductionLines.AnyAsync(l => l.Id == data.ProductionLineId, ct))
        {
            violations.Add(new("ProductionLineId", "Validation.Required"));
        }
        if (Catalog.UbigeoCode.IsDistrict(data.DistrictCode) && !await db.Districts.AnyAsync(d => d.Code == data.DistrictCode, ct))
        {
            violations.Add(new("DistrictCode", "Validation.Required"));
        }
        else if (!await InScopeAsync(db, user, data.DistrictCode, ct))
        {
            violations.Add(new("DistrictCode", "Territories.DistrictOutsideScope"));
        }
        return violations;
    }

    private static List<HouseholdData> Normalized(IReadOnlyList<HouseholdData> households) =>
        households.Select(h => h with { HeadFullName = h.HeadFullName.Trim(), Dni = h.Dni.Trim() }).ToList();

    /// <summary>
    /// The account for the email staff gave: a new Producer account, or an existing Producer
    /// account that represents no group yet. Anything else is refused with the reason's text key.
    /// </summary>
    private static async Task<(AppUser? User, string? Refusal)> RepresentativeAccountAsync(
        ContestsDbContext db, AssistedRegistration assisted, DateTime now, CancellationToken ct)
    {
        var email = assisted.RepresentativeEmail!.Trim();
        if (!email.All(c => char.IsAsciiLetterOrDigit(c) || "-._@+".Contains(c, StringComparison.Ordinal)))
        {
            return (null, "Validation.Email");
        }
        var normalized = email.Normalize().ToUpperInvariant();
        var producerRole = Roles.Producer.ToUpperInvariant();
        var producerRoleId = await db.Roles.Where(r => r.NormalizedName == producerRole).Select(r => r.Id).SingleAsync(ct);
        var existing = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized || u.NormalizedUserName == normalized, ct);
        if (existing is not null)
        {
            var roles = await db.UserRoles.Where(r => r.UserId == existing.Id).Select(r => r.RoleId).ToListAsync(ct);
            var free = roles.Count == 1 && roles[0] == producerRoleId
                && !await db.ProducerGroups.AnyAsync(g => g.RepresentativeUserId == existing.Id, ct);
            return free ? (existing, null) : (null, "Groups.EmailTaken");
        }
        var user = new AppUser
        {
            UserName = email, NormalizedUserName = normalized, Email = email, NormalizedEmail = normalized,
            FullName = assisted.RepresentativeFullName!.Trim(), CreatedAtUtc = now, LockoutEnabled = true,
        };
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = producerRoleId });
        return (user, null);
    }

    private async Task QueueInvitationAsync(ContestsDbContext db, AppUser representative, ProducerGroup group, DateTime now, CancellationToken ct)
    {
        EmailMarkdown access = representative.PasswordHash is not null
            ? EmailMarkdown.Trusted("Ya tiene una cuenta en el portal: ingrese con su correo y su contraseña de siempre.")
            : $"Para entrar, elija su contraseña en este enlace (vale 7 días):\n\n<{await passwordLinks.CreateAsync(representative, ct):url}>";
        var consent = group.RepresentativeConsentDate is { } day ? $", con su consentimiento del {day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}" : "";
        EmailMarkdown body = $"""
            Estimado(a) {representative.FullName}:

            Su grupo **{group.Name}** está registrado en el portal de concursos Haku Wiñay con usted como representante{consent}.

            {access}

            Si usted no dio su consentimiento, responda a este correo o avise a la oficina del núcleo ejecutor.
            """;
        await NotificationOutbox.QueueAsync(db, representative.Email!, $"Su grupo {group.Name} fue registrado", body, now,
            $"group-invitation:{group.Id}:{representative.Id}:{now.Ticks}", ct);
    }

    /// <summary>
    /// From the moment a group has an account, the account's contact is the one used; so the mobile
    /// staff recorded on the group moves into an account that has none, with SMS and email both
    /// (docs/decisions/037). An account that already has a mobile keeps its own. True when carried.
    /// </summary>
    private static bool CarryMobile(ProducerGroup group, AppUser account)
    {
        if (group.RepresentativeMobile is not { } mobile || !string.IsNullOrEmpty(account.PhoneNumber))
        {
            return false;
        }
        account.ChangeContact(mobile, Notifications.Sms.ContactPreference.Both);
        return true;
    }

    private static string Key(ProducerGroup group) => group.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The group as the audit log keeps it, households included.</summary>
    private static object Snapshot(ProducerGroup group) => new
    {
        group.Name, LegalForm = group.LegalForm.ToString(), group.Ruc, group.ProductionLineId, group.RepresentativeMobile,
        group.Location.DistrictCode, group.Location.CentroPoblado, group.RepresentativeUserId,
        group.IsAssistedRegistration, group.RegisteredByUserId, group.RepresentativeConsentDate, group.IsVerified,
        Households = group.Households.Select(h => new { h.HeadFullName, h.Dni, Sex = h.Sex.ToString(), h.BirthYear, h.IsJuntosUser, h.IsJuntosVerified, h.RegistryProjectCode, Role = h.Role.ToString() }).ToList(),
    };
}
