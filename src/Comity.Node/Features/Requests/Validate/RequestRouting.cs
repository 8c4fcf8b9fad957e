using Comity.Domain.Directory;
using Comity.Protocol.V1;

namespace Comity.Node.Features.Requests.Validate;

/// <summary>Where a request goes according to a Register: the requested State's office of the kind's channel, and who is on its roster.</summary>
internal static class RequestRouting
{
    /// <summary>The requested State's designation for <paramref name="channel"/>; the first by id when it designated several.</summary>
    public static DesignationV1? Designation(RegisterV1 register, string state, DesignationRole channel) =>
        register.Designations
            .Where(d => string.Equals(d.State, state, StringComparison.Ordinal) && string.Equals(d.Role, channel.Wire(), StringComparison.Ordinal))
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>Who is on the roster at <paramref name="now"/>; the latest shift to start when shifts overlap.</summary>
    public static string? OnDuty(DesignationV1 designation, DateTimeOffset now) =>
        designation.Roster.Where(s => s.Start <= now && now < s.End).OrderByDescending(s => s.Start).Select(s => s.Officer).FirstOrDefault();

    /// <summary>Whether the Convention is in force between the two States on <paramref name="now"/>'s day, and why, in words (Art. 65).</summary>
    public static (bool InForce, string Reason) InForce(RegisterV1? register, string own, string requested, DateTimeOffset now)
    {
        var on = DateOnly.FromDateTime(now.UtcDateTime);
        var iso = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (register is null)
        {
            return (false, $"This node holds no Register yet, so it cannot tell whether the Convention is in force between {own} and {requested} on {iso} (Art. 65).");
        }

        return RegisterLookups.IsInForceBetween(register, own, requested, on)
            ? (true, $"The Convention is in force between {own} and {requested} on {iso} according to the Register (serial {register.Serial}) (Art. 65).")
            : (false, $"The Convention is not in force between {own} and {requested} on {iso} according to the Register (serial {register.Serial}) (Art. 65).");
    }
}
