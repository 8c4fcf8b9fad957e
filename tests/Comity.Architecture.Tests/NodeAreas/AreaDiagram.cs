using System.Globalization;
using System.Text;

namespace Comity.Architecture.Tests.NodeAreas;

/// <summary>The generated section of docs/architecture.md: the area graph as a Mermaid flowchart and the size of each area.</summary>
public static partial class AreaDiagram
{
    public const string Start = "<!-- generated:areas:start -->";
    public const string End = "<!-- generated:areas:end -->";

    /// <summary>The page written when docs/architecture.md does not exist yet; the prose is the lead engineer's to write.</summary>
    private const string NewPage = """
        # Architecture

        _To be written: how the node is divided into areas, and why its dependency rule runs the way it does
        (STYLE.md section 2)._

        ## Areas of the node

        _To be written: what each area holds._

        """;

    private static readonly (string Group, string Id, string Title)[] Subgraphs =
        [("Federation", "transport", "Federation (transport)"), ("Features", "features", "Features")];

    /// <summary>The section, markers included, LF line endings, everything sorted.</summary>
    public static string Section(AreaGraph graph)
    {
        var text = new StringBuilder();
        text.Append(Start).Append('\n')
            .Append("<!-- Generated from src/Comity.Node by tests/Comity.Architecture.Tests (ArchitectureDocTests). Do not edit between the markers: run COMITY_UPDATE_DOCS=1 dotnet test tests/Comity.Architecture.Tests --filter FullyQualifiedName~ArchitectureDocTests -->\n\n")
            .Append("```mermaid\nflowchart TD\n");
        var areas = graph.Areas.Select(a => a.Area).Union(graph.Edges.SelectMany(e => (string[])[e.From, e.To])).Order(StringComparer.Ordinal).ToList();
        foreach (var (group, id, title) in Subgraphs)
        {
            var members = areas.Where(a => a.Split('.')[0] == group).ToList();
            if (members.Count == 0)
            {
                continue;
            }

            text.Append("    subgraph ").Append(id).Append("[\"").Append(title).Append("\"]\n");
            foreach (var area in members)
            {
                text.Append("        ").Append(Node(area)).Append('\n');
            }

            text.Append("    end\n");
        }

        foreach (var area in areas.Where(a => !AreaRules.Groups.Contains(a.Split('.')[0])))
        {
            text.Append("    ").Append(Node(area)).Append('\n');
        }

        foreach (var edge in graph.Edges)
        {
            text.Append("    ").Append(Id(edge.From)).Append(edge.ThroughContractsOnly ? " -->|contracts| " : " --> ").Append(Id(edge.To)).Append('\n');
        }

        var broken = graph.Edges.Select((e, i) => (e, i)).Where(x => !x.e.Allowed).Select(x => x.i.ToString(CultureInfo.InvariantCulture)).ToList();
        if (broken.Count > 0)
        {
            text.Append("    linkStyle ").Append(string.Join(',', broken)).Append(" stroke:#c62828,stroke-width:2px\n");
        }

        text.Append("```\n\n")
            .Append("An arrow is a use: code in one area names a type or namespace of another. ")
            .Append($"Red arrows ({broken.Count} of {graph.Edges.Count}) break the dependency rule; `contracts` marks a feature that uses another only through its Contracts namespace. ")
            .Append("A box marked _no area_ holds code outside any area.\n\n")
            .Append("| Area | Files | Lines |\n| --- | ---: | ---: |\n");
        foreach (var area in graph.Areas)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {AreaRules.Display(area.Area)} | {area.Files} | {area.Lines} |\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"| **Total** | **{graph.Areas.Sum(a => a.Files)}** | **{graph.Areas.Sum(a => a.Lines)}** |\n\n")
            .Append("Lines are the non-empty lines of the area's .cs and .razor files when the section was last written; the check compares the graph and the file counts, not the lines.\n")
            .Append(End).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// <paramref name="text"/> with the Lines column of the size table blanked, so that the check holds the graph
    /// and the files per area while line counts may drift between regenerations.
    /// </summary>
    public static string WithoutLineCounts(string text) =>
        LinesColumn().Replace(text, "$1 _ |");

    [System.Text.RegularExpressions.GeneratedRegex(@"(?m)^(\| [^|\n]+ \| [^|\n]+ \|) [*\d]+ \|$")]
    private static partial System.Text.RegularExpressions.Regex LinesColumn();

    /// <summary>
    /// <paramref name="page"/> with its generated section replaced by <paramref name="section"/>; a page without
    /// markers gets the section at its end, and no page at all becomes a short page around it.
    /// </summary>
    public static string Splice(string? page, string section)
    {
        if (page is null)
        {
            return NewPage + "\n" + section;
        }

        var start = page.IndexOf(Start, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return page.TrimEnd('\n') + "\n\n" + section;
        }

        var after = page[(end + End.Length)..];
        return page[..start] + section + (after.StartsWith('\n') ? after[1..] : after);
    }

    private static string Id(string area) => area == "" ? "area_root" : "area_" + area.Replace('.', '_');

    private static string Node(string area) => $"{Id(area)}[\"{AreaRules.Display(area)}\"]";
}
