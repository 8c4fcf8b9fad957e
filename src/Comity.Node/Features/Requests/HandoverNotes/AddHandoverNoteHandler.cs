using System.Security.Claims;
using Comity.Domain.Legal;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Requests.HandoverNotes;

/// <summary>Writes a note for the next duty shift, optionally about some requests this node holds, with its audit record.</summary>
internal sealed class AddHandoverNoteHandler(ComityDbContext db, IAuditTrail audit, IIdGenerator ids, TimeProvider time)
{
    public async Task<Result<HandoverNoteDto>> HandleAsync(HandoverNoteInput? input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var text = input?.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > RequestLimits.NoteText)
        {
            return Error.Invalid([string.IsNullOrEmpty(text)
                ? RequestWire.Problem("text", RequestCodes.HandoverTextMissing, "Write the note.", Convention.Art(41, 1))
                : RequestWire.TooLong("text", RequestLimits.NoteText)]);
        }

        var requestIds = (input!.RequestIds ?? []).Distinct().ToList();
        if (requestIds.Count > RequestCodes.MaxHandoverRequests)
        {
            return Error.Invalid([RequestWire.Problem("requestIds", RequestCodes.HandoverTooManyRequests, $"A note is about at most {RequestCodes.MaxHandoverRequests} requests.",
                Convention.Art(41, 1), limit: RequestCodes.MaxHandoverRequests)]);
        }

        var known = await db.Requests().Where(r => requestIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(cancellationToken);
        if (requestIds.FirstOrDefault(r => !known.Contains(r)) is var unknown && unknown != Guid.Empty)
        {
            return RequestErrors.NotFound(unknown);
        }

        var note = new HandoverNoteRecord
        {
            Id = ids.NewId(),
            Author = RequestActors.Name(user) ?? "",
            AuthorId = Audit.User(user),
            WrittenAt = time.GetUtcNow(),
            Text = text,
            RequestIds = string.Join(",", requestIds.Select(r => r.ToString("D"))),
        };
        db.HandoverNotes().Add(note);
        audit.Record(new AuditRecord(Audit.User(user), "handover.written", "handover-note", note.Id.ToString("D"), Audit.Sha256(text)));
        await db.SaveChangesAsync(cancellationToken);
        return HandoverNoteDto.From(note);
    }
}
