using HakuWinay.Contests.Data;
using Microsoft.EntityFrameworkCore;

namespace HakuWinay.Contests.Notifications.Sms;

/// <summary>Looks up whom a message goes to, with email, mobile and choice in one query.</summary>
public static class Recipients
{
    /// <summary>The representative account of a group; null when staff act for a group without one.</summary>
    public static Task<NotificationRecipient?> RepresentativeAsync(ContestsDbContext db, int groupId, CancellationToken ct) =>
        (from g in db.ProducerGroups
         join u in db.Users on g.RepresentativeUserId equals u.Id
         where g.Id == groupId
         select new NotificationRecipient(u.Email, u.PhoneNumber, u.ContactPreference)).SingleOrDefaultAsync(ct);

    public static Task<NotificationRecipient?> UserAsync(ContestsDbContext db, string userId, CancellationToken ct) =>
        db.Users.Where(u => u.Id == userId)
            .Select(u => new NotificationRecipient(u.Email, u.PhoneNumber, u.ContactPreference)).SingleOrDefaultAsync(ct);

    /// <summary>Mobile and choice of several accounts at once, by id.</summary>
    public static async Task<Dictionary<string, NotificationRecipient>> UsersAsync(ContestsDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct) =>
        await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, Recipient = new NotificationRecipient(u.Email, u.PhoneNumber, u.ContactPreference) })
            .ToDictionaryAsync(r => r.Id, r => r.Recipient, ct);
}
