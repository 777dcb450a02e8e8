namespace HakuWinay.Contests.Judging;

/// <summary>An eligible profile to be scored, and the group it belongs to (conflicts are per group).</summary>
public sealed record AssignmentProfile(int ProfileId, int GroupId);

/// <summary>One juror on one profile.</summary>
public readonly record struct Seat(int ProfileId, string JurorId);

/// <summary>A scorecard that already exists for the stage; a started one is never moved or removed.</summary>
public sealed record ExistingSeat(int ProfileId, string JurorId, bool Started);

public sealed record AssignmentInput(
    IReadOnlyList<AssignmentProfile> Profiles,
    IReadOnlyList<string> Jurors,
    int JurorsPerProfile,
    IReadOnlyCollection<(string JurorId, int GroupId)> Conflicts,
    IReadOnlyList<ExistingSeat> Existing,
    int Seed,
    IReadOnlyCollection<Seat>? Blocked = null);

public enum UnfilledReason
{
    /// <summary>The stage has fewer appointed jurors than jurors per profile.</summary>
    TooFewJurors,
    /// <summary>Enough jurors are appointed, but too many have a conflict with the group (or were excluded from it).</summary>
    Conflicts,
}

public sealed record UnfilledProfile(int ProfileId, int Assigned, int Missing, UnfilledReason Reason);

public enum BalanceProblem
{
    None,
    /// <summary>Some juror already holds more started (or kept) scorecards than a balanced share.</summary>
    ExistingAssignmentsTooHeavy,
    /// <summary>Conflicts and the scorecards already kept leave no way to give every juror a balanced share.</summary>
    RestrictedCandidates,
}

public sealed record AssignmentPlan(
    IReadOnlyList<Seat> Assignment,
    IReadOnlyList<Seat> Added,
    IReadOnlyList<Seat> Removed,
    IReadOnlyList<UnfilledProfile> Unfilled,
    BalanceProblem Balance,
    IReadOnlyDictionary<string, int> Loads)
{
    public bool IsBalanced => Balance == BalanceProblem.None;
}

