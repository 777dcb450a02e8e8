using HakuWinay.Contests.Judging;

namespace HakuWinay.Contests.Tests.Judging;

public sealed class JudgingEntityTests
{
    [Fact]
    public void A_scorecard_starts_once_and_is_then_started()
    {
        var scorecard = new Scorecard(1, 2, "j1", "admin", Instants.Now);

        scorecard.Start(Instants.Now.AddHours(1), enteredByAdminUserId: "admin");

        Assert.Equal(ScorecardStatus.Draft, scorecard.Status);
        Assert.True(scorecard.IsStarted);
        Assert.Equal("admin", scorecard.EnteredByAdminUserId);
        Assert.Throws<InvalidOperationException>(() => scorecard.Start(Instants.Now));
    }

    [Fact]
    public void Only_a_started_scorecard_is_excluded_and_it_keeps_its_start()
    {
        var scorecard = new Scorecard(1, 2, "j1", "admin", Instants.Now);
        Assert.Throws<InvalidOperationException>(() => scorecard.Exclude("conflicto", Instants.Now));

        scorecard.Start(Instants.Now);
        scorecard.Exclude("  conflicto  ", Instants.Now.AddDays(1));
        scorecard.Exclude("otra vez", Instants.Now.AddDays(2));

        Assert.Equal(ScorecardStatus.Excluded, scorecard.Status);
        Assert.False(scorecard.IsActive);
        Assert.True(scorecard.IsStarted);
        Assert.Equal(("conflicto", Instants.Now.AddDays(1)), (scorecard.ExclusionReason, scorecard.ExcludedAtUtc));
    }

    [Theory]
    [InlineData(ConflictKind.Other, null, "Judging.OtherNeedsNote")]
    [InlineData(ConflictKind.Other, "   ", "Judging.OtherNeedsNote")]
    [InlineData((ConflictKind)9, "nota", "Judging.ConflictKindUnknown")]
    [InlineData(ConflictKind.Kinship, null, null)]
    [InlineData(ConflictKind.Other, "Fue mi socio", null)]
    public void A_conflict_note_fits_its_kind(ConflictKind kind, string? note, string? problem)
    {
        Assert.Equal(problem, ConflictOfInterest.CheckNote(kind, note));
        if (problem is null)
        {
            Assert.Equal(note, new ConflictOfInterest(1, "j1", 2, kind, note, "j1", false, Instants.Now).Note);
        }
        else
        {
            Assert.Throws<ArgumentException>(() => new ConflictOfInterest(1, "j1", 2, kind, note, "j1", false, Instants.Now));
        }
    }

    [Fact]
    public void A_note_longer_than_the_limit_is_refused_not_cut()
    {
        Assert.Equal("Judging.NoteTooLong", ConflictOfInterest.CheckNote(ConflictKind.Kinship, new string('a', ConflictOfInterest.MaxNoteLength + 1)));
        Assert.Null(ConflictOfInterest.CheckNote(ConflictKind.Kinship, new string('a', ConflictOfInterest.MaxNoteLength)));
    }
}
