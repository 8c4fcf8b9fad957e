namespace Comity.Architecture.Tests.NodeAreas;

/// <summary>The node's dependency rule, read from src/Comity.Node by <see cref="SourceAreaChecker"/>.</summary>
public sealed class NodeSourceTests
{
    internal static readonly Lazy<AreaGraph> Graph = new(() => SourceAreaChecker.Check(SourceAreaChecker.ReadNode(DependencyRulesTests.RepositoryRoot())));

    [Fact]
    public void Node_KeepsEveryDependencyRule()
    {
        var violations = Graph.Value.Violations;

        Assert.True(violations.Count == 0, $"{violations.Count} uses break the node's dependency rule (STYLE.md section 2):\n" + AreaGraph.Describe(violations));
    }

    [Fact]
    public void Node_HasNoCycleBetweenAreas()
    {
        var cycles = Graph.Value.Cycles;

        Assert.True(cycles.Count == 0, $"{cycles.Count} cycles between areas:\n" + AreaGraph.Describe(cycles));
    }

    [Fact]
    public void Node_HasEveryTopLevelArea() => Assert.Empty(Graph.Value.MissingAreas);

    [Fact]
    public void ReadNode_FindsTheNodesSources_InAreas()
    {
        var files = Graph.Value.Areas.Sum(a => a.Files);

        Assert.True(files > 50, $"only {files} files read under {SourceAreaChecker.NodeFolder}");
        Assert.NotEmpty(Graph.Value.Edges);
    }
}
