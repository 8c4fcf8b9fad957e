using Comity.Domain.Cooperation;

namespace Comity.Domain.Tests.Cooperation;

/// <summary>Walks every kind's table: reachability, final states, and every illegal pair refused with its code.</summary>
public sealed class TransitionTableTests
{
    public static TheoryData<RequestKind> Kinds => new(RequestKinds.All);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryState_IsReachableFromNew(RequestKind kind)
    {
        var table = kind.Profile().Transitions;
        var paths = RequestBuilder.PathsTo(kind);

        Assert.Equal(table.States.Order(), paths.Keys.Order());
        foreach (var (state, path) in paths)
        {
            Assert.Equal(state, RequestBuilder.Walk(kind, path).State);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void FinalStates_AreClosed_AndEveryOtherStateCanReachOne(RequestKind kind)
    {
        var table = kind.Profile().Transitions;

        Assert.All(table.States.Where(s => s.IsFinal()), s => Assert.Empty(table.AllowedIn(s)));
        Assert.All(table.States.Where(s => !s.IsFinal()), s =>
        {
            var seen = new HashSet<RequestState>();
            var frontier = new Stack<RequestState>([s]);
            while (frontier.TryPop(out var state))
            {
                foreach (var t in table.Transitions.Where(t => t.From == state && seen.Add(t.To)))
                {
                    frontier.Push(t.To);
                }
            }

            Assert.Contains(seen, x => x.IsFinal());
        });
        // Spontaneous information was never asked for: there is nothing to withdraw or refuse.
        Assert.Equal(kind != RequestKind.SpontaneousInformation, table.States.Contains(RequestState.Withdrawn));
        Assert.Equal(kind != RequestKind.SpontaneousInformation, table.States.Contains(RequestState.Refused));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryPairOutsideTheTable_IsRefusedWithItsCode_AndEveryPairInsideIsAccepted(RequestKind kind)
    {
        var table = kind.Profile().Transitions;
        var checkedPairs = 0;
        foreach (var (state, path) in RequestBuilder.PathsTo(kind))
        {
            var walked = RequestBuilder.Walk(kind, path);
            foreach (var type in RequestEventTypes.All)
            {
                var history = walked.PreparedFor(type);
                var next = RequestBuilder.Event(type, RequestBuilder.Start.Plus(NodaTime.Duration.FromDays(1)), history.Current);
                var result = history.Append(next);
                if (table.Next(state, type) is RequestState to)
                {
                    Assert.True(result.IsValid, $"{kind} {state} {type}: {string.Join("; ", result.Problems)}");
                    Assert.Equal(to, result.History!.State);
                }
                else
                {
                    // A guard may add its own problem (a status answer with no inquiry open); the table's comes first.
                    var problem = result.Problems[0];
                    Assert.Single(result.Problems, p => p.Code == "request.transition-not-allowed");
                    Assert.Equal("request.transition-not-allowed", problem.Code);
                    Assert.Equal(nameof(EventsMustFollowTheTransitionTable), problem.Rule);
                    Assert.Equal(kind.Basis(), problem.Basis);
                    Assert.Null(result.History);
                }

                checkedPairs++;
            }
        }

        Assert.Equal(table.States.Count * RequestEventTypes.All.Count, checkedPairs);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EverySideRecordingTheOthersEvent_IsRefused(RequestKind kind)
    {
        foreach (var (_, path) in RequestBuilder.PathsTo(kind))
        {
            var walked = RequestBuilder.Walk(kind, path);
            foreach (var type in walked.Kind.Profile().Transitions.AllowedIn(walked.State))
            {
                var history = walked.PreparedFor(type);
                var own = RequestBuilder.Event(type, RequestBuilder.Start.Plus(NodaTime.Duration.FromDays(1)), history.Current);
                var result = history.Append(own with { By = own.By.Other() });

                var problem = Assert.Single(result.Problems);
                Assert.Equal(("request.wrong-side", "by"), (problem.Code, problem.Field));
            }
        }
    }

    [Fact]
    public void AllowedIn_BySide_IsWhatEachSideMayDoNext()
    {
        var table = RequestKindProfiles.ExpeditedPreservation.Transitions;

        Assert.Equal([RequestEventType.ExtensionRequested, RequestEventType.FollowUpLinked, RequestEventType.Withdrawn], table.AllowedIn(RequestState.Preserved, Side.Requesting));
        Assert.Equal([RequestEventType.PreservationExtended, RequestEventType.Closed], table.AllowedIn(RequestState.Preserved, Side.Requested));
        Assert.Equal([RequestEventType.Submitted], table.AllowedIn(RequestState.New, Side.Requesting));
    }

    [Fact]
    public void Table_WithTwoTransitionsForOnePair_IsABug()
    {
        Assert.Throws<ArgumentException>(() => new TransitionTable([
            new(RequestState.New, RequestEventType.Submitted, RequestState.Submitted),
            new(RequestState.New, RequestEventType.Submitted, RequestState.Received),
        ]));
    }
}
