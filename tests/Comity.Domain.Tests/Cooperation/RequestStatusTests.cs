using Comity.Domain.Cooperation;
using Comity.Domain.Legal;
using CsCheck;
using NodaTime;

namespace Comity.Domain.Tests.Cooperation;

public sealed class RequestStatusTests
{
    private static readonly Instant T = RequestBuilder.Start;
    private static readonly CooperationClockSettings Settings = CooperationClockSettings.Default;

    [Fact]
    [Trait("Article", "41")]
    public void AcknowledgementDue_RunsFromSubmission_PerKind_AndStopsAtAcknowledgement()
    {
        var emergency = RequestHistory.Start(RequestKind.EmergencyDisclosure).Then(RequestEventType.Submitted, T);
        var advice = RequestHistory.Start(RequestKind.TechnicalAdvice).Then(RequestEventType.Submitted, T);

        var status = emergency.StatusAt(T.Plus(Duration.FromMinutes(5)), Settings);
        Assert.Equal(T.Plus(Duration.FromMinutes(15)), status.AcknowledgementDue);
        Assert.Equal(Duration.FromMinutes(10), status.Clocks.Single(c => c.Deadline.Kind == DeadlineKind.Acknowledgement).Remaining);
        Assert.False(status.IsAcknowledgementOverdue);
        Assert.True(emergency.StatusAt(T.Plus(Duration.FromMinutes(15)), Settings).IsAcknowledgementOverdue);
        Assert.Equal(T.Plus(Duration.FromHours(24)), advice.StatusAt(T, Settings).AcknowledgementDue);

        var received = emergency.Then(RequestEventType.Received, T.Plus(Duration.FromMinutes(1)));
        Assert.Equal(T.Plus(Duration.FromMinutes(15)), received.StatusAt(T, Settings).AcknowledgementDue);
        var acknowledged = received.Then(RequestEventType.Acknowledged, T.Plus(Duration.FromMinutes(20)));
        Assert.Null(acknowledged.StatusAt(T.Plus(Duration.FromHours(1)), Settings).AcknowledgementDue);
    }

    [Fact]
    [Trait("Article", "42")]
    public void Preserved_ForNinetyDays_ExpiresThenWithRemindersFourteenAndThreeDaysBefore()
    {
        var preservedAt = T.Plus(Duration.FromHours(2));
        var history = RequestHistory.Start(RequestKind.ExpeditedPreservation)
            .Then(RequestEventType.Submitted, T)
            .Then(RequestEventType.Received, T.Plus(Duration.FromMinutes(1)))
            .Then(RequestEventType.Acknowledged, T.Plus(Duration.FromMinutes(30)))
            .Then(RequestEventType.Preserved, preservedAt, days: 90);

        var status = history.StatusAt(preservedAt, Settings);

        var until = preservedAt.Plus(Duration.FromDays(90));
        Assert.Equal(until, status.PreservationExpiresAt);
        Assert.Equal([until.Minus(Duration.FromDays(14)), until.Minus(Duration.FromDays(3))], status.PreservationReminders);
        Assert.All(status.Deadlines, d => Assert.Equal(Convention.Art(42), d.Basis));

        // Waiting for the follow-up is what a preservation is for: no stale clock, the first reminder comes next.
        Assert.Null(status.StaleAt);
        Assert.Equal(until.Minus(Duration.FromDays(14)), status.NextDue);
        Assert.False(status.IsPreservationLapsed);
        Assert.True(history.StatusAt(until, Settings).IsPreservationLapsed);
        Assert.Equal(Duration.Zero, history.StatusAt(until.Plus(Duration.FromDays(5)), Settings).Clocks.Single(c => c.Deadline.Kind == DeadlineKind.PreservationExpiry).Remaining);
    }

