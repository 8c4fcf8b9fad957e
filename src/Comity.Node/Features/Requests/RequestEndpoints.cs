using System.Security.Claims;
using Comity.Node.Api;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Comity.Node.Features.Requests;

/// <summary>The routes of docs/cooperation/requests-api.md; each calls <see cref="IRequestQueries"/> or <see cref="IRequestCommands"/>.</summary>
internal static class RequestEndpoints
{
    /// <summary>Who acts on 24/7 requests: duty officers and their supervisors.</summary>
    public static readonly AuthorizeAttribute Actors = new() { Roles = Roles.DutyOfficer + "," + Roles.Supervisor };

    /// <summary>Who reads 24/7 requests: the actors and auditors. Case content is sensitive: nobody else.</summary>
    public static readonly AuthorizeAttribute Readers = new() { Roles = Roles.DutyOfficer + "," + Roles.Supervisor + "," + Roles.Auditor };

    public static void MapRequests(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/requests").WithTags("Requests");

        group.MapGet("/kinds", (IRequestQueries queries, CancellationToken ct) => queries.KindsAsync(ct))
            .WithName("ListRequestKinds")
            .WithSummary("The 24/7 request kinds: required contents with their articles, refusal grounds, clocks and workflows; the legal bases and condition values.")
            .RequireAuthorization(Policies.SignedIn);

        group.MapPost("/validate", async (RequestDraftInput? draft, IRequestQueries queries, CancellationToken ct) =>
                Results.Ok(await queries.ValidateAsync(draft ?? Empty, ct)))
            .WithName("ValidateRequest")
            .WithSummary("Checks a draft (every problem with its field, code and article; warnings; where it would go) without storing or sending anything.")
            .Produces<RequestValidationResult>()
            .RequireAuthorization(Actors);

        group.MapPost("/", async (RequestDraftInput? draft, ClaimsPrincipal user, IRequestCommands commands, CancellationToken ct) =>
            {
                var result = await commands.SubmitAsync(draft ?? Empty, user, ct);
                return result.Succeeded ? Results.Created($"/api/v1/requests/{result.Value!.Header.Id:D}", result.Value) : ToProblem(result.Failure!);
            })
            .WithName("SubmitRequest")
            .WithSummary("Submits a 24/7 request to the requested State's point of contact (201), or 422 listing every problem (nothing stored, nothing sent).")
            .Produces<RequestDetail>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Actors);

        group.MapGet("/", async (string? box, string? state, string? kind, bool? open, int? limit, ClaimsPrincipal user, IRequestQueries queries, CancellationToken ct) =>
                ToHttp(await queries.ListAsync(new RequestListFilter(box, state, kind, open, limit), user, ct)))
            .WithName("ListRequests")
            .WithSummary("Incoming and/or outgoing requests, most urgent first.")
            .Produces<RequestListResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(Readers);

        group.MapGet("/alerts", async (string? audience, int? limit, IRequestQueries queries, CancellationToken ct) =>
                Results.Ok(await queries.AlertsAsync(audience, limit, ct)))
            .WithName("ListRequestAlerts")
            .WithSummary("Reminders and escalations raised by the clocks worker, newest first.")
            .Produces<RequestAlertsResponse>()
            .RequireAuthorization(Readers);

        group.MapGet("/handover-notes", async (int? limit, IRequestQueries queries, CancellationToken ct) =>
                Results.Ok(await queries.HandoverNotesAsync(limit, ct)))
            .WithName("ListHandoverNotes")
            .WithSummary("Handover notes between duty shifts, newest first.")
            .Produces<HandoverNotesResponse>()
            .RequireAuthorization(Readers);

        group.MapPost("/handover-notes", async (HandoverNoteInput? input, ClaimsPrincipal user, IRequestCommands commands, CancellationToken ct) =>
            {
                var result = await commands.AddHandoverNoteAsync(input ?? new HandoverNoteInput(null), user, ct);
                return result.Succeeded ? Results.Created("/api/v1/requests/handover-notes", result.Value) : ToProblem(result.Failure!);
            })
            .WithName("AddHandoverNote")
            .WithSummary("Writes a note for the next duty shift.")
            .Produces<HandoverNoteDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(Actors);

        group.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, IRequestQueries queries, CancellationToken ct) =>
                ToHttp(await queries.GetAsync(id, user, ct)))
            .WithName("GetRequest")
            .WithSummary("One request: header, texts, contents, conditions, clocks, the signed history (each event with its verified signature), alerts and the actions open to this node.")
            .Produces<RequestDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Readers);

        Transition(group, RequestTransitions.Acknowledge, "The requested side acknowledges: an officer has the request in hand.", () => new AcknowledgeInput());
        Transition(group, RequestTransitions.Preserve, "The requested side preserves the data for at least 60 days (Art. 42).", () => new PreserveInput());
        Transition(group, RequestTransitions.Disclose, "The requested side discloses the data (Art. 43, Art. 41(3)(e)).", () => new DiscloseInput());
        Transition(group, RequestTransitions.Answer, "The requested side answers (Art. 41(3)).", () => new AnswerInput());
        Transition(group, RequestTransitions.Refuse, "The requested side refuses on an enumerated ground with reasons (Art. 40(21)–(23)).", () => new RefuseInput());
        Transition(group, RequestTransitions.RequestInformation, "The requested side asks for more information (Art. 40(16)).", () => new RequestInformationInput());
        Transition(group, RequestTransitions.ProvideInformation, "The requesting side provides the information asked for.", () => new ProvideInformationInput());
        Transition(group, RequestTransitions.RequestExtension, "The requesting side asks for the preservation to be extended.", () => new RequestExtensionInput());
        Transition(group, RequestTransitions.Extend, "The requested side extends the preservation.", () => new ExtendInput());
        Transition(group, RequestTransitions.LinkFollowUp, "The requesting side links the follow-up mutual legal assistance request (Art. 42).", () => new LinkFollowUpInput());
        Transition(group, RequestTransitions.Withdraw, "The requesting side withdraws the request; every clock stops on both sides.", () => new WithdrawInput());
        Transition(group, RequestTransitions.Close, "The requested side closes the preservation.", () => new CloseInput());
    }

    private static readonly RequestDraftInput Empty = new(null, null, null, null, null, null, null, null);

    private static void Transition<TInput>(RouteGroupBuilder group, string route, string summary, Func<TInput> empty)
        where TInput : TransitionInput
    {
        group.MapPost("/{id:guid}/" + route, async (Guid id, TInput? input, ClaimsPrincipal user, IRequestCommands commands, CancellationToken ct) =>
                ToHttp(await commands.ApplyAsync(id, input ?? empty(), user, ct)))
            .WithName("Request" + string.Concat(route.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])))
            .WithSummary(summary)
            .Accepts<TInput>("application/json")
            .Produces<RequestDetail>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(Actors);
    }

    private static IResult ToHttp<T>(RequestResult<T> result)
        where T : class =>
        result.Succeeded ? Results.Ok(result.Value) : ToProblem(result.Failure!);

    /// <summary>A failure as an RFC 9457 problem document: every problem with its field, code, message and article.</summary>
    public static IResult ToProblem(RequestFailure failure)
    {
        var errors = failure.Problems.Select(p => new ProblemError(p.Field, p.Code, p.Message, p.Article, p.Limit)).ToList();
        if (errors.Count == 0)
        {
            return Problems.Simple(failure.Status, failure.Code, failure.Title, failure.Title);
        }

        return failure.Status == StatusCodes.Status400BadRequest
            ? Problems.Validation(errors)
            : Problems.Unprocessable(errors, failure.Title, failure.Status);
    }
}
