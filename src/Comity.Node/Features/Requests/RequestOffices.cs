using Comity.Domain.Cooperation;
using Comity.Domain.Directory;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Protocol.V1;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Requests;

/// <summary>
/// The offices requests go to (the designations of the kinds' channels) as the Register this node holds lists them,
/// for the pages: the States a request can be addressed to, and the offices' time zones for the second clock.
/// </summary>
/// <param name="Designations">The Register's designations of a request channel, in the Register's order.</param>
/// <param name="OwnState">This node's State.</param>
public sealed record RequestOffices(IReadOnlyList<DesignationV1> Designations, string? OwnState)
{
    public static RequestOffices From(RegisterV1? register, string? ownState)
    {
        var channels = RequestChannels.All.Select(c => c.Wire()).ToHashSet(StringComparer.Ordinal);
        return new([.. (register?.Designations ?? []).Where(d => channels.Contains(d.Role))], ownState);
    }

    /// <summary>
    /// The other States with an office for <paramref name="channel"/> (a designation role's wire name; every request
    /// channel when null), each with the name of its first such office, in State order.
    /// </summary>
    public IReadOnlyList<(string State, string Office)> OtherStates(string? channel) =>
        [.. Designations
            .Where(d => (channel is null || d.Role == channel) && !string.Equals(d.State, OwnState, StringComparison.OrdinalIgnoreCase))
            .GroupBy(d => d.State, StringComparer.OrdinalIgnoreCase)
            .Select(g => (g.Key, g.First().Office))
            .OrderBy(s => s.Key, StringComparer.Ordinal)];

    /// <summary>Each State's office time zone: its office of the first channel (in the kinds' order) it designated.</summary>
    public RequestZones Zones
    {
        get
        {
            var zones = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var channel in RequestChannels.All)
            {
                foreach (var d in Designations.Where(d => d.Role == channel.Wire() && !zones.ContainsKey(d.State)))
                {
                    zones[d.State] = d.TimeZone;
                }
            }

            return new RequestZones(zones, OwnState is not null && zones.TryGetValue(OwnState, out var own) ? own : null);
        }
    }
}

/// <summary>
/// The request offices' time zones by State, for the second clock of every due time (list rows carry the States, not
/// the offices' zones), and this node's own.
/// </summary>
public sealed record RequestZones(IReadOnlyDictionary<string, string> ByState, string? Own)
{
    public static RequestZones None { get; } = new(new Dictionary<string, string>(), null);

    public string? Of(string? state) => state is not null && ByState.TryGetValue(state, out var zone) ? zone : null;
}

/// <summary>Reads <see cref="RequestOffices"/> from the Register this node holds (pages reach it through <c>Scoped&lt;T&gt;</c>).</summary>
internal sealed class GetRequestOfficesHandler(ICurrentRegister register, IOptions<NodeOptions> node)
{
    public async Task<RequestOffices> HandleAsync(CancellationToken cancellationToken) =>
        RequestOffices.From((await register.GetAsync(cancellationToken))?.Register, node.Value.StateCode);
}