    [Fact]
    [Trait("Article", "42")]
    public void Reminders_EndOnceTheFollowUpIsLinked_TheExpiryStays()
    {
        var preservedAt = T.Plus(Duration.FromHours(2));
        var history = RequestHistory.Start(RequestKind.ExpeditedPreservation)
            .Then(RequestEventType.Submitted, T)
            .Then(RequestEventType.Received, T.Plus(Duration.FromMinutes(1)))
            .Then(RequestEventType.Acknowledged, T.Plus(Duration.FromMinutes(30)))
            .Then(RequestEventType.Preserved, preservedAt, days: 90);
        Assert.Equal(2, history.StatusAt(preservedAt, Settings).PreservationReminders.Count);

        var linked = history.Then(RequestEventType.FollowUpLinked, preservedAt.Plus(Duration.FromDays(10)));
        var status = linked.StatusAt(preservedAt.Plus(Duration.FromDays(80)), Settings);

        Assert.Empty(status.PreservationReminders);
        Assert.Equal(preservedAt.Plus(Duration.FromDays(90)), status.PreservationExpiresAt);
    }

    [Fact]
    [Trait("Article", "42")]
    public void Reminders_BeforeThePreservationWasSet_AreDropped()
    {
        var settings = Settings with { PreservationRemindersBeforeExpiry = [Duration.FromDays(95), Duration.FromDays(14)] };
        var history = RequestBuilder.Walk(RequestKind.ExpeditedPreservation, RequestBuilder.PathsTo(RequestKind.ExpeditedPreservation)[RequestState.Preserved]);

        var status = history.StatusAt(T, settings);

        Assert.Equal([status.PreservationExpiresAt!.Value.Minus(Duration.FromDays(14))], status.PreservationReminders);
    }

    [Fact]
    public void Stale_AfterNoMovement_AndEveryEventResetsIt()
    {
        var submitted = RequestHistory.Start(RequestKind.LocateSuspect).Then(RequestEventType.Submitted, T);
        Assert.Equal(T.Plus(Duration.FromDays(7)), submitted.StatusAt(T, Settings).StaleAt);
        Assert.True(submitted.StatusAt(T.Plus(Duration.FromDays(7)), Settings).IsStale);

        var received = submitted.Then(RequestEventType.Received, T.Plus(Duration.FromDays(2)));
        Assert.Equal(T.Plus(Duration.FromDays(9)), received.StatusAt(T, Settings).StaleAt);
    }

    [Theory]
    [InlineData(RequestEventType.Withdrawn)]
    [InlineData(RequestEventType.Closed)]
    public void WithdrawnOrClosedPreservation_HasNoRunningClocks(RequestEventType end)
    {
        var history = RequestBuilder.Walk(RequestKind.ExpeditedPreservation, RequestBuilder.PathsTo(RequestKind.ExpeditedPreservation)[RequestState.Preserved])
            .Then(end, T.Plus(Duration.FromDays(10)));

        var status = history.StatusAt(T.Plus(Duration.FromDays(11)), Settings);

        Assert.True(status.State.IsFinal());
        Assert.Empty(status.Deadlines);
        Assert.Empty(status.Clocks);
        Assert.Null(status.NextDue);
        Assert.False(status.IsPreservationLapsed || status.IsStale || status.IsAcknowledgementOverdue);
    }

    [Fact]
    public void NewRequest_HasNoClocks()
    {
        Assert.Empty(RequestHistory.Start(RequestKind.TechnicalAdvice).StatusAt(T, Settings).Deadlines);
    }

    [Fact]
    [Trait("Article", "36")]
    public void Conditions_OfTheRequestAndItsAnswer_CombineToTheMostRestrictive()
    {
        var request = new HandlingConditions { Confidentiality = Confidentiality.DoNotNotifyHolder, RetentionDays = 180 };
        var answer = new HandlingConditions { UseLimitation = UseLimitation.StatedPurposeOnly, OnwardTransfer = OnwardTransfer.Prohibited, RetentionDays = 365 };
        var history = RequestHistory.Start(RequestKind.EmergencyDisclosure)
            .Then(RequestEventType.Submitted, T, conditions: request)
            .Then(RequestEventType.Received, T)
            .Then(RequestEventType.Acknowledged, T)
            .Then(RequestEventType.Disclosed, T, conditions: answer);

        Assert.Equal(
            new HandlingConditions
            {
                Confidentiality = Confidentiality.DoNotNotifyHolder,
                UseLimitation = UseLimitation.StatedPurposeOnly,
                OnwardTransfer = OnwardTransfer.Prohibited,
                RetentionDays = 180,
            },
            history.Current.Conditions);
    }

