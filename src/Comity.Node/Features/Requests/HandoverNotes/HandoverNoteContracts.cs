namespace Comity.Node.Features.Requests.HandoverNotes;

// The JSON contract of /api/v1/requests (docs/cooperation/requests-api.md). Names are camelCase on the
// wire; enum-like values are the domain's wire names (RequestKinds.Wire, RequestStates.Wire, …);
// instants are UTC ISO 8601; durations are TimeSpan ("hh:mm:ss" or "d.hh:mm:ss").
// Every member added later is optional, so that clients written against this version keep working.

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
