using HakuWinay.Contests.Common;
using HakuWinay.Contests.Web.Components.Shared;

namespace HakuWinay.Contests.Web.Tests.Components;

/// <summary>A resumed circuit's draft goes back only to the account and record it was typed for (docs/decisions/026-circuit-state.md).</summary>
public sealed class KeptDraftTests
{
    private static readonly ActingUser Juror = new("juror-1");
    private static readonly Guid Version = Guid.NewGuid();

    private static KeptDraft<string> Kept() => KeptDraft<string>.Of(Juror, recordId: 38, Version, "18 puntos");

    [Fact]
    public void The_same_account_gets_its_draft_of_the_same_record_back()
    {
        Assert.Equal("18 puntos", KeptDraft<string>.Take(Kept(), Juror, 38)?.Input);
    }

    [Fact]
    public void Another_account_signed_in_on_the_tab_never_gets_it()
    {
        Assert.Null(KeptDraft<string>.Take(Kept(), new ActingUser("juror-2"), 38));
        Assert.Null(KeptDraft<string>.Take(Kept(), null, 38));
    }

    [Fact]
    public void A_draft_of_another_record_is_not_taken()
    {
        Assert.Null(KeptDraft<string>.Take(Kept(), Juror, 39));
    }

    [Fact]
    public void A_record_saved_since_makes_the_draft_stale()
    {
        Assert.False(Kept().IsStale(Version));
        Assert.True(Kept().IsStale(Guid.NewGuid()));
    }
}
