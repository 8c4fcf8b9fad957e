namespace Comity.Domain.Treaty;

/// <summary>
/// Domain event: the depositary recorded instruments (Arts. 64, 67), in deposit order. Whatever publishes the
/// treaty's facts elsewhere (the Register) learns of them from this event.
/// </summary>
public sealed record InstrumentsRecorded(IReadOnlyList<Instrument> Instruments);
