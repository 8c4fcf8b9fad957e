using System.Security.Claims;

namespace Comity.Node.Features.Requests;

/// <summary>
/// Reads requests as this node holds them. Scoped; the endpoints and the duty-officer pages call it
/// with the signed-in user, whose roles decide what is visible (see docs/cooperation/requests-api.md).
/// </summary>
internal interface IRequestQueries
{
    /// <summary>Incoming and/or outgoing requests, ordered by urgency then due time.</summary>
    Task<RequestResult<RequestListResponse>> ListAsync(RequestListFilter filter, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>One request with its signed history, clocks and alerts; 404 when this node is not one of its parties.</summary>
    Task<RequestResult<RequestDetail>> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>The kinds with their required contents, articles, grounds, clocks and workflows, for the guided form.</summary>
    Task<RequestKindsResponse> KindsAsync(CancellationToken cancellationToken);

    /// <summary>Checks a draft against the domain and the Register without storing or sending anything.</summary>
    Task<RequestValidationResult> ValidateAsync(RequestDraftInput draft, CancellationToken cancellationToken);

    /// <summary>Reminders and escalations raised by the clocks worker, newest first; <paramref name="audience"/> filters by role (<c>duty-officer</c>, <c>supervisor</c>).</summary>
    Task<RequestAlertsResponse> AlertsAsync(string? audience, int? limit, CancellationToken cancellationToken);

    /// <summary>Handover notes, newest first (at most <paramref name="limit"/>, default 50).</summary>
    Task<HandoverNotesResponse> HandoverNotesAsync(int? limit, CancellationToken cancellationToken);
}

/// <summary>
/// Records what this node's officers do: submit a request, record their side's transitions, write
/// handover notes. Each write is one transaction with its outbox envelope and audit records.
/// </summary>
internal interface IRequestCommands
{
    /// <summary>Validates, routes to the requested State's 24/7 point of contact, stores the request and its <c>submitted</c> event and sends it. 422 with every problem when the draft is incomplete (nothing stored, nothing sent).</summary>
    Task<RequestResult<RequestDetail>> SubmitAsync(RequestDraftInput draft, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Records one transition of this node's side and sends it to the other side. 409 when the table or a rule refuses it, 403 when it is the other side's.</summary>
    Task<RequestResult<RequestDetail>> ApplyAsync(Guid id, TransitionInput input, ClaimsPrincipal user, CancellationToken cancellationToken);

    /// <summary>Writes a note for the next shift.</summary>
    Task<RequestResult<HandoverNoteDto>> AddHandoverNoteAsync(HandoverNoteInput input, ClaimsPrincipal user, CancellationToken cancellationToken);
}

/// <summary>
/// The live feed of request changes on this node (singleton): a new request, an event recorded here or
/// received from the other side, an alert raised. Published after the change is committed. A slow
/// subscriber loses the oldest changes, never blocks a writer; re-read the list when in doubt.
/// </summary>
public interface IRequestChangeFeed
{
    /// <summary>Changes from now on, until <paramref name="cancellationToken"/> is cancelled.</summary>
    IAsyncEnumerable<RequestChange> SubscribeAsync(CancellationToken cancellationToken);

    /// <summary>Raised for every change, on the writer's thread; handlers must be quick and must not throw.</summary>
    event Action<RequestChange>? Changed;
}
