using Comity.Node.Kernel;
using Comity.Node.Identity;
using Microsoft.Extensions.Localization;

namespace Comity.Node.Ui.Localization;

/// <summary>Display names for values the UI shows: roles, node roles and the six languages.</summary>
internal static partial class UiNames
{
    /// <summary>Each official language named in itself, so a reader finds theirs whatever the page language.</summary>
    public static IReadOnlyList<(string Code, string Name)> Languages { get; } =
    [
        ("en", "English"),
        ("fr", "Français"),
        ("es", "Español"),
        ("ru", "Русский"),
        ("ar", "العربية"),
        ("zh-Hans", "中文"),
    ];

    public static string Role(IStringLocalizer<UiText> text, string role) => role switch
    {
        Roles.DutyOfficer => text["RoleDutyOfficer"],
        Roles.Prosecutor => text["RoleProsecutor"],
        Roles.CentralAuthorityOfficer => text["RoleCentralAuthorityOfficer"],
        Roles.Auditor => text["RoleAuditor"],
        Roles.NodeAdmin => text["RoleNodeAdmin"],
        Roles.SecretariatOfficer => text["RoleSecretariatOfficer"],
        Roles.Supervisor => text["RoleSupervisor"],
        _ => role,
    };

    public static string NodeRole(IStringLocalizer<UiText> text, NodeRole role) => role switch
    {
        Kernel.NodeRole.State => text["NodeRoleState"],
        Kernel.NodeRole.Secretariat => text["NodeRoleSecretariat"],
        _ => role.ToString(),
    };

    /// <summary>The node's configured display name, or its role and State in the viewer's language.</summary>
    public static string NodeName(IStringLocalizer<UiText> text, NodeOptions node) =>
        node.DisplayName ?? (node.Role == Kernel.NodeRole.Secretariat ? text["NodeRoleSecretariat"] : text["NodeRoleState"] + " " + node.StateCode);

    /// <summary>An instant for display: the viewer's language, in UTC (stored values stay invariant).</summary>
    public static string Utc(IStringLocalizer<UiText> text, DateTimeOffset instant) =>
        text["UtcSuffix", LongDate(DateOnly.FromDateTime(instant.UtcDateTime)) + " " + instant.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)];

    private static readonly System.Resources.ResourceManager UiTextResources = new(typeof(UiText).FullName!, typeof(UiText).Assembly);

    /// <summary>
    /// An instant for display where no localizer is at hand (status bar, tables of instants): the reader's language,
    /// in UTC, "November 2, 2026 09:00 UTC", "2 novembre 2026 09:00 UTC", "2026年11月2日 09:00（UTC）", never an ISO string.
    /// </summary>
    public static string Utc(DateTimeOffset instant, bool seconds = false)
    {
        var time = instant.UtcDateTime.ToString(seconds ? "HH:mm:ss" : "HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var format = UiTextResources.GetString("UtcSuffix", System.Globalization.CultureInfo.CurrentUICulture) ?? "{0} UTC";
        return string.Format(System.Globalization.CultureInfo.CurrentCulture, format, LongDate(DateOnly.FromDateTime(instant.UtcDateTime)) + " " + time);
    }

    /// <summary>The culture's long date without the weekday ("16 November 2025", "16 novembre 2025", "2025年11月16日"): never an ambiguous 12/7/2026.</summary>
    public static string LongDate(DateOnly date) =>
        date.ToString(WithoutWeekday().Replace(System.Globalization.CultureInfo.CurrentCulture.DateTimeFormat.LongDatePattern, "").Trim(), System.Globalization.CultureInfo.CurrentCulture);

    [System.Text.RegularExpressions.GeneratedRegex(@"dddd[,،]?\s*|\s*[,،]?\s*dddd")]
    private static partial System.Text.RegularExpressions.Regex WithoutWeekday();
}
