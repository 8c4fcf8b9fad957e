using Comity.Domain.Cooperation;
using Comity.Node.Features.Requests.Validate;
using Comity.Protocol.V1;

namespace Comity.Node.Features.Requests;

/// <summary>A clock the other side has let pass: what it owes this side, since when, and how to reach it now.</summary>
/// <param name="Kind">The clock: <c>acknowledgement</c>.</param>
/// <param name="Due">When it was due; it has passed.</param>
/// <param name="Article">The provision behind the clock (<c>Art. 41</c>).</param>
/// <param name="Contact">The other State's office for the request's channel as the Register this node holds lists it; null when the Register lists none.</param>
public sealed record TheirOverdueDto(string Kind, DateTimeOffset Due, string Article, PointOfContactDto? Contact);

/// <summary>The other State's office for a request's channel (its 24/7 point of contact), from the Register this node holds.</summary>
/// <param name="State">The office's State.</param>
/// <param name="Office">The office's name.</param>
/// <param name="TimeZone">The office's IANA time zone.</param>
/// <param name="Channels">The office's phone, e-mail, portal and platform channels.</param>
/// <param name="OnDuty">Who is on the office's roster now (the shift that covers now); null when no shift does.</param>
/// <param name="OnDutyChannels">How to reach the officer on duty directly.</param>
public sealed record PointOfContactDto(
    string State,
    string Office,
    string TimeZone,
    IReadOnlyList<ContactChannelV1> Channels,
    string? OnDuty,
    IReadOnlyList<ContactChannelV1> OnDutyChannels);

/// <summary>
/// The other side's clocks, which this side does not watch (<see cref="RequestClocks"/>) but must see once they pass: the
/// requesting side waits for the acknowledgement and, when it is late, calls the requested State's 24/7 point of contact.
/// </summary>
internal static class OtherSide
{
    /// <summary>The passed clock the other side owes this side (the earliest), or null.</summary>
    public static RunningClock? Overdue(Side side, RequestStatus status, RequestState state) =>
        state.IsFinal() ? null
        : status.Clocks.Where(c => c.IsDue && RequestClocks.AwaitedFrom(side.Other(), c.Deadline.Kind)).OrderBy(c => c.Deadline.Due).FirstOrDefault();

    /// <summary>The other State's office for the request: the one it was routed to, else that State's office of the kind's channel.</summary>
    public static PointOfContactDto? Contact(RegisterV1? register, RequestRecord request, RequestKind kind, DateTimeOffset now)
    {
        if (register is null)
        {
            return null;
        }

        var designation = (RequestLedger.SideOf(request) == Side.Requesting && request.RequestedDesignationId is { } id
                ? register.Designations.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.Ordinal))
                : null)
            ?? RequestRouting.Designation(register, request.PeerState, kind.Profile().Channel);
        if (designation is null)
        {
            return null;
        }

        var shift = designation.Roster.Where(s => s.Start <= now && now < s.End).OrderByDescending(s => s.Start).FirstOrDefault();
        return new PointOfContactDto(designation.State, designation.Office, designation.TimeZone, designation.Channels, shift?.Officer, shift?.Channels ?? []);
    }

    public static TheirOverdueDto? Describe(RunningClock? clock, RegisterV1? register, RequestRecord request, RequestKind kind, DateTimeOffset now) =>
        clock is null ? null
        : new TheirOverdueDto(RequestWire.DeadlineWire(clock.Deadline.Kind), clock.Deadline.Due.ToDateTimeOffset(), clock.Deadline.Basis.ToString(), Contact(register, request, kind, now));
}
