namespace Comity.Node.Features.Requests;

/// <summary>The handling-condition fields of a form (the guided form and the disclosure and answer forms), as the API's conditions.</summary>
internal static class ConditionFields
{
    /// <summary>The conditions as given: blank fields are null; data-protection conditions are one a line.</summary>
    public static HandlingConditionsDto ToDto(string? confidentiality, string? useLimitation, string? onwardTransfer, int? retentionDays, string? dataProtection)
    {
        var protection = (dataProtection ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new HandlingConditionsDto(Blank(confidentiality), Blank(useLimitation), Blank(onwardTransfer), retentionDays, protection.Length == 0 ? null : protection);
    }

    /// <summary>Whether the fields add nothing at all.</summary>
    public static bool IsEmpty(HandlingConditionsDto conditions) =>
        conditions is { Confidentiality: null, UseLimitation: null, OnwardTransfer: null, RetentionDays: null, DataProtection: null };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
