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

    [Fact]
    public void Recording_starts_the_scorecard_replaces_its_points_and_trims_comments()
    {
        var scorecard = new Scorecard(1, 2, "j1", "admin", Instants.Now);

        scorecard.Record(new Dictionary<int, (decimal?, string?)> { [10] = (5m, "  bien "), [11] = (null, "   ") }, " general ", Instants.Now.AddHours(1));
        scorecard.Record(new Dictionary<int, (decimal?, string?)> { [11] = (7.5m, null), [12] = (3m, "nuevo") }, null, Instants.Now.AddHours(2));

        Assert.Equal(ScorecardStatus.Draft, scorecard.Status);
        Assert.Equal(Instants.Now.AddHours(1), scorecard.StartedAtUtc);
        Assert.Null(scorecard.EnteredByAdminUserId);
        Assert.Null(scorecard.OverallComment);
        Assert.Equal([(11, (decimal?)7.5m, (string?)null), (12, 3m, "nuevo")],
            scorecard.Points.OrderBy(p => p.ContestCriterionId).Select(p => (p.ContestCriterionId, p.Points, p.Comment)).ToList());
    }

    [Fact]
    public void A_submitted_scorecard_is_locked_until_reopened()
    {
        var scorecard = new Scorecard(1, 2, "j1", "admin", Instants.Now);
        Assert.Throws<InvalidOperationException>(() => scorecard.Submit(Instants.Now));
        scorecard.Record(new Dictionary<int, (decimal?, string?)> { [10] = (5m, null) }, null, Instants.Now, enteredByAdminUserId: "admin");

        scorecard.Submit(Instants.Now.AddHours(1));

        Assert.Equal((ScorecardStatus.Submitted, Instants.Now.AddHours(1)), (scorecard.Status, scorecard.SubmittedAtUtc));
        Assert.False(scorecard.IsOpen);
        Assert.Equal("admin", scorecard.EnteredByAdminUserId);
        Assert.Throws<InvalidOperationException>(() => scorecard.Submit(Instants.Now.AddHours(2)));
        Assert.Throws<InvalidOperationException>(() => scorecard.Record(new Dictionary<int, (decimal?, string?)>(), null, Instants.Now));

        scorecard.Reopen();

        Assert.Equal((ScorecardStatus.Draft, (DateTime?)null), (scorecard.Status, scorecard.SubmittedAtUtc));
        Assert.Throws<InvalidOperationException>(scorecard.Reopen);
    }

    [Fact]
    public void An_excluded_scorecard_cannot_be_recorded_submitted_or_reopened()
    {
        var scorecard = new Scorecard(1, 2, "j1", "admin", Instants.Now);
        scorecard.Start(Instants.Now);
        scorecard.Exclude("conflicto", Instants.Now);

        Assert.Throws<InvalidOperationException>(() => scorecard.Record(new Dictionary<int, (decimal?, string?)>(), null, Instants.Now));
        Assert.Throws<InvalidOperationException>(() => scorecard.Submit(Instants.Now));
        Assert.Throws<InvalidOperationException>(scorecard.Reopen);
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
