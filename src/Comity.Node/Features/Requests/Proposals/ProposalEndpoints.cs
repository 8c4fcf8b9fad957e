using System.Security.Claims;
using Comity.Node.Api;
using Comity.Node.Features.Requests.Show;
using Comity.Node.Features.Requests.Validate;

namespace Comity.Node.Features.Requests.Proposals;

/// <summary><c>/api/v1/requests/proposals</c>: a prosecutor's draft, reviewed and sent by a central-authority officer (four eyes).</summary>
internal static class ProposalEndpoints
{
    public static void MapProposals(this RouteGroupBuilder group)
    {
        group.MapPost("/proposals", async (RequestDraftInput? draft, ClaimsPrincipal user, ProposeRequestHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(draft, user, ct)).ToHttp(p => Results.Created($"/api/v1/requests/proposals/{p.Id:D}", p)))
            .WithName("ProposeRequest")
            .WithSummary("A prosecutor proposes a central-authority request for review (201), or 422 listing every problem (nothing stored).")
            .Produces<RequestProposalDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .RequireAuthorization(ProposalRoles.Drafters);

        group.MapGet("/proposals", async (string? status, ClaimsPrincipal user, ReadProposalsHandler handler, CancellationToken ct) =>
                (await handler.ListAsync(status, user, ct)).ToHttp())
            .WithName("ListRequestProposals")
            .WithSummary("Proposals, newest first: a prosecutor's own; every one for central-authority officers, supervisors and auditors.")
            .Produces<RequestProposalListResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(ProposalRoles.Readers);

        group.MapGet("/proposals/{id:guid}", async (Guid id, ClaimsPrincipal user, ReadProposalsHandler handler, CancellationToken ct) =>
                (await handler.GetAsync(id, user, ct)).ToHttp())
            .WithName("GetRequestProposal")
            .WithSummary("One proposal and what became of it.")
            .Produces<RequestProposalDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(ProposalRoles.Readers);

        group.MapPost("/proposals/{id:guid}/send", async (Guid id, ClaimsPrincipal user, DecideProposalHandler handler, CancellationToken ct) =>
                (await handler.SendAsync(id, user, ct)).ToHttp(detail => Results.Created($"/api/v1/requests/{detail.Header.Id:D}", detail)))
            .WithName("SendRequestProposal")
            .WithSummary("A central-authority officer sends the draft as a request (201; checked again, 422 if it no longer passes), never the officer who drafted it (403).")
            .Produces<RequestDetail>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(ProposalRoles.Reviewers);

        group.MapPost("/proposals/{id:guid}/return", async (Guid id, ReturnProposalInput? input, ClaimsPrincipal user, DecideProposalHandler handler, CancellationToken ct) =>
                (await handler.ReturnAsync(id, input, user, ct)).ToHttp())
            .WithName("ReturnRequestProposal")
            .WithSummary("A central-authority officer returns the draft to its prosecutor with reasons.")
            .Produces<RequestProposalDto>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(ProposalRoles.Reviewers);
    }
}
