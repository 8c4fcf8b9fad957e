using System.Security.Claims;
using Comity.Domain.Cooperation;
using Comity.Node.Features.Requests.Clocks;
using Comity.Node.Features.Requests.Show;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Comity.Node.Features.Requests.Transitions;

/// <summary>
/// Records one transition of this node's side (every transition route) and sends it to the other side, in one
/// transaction with its outbox envelope and audit record. 400 for malformed input, 403 when it is the other side's,
/// 404 for an unknown request, 409 when the kind's transition table or a rule refuses it, 503 when busy.
/// </summary>
internal sealed class RecordTransitionHandler(
    ComityDbContext db,
    IOutbox outbox,
    GetRequestHandler show,
    FederationRegisterView view,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time,
    RequestChangeFeed feed,
    IOptions<RequestOptions> options)
{
    private CooperationClockSettings Clocks => options.Value.Clocks;

    public async Task<Result<RequestDetail>> HandleAsync(Guid id, TransitionInput input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var actor = RequestActors.Name(user);
        var conversation = id.ToString("D");
        Error? failure;
        string? box = null;
        string? state = null;
        string? kind = null;
        try
        {
            failure = await outbox.CommitAsync<Error?>(conversation, async token =>
            {
                var request = await db.Requests().FirstOrDefaultAsync(r => r.Id == id, token);
                if (request is null || !RequestRoles.CanRead(user, request.Kind))
                {
                    return RequestErrors.NotFound(id);
                }

                if (!RequestRoles.CanAct(user, RequestLedger.KindOf(request)))
                {
                    return RequestErrors.Refused(ErrorKind.Forbidden, StatusCodes.Status403Forbidden, "You may read this request but not act on it.", []);
                }

                var events = await RequestLedger.EventsAsync(db, id, token);
                var history = RequestLedger.Replay(request, events);
                var side = RequestLedger.SideOf(request);
                var now = time.GetUtcNow();
                var at = RequestLedger.Stamp(history, now);
                var (candidate, note, text, problems) = Build(input, side, at, history);
                if (candidate is null)
                {
                    return Error.Invalid(problems);
                }

                var appended = history.Append(candidate);
                if (appended.History is not { } next)
                {
                    var found = appended.Problems.Select(ProblemError.From).ToList();
                    return found.Any(p => p.Code == RequestCodes.WrongSide)
                        ? RequestErrors.Refused(ErrorKind.Forbidden, StatusCodes.Status403Forbidden, $"Only the other side can record '{candidate.Type.Wire()}': this node is the {side.Wire()} side.", found)
                        : RequestErrors.Refused(ErrorKind.Conflict, StatusCodes.Status409Conflict, "The request's workflow or a rule of the Convention refuses this transition.", found);
                }

                var lowered = ConditionsMayNeverBeLowered.Check(history.Current.Conditions, next.Current.Conditions);
                if (lowered.Count > 0)
                {
                    return RequestErrors.Refused(ErrorKind.Conflict, StatusCodes.Status409Conflict, "Handling conditions can never be lowered.", [.. lowered.Select(ProblemError.From)]);
                }

                var index = history.Events.Count;
                var wireEvent = RequestWire.ToWire(candidate, actor, RequestWire.Fields(candidate, note, text));
                var body = RequestJson.ToBody(new RequestEventEnvelopeV1(id, index, wireEvent));
                var entry = await outbox.EnqueueAsync(request.PeerState, conversation, RequestEventEnvelopeV1.TypeName, body, token);
                var jws = RequestLedger.OutgoingJws(db, entry.Id);
                RequestLedger.AddEvent(db, ids.NewId(), request, index, wireEvent, view.OwnState, entry.Id, jws, now);
                RequestLedger.Recompute(request, next, Clocks);
                audit.Record(new AuditRecord(Audit.User(user), "request." + candidate.Type.Wire(), "request", conversation, Audit.Sha256(jws)));
                box = RequestLedger.Box(side);
                state = request.State;
                kind = request.Kind;
                return null;
            }, cancellationToken);
        }
        catch (OutboxBusyException e)
        {
            return RequestErrors.Busy(e);
        }

        if (failure is not null)
        {
            return failure;
        }

        feed.Publish(new RequestChange(id, "event", box!, state!, time.GetUtcNow(), kind!));
        return await show.HandleAsync(id, cancellationToken, user);
    }

    /// <summary>The domain event of a transition input, with the texts that ride along; or every malformed field.</summary>
    private static (RequestEvent? Event, string? Note, string? Text, List<ProblemError> Problems) Build(TransitionInput input, Side side, Instant at, RequestHistory history)
    {
        var problems = new List<ProblemError>();
        string? note = null;
        string? text = null;
        RequestEvent? e = null;
        // An end: an instant, or whole days from `from`; what it ends and the provision it rests on name the problems.
        Instant? Until(DateTimeOffset? until, int? days, Instant from, string missing, Domain.Legal.ArticleReference? basis = null)
        {
            var provision = basis ?? Domain.Legal.ConventionNumbers.MinimumPreservationDays.Basis;
            if (until is not null && days is not null)
            {
                problems.Add(RequestWire.Problem("until", RequestCodes.PeriodAmbiguous, "Give either until or days, not both.", provision));
                return null;
            }

            if (days is int d)
            {
                if (d is < 1 or > RequestCodes.MaxPreservationDays)
                {
                    problems.Add(RequestWire.Problem("days", RequestCodes.DaysOutOfRange, $"days is a whole number from 1 to {RequestCodes.MaxPreservationDays}.", provision,
                        limit: RequestCodes.MaxPreservationDays));
                    return null;
                }

                return from + Duration.FromDays(d);
            }

            if (until is { } u)
            {
                return Instant.FromDateTimeOffset(u);
            }

            problems.Add(RequestWire.Problem("until", RequestCodes.PeriodMissing, missing, provision));
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
                e = Until(p.Until, p.Days, at, "Give until (an instant) or days: how long the data stay preserved.") is { } until ? new DataPreserved(side, at, until) : null;
                break;
            case ExtendInput x:
                var from = history.Current.PreservedUntil ?? at;
                e = Until(x.Until, x.Days, from, "Give until (an instant) or days: how long the data stay preserved.") is { } extended ? new PreservationExtended(side, at, extended) : null;
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
            case InquireStatusInput q:
                e = new StatusInquired(side, at, Text(q.Question, "question", RequestLimits.NoteText));
                break;
            case AnswerStatusInput a:
                e = new StatusAnswered(side, at, Text(a.Answer, "answer", RequestLimits.LongText) ?? "");
                break;
            case ProposeConditionsInput p:
                var terms = Text(p.Terms, "terms", RequestLimits.LongText) ?? "";
                e = RequestWire.ParseConditions(p.Conditions, "conditions", problems) is { } pc ? new ConditionsProposed(side, at, pc, terms) : null;
                break;
            case AcceptConditionsInput:
                e = new ConditionsAccepted(side, at);
                break;
            case DeclineConditionsInput d:
                e = new ConditionsDeclined(side, at, Text(d.Reason, "reason", RequestLimits.NoteText));
                break;
            case PostponeInput p:
                var reasons = Text(p.Reasons, "reasons", RequestLimits.NoteText) ?? "";
                e = Until(p.Until, p.Days, at, "Give until (an instant) or days: when the postponement ends.", Domain.Legal.AssistanceProvisions.Postponement) is { } postponedUntil ? new ExecutionPostponed(side, at, postponedUntil, reasons) : null;
                break;
            case ExecutePartiallyInput x:
                text = Text(x.Text, "text", RequestLimits.LongText);
                e = RequestWire.ParseConditions(x.Conditions, "conditions", problems) is { } xc ? new PartiallyExecuted(side, at, xc) : null;
                break;
            case ExecuteInput x:
                text = Text(x.Text, "text", RequestLimits.LongText);
                e = RequestWire.ParseConditions(x.Conditions, "conditions", problems) is { } ec ? new RequestExecuted(side, at, ec) : null;
                break;
            case RaiseCostsInput c:
                e = new CostsRaised(side, at, Text(c.Estimate, "estimate", RequestLimits.NoteText) ?? "");
                break;
            case AgreeCostsInput c:
                e = new CostsAgreed(side, at, Text(c.Terms, "terms", RequestLimits.NoteText));
                break;
            default:
                throw new System.Diagnostics.UnreachableException($"No transition for {input.GetType().Name}.");
        }

        return problems.Count > 0 ? (null, null, null, problems) : (e, note, text, problems);
    }
}
