using HakuWinay.Contests.Common;
using HakuWinay.Contests.Contests;
using HakuWinay.Contests.Disbursements;
using HakuWinay.Contests.Profiles;

namespace HakuWinay.Contests.Tests.Disbursements;

/// <summary>Awards as the database would hand them over: tranches numbered 101, 102, ... by order.</summary>
internal static class AwardBuilder
{
    public static readonly DateTime Now = Instants.Now;
    public static readonly DateOnly Today = DateOnly.FromDateTime(LimaTime.ToLima(Now));

    public static StoredFile Pdf(string name = "convenio.pdf") => new(name, AttachmentStorage.NewStorageName(), AttachmentKind.Pdf, 1_000, new string('a', 64));

    public static StoredFile Jpeg(string name = "foto.jpg") => new(name, AttachmentStorage.NewStorageName(), AttachmentKind.Jpeg, 1_000, new string('b', 64));

    public static Award New(decimal amount = 7_333.33m, IReadOnlyList<TrancheRule>? plan = null, IReadOnlyList<int>? visits = null, string? technician = "tech-1")
    {
        var award = new Award(1, 10, 20, amount, 1, plan ?? Contest.DefaultTranches, visits ?? [30, 90, 180], technician, Now);
        foreach (var tranche in award.Tranches)
        {
            typeof(AwardTranche).GetProperty(nameof(AwardTranche.Id))!.SetValue(tranche, 100 + tranche.Order);
        }
        return award;
    }

    public static Award Signed(decimal amount = 7_333.33m, DateOnly? signedOn = null)
    {
        var award = New(amount);
        award.RecordAgreement(signedOn ?? Today.AddDays(-10), Pdf(), "admin-1", Now, Today);
        return award;
    }

    /// <summary>A signed award whose first tranche is paid on <paramref name="paidOn"/> (default: five days ago).</summary>
    public static Award FirstPaid(decimal amount = 7_333.33m, DateOnly? paidOn = null)
    {
        var paid = paidOn ?? Today.AddDays(-5);
        var award = Signed(amount, signedOn: paid.AddDays(-1));
        var first = award.Tranches[0];
        first.MakeDue(Now);
        award.Pay(first.Id, first.Amount, paid, "OP-0001", Jpeg("voucher.jpg"), "admin-1", Now, Today);
        return award;
    }
}