    [Fact]
    public void Clocks_AreNeverNegative_AndDueExactlyWhenReached()
    {
        Gen.Select(RequestBuilder.Histories, Gen.Int[-100, 400 * 24]).Sample((history, hours) =>
        {
            var now = RequestBuilder.Start.Plus(Duration.FromHours(hours));
            var status = history.StatusAt(now, Settings);
            Assert.All(status.Clocks, c =>
            {
                Assert.True(c.Remaining >= Duration.Zero);
                Assert.Equal(c.Deadline.Due <= now, c.IsDue);
                Assert.Equal(c.IsDue ? Duration.Zero : c.Deadline.Due - now, c.Remaining);
            });
            Assert.Equal(status.Deadlines.OrderBy(d => d.Due), status.Deadlines);
        });
    }

    [Fact]
    public void FinalStates_StopEveryClock_AndOnlyPreservedHasAnExpiry()
    {
        RequestBuilder.Histories.Sample(history =>
        {
            var status = history.StatusAt(RequestBuilder.Start, Settings);
            if (history.State.IsFinal())
            {
                Assert.Empty(status.Deadlines);
            }
            else
            {
                // A preservation waits for its follow-up and a postponement for its end: their own clocks say when to act.
                Assert.Equal(history.State is not (RequestState.Preserved or RequestState.Postponed), status.StaleAt is not null);
            }

            Assert.Equal(history.State == RequestState.Preserved, status.PreservationExpiresAt is not null);
            Assert.Equal(history.State is RequestState.Submitted or RequestState.Received, status.AcknowledgementDue is not null);
            Assert.All(status.PreservationReminders, r => Assert.True(r < status.PreservationExpiresAt));
        });
    }

    [Fact]
    public void Withdrawing_AnyOpenRequest_StopsItsClocks()
    {
        RequestBuilder.Histories.Where(h => h.Kind.Profile().Transitions.Next(h.State, RequestEventType.Withdrawn) is not null).Sample(history =>
        {
            var at = history.Current.LastMovedAt!.Value.Plus(Duration.FromMinutes(1));
            var withdrawn = history.Then(RequestEventType.Withdrawn, at);

            Assert.Equal(RequestState.Withdrawn, withdrawn.State);
            Assert.Empty(withdrawn.StatusAt(at, Settings).Deadlines);
            Assert.NotEmpty(history.StatusAt(at, Settings).Deadlines);
        });
    }

    [Fact]
    public void Replay_OfAnyValidHistory_GivesTheSameSnapshot()
    {
        RequestBuilder.Histories.Sample(history =>
        {
            var replayed = RequestHistory.Replay(history.Kind, history.Events);
            Assert.True(replayed.IsValid);
            Assert.Equal(history.Current, replayed.History!.Current);
            Assert.Equal(history.Events.Count, replayed.History.Events.Count);
        });
    }

    [Fact]
    [Trait("Article", "42")]
    public void Preserved_InAnyHistory_LastsAtLeastSixtyDays()
    {
        RequestBuilder.Preservations.Sample(history =>
        {
            var firstPreserved = history.Events.OfType<DataPreserved>().Single();
            Assert.True(history.Current.PreservedUntil >= firstPreserved.At.Plus(Duration.FromDays(60)));
            Assert.All(history.Events.OfType<PreservationExtended>(), e => Assert.True(e.Until > firstPreserved.Until));
            if (history.State == RequestState.Preserved)
            {
                var status = history.StatusAt(firstPreserved.At, CooperationClockSettings.Default);
                Assert.Equal(history.Current.PreservedUntil, status.PreservationExpiresAt);
                Assert.All(status.PreservationReminders, r => Assert.True(r > history.Current.PreservationSetAt));
            }
        });
    }
}
