using System.Text.RegularExpressions;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;
using ArchUnitNET.Fluent;
using static ArchUnitNET.Fluent.ArchRuleDefinition;
using ArchUnitNET.Domain;
using ArchUnitNET.Fluent.Conditions;

namespace Comity.Architecture.Tests.NodeAreas;

/// <summary>
/// <see cref="AreaRules"/> as ArchUnitNET rules on compiled types, for any root namespace: the node's
/// (<c>Comity.Node</c>) and the fixtures' that break each rule on purpose. Razor components compile to
/// classes in their folder's namespace, so pages and components are covered like any other type.
/// </summary>
/// <remarks>
/// What the compiler leaves out of the assembly is not seen here: a <c>const</c> is copied into the code that
/// uses it (an authorization policy name from Identity, say), and an unused <c>using</c> leaves no trace.
/// <see cref="SourceAreaChecker"/> sees both.
/// </remarks>
public static class CompiledAreaRules
{
    public const string EveryTypeInAnArea = "Every type of the node sits in an area (a top-level namespace, or one beneath Federation or Features)";

    /// <summary>Every rule's name, in the order <see cref="For"/> returns them.</summary>
    public static IReadOnlyList<string> Names =>
    [
        EveryTypeInAnArea,
        .. AreaRules.Dependencies.Select(r => r.Name),
        AreaRules.NoAreaUsesHosting,
        AreaRules.NoCycleInFederation,
        AreaRules.NoCycleBetweenFeatures,
        AreaRules.NoCycleBetweenAreas,
    ];

    /// <summary>The areas that have a type in <paramref name="architecture"/> under <paramref name="root"/>.</summary>
    public static IReadOnlyList<string> AreasIn(ArchitectureModel architecture, string root) =>
    [
        .. architecture.Types
            .Select(t => t.Namespace.FullName)
            .Where(ns => ns.StartsWith(root + ".", StringComparison.Ordinal))
            .Select(ns => AreaRules.AreaOf(ns[(root.Length + 1)..]))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    public static IReadOnlyList<(string Name, IArchRule Rule)> For(ArchitectureModel architecture, string root)
    {
        var areas = AreasIn(architecture, root);
        var underRoot = Pattern(root, []);
        var everyArea = Pattern(root, [.. AreaRules.TopLevelAreas, .. AreaRules.Groups.Select(g => g + ".*")]);
        var hosting = Pattern(root, [AreaRules.Hosting]);
        var rules = new List<(string, IArchRule)>
        {
            (EveryTypeInAnArea, Types().That().ResideInNamespaceMatching(underRoot).Should().ResideInNamespaceMatching(everyArea)
                .Because("code outside an area is visible unqualified to the areas beneath it").WithoutRequiringPositiveResults()),
        };

        foreach (var rule in AreaRules.Dependencies)
        {
            // A rule for areas matching "Features.*" is one rule per feature, because each may use its own namespaces.
            var from = areas.Where(a => AreaRules.IsArea(a) && AreaRules.Matches(rule.From, a)).DefaultIfEmpty(rule.From);
            rules.Add((rule.Name, from
                .Select(area => (IArchRule)Types().That().ResideInNamespaceMatching(Pattern(root, [area]))
                    .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(underRoot)
                        .And().DoNotResideInNamespaceMatching(Pattern(root, [area, AreaRules.Hosting, .. rule.MayUse])))
                    .Because(rule.Name).WithoutRequiringPositiveResults())
                .Aggregate((all, next) => all.And(next))));
        }

        rules.Add((AreaRules.NoAreaUsesHosting, Types().That().ResideInNamespaceMatching(underRoot).And().DoNotResideInNamespaceMatching(hosting)
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(hosting))
            .Because(AreaRules.NoAreaUsesHosting).WithoutRequiringPositiveResults()));

        // ArchUnitNET's slices ("Features.(*)..") make a slice of every sub-namespace, so Features.Treaty and
        // Features.Treaty.Mirror would be two slices with a cycle between them; cycles are found between areas instead.
        foreach (var cycleRule in (string[])[AreaRules.NoCycleInFederation, AreaRules.NoCycleBetweenFeatures, AreaRules.NoCycleBetweenAreas])
        {
            rules.Add((cycleRule, Types().That().ResideInNamespaceMatching(underRoot)
                .Should().FollowCustomCondition(new NoAreaCycle(root, cycleRule)).WithoutRequiringPositiveResults()));
        }

        return rules;
    }

    /// <summary>A regular expression for the namespaces under <paramref name="root"/> that match any of <paramref name="areaPatterns"/> (see <see cref="AreaRules.Matches"/>); with none, every namespace from the root down.</summary>
    public static string Pattern(string root, IReadOnlyCollection<string> areaPatterns)
    {
        var alternatives = areaPatterns.Select(p => string.Join(@"\.", p.Split('.').Select(s => s == "*" ? "[^.]+" : Regex.Escape(s))));
        return areaPatterns.Count == 0
            ? "^" + Regex.Escape(root) + @"(\..+)?$"
            : "^" + Regex.Escape(root) + @"\.(" + string.Join('|', alternatives) + @")(\..+)?$";
    }

    /// <summary>
    /// Builds the area graph from the compiled dependencies of the types it is given and fails each type
    /// that makes a hop of a cycle breaking <paramref name="rule"/> (<see cref="AreaCycles"/>, as for sources).
    /// </summary>
    private sealed class NoAreaCycle(string root, string rule) : ICondition<IType>
    {
        public string Description => "make no hop of a cycle between areas (" + rule + ")";

        public bool CheckEmpty() => true;

        public IEnumerable<ConditionResult> Check(IEnumerable<IType> objects, ArchitectureModel architecture)
        {
            var types = objects.ToList();
            var uses = types
                .SelectMany(t => t.Dependencies.Select(d => d.Target).Where(InRoot).Select(target => (From: Area(t), To: Area(target), Type: t.FullName)))
                .Where(u => u.From != u.To)
                .Distinct()
                .ToList();
            var edges = uses
                .GroupBy(u => (u.From, u.To))
                .Select(g => new AreaEdge(g.Key.From, g.Key.To, [.. g.Select(u => u.Type).Order(StringComparer.Ordinal)], ThroughContractsOnly: false, Allowed: true))
                .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)
                .ToList();
            var hops = AreaCycles.Find(edges)
                .Where(c => c.Rule == rule)
                .SelectMany(c => c.Path.Zip(c.Path.Skip(1), (from, to) => (From: from, To: to, Cycle: string.Join(" -> ", c.Path.Select(AreaRules.Display)))))
                .ToList();
            foreach (var type in types)
            {
                var hop = hops.FirstOrDefault(h => uses.Contains((h.From, h.To, type.FullName)));
                yield return new ConditionResult(type, hop.Cycle is null, hop.Cycle is null ? null : $"uses {AreaRules.Display(hop.To)} on the cycle {hop.Cycle}");
            }
        }

        // A generic parameter is no use of another area, and ArchUnitNET 0.13.5 can give one the namespace of an
        // unrelated generic method elsewhere (a lambda's T in Features.Directory read as Features.Requests').
        private bool InRoot(IType type) =>
            type is not GenericParameter && (type.Namespace.FullName == root || type.Namespace.FullName.StartsWith(root + ".", StringComparison.Ordinal));

        private string Area(IType type) => AreaRules.AreaOf(type.Namespace.FullName.Length > root.Length ? type.Namespace.FullName[(root.Length + 1)..] : "");
    }
}
