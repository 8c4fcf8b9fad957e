using Comity.Domain.Cooperation;
using Comity.Node.Api;
using Comity.Node.Kernel;
using Comity.Protocol.V1;

namespace Comity.Node.Features.Requests;

/// <summary>What both envelope handlers check (<c>ReceiveSubmission</c>, <c>ReceiveEvent</c>), and the application of a peer's event to this node's copy of the history.</summary>
internal static class RequestEnvelopeRules
{
    public const string NotAParty = "request.not-a-party";
    public const string Malformed = "request.envelope-malformed";
    public const string OutOfSequence = "request.out-of-sequence";

    /// <summary>A peer's envelope this node refuses to apply: nothing of it is stored, and its sender gets the problem document.</summary>
    public static Error Refuse(int status, string code, string detail, string? article = null) =>
        Problems.ForStatus(status, code, "The request envelope is refused.", detail) with { LegalBasis = article };

    /// <summary>
    /// Replays <paramref name="wire"/> on the history: the event must read (a <c>submitted</c> event with the
    /// request's <paramref name="requestConditions"/>), be the other side's (a node cannot record this side's
    /// transitions) and be allowed by the kind's table and rules; otherwise the envelope is refused.
    /// </summary>
    public static Result<(RequestEvent Event, RequestHistory History)> Check(RequestHistory history, Side peerSide, RequestEventV1 wire, HandlingConditions requestConditions, NodaTime.Instant? requestDeadline = null)
    {
        if (RequestWire.ToDomain(wire, requestConditions, out var problem, requestDeadline) is not { } domain)
        {
            return Refuse(StatusCodes.Status400BadRequest, Malformed, problem);
        }

        if (domain.By != peerSide)
        {
            return Refuse(StatusCodes.Status403Forbidden, RequestCodes.WrongSide,
                $"The sender is the {peerSide.Wire()} side of this request; it cannot record an event of the {domain.By.Wire()} side.", history.Kind.Basis().ToString());
        }

        var appended = history.Append(domain);
        if (appended.History is not { } next)
        {
            var first = appended.Problems[0];
            var status = first.Code == RequestCodes.WrongSide ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
            return Problems.ForStatus(status, first.Code, "The request's workflow or a rule of the Convention refuses this event.", string.Join(" ", appended.Problems.Select(p => $"{p.Message} ({p.Basis})")))
                with { LegalBasis = first.Basis.ToString() };
        }

        return (domain, next);
    }

    /// <summary>
    /// The envelope's body and the request it is about: the envelope's conversation (a UUID), which the body must name
    /// too (<paramref name="requestIdOf"/>); otherwise the envelope is refused as malformed.
    /// </summary>
    public static Result<(TBody Body, Guid Id)> Open<TBody>(EnvelopeV1 envelope, Func<TBody, Guid> requestIdOf)
        where TBody : class
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(requestIdOf);
        if (RequestJson.Read<TBody>(envelope.Body, out var problem) is not { } body)
        {
            return Refuse(StatusCodes.Status400BadRequest, Malformed, problem);
        }

        if (!Guid.TryParse(envelope.Conversation, out var id))
        {
            return Refuse(StatusCodes.Status400BadRequest, Malformed, "The conversation of a request envelope is the request id (a UUID).");
        }

        return requestIdOf(body) == id ? (body, id) : Refuse(StatusCodes.Status400BadRequest, Malformed, "The request id differs from the envelope's conversation.");
    }
}
