using NodaTime;

namespace Comity.Domain.Treaty;

/// <summary>
/// An act deposited with (or, for a signature, performed before) the Secretary-General:
/// who, what, on which date, and optionally the depositary notification that records it.
/// </summary>
public sealed record Instrument(ParticipantCode Participant, InstrumentKind Kind, LocalDate Date, string? DepositaryNotification = null)
{
    public override string ToString() =>
        $"{Kind.ToKeyword()} by {Participant} on {Date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";
}
