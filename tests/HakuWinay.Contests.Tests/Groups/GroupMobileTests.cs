using HakuWinay.Contests.Groups;
using HakuWinay.Contests.Notifications.Sms;

namespace HakuWinay.Contests.Tests.Groups;

/// <summary>The mobile of a group whose representative has no account (docs/decisions/037): its rule, its owner, whom messages reach.</summary>
public sealed class GroupMobileTests
{
    [Theory]
    [InlineData("987 654 321", "+51987654321")]
    [InlineData("+51 987-654-321", "+51987654321")]
    [InlineData("0051987654321", "+51987654321")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void A_peruvian_mobile_or_nothing_is_accepted_in_e164(string? typed, string? stored)
    {
        var (e164, violation) = GroupRules.RepresentativeMobile(typed);

        Assert.Null(violation);
        Assert.Equal(stored, e164);
    }

    [Theory]
    [InlineData("064 123456", "Mobile.Invalid")] // a landline of Huancayo
    [InlineData("12345", "Mobile.Invalid")]
    [InlineData("9876543210", "Mobile.Invalid")]
    [InlineData("987 654 321 987 654 321 987 654 321", "Mobile.Invalid")] // longer than any real number
    [InlineData("<script>alert(1)</script>", "Mobile.Invalid")]
    [InlineData("٩٨٧٦٥٤٣٢١", "Mobile.Invalid")]
    [InlineData("+1 202 555 0100", "Mobile.NotPeruvian")]
    public void Anything_else_is_refused_at_its_field_with_the_account_pages_reason(string typed, string rule)
    {
        var (e164, violation) = GroupRules.RepresentativeMobile(typed);

        Assert.Null(e164);
        Assert.Equal(("RepresentativeMobile", rule), (violation!.Field, violation.Rule));
    }

    [Fact]
    public void The_group_keeps_only_a_stored_form_number_and_a_change_is_a_new_revision()
    {
        var group = new ProducerGroup("Warmi Kallpa", LegalForm.InformalGroup, null, 1, GroupLocation.InDistrict("050108", "Quinua"), Instants.Now);
        var revision = group.Revision;

        Assert.Throws<ArgumentException>(() => group.ChangeRepresentativeMobile("987654321", Instants.Now));
        group.ChangeRepresentativeMobile("+51987654321", Instants.Now);
        var changed = group.Revision;
        group.ChangeRepresentativeMobile("+51987654321", Instants.Now);

        Assert.Equal("+51987654321", group.RepresentativeMobile);
        Assert.True(changed > revision);
        Assert.Equal(changed, group.Revision);
    }

    [Fact]
    public void A_group_without_an_account_is_reached_at_its_mobile_by_sms_only()
    {
        var recipient = Recipients.OfGroup(null, null, "+51987654321");

        Assert.Equal(new NotificationRecipient(null, "+51987654321", ContactPreference.Sms), recipient);
        Assert.True(recipient!.WantsSms);
        Assert.False(recipient.WantsEmail);
    }

    [Fact]
    public void A_group_with_an_account_is_reached_as_the_account_chose_even_with_a_mobile_of_its_own()
    {
        var account = new NotificationRecipient("rosa@correo.pe", null, ContactPreference.Email);

        Assert.Same(account, Recipients.OfGroup("rep", account, "+51987654321"));
        Assert.Null(Recipients.OfGroup("rep", null, "+51987654321"));
    }

    [Fact]
    public void A_group_with_neither_an_account_nor_a_mobile_is_reached_by_nobody() =>
        Assert.Null(Recipients.OfGroup(null, null, null));

    [Theory]
    [InlineData(ContactPreference.Email)]
    [InlineData(ContactPreference.Sms)]
    [InlineData(ContactPreference.Both)]
    public void An_account_with_neither_an_email_nor_a_mobile_wants_no_channel_whatever_it_chose(ContactPreference choice)
    {
        // The results' recipients no longer leave such accounts out: NotifyAsync queues only the channels wanted.
        var recipient = Recipients.OfGroup("rep", new NotificationRecipient(null, null, choice), "+51987654321");

        Assert.False(recipient!.WantsEmail);
        Assert.False(recipient.WantsSms);
    }
}
