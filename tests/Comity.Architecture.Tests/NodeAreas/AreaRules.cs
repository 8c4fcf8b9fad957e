namespace Comity.Architecture.Tests.NodeAreas;

/// <summary>
/// The node's dependency rule (STYLE.md section 2) as data, read by both the source checker
/// (<see cref="SourceAreaChecker"/>) and the rules on the compiled assembly (<see cref="CompiledAreaRules"/>).
/// </summary>
/// <remarks>
/// An area is a top-level folder of the node, except under <c>Features/</c> and <c>Federation/</c>, where each
/// sub-folder is an area of its own. Namespaces match folders, so an area is also a namespace under the node's
/// root namespace. Names are written relative to that root: <c>Kernel</c>, <c>Federation.Keys</c>,
/// <c>Features.Treaty</c>. Patterns use <c>*</c> for one namespace segment and cover sub-namespaces:
/// <c>Features.*.Contracts</c> covers <c>Features.Treaty.Contracts.Events</c>.
/// </remarks>
public static class AreaRules
{
    public const string Kernel = "Kernel";
    public const string Hosting = "Hosting";

    /// <summary>The areas that are top-level folders.</summary>
    public static readonly IReadOnlyList<string> TopLevelAreas = [Kernel, "Storage", "Api", "Identity", "Ui", Hosting];

    /// <summary>The folders whose sub-folders are areas.</summary>
    public static readonly IReadOnlyList<string> Groups = ["Federation", "Features"];

    public const string EveryFileInAnArea = "Every file of the node sits in an area (a top-level folder, or a sub-folder of Federation/ or Features/)";
    public const string NamespacesMatchFolders = "Namespaces match folders";
    public const string NoAreaUsesHosting = "No area uses Hosting (the composition root)";

    /// <summary>The rules on what each area may use, Hosting aside (it may use everything; nothing uses it).</summary>
    public static readonly IReadOnlyList<DependencyRule> Dependencies =
    [
        new("Kernel depends on no other area", Kernel, []),
        new("Storage uses only Kernel (so it maps no feature's tables)", "Storage", [Kernel]),
        new("Api uses only Kernel", "Api", [Kernel]),
        new("Identity uses only Kernel, Storage and Api", "Identity", [Kernel, "Storage", "Api"]),
        new("Federation (transport) uses only Kernel, Storage, Api, Identity and Federation, never a feature", "Federation.*", [Kernel, "Storage", "Api", "Identity", "Federation.*"]),
        new("Ui uses only Kernel, Storage, Api and Identity, never a feature or Federation", "Ui", [Kernel, "Storage", "Api", "Identity"]),
        new("A feature uses another feature only through its Contracts namespace", "Features.*", [Kernel, "Storage", "Api", "Identity", "Federation.*", "Ui", "Features.*.Contracts"]),
    ];

    public const string NoCycleInFederation = "No cycle among the Federation areas";
    public const string NoCycleBetweenFeatures = "No cycle between features (uses of Contracts count)";
    public const string NoCycleBetweenAreas = "No cycle between areas";

    /// <summary>
    /// The area of a namespace written relative to the root: <c>Features.Treaty.Mirror</c> is in
    /// <c>Features.Treaty</c>, <c>Kernel.Ids</c> in <c>Kernel</c>. Code right in a group folder is in an area
    /// named after the group (<c>Features</c>), and code right under the root in the area <c>""</c>; neither is
    /// an area of the rules (<see cref="IsArea"/>).
    /// </summary>
    public static string AreaOf(string relativeNamespace)
    {
        var segments = relativeNamespace.Split('.', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length switch
        {
            0 => "",
            1 => segments[0],
            _ => Groups.Contains(segments[0]) ? segments[0] + "." + segments[1] : segments[0],
        };
    }

    public static bool IsArea(string area)
    {
        var segments = area.Split('.');
        return segments.Length switch
        {
            1 => TopLevelAreas.Contains(segments[0]),
            2 => Groups.Contains(segments[0]),
            _ => false,
        };
    }

    /// <summary>An area's name in messages and diagrams, telling code outside any area apart.</summary>
    public static string Display(string area) => IsArea(area) ? area : (area == "" ? "the node's root folder" : area) + " (no area)";

    /// <summary>Whether <paramref name="relativeNamespace"/> is <paramref name="pattern"/> or beneath it.</summary>
    public static bool Matches(string pattern, string relativeNamespace)
    {
        var wanted = pattern.Split('.');
        var actual = relativeNamespace.Split('.', StringSplitOptions.RemoveEmptyEntries);
        return actual.Length >= wanted.Length
            && wanted.Select((segment, i) => segment == "*" || segment == actual[i]).All(match => match);
    }

    /// <summary>
    /// The rule broken when code in area <paramref name="from"/> uses namespace <paramref name="target"/>
    /// (relative to the root), or null when that use is allowed. Uses from outside any area are not judged:
    /// <see cref="EveryFileInAnArea"/> already asks for that code to move.
    /// </summary>
    public static string? BrokenBy(string from, string target)
    {
        var to = AreaOf(target);
        if (to == from || from == Hosting || !IsArea(from))
        {
            return null;
        }

        if (to == Hosting)
        {
            return NoAreaUsesHosting;
        }

        var rule = Dependencies.Single(r => Matches(r.From, from));
        return rule.MayUse.Any(p => Matches(p, target)) ? null : rule.Name;
    }
}

/// <summary>Code in the areas matching <paramref name="From"/> may use only its own area and those matching <paramref name="MayUse"/>.</summary>
public sealed record DependencyRule(string Name, string From, IReadOnlyList<string> MayUse);
