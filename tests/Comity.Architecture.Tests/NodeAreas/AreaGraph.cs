using System.Text;

namespace Comity.Architecture.Tests.NodeAreas;

/// <summary>Code in <paramref name="From"/> uses <paramref name="To"/>, in these files (or, read from compiled code, these types).</summary>
/// <param name="ThroughContractsOnly">Every use goes to the Contracts namespace of <paramref name="To"/>.</param>
/// <param name="Allowed">No use breaks a rule.</param>
public sealed record AreaEdge(string From, string To, IReadOnlyList<string> Files, bool ThroughContractsOnly, bool Allowed);

/// <summary>A broken rule and where: <c>Federation.Register -> Features.Treaty: src/Comity.Node/Federation/Register/RegisterSync.cs</c>.</summary>
public sealed record AreaViolation(string Rule, string Message);

/// <summary>A cycle between areas, as a closed path (<c>A, B, A</c>), and the rule it breaks.</summary>
public sealed record AreaCycle(string Rule, IReadOnlyList<string> Path, string Message);

/// <summary>An area's .cs and .razor files and their non-empty lines.</summary>
public sealed record AreaSize(string Area, int Files, int Lines);

/// <summary>What <see cref="SourceAreaChecker"/> found: the areas, who uses whom, and the rules broken.</summary>
public sealed record AreaGraph(IReadOnlyList<AreaSize> Areas, IReadOnlyList<AreaEdge> Edges, IReadOnlyList<AreaViolation> Violations, IReadOnlyList<AreaCycle> Cycles)
{
    /// <summary>The top-level areas of the rules that have no file.</summary>
    public IReadOnlyList<string> MissingAreas => [.. AreaRules.TopLevelAreas.Where(a => Areas.All(s => s.Area != a))];

    /// <summary>Violations as text, grouped by rule; "" when there are none.</summary>
    public static string Describe(IEnumerable<AreaViolation> violations)
    {
        var text = new StringBuilder();
        foreach (var rule in violations.GroupBy(v => v.Rule))
        {
            text.Append(rule.Key).Append(" (").Append(rule.Count()).Append("):\n");
            foreach (var violation in rule)
            {
                text.Append("  ").Append(violation.Message).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>Cycles as text, grouped by rule; "" when there are none.</summary>
    public static string Describe(IEnumerable<AreaCycle> cycles) => Describe(cycles.Select(c => new AreaViolation(c.Rule, c.Message)));

    /// <summary>The whole graph as text, for a person at a terminal (scripts/area-graph.sh).</summary>
    public string Describe()
    {
        var text = new StringBuilder("Areas (files, non-empty lines):\n");
        foreach (var area in Areas)
        {
            text.Append("  ").Append(AreaRules.Display(area.Area)).Append(": ").Append(area.Files).Append(", ").Append(area.Lines).Append('\n');
        }

        text.Append("\nEdges (").Append(Edges.Count).Append("):\n");
        foreach (var edge in Edges)
        {
            text.Append("  ").Append(AreaRules.Display(edge.From)).Append(" -> ").Append(AreaRules.Display(edge.To))
                .Append(edge.Allowed ? "" : "  [breaks a rule]").Append('\n');
            foreach (var file in edge.Files)
            {
                text.Append("      ").Append(file).Append('\n');
            }
        }

        var missing = MissingAreas.Count == 0 ? "" : "Missing areas: " + string.Join(", ", MissingAreas) + "\n";
        text.Append("\nViolations (").Append(Violations.Count).Append("):\n").Append(missing).Append(Describe(Violations));
        text.Append("\nCycles (").Append(Cycles.Count).Append("):\n").Append(Describe(Cycles));
        return text.ToString();
    }
}

/// <summary>
/// Cycles between areas, one per group of areas that all reach each other (a strongly connected component):
/// among the Federation areas alone, among the features alone, and then through areas of more than one kind.
/// </summary>
public static class AreaCycles
{
    public static IReadOnlyList<AreaCycle> Find(IReadOnlyList<AreaEdge> edges)
    {
        static bool Federation(string area) => AreaRules.Matches("Federation.*", area);
        static bool Feature(string area) => AreaRules.Matches("Features.*", area);
        return
        [
            .. Find(edges, AreaRules.NoCycleInFederation, Federation, _ => true),
            .. Find(edges, AreaRules.NoCycleBetweenFeatures, Feature, _ => true),
            .. Find(edges, AreaRules.NoCycleBetweenAreas, _ => true, c => !c.All(Federation) && !c.All(Feature)),
        ];
    }

    /// <summary>The cycles among the areas that <paramref name="among"/> keeps, in the components that <paramref name="report"/> keeps.</summary>
    private static IEnumerable<AreaCycle> Find(IReadOnlyList<AreaEdge> edges, string rule, Func<string, bool> among, Func<HashSet<string>, bool> report)
    {
        var next = edges.Where(e => e.From != e.To && among(e.From) && among(e.To))
            .GroupBy(e => e.From)
            .ToDictionary(g => g.Key, g => g.Select(e => e.To).Order(StringComparer.Ordinal).ToList());
        var cycles = new List<AreaCycle>();
        foreach (var component in StronglyConnected(next).Where(c => c.Count > 1 && report(c)))
        {
            var path = ShortestCycle(component.Min(StringComparer.Ordinal)!, component, next);
            var hops = path.Zip(path.Skip(1), (from, to) => $"{AreaRules.Display(from)} -> {AreaRules.Display(to)}: {edges.First(e => e.From == from && e.To == to).Files[0]}");
            cycles.Add(new AreaCycle(
                rule,
                path,
                string.Join(" -> ", path.Select(AreaRules.Display))
                    + (component.Count > path.Count - 1 ? $" (one of the cycles through {string.Join(", ", component.Order(StringComparer.Ordinal).Select(AreaRules.Display))})" : "")
                    + "; " + string.Join("; ", hops)));
        }

        return cycles.OrderBy(c => c.Message, StringComparer.Ordinal);
    }

    /// <summary>Tarjan's algorithm.</summary>
    private static List<HashSet<string>> StronglyConnected(Dictionary<string, List<string>> next)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var components = new List<HashSet<string>>();
        var nodes = next.Keys.Concat(next.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal);

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var to in next.GetValueOrDefault(node, []))
            {
                if (!index.TryGetValue(to, out var reached))
                {
                    Visit(to);
                    low[node] = Math.Min(low[node], low[to]);
                }
                else if (stack.Contains(to))
                {
                    low[node] = Math.Min(low[node], reached);
                }
            }

            if (low[node] == index[node])
            {
                var component = new HashSet<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                components.Add(component);
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return components;
    }

    /// <summary>The shortest way from <paramref name="start"/> back to itself inside its component (breadth first), as a closed path.</summary>
    private static List<string> ShortestCycle(string start, HashSet<string> component, Dictionary<string, List<string>> next)
    {
        var cameFrom = new Dictionary<string, string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var to in next.GetValueOrDefault(node, []).Where(component.Contains))
            {
                if (to == start)
                {
                    var path = new List<string> { start };
                    for (var at = node; at != start; at = cameFrom[at])
                    {
                        path.Add(at);
                    }

                    path.Add(start);
                    path.Reverse();
                    return path;
                }

                if (cameFrom.TryAdd(to, node))
                {
                    queue.Enqueue(to);
                }
            }
        }

        throw new InvalidOperationException("A strongly connected component without a cycle through " + start);
    }
}
