using System.Security.Claims;
using Comity.Domain.Cooperation;
using Comity.Node.Features.Requests.Clocks;
using Comity.Node.Features.Requests.Show;
using Comity.Node.Features.Requests.Validate;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Comity.Node.Features.Requests.Submit;

/// <summary>
/// Submits a draft: checks it (<see cref="RequestDraftChecker"/>, routed over its kind's channel), stores the request
/// and its <c>submitted</c> event and sends it to the requested State's office, in one transaction with its outbox
/// envelope and audit record. 422 with every problem when the draft is incomplete (nothing stored, nothing sent).
/// </summary>
internal sealed class SubmitRequestHandler(
    ComityDbContext db,
    IOutbox outbox,
    RequestDraftChecker checker,
    GetRequestHandler show,
    FederationRegisterView view,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time,
    RequestChangeFeed feed,
    IOptions<RequestOptions> options)
{
    private CooperationClockSettings Clocks => options.Value.Clocks;

    /// <param name="alongside">
    /// Work stored in the same transaction as the request, given its id (a reviewed proposal marked sent); it may throw
    /// to abandon the submission. It runs again if the transaction is retried.
    /// </param>
    public async Task<Result<RequestDetail>> HandleAsync(
        RequestDraftInput? input,
        ClaimsPrincipal user,
        CancellationToken cancellationToken,
        Func<Guid, CancellationToken, Task>? alongside = null)
    {
        var draft = input ?? RequestDraftChecker.Empty;
        if (RequestRoles.OtherChannel(user, draft.Kind) is { } wrongChannel)
        {
            return wrongChannel;
        }

        var checkedDraft = await checker.CheckAsync(draft, cancellationToken);
        if (checkedDraft.Request is not { } request || checkedDraft.Problems.Count > 0)
        {
            return RequestErrors.Refused(ErrorKind.Conflict, StatusCodes.Status422UnprocessableEntity, "The request is not complete: nothing was stored or sent.",
                [.. checkedDraft.Problems.Select(p => p.AsError())]);
        }

        var routing = checkedDraft.Routing!;
        var id = ids.NewId();
        var conversation = id.ToString("D");
        var actor = RequestActors.Name(user);
        try
        {
            await outbox.CommitAsync(conversation, async token =>
            {
                var now = time.GetUtcNow();
                var submitted = new RequestSubmitted(Side.Requesting, Instant.FromDateTimeOffset(now), request.Conditions, request.Deadline);
                var history = RequestHistory.Start(request.Kind).Append(submitted).History
                    ?? throw new InvalidOperationException("A validated request could not be submitted.");
                var record = new RequestRecord
                {
                    Id = id,
                    Kind = request.Kind.Wire(),
                    Side = Side.Requesting.Wire(),
                    RequestingState = request.RequestingState.Value,
                    RequestedState = request.RequestedState.Value,
                    PeerState = request.RequestedState.Value,
                    RequestingOffice = Trimmed(draft.RequestingOffice) ?? OfficeName(user),
                    RequestedOffice = routing.Office,
                    RequestedDesignationId = routing.DesignationId,
                    OfficerOnDuty = routing.OfficerOnDuty,
                    RequestedTimeZone = routing.TimeZone,
                    RegisterSerial = routing.RegisterSerial,
                    Reference = Trimmed(draft.Reference),
                    LegalBasisKind = request.LegalBasis.Kind.Wire(),
                    LegalBasisReference = request.LegalBasis.Instrument ?? Trimmed(draft.LegalBasis?.Reference),
                    ConventionInForce = routing.ConventionInForce,
                    OriginalLanguage = request.Original.Language!,
                    OriginalText = request.Original.Text!,
                    TranslationLanguage = request.Translation?.Language,
                    TranslationText = request.Translation?.Text,
                    ContentsJson = RequestWire.ContentsJson(RequestWire.ToWire(request.Contents, request.Purposes)),
                    Deadline = request.Deadline?.ToDateTimeOffset(),
                    OffenceCode = string.IsNullOrWhiteSpace(draft.OffenceCode) ? null : draft.OffenceCode.Trim(),
                    ConditionsJson = RequestWire.ConditionsJson(request.Conditions),
                    State = history.State.Wire(),
                    SubmittedAt = now,
                    LastMovedAt = now,
                    CreatedAt = now,
                };
                RequestLedger.Recompute(record, history, Clocks);
                db.Requests().Add(record);
                if (alongside is not null)
                {
                    await alongside(id, token);
                }

                var wireEvent = RequestWire.ToWire(submitted, actor, RequestWire.Fields(submitted));
                var body = RequestJson.ToBody(new RequestSubmittedV1(ToWire(record, request), wireEvent));
                var entry = await outbox.EnqueueAsync(record.PeerState, conversation, RequestSubmittedV1.TypeName, body, token);
                var jws = RequestLedger.OutgoingJws(db, entry.Id);
                RequestLedger.AddEvent(db, ids.NewId(), record, 0, wireEvent, view.OwnState, entry.Id, jws, now);
                audit.Record(new AuditRecord(Audit.User(user), "request.submitted", "request", conversation, Audit.Sha256(jws)));
                return entry;
            }, cancellationToken);
        }
        catch (OutboxBusyException e)
        {
            return RequestErrors.Busy(e);
        }

        feed.Publish(new RequestChange(id, "submitted", "outgoing", RequestState.Submitted.Wire(), time.GetUtcNow(), request.Kind.Wire()));
        return await show.HandleAsync(id, cancellationToken, user);
    }

    private static RequestV1 ToWire(RequestRecord record, CooperationRequest request) => new(
        record.Id,
        record.Kind,
        record.RequestingState,
        record.RequestedState,
        record.RequestingOffice,
        record.RequestedOffice,
        record.RequestedDesignationId,
        record.OfficerOnDuty,
        record.RegisterSerial,
        record.Reference,
        new LegalBasisV1(record.LegalBasisKind, record.LegalBasisReference, record.ConventionInForce),
        new RequestTextV1(record.OriginalLanguage, record.OriginalText, null),
        request.Translation is { } t ? new RequestTextV1(t.Language!, t.Text!, CooperationRequest.TranslationProvidedBy.Wire()) : null,
        RequestWire.ToWire(request.Contents, request.Purposes),
        RequestWire.ToWire(request.Conditions))
    {
        Deadline = request.Deadline?.ToDateTimeOffset(),
        OffenceCode = record.OffenceCode,
    };

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private string? OfficeName(ClaimsPrincipal user) =>
        user.FindFirst(ComityClaimsPrincipalFactory.OfficeClaim)?.Value is { } office && Guid.TryParse(office, out var officeId)
            ? db.Offices().Where(o => o.Id == officeId).Select(o => o.Name).FirstOrDefault()
            : null;
}
