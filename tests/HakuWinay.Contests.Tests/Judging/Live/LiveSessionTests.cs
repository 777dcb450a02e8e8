using CsCheck;
using HakuWinay.Contests.Judging.Live;

namespace HakuWinay.Contests.Tests.Judging.Live;

public sealed class LiveSessionTests
{
    private static readonly DateTime Now = Instants.Now;

    private static LiveSession Drawn(params int[] profiles)
    {
        var session = new LiveSession(1, 2);
        session.Draw(7, profiles.Length == 0 ? [10, 11, 12] : profiles, "admin", Now);
        return session;
    }

    [Fact]
    public void The_same_seed_and_profiles_always_give_the_same_order_whatever_order_they_come_in()
    {
        Gen.Select(Gen.Int[1, 500].Array[1, 40], Gen.Int[0, LiveSession.MaxSeed]).Sample((ids, seed) =>
        {
            var order = LiveSession.DrawOrder(seed, ids);

            Assert.Equal(order, LiveSession.DrawOrder(seed, ids.Reverse()));
            Assert.Equal(ids.Distinct().Order(), order.Order());
        }, iter: 2_000);
    }

    [Fact]
    public void A_draw_records_the_seed_the_order_who_and_when()
    {
        var session = Drawn(10, 11, 12, 13);

        Assert.Equal(7, session.Seed);
        Assert.Equal(LiveSession.DrawOrder(7, [10, 11, 12, 13]), session.Order);
        Assert.Equal(("admin", Now), (session.DrawnByUserId, session.DrawnAtUtc));
        Assert.Null(session.CurrentProfileId);
        Assert.False(session.IsStarted);
    }

    [Fact]
    public void Advancing_walks_the_order_and_each_new_presenter_starts_with_a_stopped_timer_and_hidden_score()
    {
        var session = Drawn();
        session.Advance(Now);
        session.StartTimer(Now.AddMinutes(1));
        session.Reveal();

        session.Advance(Now.AddMinutes(12));

        Assert.Equal(session.Order[1], session.CurrentProfileId);
        Assert.Equal(Now, session.StartedAtUtc);
        Assert.Null(session.TimerStartedAtUtc);
        Assert.False(session.ScoreRevealed);
        session.Back();
        Assert.Equal(session.Order[0], session.CurrentProfileId);
    }

    [Fact]
    public void The_order_cannot_be_drawn_again_once_the_first_presenter_started()
    {
        var session = Drawn();
        session.Draw(8, [10, 11, 12], "admin", Now);
        Assert.Equal(8, session.Seed);
        session.Advance(Now);

        Assert.Throws<InvalidOperationException>(() => session.Draw(9, [10, 11, 12], "admin", Now));
        Assert.Equal(8, session.Seed);
    }

    [Fact]
    public void Invariants_are_guarded()
    {
        var undrawn = new LiveSession(1, 2);
        Assert.Throws<InvalidOperationException>(() => undrawn.Advance(Now));
        Assert.Throws<InvalidOperationException>(() => undrawn.Draw(1, [], "admin", Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => undrawn.Draw(-1, [1], "admin", Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => undrawn.SetPresentationMinutes(0));
        var session = Drawn(10);
        Assert.Throws<InvalidOperationException>(() => session.Reveal());
        Assert.Throws<InvalidOperationException>(() => session.StartTimer(Now));
        session.Advance(Now);
        Assert.Throws<InvalidOperationException>(() => session.Advance(Now));
        Assert.Throws<InvalidOperationException>(() => session.Back());
        session.End(Now);
        Assert.Null(session.CurrentProfileId);
        Assert.Throws<InvalidOperationException>(() => session.Reveal());
        Assert.Throws<InvalidOperationException>(() => session.End(Now));
    }

    [Fact]
    public void The_timer_ends_after_the_presentation_minutes()
    {
        var session = Drawn();
        session.SetPresentationMinutes(7);
        session.Advance(Now);
        session.StartTimer(Now);

        Assert.Equal(Now.AddMinutes(7), session.TimerEndsAtUtc);
        var timer = new LiveTimer(session.TimerStartedAtUtc, session.PresentationMinutes);
        Assert.Equal(TimeSpan.FromMinutes(2), timer.RemainingAt(Now.AddMinutes(5)));
        session.ResetTimer();
        Assert.Null(session.TimerEndsAtUtc);
    }
}
