namespace Comity.Protocol.V1;

/// <summary>How the node answers a refused envelope: HTTP status and stable problem <c>code</c> (docs/protocol/federation-v1.md, "Refusals").</summary>
public sealed record FederationProblem(int Status, string Code, string Title);

/// <summary>The refusal → problem document mapping every node uses, and which refusals a sender may retry.</summary>
public static class FederationRefusals
{
    /// <summary>
    /// True for every refusal: each one is a property of the envelope bytes (or of the Register, which
    /// the sender must fix first), so sending the same bytes again is refused again. The sender marks
    /// the envelope undeliverable and shows it to its admin. (Transport failures and 5xx answers are retried; they are not verdicts.)
    /// </summary>
    public static bool IsPermanent(EnvelopeVerdict verdict) => verdict != EnvelopeVerdict.Accepted;

    /// <summary>The problem document for a refusal; throws for <see cref="EnvelopeVerdict.Accepted"/>.</summary>
    public static FederationProblem Problem(EnvelopeVerdict verdict) => verdict switch
    {
        EnvelopeVerdict.Malformed => new(400, "federation.malformed", "The envelope is malformed."),
        EnvelopeVerdict.TooLarge => new(413, "federation.too-large", "The envelope is too large."),
        EnvelopeVerdict.UnsupportedVersion => new(422, "federation.unsupported-version", "The envelope version is not supported."),
        EnvelopeVerdict.UnknownSender => new(403, "federation.unknown-sender", "The sender is not in the Register."),
        EnvelopeVerdict.UnknownKey => new(401, "federation.unknown-key", "The signing key is not in the Register."),
        EnvelopeVerdict.KeyNotValid => new(401, "federation.key-not-valid", "The signing key is not valid."),
        EnvelopeVerdict.BadSignature => new(401, "federation.bad-signature", "The signature does not verify."),
        EnvelopeVerdict.SenderMismatch => new(403, "federation.sender-mismatch", "The envelope was signed by another node than its sender."),
        EnvelopeVerdict.WrongRecipient => new(422, "federation.wrong-recipient", "The envelope is addressed to another State."),
        EnvelopeVerdict.ClockSkew => new(422, "federation.clock-skew", "The envelope's creation time is too far from the receiver's clock."),
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Only refusals have a problem document."),
    };

    /// <summary>The node's application layer's refusal (not a verdict of this layer): an envelope <c>type</c> the node does not handle.</summary>
    public static FederationProblem UnknownType { get; } = new(422, "federation.unknown-type", "The envelope type is not handled by this node.");

    /// <summary>The inbox's own refusal (not a verdict of this layer): an envelope id already received with other bytes.</summary>
    public static FederationProblem Replay { get; } = new(409, "federation.replay", "An envelope with this id was already received with different content.");
}
