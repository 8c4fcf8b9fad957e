using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Requests.HandoverNotes;

/// <summary>The handover notes between duty shifts, newest first.</summary>
internal sealed class ListHandoverNotesHandler(ComityDbContext db)
{
    /// <summary>The most notes a page shows when the caller names no limit.</summary>
    public const int DefaultLimit = 50;

    public async Task<HandoverNotesResponse> HandleAsync(int? limit, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? DefaultLimit, 1, RequestLimits.MaxRows);
        var rows = await db.HandoverNotes().AsNoTracking().OrderByDescending(n => n.WrittenAt).ThenByDescending(n => n.Id).Take(take).ToListAsync(cancellationToken);
        return new HandoverNotesResponse([.. rows.Select(HandoverNoteDto.From)]);
    }
}