/// <summary>
/// Balanced assignment of jurors to profiles, as a flow problem (see docs/judging.md). Pure: no
/// database, no clock; the same input and seed always give the same plan.
/// <list type="bullet">
/// <item>Started scorecards stay. Existing not-started ones stay unless their juror is conflicted,
/// blocked, no longer appointed, or their profile no longer eligible; those are removed.</item>
/// <item>Each profile is filled up to K with non-conflicted jurors; when too few exist it is reported.</item>
/// <item>Loads (existing included) differ by at most one whenever any assignment allows it; otherwise
/// the largest load is as small as possible and the plan says why balance was impossible.</item>
/// </list>
/// </summary>
public static class BalancedAssignment
{
    public static AssignmentPlan Plan(AssignmentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.JurorsPerProfile < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(input), "At least one juror per profile.");
        }
        var random = new Random(input.Seed);
        var jurors = input.Jurors.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var jurorSet = jurors.ToHashSet(StringComparer.Ordinal);
        var profiles = input.Profiles.DistinctBy(p => p.ProfileId).OrderBy(p => p.ProfileId).ToList();
        var groupOf = profiles.ToDictionary(p => p.ProfileId, p => p.GroupId);
        var conflicts = input.Conflicts.ToHashSet();
        var blocked = (input.Blocked ?? []).ToHashSet();
        bool Conflicted(string juror, int profileId) => conflicts.Contains((juror, groupOf[profileId])) || blocked.Contains(new Seat(profileId, juror));

        // 1. What stays and what goes.
        var kept = new List<ExistingSeat>();
        var removed = new List<Seat>();
        foreach (var seat in input.Existing.DistinctBy(s => new Seat(s.ProfileId, s.JurorId))
                     .OrderBy(s => s.ProfileId).ThenBy(s => s.JurorId, StringComparer.Ordinal))
        {
            var valid = jurorSet.Contains(seat.JurorId) && groupOf.ContainsKey(seat.ProfileId) && !Conflicted(seat.JurorId, seat.ProfileId);
            if (seat.Started || valid)
            {
                kept.Add(seat);
            }
            else
            {
                removed.Add(new Seat(seat.ProfileId, seat.JurorId));
            }
        }
        var loads = jurors.ToDictionary(j => j, j => kept.Count(s => s.JurorId == j), StringComparer.Ordinal);
        // A profile with more than K (K was lowered) loses its extra not-started seats, busiest jurors first.
        foreach (var crowded in kept.GroupBy(s => s.ProfileId).Where(g => g.Count() > input.JurorsPerProfile).ToList())
        {
            var extra = crowded.Count() - input.JurorsPerProfile;
            foreach (var seat in crowded.Where(s => !s.Started && loads.ContainsKey(s.JurorId))
                         .OrderByDescending(s => loads[s.JurorId]).ThenBy(s => s.JurorId, StringComparer.Ordinal).Take(extra).ToList())
            {
                kept.Remove(seat);
                loads[seat.JurorId]--;
                removed.Add(new Seat(seat.ProfileId, seat.JurorId));
            }
        }

        // 2. What each profile still needs, and who may take it.
        var unfilled = new List<UnfilledProfile>();
        var needs = new List<(int ProfileId, int Need, List<int> Candidates)>();
        foreach (var profile in profiles)
        {
            var seated = kept.Where(s => s.ProfileId == profile.ProfileId).Select(s => s.JurorId).ToHashSet(StringComparer.Ordinal);
            var need = Math.Max(0, input.JurorsPerProfile - seated.Count);
            var candidates = Enumerable.Range(0, jurors.Count)
                .Where(j => !seated.Contains(jurors[j]) && !Conflicted(jurors[j], profile.ProfileId)).ToList();
            if (candidates.Count < need)
            {
                var reason = jurors.Count < input.JurorsPerProfile ? UnfilledReason.TooFewJurors : UnfilledReason.Conflicts;
                unfilled.Add(new UnfilledProfile(profile.ProfileId, seated.Count + candidates.Count, need - candidates.Count, reason));
                need = candidates.Count;
            }
            if (need > 0)
            {
                Shuffle(candidates, random);
                needs.Add((profile.ProfileId, need, candidates));
            }
        }
        Shuffle(needs, random);

        // 3. Fill the needs through a flow network, balanced if at all possible.
        var added = new List<Seat>();
        var balance = BalanceProblem.None;
        if (needs.Count > 0)
        {
            var current = jurors.Select(j => loads[j]).ToArray();
            var total = current.Sum() + needs.Sum(n => n.Need);
            var low = total / jurors.Count;
            var high = low + (total % jurors.Count == 0 ? 0 : 1);
            var network = new SeatNetwork(needs.Select(n => (n.Need, (IReadOnlyList<int>)n.Candidates)).ToList(), jurors.Count);
            var filled = false;
            if (current.Any(l => l > high))
            {
                balance = BalanceProblem.ExistingAssignmentsTooHeavy;
            }
            else if (network.Fill(current.Select(l => Math.Max(0, low - l)).ToArray()) == current.Sum(l => Math.Max(0, low - l))
                     && network.Fill(current.Select(l => high - l).ToArray()) == needs.Sum(n => n.Need))
            {
                filled = true;
            }
            else
            {
                balance = BalanceProblem.RestrictedCandidates;
            }
            if (!filled)
            {
                // No balanced plan exists: make the busiest juror as little busy as possible.
                for (var cap = Math.Max(high, current.Max()); ; cap++)
                {
                    network = new SeatNetwork(needs.Select(n => (n.Need, (IReadOnlyList<int>)n.Candidates)).ToList(), jurors.Count);
                    if (network.Fill(current.Select(l => cap - l).ToArray()) == needs.Sum(n => n.Need))
                    {
                        break;
                    }
                }
            }
            foreach (var (need, juror) in network.Seats())
            {
                added.Add(new Seat(needs[need].ProfileId, jurors[juror]));
                loads[jurors[juror]]++;
            }
        }
        else if (jurors.Count > 0 && loads.Values.Max() - loads.Values.Min() > 1)
        {
            balance = BalanceProblem.ExistingAssignmentsTooHeavy;
        }

        var assignment = kept.Select(s => new Seat(s.ProfileId, s.JurorId)).Concat(added)
            .OrderBy(s => s.ProfileId).ThenBy(s => s.JurorId, StringComparer.Ordinal).ToList();
        return new AssignmentPlan(assignment, Sorted(added), Sorted(removed), unfilled, balance, loads);
    }

    private static List<Seat> Sorted(IEnumerable<Seat> seats) => seats.OrderBy(s => s.ProfileId).ThenBy(s => s.JurorId, StringComparer.Ordinal).ToList();

    private static void Shuffle<T>(List<T> items, Random random)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>
    /// Source → need (capacity: seats missing) → juror (1 if allowed) → sink (the juror's room).
    /// <see cref="Fill"/> raises the jurors' room and augments (Edmonds–Karp); augmenting never
    /// lowers the flow into the sink, so a first fill with the lower bounds and a second with the
    /// upper bounds finds a plan within both whenever one exists.
    /// </summary>
    private sealed class SeatNetwork
    {
        private readonly List<(int To, int Capacity, int Reverse)>[] _edges;
        private readonly int _needs;
        private readonly int[] _jurorEdge;
        private int _flow;

        public SeatNetwork(IReadOnlyList<(int Need, IReadOnlyList<int> Candidates)> needs, int jurors)
        {
            _needs = needs.Count;
            _edges = new List<(int, int, int)>[2 + _needs + jurors];
            for (var i = 0; i < _edges.Length; i++)
            {
                _edges[i] = [];
            }
            for (var n = 0; n < _needs; n++)
            {
                Add(Source, NeedNode(n), needs[n].Need);
                foreach (var juror in needs[n].Candidates)
                {
                    Add(NeedNode(n), JurorNode(juror), 1);
                }
            }
            _jurorEdge = new int[jurors];
            for (var j = 0; j < jurors; j++)
            {
                _jurorEdge[j] = _edges[JurorNode(j)].Count;
                Add(JurorNode(j), Sink, 0);
            }
        }

        private static int Source => 0;
        private int Sink => _edges.Length - 1;
        private static int NeedNode(int n) => 1 + n;
        private int JurorNode(int j) => 1 + _needs + j;

        /// <summary>Lets each juror take up to <paramref name="room"/> seats in all (never less than before); returns the seats filled.</summary>
        public int Fill(int[] room)
        {
            for (var j = 0; j < room.Length; j++)
            {
                var node = JurorNode(j);
                var (to, capacity, reverse) = _edges[node][_jurorEdge[j]];
                var used = _edges[Sink][reverse].Capacity;
                _edges[node][_jurorEdge[j]] = (to, Math.Max(0, room[j] - used), reverse);
            }
            while (Augment())
            {
                _flow++;
            }
            return _flow;
        }

        /// <summary>The (need, juror) pairs that carry flow.</summary>
        public IEnumerable<(int Need, int Juror)> Seats()
        {
            for (var n = 0; n < _needs; n++)
            {
                foreach (var (to, capacity, _) in _edges[NeedNode(n)])
                {
                    if (to > _needs && to != Sink && to != Source && capacity == 0)
                    {
                        yield return (n, to - 1 - _needs);
                    }
                }
            }
        }

        private void Add(int from, int to, int capacity)
        {
            _edges[from].Add((to, capacity, _edges[to].Count));
            _edges[to].Add((from, 0, _edges[from].Count - 1));
        }

        /// <summary>One unit along a shortest path with room, found breadth first in the (shuffled) edge order.</summary>
        private bool Augment()
        {
            var previous = new (int Node, int Edge)[_edges.Length];
            Array.Fill(previous, (-1, -1));
            previous[Source] = (Source, -1);
            var queue = new Queue<int>();
            queue.Enqueue(Source);
            while (queue.Count > 0 && previous[Sink].Node < 0)
            {
                var node = queue.Dequeue();
                for (var e = 0; e < _edges[node].Count; e++)
                {
                    var (to, capacity, _) = _edges[node][e];
                    if (capacity > 0 && previous[to].Node < 0)
                    {
                        previous[to] = (node, e);
                        queue.Enqueue(to);
                    }
                }
            }
            if (previous[Sink].Node < 0)
            {
                return false;
            }
            for (var node = Sink; node != Source; node = previous[node].Node)
            {
                var (from, e) = previous[node];
                var (to, capacity, reverse) = _edges[from][e];
                _edges[from][e] = (to, capacity - 1, reverse);
                var back = _edges[to][reverse];
                _edges[to][reverse] = (back.To, back.Capacity + 1, back.Reverse);
            }
            return true;
        }
    }
}
