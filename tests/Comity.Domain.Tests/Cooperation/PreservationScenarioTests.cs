using Comity.Domain.Cooperation;
using NodaTime;

namespace Comity.Domain.Tests.Cooperation;

/// <summary>The story on the domain alone: XA asks XB to preserve, XB preserves for 90 days, XA links the follow-up.</summary>
public sealed class PreservationScenarioTests
{
    [Fact]
    [Trait("Article", "42")]
    public void PreserveForNinetyDays_LinkFollowUp_RemindersThenWithdraw()
    {
        var settings = CooperationClockSettings.Default;
        var t0 = Instant.FromUtc(2026, 11, 28, 3, 0);
        var draft = RequestBuilder.Draft(RequestKind.ExpeditedPreservation);
        var request = RequestDraftValidator.Validate(draft, new RequestValidationContext(["en"], ConventionInForce: true)).Request!;

        // Both sides replay the same events; each records only its own.
        var history = RequestHistory.Start(request.Kind);
        history = history.Append(new RequestSubmitted(Side.Requesting, t0, request.Conditions)).History!;
        history = history.Append(new RequestReceived(Side.Requested, t0.Plus(Duration.FromSeconds(2)))).History!;
        Assert.Equal(t0.Plus(Duration.FromHours(1)), history.StatusAt(t0.Plus(Duration.FromMinutes(5)), settings).AcknowledgementDue);

        Assert.Equal("request.wrong-side", Assert.Single(history.Append(new RequestAcknowledged(Side.Requesting, t0.Plus(Duration.FromMinutes(6)))).Problems).Code);
        history = history.Append(new RequestAcknowledged(Side.Requested, t0.Plus(Duration.FromMinutes(6)), "XB duty officer")).History!;
        var preservedAt = t0.Plus(Duration.FromMinutes(40));
        history = history.Append(new DataPreserved(Side.Requested, preservedAt, preservedAt.Plus(Duration.FromDays(90)))).History!;

        // Before the follow-up is filed, reminders 14 and 3 days before the end keep it in view.
        Assert.Equal([preservedAt.Plus(Duration.FromDays(76)), preservedAt.Plus(Duration.FromDays(87))], history.StatusAt(t0.Plus(Duration.FromDays(20)), settings).PreservationReminders);
        var firstReminderDue = history.StatusAt(preservedAt.Plus(Duration.FromDays(76)), settings);
        Assert.True(firstReminderDue.Clocks.First(c => c.Deadline.Kind == DeadlineKind.PreservationReminder).IsDue);
        Assert.False(firstReminderDue.IsPreservationLapsed);

        // Once it is linked the reminders have done their work; the end of the preservation stays.
        history = history.Append(new FollowUpLinked(Side.Requesting, t0.Plus(Duration.FromDays(20)), "XA-MLA-2026-117")).History!;
        var status = history.StatusAt(t0.Plus(Duration.FromDays(20)), settings);
        Assert.Equal(RequestState.Preserved, status.State);
        Assert.Equal(["XA-MLA-2026-117"], status.Snapshot.FollowUpReferences);
        Assert.Equal(Confidentiality.DoNotNotifyHolder, status.Snapshot.Conditions.Confidentiality);
        Assert.Empty(status.PreservationReminders);
        Assert.Equal(preservedAt.Plus(Duration.FromDays(90)), status.PreservationExpiresAt);

        history = history.Append(new RequestWithdrawn(Side.Requesting, preservedAt.Plus(Duration.FromDays(80)), "No longer required.")).History!;
        Assert.Empty(history.StatusAt(preservedAt.Plus(Duration.FromDays(80)), settings).Deadlines);
        Assert.Equal("request.transition-not-allowed", Assert.Single(history.Append(new RequestClosed(Side.Requested, preservedAt.Plus(Duration.FromDays(81)))).Problems).Code);
    }
}
