namespace Comity.Node.Ui.Account;

/// <summary>Return addresses after sign-in: only paths on this node, never another site.</summary>
internal static class LocalUrls
{
    /// <summary>
    /// True for <c>/path</c> and <c>/path?query</c>; false for absolute URLs, protocol-relative
    /// <c>//host</c>, <c>/\host</c> (browsers treat a backslash as a slash) and control characters.
    /// </summary>
    public static bool IsLocal(string? url) =>
        url is { Length: > 0 }
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
