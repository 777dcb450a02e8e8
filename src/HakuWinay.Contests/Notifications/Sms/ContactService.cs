using HakuWinay.Contests.Audit;
using HakuWinay.Contests.Common;
using HakuWinay.Contests.Data;
using HakuWinay.Contests.Identity;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Notifications.Sms;

/// <summary>What the contact form shows: the mobile as people read it, the choice, whether there is an email.</summary>
public sealed record ContactDetails(string UserId, string FullName, string? Mobile, ContactPreference Preference, bool HasEmail, string ConcurrencyStamp);

/// <summary>
/// A person's mobile and choice of channel. The person edits their own; an Administrator edits anyone's
/// (jurors, technicians and representatives they register); nobody else edits another person's number.
/// </summary>
public sealed class ContactService(IDbContextFactory<ContestsDbContext> dbFactory, TimeProvider clock)
{
    public async Task<ContactDetails?> GetAsync(ActingUser actor, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayEdit(actor, userId))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new ContactDetails(u.Id, u.FullName, u.PhoneNumber, u.ContactPreference, u.Email != null, u.ConcurrencyStamp ?? ""))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>
    /// Saves the mobile (any common spelling, normalised to E.164; empty removes it) and the choice.
    /// SMS or both need a mobile. The form's stamp guards against overwriting a change made meanwhile.
    /// </summary>
    public async Task<ServiceResult<ContactDetails>> ChangeAsync(
        ActingUser actor, string userId, string? mobile, ContactPreference preference, string concurrencyStamp, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayEdit(actor, userId))
        {
            return ServiceResult<ContactDetails>.Fail(ServiceOutcome.Forbidden);
        }
        if (!Enum.IsDefined(preference))
        {
            return ServiceResult<ContactDetails>.Invalid("Preference", "Validation.Required");
        }
        string? normalized = null;
        if (!string.IsNullOrWhiteSpace(mobile))
        {
            var (e164, error) = MobileNumber.Normalize(mobile);
            if (error is not null)
            {
                return ServiceResult<ContactDetails>.Invalid("Mobile", error);
            }
            normalized = e164;
        }
        else if (preference != ContactPreference.Email)
        {
            return ServiceResult<ContactDetails>.Invalid("Mobile", "Contact.SmsNeedsMobile");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return ServiceResult<ContactDetails>.Fail(ServiceOutcome.NotFound);
        }
        if (user.ConcurrencyStamp != concurrencyStamp)
        {
            return ServiceResult<ContactDetails>.Fail(ServiceOutcome.Conflict);
        }
        var before = new { Mobile = user.PhoneNumber, Preference = user.ContactPreference.ToString() };
        user.ChangeContact(normalized, preference);
        db.AuditLog.Add(AuditEntry.Record(clock.GetUtcNow().UtcDateTime, actor.UserId, "account.contact-changed", nameof(AppUser), user.Id,
            before: before, after: new { Mobile = user.PhoneNumber, Preference = user.ContactPreference.ToString() }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ServiceResult<ContactDetails>.Fail(ServiceOutcome.Conflict);
        }
        return ServiceResult<ContactDetails>.Ok(new ContactDetails(user.Id, user.FullName, user.PhoneNumber, user.ContactPreference, user.Email != null, user.ConcurrencyStamp!));
    }

    private static bool MayEdit(ActingUser actor, string userId) => actor.IsAdmin || actor.UserId == userId;
}
