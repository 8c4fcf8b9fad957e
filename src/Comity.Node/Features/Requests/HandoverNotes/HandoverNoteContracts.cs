namespace Comity.Node.Features.Requests.HandoverNotes;

// This use case's part of the JSON contract of /api/v1/requests; its conventions are in ../RequestContracts.cs.

/// <summary>A note from one shift to the next, optionally about some requests.</summary>
public sealed record HandoverNoteInput(string? Text, IReadOnlyList<Guid>? RequestIds = null);

/// <summary>A stored handover note.</summary>
public sealed record HandoverNoteDto(Guid Id, string Author, DateTimeOffset WrittenAt, string Text, IReadOnlyList<Guid> RequestIds)
{
    public static HandoverNoteDto From(HandoverNoteRecord note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return new(
            note.Id,
            note.Author,
            note.WrittenAt,
            note.Text,
            [.. note.RequestIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.Parse(s))]);
    }
}

/// <summary>The answer of <c>GET /api/v1/requests/handover-notes</c>, newest first.</summary>
public sealed record HandoverNotesResponse(IReadOnlyList<HandoverNoteDto> Items);
