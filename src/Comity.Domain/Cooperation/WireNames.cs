namespace Comity.Domain.Cooperation;

/// <summary>Parses the camelCase wire names of the cooperation enums, ignoring case and surrounding spaces.</summary>
internal static class WireNames
{
    public static bool TryParse<T>(string? wire, Func<T, string> name, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(name(candidate), wire?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
