using System.Security.Claims;
using Comity.Domain.Cooperation;
using Comity.Domain.Legal;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Comity.Node.Features.Requests;

internal sealed class RequestCommands(
    ComityDbContext db,
    IOutbox outbox,
    RequestDraftChecker checker,
    IRequestQueries queries,
    FederationRegisterView view,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time,
    RequestChangeFeed feed,
    IOptions<RequestOptions> options) : IRequestCommands
{
    public const string NotFound = "request.not-found";
    public const string WrongSide = "request.wrong-side";
    public const string Busy = "request.busy";

    private CooperationClockSettings Clocks => options.Value.Clocks;

    public async Task<RequestResult<RequestDetail>> SubmitAsync(RequestDraftInput draft, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var checkedDraft = await checker.CheckAsync(draft, cancellationToken);
        if (checkedDraft.Request is not { } request || checkedDraft.Problems.Count > 0)
        {
            return RequestResults.Fail<RequestDetail>(new RequestFailure(StatusCodes.Status422UnprocessableEntity, checkedDraft.Problems[0].Code, "The request is not complete: nothing was stored or sent.", checkedDraft.Problems));
        }

        var routing = checkedDraft.Routing!;
        var id = ids.NewId();
        var conversation = id.ToString("D");
        var actor = ActorName(user);
        try
        {
            await outbox.CommitAsync(conversation, async token =>
            {
                var now = time.GetUtcNow();
                var submitted = new RequestSubmitted(Side.Requesting, Instant.FromDateTimeOffset(now), request.Conditions);
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
                    ContentsJson = RequestWire.ContentsJson(RequestWire.ToWire(request.Contents)),
                    ConditionsJson = RequestWire.ConditionsJson(request.Conditions),
                    State = history.State.Wire(),
                    SubmittedAt = now,
                    LastMovedAt = now,
                    CreatedAt = now,
                };
                RequestLedger.Recompute(record, history, Clocks);
                db.Requests().Add(record);

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
            return BusyFailure(e);
        }

        feed.Publish(new RequestChange(id, "submitted", "outgoing", RequestState.Submitted.Wire(), time.GetUtcNow()));
        return await queries.GetAsync(id, user, cancellationToken);
    }

    public async Task<RequestResult<RequestDetail>> ApplyAsync(Guid id, TransitionInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = ActorName(user);
        var conversation = id.ToString("D");
        RequestFailure? failure;
        string? box = null;
        string? state = null;
        try
        {
            failure = await outbox.CommitAsync<RequestFailure?>(conversation, async token =>
            {
                var request = await db.Requests().FirstOrDefaultAsync(r => r.Id == id, token);
                if (request is null)
                {
                    return NotFoundFailure(id);
                }

                var events = await RequestLedger.EventsAsync(db, id, token);
                var history = RequestLedger.Replay(request, events);
                var side = RequestLedger.SideOf(request);
                var now = time.GetUtcNow();
                var at = RequestLedger.Stamp(history, now);
                var (candidate, note, text, problems) = Build(input, side, at, history);
                if (candidate is null)
                {
                    return new RequestFailure(StatusCodes.Status400BadRequest, problems[0].Code, "The transition's input is not valid.", problems);
                }

                var appended = history.Append(candidate);
                if (appended.History is not { } next)
                {
                    var found = appended.Problems.Select(p => p.Dto()).ToList();
                    var status = found.Any(p => p.Code == WrongSide) ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
                    var title = status == StatusCodes.Status403Forbidden
                        ? $"Only the other side can record '{candidate.Type.Wire()}': this node is the {side.Wire()} side."
                        : "The request's workflow or a rule of the Convention refuses this transition.";
                    return new RequestFailure(status, found[0].Code, title, found);
                }

                var lowered = ConditionsMayNeverBeLowered.Check(history.Current.Conditions, next.Current.Conditions);
                if (lowered.Count > 0)
                {
                    return new RequestFailure(StatusCodes.Status409Conflict, ConditionsMayNeverBeLowered.Code, "Handling conditions can never be lowered.", [.. lowered.Select(p => p.Dto())]);
                }

                var index = history.Events.Count;
                var wireEvent = RequestWire.ToWire(candidate, actor, RequestWire.Fields(candidate, note, text));
                var body = RequestJson.ToBody(new RequestEventEnvelopeV1(id, index, wireEvent));
                var entry = await outbox.EnqueueAsync(request.PeerState, conversation, RequestEventEnvelopeV1.TypeName, body, token);
                var jws = RequestLedger.OutgoingJws(db, entry.Id);
                RequestLedger.AddEvent(db, ids.NewId(), request, index, wireEvent, view.OwnState, entry.Id, jws, now);
                RequestLedger.Recompute(request, next, Clocks);
                audit.Record(new AuditRecord(Audit.User(user), "request." + candidate.Type.Wire(), "request", conversation, Audit.Sha256(jws)));
                box = side == Side.Requested ? "incoming" : "outgoing";
                state = request.State;
                return null;
            }, cancellationToken);
        }
        catch (OutboxBusyException e)
        {
            return BusyFailure(e);
        }

        if (failure is not null)
        {
            return RequestResults.Fail<RequestDetail>(failure);
        }

        feed.Publish(new RequestChange(id, "event", box!, state!, time.GetUtcNow()));
        return await queries.GetAsync(id, user, cancellationToken);
    }

    public async Task<RequestResult<HandoverNoteDto>> AddHandoverNoteAsync(HandoverNoteInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var text = input?.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > RequestLimits.NoteText)
        {
            var problem = string.IsNullOrEmpty(text)
                ? RequestWire.Problem("text", RequestCodes.HandoverTextMissing, "Write the note.", Convention.Art(41, 1))
                : RequestWire.TooLong("text", RequestLimits.NoteText);
            return RequestResults.Fail<HandoverNoteDto>(new RequestFailure(StatusCodes.Status400BadRequest, problem.Code, "The note is not valid.", [problem]));
        }

        var requestIds = (input!.RequestIds ?? []).Distinct().ToList();
        if (requestIds.Count > RequestCodes.MaxHandoverRequests)
        {
            var problem = RequestWire.Problem("requestIds", RequestCodes.HandoverTooManyRequests, $"A note is about at most {RequestCodes.MaxHandoverRequests} requests.",
                Convention.Art(41, 1), limit: RequestCodes.MaxHandoverRequests);
            return RequestResults.Fail<HandoverNoteDto>(new RequestFailure(StatusCodes.Status400BadRequest, problem.Code, "The note is not valid.", [problem]));
        }

        var known = await db.Requests().Where(r => requestIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        if (requestIds.FirstOrDefault(r => !known.Contains(r)) is var unknown && unknown != Guid.Empty)
        {
            return RequestResults.Fail<HandoverNoteDto>(NotFoundFailure(unknown));
        }

        var note = new HandoverNoteRecord
        {
            Id = ids.NewId(),
            Author = ActorName(user) ?? "",
            AuthorId = Audit.User(user),
            WrittenAt = time.GetUtcNow(),
            Text = text,
            RequestIds = string.Join(",", requestIds.Select(r => r.ToString("D"))),
        };
        db.HandoverNotes().Add(note);
        audit.Record(new AuditRecord(Audit.User(user), "handover.written", "handover-note", note.Id.ToString("D"), Audit.Sha256(text)));
        await db.SaveChangesAsync(cancellationToken);
        return RequestResults.Ok(RequestQueries.ToDto(note));
    }

    /// <summary>The domain event of a transition input, with the texts that ride along; or every malformed field.</summary>
    private static (RequestEvent? Event, string? Note, string? Text, List<RequestProblemDto> Problems) Build(TransitionInput input, Side side, Instant at, RequestHistory history)
    {
        var problems = new List<RequestProblemDto>();
        string? note = null;
        string? text = null;
        RequestEvent? e = null;
        var preservation = Domain.Legal.ConventionNumbers.MinimumPreservationDays.Basis;
        Instant? Until(DateTimeOffset? until, int? days, Instant from, string what)
        {
            if (until is not null && days is not null)
            {
                problems.Add(RequestWire.Problem("until", RequestCodes.PeriodAmbiguous, "Give either until or days, not both.", preservation));
                return null;
            }

            if (days is int d)
            {
                if (d is < 1 or > RequestCodes.MaxPreservationDays)
                {
                    problems.Add(RequestWire.Problem("days", RequestCodes.DaysOutOfRange, $"days is a whole number from 1 to {RequestCodes.MaxPreservationDays}.", preservation,
                        limit: RequestCodes.MaxPreservationDays));
                    return null;
                }

                return from + Duration.FromDays(d);
            }

            if (until is { } u)
            {
                return Instant.FromDateTimeOffset(u);
            }

            problems.Add(RequestWire.Problem("until", RequestCodes.PeriodMissing, $"Give until (an instant) or days: how long the data stay {what}.", preservation));
            return null;
        }

        string? Text(string? value, string field, int max)
        {
            if (value is { Length: > 0 } && value.Length > max)
            {
                problems.Add(RequestWire.TooLong(field, max));
            }

            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        switch (input)
        {
            case AcknowledgeInput a:
                note = Text(a.Note, "note", RequestLimits.NoteText);
                e = new RequestAcknowledged(side, at, null);
                break;
            case PreserveInput p:
                note = Text(p.Note, "note", RequestLimits.NoteText);
                e = Until(p.Until, p.Days, at, "preserved") is { } until ? new DataPreserved(side, at, until) : null;
                break;
            case ExtendInput x:
                var from = history.Current.PreservedUntil ?? at;
                e = Until(x.Until, x.Days, from, "preserved") is { } extended ? new PreservationExtended(side, at, extended) : null;
                break;
            case DiscloseInput d:
                text = Text(d.Text, "text", RequestLimits.LongText);
                e = RequestWire.ParseConditions(d.Conditions, "conditions", problems) is { } dc ? new DataDisclosed(side, at, dc) : null;
                break;
            case AnswerInput a:
                text = Text(a.Text, "text", RequestLimits.LongText);
                e = RequestWire.ParseConditions(a.Conditions, "conditions", problems) is { } ac ? new RequestAnswered(side, at, ac) : null;
                break;
            case RefuseInput r:
                if (!RefusalGrounds.TryParse(r.Ground, out var ground))
                {
                    var open = history.Kind.Profile().RefusalGrounds;
                    problems.Add(RequestWire.Problem("ground", "refusal.ground-not-open", $"Give one of the grounds open to a {history.Kind.Wire()} request: {string.Join(", ", open.Select(g => g.Wire()))}.", history.Kind.Profile().Basis));
                    break;
                }

                e = new RequestRefused(side, at, ground, Text(r.Reasons, "reasons", RequestLimits.NoteText) ?? "");
                break;
            case RequestInformationInput q:
                e = new InformationRequested(side, at, Text(q.Question, "question", RequestLimits.NoteText) ?? "");
                break;
            case ProvideInformationInput p:
                e = new InformationProvided(side, at, Text(p.Answer, "answer", RequestLimits.LongText) ?? "");
                break;
            case RequestExtensionInput x:
                e = new ExtensionRequested(side, at, Text(x.Reason, "reason", RequestLimits.NoteText));
                break;
            case LinkFollowUpInput f:
                e = new FollowUpLinked(side, at, Text(f.Reference, "reference", RequestLimits.ShortText) ?? "");
                break;
            case WithdrawInput w:
                e = new RequestWithdrawn(side, at, Text(w.Reason, "reason", RequestLimits.NoteText));
                break;
            case CloseInput c:
                e = new RequestClosed(side, at, Text(c.Reason, "reason", RequestLimits.NoteText));
                break;
            default:
                throw new System.Diagnostics.UnreachableException($"No transition for {input.GetType().Name}.");
        }

        return problems.Count > 0 ? (null, null, null, problems) : (e, note, text, problems);
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
        RequestWire.ToWire(request.Contents),
        RequestWire.ToWire(request.Conditions));

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? ActorName(ClaimsPrincipal user) =>
        user.FindFirst(ComityClaimsPrincipalFactory.DisplayNameClaim)?.Value is { Length: > 0 } name ? name : user.Identity?.Name;

    private string? OfficeName(ClaimsPrincipal user) =>
        user.FindFirst(ComityClaimsPrincipalFactory.OfficeClaim)?.Value is { } office && Guid.TryParse(office, out var officeId)
            ? db.Offices().Where(o => o.Id == officeId).Select(o => o.Name).FirstOrDefault()
            : null;

    private static RequestFailure NotFoundFailure(Guid id) =>
        new(StatusCodes.Status404NotFound, NotFound, "Not found.", [RequestWire.Problem("id", NotFound, $"This node is not a party to a request {id}.", Convention.Art(41))]);

    private static RequestResult<RequestDetail> BusyFailure(OutboxBusyException e) =>
        RequestResults.Fail<RequestDetail>(new RequestFailure(StatusCodes.Status503ServiceUnavailable, Busy, "The request is busy; try again.", [RequestWire.Problem("id", Busy, e.Message + " Try again.", Convention.Art(41))]));
}
