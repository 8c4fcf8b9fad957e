using Comity.Node.Api;
using Comity.Node.Features.Federation.Status;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.AspNetCore.Authorization;

namespace Comity.Node.Features.Federation.Ping;

/// <summary>Send a ping: <c>to</c> a State in the Register, an optional message, optionally continuing a conversation; <c>wait</c> for the receipt (up to 30 seconds).</summary>
public sealed record SendPingRequest(string? To, string? Message, string? Conversation, bool? Wait);

/// <summary>The ping as written to the outbox and, when waited for, how it ended.</summary>
/// <param name="Status"><c>pending</c>, <c>delivered</c> or <c>undeliverable</c>.</param>
/// <param name="Receipt">The receiver's receipt JWS, once delivered.</param>
/// <param name="ReceivedAt">The receipt's <c>receivedAt</c>.</param>
/// <param name="Receiver">The receipt's <c>receiver</c>.</param>
/// <param name="CheckpointPresent">Whether the receipt carried the receiver's transparency-log checkpoint.</param>
public sealed record SendPingResponse(
    Guid EnvelopeId,
    string Conversation,
    long Seq,
    string To,
    string Status,
    string? Receipt = null,
    DateTimeOffset? ReceivedAt = null,
    string? Receiver = null,
    bool? CheckpointPresent = null,
    string? ProblemCode = null,
    string? ProblemDetail = null);

internal sealed class SendPingHandler(
    ComityDbContext db,
    IOutbox outbox,
    FederationRegisterView view,
    ICurrentRegister currentRegister,
    DeliverySignals signals,
    IIdGenerator ids,
    TimeProvider time)
{
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    /// <summary>The ping as written (<c>pending</c>), or once waited for, as it ended; or why it cannot be sent.</summary>
    public async Task<Result<SendPingResponse>> HandleAsync(SendPingRequest request, CancellationToken cancellationToken)
    {
        var errors = new List<ProblemError>();
        var to = request.To?.Trim();
        if (string.IsNullOrEmpty(to) || !FederationJson.IsStateCode(to))
        {
            errors.Add(new ProblemError("to", "federation.invalid-state", "to is the State to ping: two capital letters (ISO 3166-1 alpha-2), or UN for the Secretariat."));
        }

        if (request.Message is { Length: > PingEnvelope.MaxMessageLength })
        {
            errors.Add(new ProblemError("message", "federation.message-too-long", $"The message is at most {PingEnvelope.MaxMessageLength} characters."));
        }

        var conversation = request.Conversation;
        if (conversation is not null && (conversation.Length is 0 or > 200 || conversation.Any(char.IsControl)))
        {
            errors.Add(new ProblemError("conversation", "federation.invalid-conversation", "conversation is 1 to 200 characters without control characters."));
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        if (string.Equals(to, view.OwnState, StringComparison.Ordinal))
        {
            return CannotSend(new ProblemError("to", "federation.own-state", $"{to} is this node's own State; ping another node of the Register."));
        }

        var register = await view.GetAsync(db, currentRegister, cancellationToken);
        if (register is null || RegisterLookups.NodeFor(register, to!) is null)
        {
            var reason = register is null
                ? "This node holds no Register yet, so it knows no other node."
                : $"The Register this node holds (serial {register.Serial}) lists no node for {to}.";
            return CannotSend(new ProblemError("to", "federation.unknown-peer", reason));
        }

        conversation ??= ids.NewId().ToString("D");
        OutboxEntry entry;
        try
        {
            entry = await outbox.CommitAsync(conversation, async token =>
            {
                var enqueued = await outbox.EnqueueAsync(to!, conversation, PingEnvelope.TypeName, PingEnvelope.Body(request.Message), token);
                if (request.Wait == true)
                {
                    _ = signals.WhenSettled(enqueued.Id);
                }

                return enqueued;
            }, cancellationToken);
        }
        catch (OutboxBusyException e)
        {
            return CannotSend(new ProblemError("conversation", "federation.conversation-busy", e.Message + " Try again."), ErrorKind.Unavailable, StatusCodes.Status503ServiceUnavailable);
        }

        var pending = new SendPingResponse(entry.Id, entry.Conversation, entry.Seq, entry.To, "pending");
        if (request.Wait != true)
        {
            return pending;
        }

        OutboxEnvelope row;
        try
        {
            row = await signals.WhenSettled(entry.Id).WaitAsync(MaxWait, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            signals.Forget(entry.Id);
            return pending;
        }

        return Describe(row);
    }

    public static SendPingResponse Describe(OutboxEnvelope row) => new(
        row.Id,
        row.Conversation,
        row.Seq,
        row.Peer,
        OutboxView.Status(row.Status),
        row.Receipt,
        row.ReceiptReceivedAt,
        row.Status == OutboxStatus.Delivered ? row.Peer : null,
        row.Status == OutboxStatus.Delivered ? row.ReceiptHasCheckpoint : null,
        row.ProblemCode,
        row.ProblemDetail);

    private static Error CannotSend(ProblemError item, ErrorKind kind = ErrorKind.Conflict, int status = StatusCodes.Status422UnprocessableEntity) =>
        Error.Refused([item], "The ping cannot be sent.", kind, status);
}

internal static class SendPingEndpoint
{
    /// <summary>Who may send pings: node administrators and duty officers.</summary>
    public static readonly AuthorizeAttribute Senders = new() { Roles = Roles.NodeAdmin + "," + Roles.DutyOfficer };

    public static void MapSendPing(this RouteGroupBuilder group)
    {
        group.MapPost("/pings", async (SendPingRequest? request, SendPingHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(request ?? new SendPingRequest(null, null, null, null), ct)).ToHttp(Answer))
            .WithName("SendPing")
            .WithSummary("Send a ping/v1 envelope to another node of the Register (202 with the envelope; with wait: true, 200 once the receipt is stored, up to 30 seconds).")
            .Accepts<SendPingRequest>("application/json")
            .Produces<SendPingResponse>(StatusCodes.Status202Accepted)
            .Produces<SendPingResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Senders);
    }

    /// <summary>Settled (delivered or refused) once waited for: 200; still on its way: 202.</summary>
    private static IResult Answer(SendPingResponse response) =>
        response.Status == "pending" ? Results.Json(response, statusCode: StatusCodes.Status202Accepted) : Results.Ok(response);
}
