using System.Reflection;
using ArchitectureModel = ArchUnitNET.Domain.Architecture;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;

namespace Comity.Architecture.Tests.NodeAreas;

/// <summary>
/// The node's dependency rule on the compiled Comity.Node assembly (ArchUnitNET), and the same rules on two
/// miniature nodes compiled into this assembly: Fixtures/BrokenNode.cs breaks each rule once,
/// Fixtures/SoundNode.cs keeps them all.
/// </summary>
public sealed class CompiledAreaRulesTests
{
    private const string BrokenRoot = "Comity.Architecture.Tests.Fixtures.Node";
    private const string SoundRoot = "Comity.Architecture.Tests.Fixtures.SoundNode";

    private static readonly Lazy<ArchitectureModel> Node = new(() =>
        new ArchLoader().LoadAssemblies(Assembly.Load(new AssemblyName(SourceAreaChecker.RootNamespace))).Build());

    private static readonly Lazy<ArchitectureModel> Fixtures = new(() =>
        new ArchLoader().LoadAssemblies(typeof(CompiledAreaRulesTests).Assembly).Build());

    /// <summary>For each rule, fragments of what it must report on the broken miniature node.</summary>
    private static readonly Dictionary<string, string[]> Offenders = new()
    {
        [CompiledAreaRules.EveryTypeInAnArea] = [BrokenRoot + ".Features.FeatureRegistration"],
        [Rule("Kernel")] = ["KernelUsesStorage"],
        [Rule("Storage")] = ["StorageUsesAFeature"],
        [Rule("Api")] = ["ApiUsesIdentity"],
        [Rule("Identity")] = ["IdentityUsesUi"],
        [Rule("Federation.*")] = ["RegisterUsesAFeature"],
        [Rule("Ui")] = ["UiUsesAFeature"],
        [Rule("Features.*")] = ["RequestsUseTreatyMirror"],
        [AreaRules.NoAreaUsesHosting] = ["UiUsesHosting"],
        [AreaRules.NoCycleInFederation] = ["EnvelopesUseRegister", "RegisterUsesEnvelopes"],
        [AreaRules.NoCycleBetweenFeatures] = ["TreatyUsesRequestsContracts", "RequestsUseTreatyContracts"],
        [AreaRules.NoCycleBetweenAreas] = ["KernelUsesStorage", "StorageUsesAFeature"],
    };

    public static TheoryData<string> Rules => [.. CompiledAreaRules.Names];

    [Theory]
    [MemberData(nameof(Rules))]
    public void NodeAssembly_KeepsRule(string rule) => RuleOf(Node.Value, SourceAreaChecker.RootNamespace, rule).Check(Node.Value);

    [Fact]
    public void NodeAssembly_HasEveryTopLevelArea()
    {
        var areas = CompiledAreaRules.AreasIn(Node.Value, SourceAreaChecker.RootNamespace);

        Assert.Empty(AreaRules.TopLevelAreas.Except(areas));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void BrokenFixture_BreakingRule_IsReported(string rule)
    {
        var failures = Failures(BrokenRoot, rule);

        Assert.NotEmpty(failures);
        Assert.All(Offenders[rule], offender => Assert.Contains(offender, failures, StringComparison.Ordinal));
    }

    [Fact]
    public void BrokenFixture_FeatureUsingAnotherFeaturesContracts_IsNotReported()
    {
        var failures = Failures(BrokenRoot, Rule("Features.*"));

        Assert.DoesNotContain("RequestsUseTreatyContracts", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("TreatyUsesRequestsContracts", failures, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void SoundFixture_KeepsRule(string rule) => RuleOf(Fixtures.Value, SoundRoot, rule).Check(Fixtures.Value);

    [Fact]
    public void Fixtures_EachRuleHasAnOffender() => Assert.Equal(CompiledAreaRules.Names.Order(), Offenders.Keys.Order());

    private static string Rule(string from) => AreaRules.Dependencies.Single(r => r.From == from).Name;

    private static ArchUnitNET.Fluent.IArchRule RuleOf(ArchitectureModel architecture, string root, string name) =>
        CompiledAreaRules.For(architecture, root).Single(r => r.Name == name).Rule;

    private static string Failures(string root, string rule) =>
        string.Join("\n", RuleOf(Fixtures.Value, root, rule).Evaluate(Fixtures.Value).Where(r => !r.Passed).Select(r => r.Description));
}
