using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Notifications.Sms;

/// <summary>Looks up whom a message goes to, with email, mobile and choice in one query.</summary>
public static class Recipients
{
    /// <summary>
    /// Whom a group's messages go to (docs/decisions/037): its representative account when it has one,
    /// as that person chose; without an account, the mobile staff recorded on the group, by SMS only;
    /// null when there is neither.
    /// </summary>
    public static NotificationRecipient? OfGroup(string? representativeUserId, NotificationRecipient? account, string? groupMobile) =>
        representativeUserId is not null
            ? account
            : MobileNumber.IsE164(groupMobile) ? new NotificationRecipient(null, groupMobile, ContactPreference.Sms) : null;

    /// <summary>Whom a group's messages go to (see <see cref="OfGroup"/>); null when nobody can be reached.</summary>
    public static async Task<NotificationRecipient?> RepresentativeAsync(ContestsDbContext db, int groupId, CancellationToken ct)
    {
        var group = await db.ProducerGroups.Where(g => g.Id == groupId)
            .Select(g => new { g.RepresentativeUserId, g.RepresentativeMobile }).SingleOrDefaultAsync(ct);
        if (group is null)
        {
            return null;
        }
        var account = group.RepresentativeUserId is { } userId ? await UserAsync(db, userId, ct) : null;
        return OfGroup(group.RepresentativeUserId, account, group.RepresentativeMobile);
    }

    /// <summary>Whom each profile's group hears from, by profile id; profiles whose group cannot be reached are left out.</summary>
    public static async Task<Dictionary<int, NotificationRecipient>> OfProfilesAsync(ContestsDbContext db, IReadOnlyCollection<int> profileIds, CancellationToken ct)
    {
        var groups = await (from p in db.BusinessProfiles
                            join g in db.ProducerGroups on p.ProducerGroupId equals g.Id
                            where profileIds.Contains(p.Id)
                            select new { p.Id, g.RepresentativeUserId, g.RepresentativeMobile }).ToListAsync(ct);
        var accounts = await UsersAsync(db, groups.Select(g => g.RepresentativeUserId).OfType<string>().Distinct().ToList(), ct);
        var result = new Dictionary<int, NotificationRecipient>();
        foreach (var group in groups)
        {
            var account = group.RepresentativeUserId is { } userId ? accounts.GetValueOrDefault(userId) : null;
            if (OfGroup(group.RepresentativeUserId, account, group.RepresentativeMobile) is { } recipient)
            {
                result[group.Id] = recipient;
            }
        }
        return result;
    }

    public static Task<NotificationRecipient?> UserAsync(ContestsDbContext db, string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId)
            .Select(u => new NotificationRecipient(u.Email, u.PhoneNumber, u.ContactPreference)).SingleOrDefaultAsync(ct);

    /// <summary>Mobile and choice of several accounts at once, by id.</summary>
    public static async Task<Dictionary<string, NotificationRecipient>> UsersAsync(ContestsDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, Recipient = new NotificationRecipient(u.Email, u.PhoneNumber, u.ContactPreference) })
            .ToDictionaryAsync(r => r.Id, r => r.Recipient, ct);
}
