namespace Comity.Architecture.Tests.NodeAreas;

/// <summary>
/// Keeps the generated section of docs/architecture.md (area graph and sizes) in step with src/Comity.Node.
/// When it fails, rewrite the section with
/// <c>COMITY_UPDATE_DOCS=1 dotnet test tests/Comity.Architecture.Tests --filter FullyQualifiedName~ArchitectureDocTests</c>
/// and commit the file. With <c>COMITY_AREA_GRAPH_OUT=path</c> it also writes the whole graph, violations
/// included, as text to that path (scripts/area-graph.sh).
/// </summary>
public sealed class ArchitectureDocTests
{
    [Fact]
    public void AreaSection_MatchesTheCommittedFile()
    {
        var path = Path.Combine(DependencyRulesTests.RepositoryRoot(), "docs", "architecture.md");
        var graph = NodeSourceTests.Graph.Value;
        if (Environment.GetEnvironmentVariable("COMITY_AREA_GRAPH_OUT") is { Length: > 0 } report)
        {
            File.WriteAllText(report, graph.Describe());
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
        var expected = AreaDiagram.Splice(committed, AreaDiagram.Section(graph));
        if (Environment.GetEnvironmentVariable("COMITY_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
            committed = expected;
        }

        Assert.True(
            committed is not null && AreaDiagram.WithoutLineCounts(committed) == AreaDiagram.WithoutLineCounts(expected),
            "The generated section of docs/architecture.md is out of date. Run: COMITY_UPDATE_DOCS=1 dotnet test tests/Comity.Architecture.Tests --filter FullyQualifiedName~ArchitectureDocTests, then commit the file.");
    }

    [Fact]
    public void WithoutLineCounts_BlanksOnlyTheLinesColumn()
    {
        var table = "| Area | Files | Lines |\n| --- | ---: | ---: |\n| Kernel | 8 | 345 |\n| **Total** | **258** | **19906** |\n";

        var masked = AreaDiagram.WithoutLineCounts(table);

        Assert.Equal("| Area | Files | Lines |\n| --- | ---: | ---: |\n| Kernel | 8 | _ |\n| **Total** | **258** | _ |\n", masked);
    }

    [Fact]
    public void Splice_ReplacesOnlyTheSection_AndKeepsTheProse()
    {
        var page = "# Architecture\n\nProse before.\n\n" + AreaDiagram.Start + "\nold\n" + AreaDiagram.End + "\n\nProse after.\n";

        var spliced = AreaDiagram.Splice(page, AreaDiagram.Start + "\nnew\n" + AreaDiagram.End + "\n");

        Assert.Equal("# Architecture\n\nProse before.\n\n" + AreaDiagram.Start + "\nnew\n" + AreaDiagram.End + "\n\nProse after.\n", spliced);
    }

    [Fact]
    public void Splice_WithoutAPage_WritesATitleAroundTheSection()
    {
        var section = AreaDiagram.Start + "\nnew\n" + AreaDiagram.End + "\n";

        var page = AreaDiagram.Splice(null, section);

        Assert.StartsWith("# Architecture\n", page, StringComparison.Ordinal);
        Assert.EndsWith(section, page, StringComparison.Ordinal);
        Assert.Equal(page, AreaDiagram.Splice(page, section));
    }

    [Fact]
    public void Section_IsTheSame_WhateverTheOrderOfTheFiles()
    {
        var files = SourceAreaChecker.ReadNode(DependencyRulesTests.RepositoryRoot());

        var forward = AreaDiagram.Section(SourceAreaChecker.Check(files));
        var backward = AreaDiagram.Section(SourceAreaChecker.Check(files.Reverse()));

        Assert.Equal(forward, backward);
        Assert.DoesNotContain('\r', forward);
    }
}
