using System.Security.Claims;
using Comity.Node.Api;

namespace Comity.Node.Features.Requests.HandoverNotes;

/// <summary><c>GET</c> and <c>POST /api/v1/requests/handover-notes</c>.</summary>
internal static class HandoverNoteEndpoints
{
    public static void MapListHandoverNotes(this RouteGroupBuilder group) =>
        group.MapGet("/handover-notes", async (int? limit, ListHandoverNotesHandler handler, CancellationToken ct) =>
                Results.Ok(await handler.HandleAsync(limit, ct)))
            .WithName("ListHandoverNotes")
            .WithSummary("Handover notes between duty shifts, newest first.")
            .Produces<HandoverNotesResponse>()
            .RequireAuthorization(RequestRoles.Readers);

    public static void MapAddHandoverNote(this RouteGroupBuilder group) =>
        group.MapPost("/handover-notes", async (HandoverNoteInput? input, ClaimsPrincipal user, AddHandoverNoteHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(input, user, ct)).ToHttp(note => Results.Created("/api/v1/requests/handover-notes", note)))
            .WithName("AddHandoverNote")
            .WithSummary("Writes a note for the next duty shift.")
            .Produces<HandoverNoteDto>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(RequestRoles.Actors);
}
