using NodaTime;

namespace Comity.Domain.Cooperation;

/// <summary>A refusal as recorded: ground and reasons.</summary>
public sealed record Refusal(RefusalGround Ground, string Reasons);

/// <summary>
/// What the history says at its last event, independent of the current time: state, key dates,
/// preservation period, follow-up references, refusal and the combined handling conditions.
/// </summary>
public sealed record RequestSnapshot
{
    public required RequestKind Kind { get; init; }

    public required RequestState State { get; init; }

    public Instant? SubmittedAt { get; init; }

    public Instant? AcknowledgedAt { get; init; }

    /// <summary>When the last event was recorded: the request's last movement.</summary>
    public Instant? LastMovedAt { get; init; }

    /// <summary>When the current preservation period was set (preserved or last extended).</summary>
    public Instant? PreservationSetAt { get; init; }

    public Instant? PreservedUntil { get; init; }

    /// <summary>The requester asked for an extension that has not been granted yet.</summary>
    public bool ExtensionPending { get; init; }

    public string? OpenQuestion { get; init; }

    public IReadOnlyList<string> FollowUpReferences { get; init; } = [];

    public Refusal? Refusal { get; init; }

    /// <summary>The most restrictive combination of the conditions of the request, of every answer and of the conditions the requester accepted (Arts. 36 and 40).</summary>
    public HandlingConditions Conditions { get; init; } = HandlingConditions.None;

    /// <summary>The deadline the requester gave with its reasons (Art. 40), if any.</summary>
    public Instant? RequesterDeadline { get; init; }

    /// <summary>When the open status inquiry was made; null when none is waiting for an answer.</summary>
    public Instant? StatusInquiredAt { get; init; }

    /// <summary>The conditions proposed in the open consultation; the requester is bound by them once it accepts (Art. 40).</summary>
    public HandlingConditions? ProposedConditions { get; init; }

    /// <summary>The end of the current postponement, while postponed.</summary>
    public Instant? PostponedUntil { get; init; }

    /// <summary>A consultation on extraordinary costs is open (Art. 40).</summary>
    public bool CostsUnderConsultation { get; init; }

    public bool Equals(RequestSnapshot? other) =>
        other is not null
        && Kind == other.Kind && State == other.State
        && SubmittedAt == other.SubmittedAt && AcknowledgedAt == other.AcknowledgedAt && LastMovedAt == other.LastMovedAt
        && PreservationSetAt == other.PreservationSetAt && PreservedUntil == other.PreservedUntil && ExtensionPending == other.ExtensionPending
        && string.Equals(OpenQuestion, other.OpenQuestion, StringComparison.Ordinal)
        && FollowUpReferences.SequenceEqual(other.FollowUpReferences, StringComparer.Ordinal)
        && Refusal == other.Refusal && Conditions == other.Conditions
        && RequesterDeadline == other.RequesterDeadline && StatusInquiredAt == other.StatusInquiredAt
        && ProposedConditions == other.ProposedConditions && PostponedUntil == other.PostponedUntil
        && CostsUnderConsultation == other.CostsUnderConsultation;

    public override int GetHashCode() => HashCode.Combine(Kind, State, LastMovedAt, PreservedUntil, FollowUpReferences.Count, Conditions);

    public static RequestSnapshot Initial(RequestKind kind) => new() { Kind = kind, State = RequestState.New };

    /// <summary>The snapshot after an event the rules accepted. Assumes the event is allowed: call through <see cref="RequestHistory.Append"/>.</summary>
    internal RequestSnapshot Apply(RequestEvent next)
    {
        var to = Kind.Profile().Transitions.Next(State, next.Type)
            ?? throw new InvalidOperationException($"{next.Type} is not allowed in {State}; the rules should have refused it.");
        var moved = this with { State = to, LastMovedAt = next.At };
        return next switch
        {
            RequestSubmitted e => moved with { SubmittedAt = e.At, Conditions = Conditions.Combine(e.Conditions), RequesterDeadline = e.Deadline },
            RequestAcknowledged e => moved with { AcknowledgedAt = e.At },
            InformationRequested e => moved with { OpenQuestion = e.Question },
            InformationProvided => moved with { OpenQuestion = null },
            DataPreserved e => moved with { PreservationSetAt = e.At, PreservedUntil = e.Until },
            ExtensionRequested => moved with { ExtensionPending = true },
            PreservationExtended e => moved with { PreservationSetAt = e.At, PreservedUntil = e.Until, ExtensionPending = false },
            FollowUpLinked e => moved with { FollowUpReferences = [.. FollowUpReferences, e.MutualLegalAssistanceReference.Trim()] },
            DataDisclosed e => moved with { Conditions = Conditions.Combine(e.Conditions) },
            RequestAnswered e => moved with { Conditions = Conditions.Combine(e.Conditions) },
            RequestRefused e => moved with { Refusal = new Refusal(e.Ground, e.Reasons.Trim()) },
            StatusInquired e => moved with { StatusInquiredAt = StatusInquiredAt ?? e.At },
            StatusAnswered => moved with { StatusInquiredAt = null },
            ConditionsProposed e => moved with { ProposedConditions = e.Conditions, PostponedUntil = null },
            ConditionsAccepted => moved with { Conditions = Conditions.Combine(ProposedConditions ?? HandlingConditions.None), ProposedConditions = null },
            ConditionsDeclined => moved with { ProposedConditions = null },
            ExecutionPostponed e => moved with { PostponedUntil = e.Until },
            PartiallyExecuted e => moved with { Conditions = Conditions.Combine(e.Conditions), PostponedUntil = null },
            RequestExecuted e => moved with { Conditions = Conditions.Combine(e.Conditions), PostponedUntil = null },
            CostsRaised => moved with { CostsUnderConsultation = true },
            CostsAgreed => moved with { CostsUnderConsultation = false },
            _ => moved,
        };
    }
}
