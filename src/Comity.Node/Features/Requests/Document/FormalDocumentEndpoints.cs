using System.Security.Claims;
using Comity.Node.Api;

namespace Comity.Node.Features.Requests.Document;

/// <summary><c>GET /api/v1/requests/{id}/document.pdf</c> and <c>GET /api/v1/requests/{id}/answers/{eventIndex}/document.pdf</c>.</summary>
internal static class FormalDocumentEndpoints
{
    public static void MapFormalDocuments(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/document.pdf", (Guid id, ClaimsPrincipal user, GetFormalDocumentHandler handler, CancellationToken ct) => SendAsync(handler.HandleAsync(id, null, user, ct)))
            .WithName("GetRequestDocument")
            .WithSummary("The formal document (PDF) of a request between central authorities: its language, contents with their articles, the sending node and officer, the SHA-256 of the signed submission and its QR code.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(RequestRoles.Readers);
        group.MapGet("/{id:guid}/answers/{eventIndex:int}/document.pdf", (Guid id, int eventIndex, ClaimsPrincipal user, GetFormalDocumentHandler handler, CancellationToken ct) => SendAsync(handler.HandleAsync(id, eventIndex, user, ct)))
            .WithName("GetAnswerDocument")
            .WithSummary("The formal document (PDF) of an answer (partiallyExecuted or executed event) to a request between central authorities, with the SHA-256 of the signed answer and of the signed submission.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(RequestRoles.Readers);
    }

    private static async Task<IResult> SendAsync(Task<Kernel.Result<FormalDocumentFile>> document) =>
        (await document).ToHttp(file => Results.File(file.Pdf, "application/pdf", file.FileName));
}
