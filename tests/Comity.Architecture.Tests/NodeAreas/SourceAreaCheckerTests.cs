namespace Comity.Architecture.Tests.NodeAreas;

/// <summary>
/// The source checker on small in-memory nodes: each case breaks one rule once and must be reported, in one
/// of the ways code can name another area; the other tests show what is not a reference.
/// </summary>
public sealed class SourceAreaCheckerTests
{
    private const string Node = SourceAreaChecker.NodeFolder + "/";

    /// <summary>Each case: the files, then the rule and the message it must produce.</summary>
    private static readonly Dictionary<string, (SourceFile[] Files, string Rule, string Message)> Broken = new()
    {
        ["Kernel using Storage (using directive)"] = (
            [
                Source("Kernel/NodeId.cs", "using Comity.Node.Storage;\n\nnamespace Comity.Node.Kernel;\n\npublic readonly record struct NodeId(ComityDbContext Db);"),
                Source("Storage/ComityDbContext.cs", "namespace Comity.Node.Storage;\n\npublic sealed class ComityDbContext;"),
            ],
            Rule("Kernel"), "Kernel -> Storage: src/Comity.Node/Kernel/NodeId.cs"),
        ["Storage mapping a feature's table (global:: name in code)"] = (
            [
                Source("Storage/ComityDbContext.cs", "namespace Comity.Node.Storage;\n\npublic sealed class ComityDbContext\n{\n    public object Treaties => typeof(global::Comity.Node.Features.Treaty.TreatyEntity);\n}"),
                Source("Features/Treaty/TreatyEntity.cs", "namespace Comity.Node.Features.Treaty;\n\npublic sealed class TreatyEntity;"),
            ],
            Rule("Storage"), "Storage -> Features.Treaty: src/Comity.Node/Storage/ComityDbContext.cs"),
        ["Api using Identity (using static)"] = (
            [
                Source("Api/Problems.cs", "using static Comity.Node.Identity.Roles;\n\nnamespace Comity.Node.Api;\n\npublic static class Problems;"),
                Source("Identity/Roles.cs", "namespace Comity.Node.Identity;\n\npublic static class Roles;"),
            ],
            Rule("Api"), "Api -> Identity: src/Comity.Node/Api/Problems.cs"),
        ["Identity using Ui (using alias)"] = (
            [
                Source("Identity/SignIn.cs", "using Shell = Comity.Node.Ui.Layout.MainLayout;\n\nnamespace Comity.Node.Identity;\n\npublic sealed class SignIn;"),
                Source("Ui/Layout/MainLayout.razor", "<main>@Body</main>"),
            ],
            Rule("Identity"), "Identity -> Ui: src/Comity.Node/Identity/SignIn.cs"),
        ["Federation using a feature (partly qualified name)"] = (
            [
                Source("Federation/Register/RegisterSync.cs", "namespace Comity.Node.Federation.Register;\n\npublic sealed class RegisterSync(Features.Treaty.TreatyRegistry registry);"),
                Source("Features/Treaty/TreatyRegistry.cs", "namespace Comity.Node.Features.Treaty;\n\npublic sealed class TreatyRegistry;"),
            ],
            Rule("Federation.*"), "Federation.Register -> Features.Treaty: src/Comity.Node/Federation/Register/RegisterSync.cs"),
        ["Ui using a feature (@inject)"] = (
            [
                Source("Ui/Layout/NavMenu.razor", "@inject IStringLocalizer<Comity.Node.Features.Requests.RequestsText> R\n<nav>@R[\"NavRequests\"]</nav>"),
                Source("Features/Requests/RequestsText.cs", "namespace Comity.Node.Features.Requests;\n\npublic sealed class RequestsText;"),
            ],
            Rule("Ui"), "Ui -> Features.Requests: src/Comity.Node/Ui/Layout/NavMenu.razor"),
        ["Ui using a feature (component tag)"] = (
            [
                Source("Ui/Pages/HomePage.razor", "@page \"/\"\n<Comity.Node.Features.Directory.RosterGapsCard />"),
                Source("Features/Directory/RosterGapsCard.razor", "<p>gaps</p>"),
            ],
            Rule("Ui"), "Ui -> Features.Directory: src/Comity.Node/Ui/Pages/HomePage.razor"),
        ["Ui using a feature (@implements)"] = (
            [
                Source("Ui/Pages/HomePage.razor", "@implements Comity.Node.Features.Requests.IRequestWatcher\n<p>home</p>"),
                Source("Features/Requests/IRequestWatcher.cs", "namespace Comity.Node.Features.Requests;\n\npublic interface IRequestWatcher;"),
            ],
            Rule("Ui"), "Ui -> Features.Requests: src/Comity.Node/Ui/Pages/HomePage.razor"),
        ["a feature using another feature's non-Contracts namespace"] = (
            [
                Source("Features/Requests/RequestRouting.cs", "namespace Comity.Node.Features.Requests;\n\npublic sealed class RequestRouting(Treaty.Contracts.ITreatyPort port, Treaty.Mirror.TreatyMirror mirror);"),
                Source("Features/Treaty/Contracts/ITreatyPort.cs", "namespace Comity.Node.Features.Treaty.Contracts;\n\npublic interface ITreatyPort;"),
                Source("Features/Treaty/Mirror/TreatyMirror.cs", "namespace Comity.Node.Features.Treaty.Mirror;\n\npublic sealed class TreatyMirror;"),
            ],
            Rule("Features.*"), "Features.Requests -> Features.Treaty: src/Comity.Node/Features/Requests/RequestRouting.cs"),
        ["an area using Hosting (_Imports.razor)"] = (
            [
                Source("Ui/_Imports.razor", "@using Comity.Node.Hosting"),
                Source("Ui/Pages/HomePage.razor", "<p>@NodeOptions.Name</p>"),
                Source("Hosting/NodeOptions.cs", "namespace Comity.Node.Hosting;\n\npublic sealed class NodeOptions;"),
            ],
            AreaRules.NoAreaUsesHosting, "Ui -> Hosting: src/Comity.Node/Ui/_Imports.razor"),
        ["an area using Hosting (@inherits)"] = (
            [
                Source("Features/Treaty/TreatyPage.razor", "@inherits Comity.Node.Hosting.NodeComponentBase\n<h1>Treaty</h1>"),
                Source("Hosting/NodeComponentBase.cs", "namespace Comity.Node.Hosting;\n\npublic abstract class NodeComponentBase;"),
            ],
            AreaRules.NoAreaUsesHosting, "Features.Treaty -> Hosting: src/Comity.Node/Features/Treaty/TreatyPage.razor"),
        ["a global using, which every area gets"] = (
            [
                Source("Hosting/GlobalUsings.cs", "global using Comity.Node.Features.Treaty;"),
                Source("Storage/ComityDbContext.cs", "namespace Comity.Node.Storage;\n\npublic sealed class ComityDbContext;"),
                Source("Features/Treaty/TreatyEntity.cs", "namespace Comity.Node.Features.Treaty;\n\npublic sealed class TreatyEntity;"),
            ],
            Rule("Storage"), "Storage -> Features.Treaty: src/Comity.Node/Hosting/GlobalUsings.cs"),
        ["code right in Features/, outside any area"] = (
            [Source("Features/FeatureRegistration.cs", "namespace Comity.Node.Features;\n\npublic static class FeatureRegistration;")],
            AreaRules.EveryFileInAnArea, "Features (no area): src/Comity.Node/Features/FeatureRegistration.cs"),
        ["a Federation area using a type right in Federation/ by its simple name (through the parent namespace)"] = (
            [
                Source("Federation/FederationOptions.cs", "namespace Comity.Node.Federation;\n\npublic sealed class FederationOptions;"),
                Source("Federation/Envelopes/Outbox.cs", "namespace Comity.Node.Federation.Envelopes;\n\npublic sealed class Outbox(FederationOptions options);"),
            ],
            Rule("Federation.*"), "Federation.Envelopes -> Federation (no area): src/Comity.Node/Federation/Envelopes/Outbox.cs"),
        ["a namespace that is not its folder's"] = (
            [Source("Storage/NodeId.cs", "namespace Comity.Node.Kernel;\n\npublic readonly record struct NodeId;")],
            AreaRules.NamespacesMatchFolders, "src/Comity.Node/Storage/NodeId.cs declares Comity.Node.Kernel, its folder is Comity.Node.Storage"),
        ["an interpolation hole, which is code"] = (
            [
                Source("Storage/Seed.cs", "namespace Comity.Node.Storage;\n\npublic static class Seed\n{\n    public static string Name => $\"seed {nameof(Comity.Node.Features.Treaty.TreatyEntity)}\";\n}"),
                Source("Features/Treaty/TreatyEntity.cs", "namespace Comity.Node.Features.Treaty;\n\npublic sealed class TreatyEntity;"),
            ],
            Rule("Storage"), "Storage -> Features.Treaty: src/Comity.Node/Storage/Seed.cs"),
    };

    /// <summary>Each case: the files, then the cycle rule and the path it must report.</summary>
    private static readonly Dictionary<string, (SourceFile[] Files, string Rule, string Path)> Cyclic = new()
    {
        ["two features using each other's Contracts"] = (
            [
                Source("Features/Treaty/Contracts/ITreatyPort.cs", "namespace Comity.Node.Features.Treaty.Contracts;\n\npublic interface ITreatyPort;"),
                Source("Features/Treaty/TreatyRegistry.cs", "using Comity.Node.Features.Requests.Contracts;\n\nnamespace Comity.Node.Features.Treaty;\n\npublic sealed class TreatyRegistry(IRequestPort requests);"),
                Source("Features/Requests/Contracts/IRequestPort.cs", "namespace Comity.Node.Features.Requests.Contracts;\n\npublic interface IRequestPort;"),
                Source("Features/Requests/RequestRouting.cs", "using Comity.Node.Features.Treaty.Contracts;\n\nnamespace Comity.Node.Features.Requests;\n\npublic sealed class RequestRouting(ITreatyPort treaty);"),
            ],
            AreaRules.NoCycleBetweenFeatures, "Features.Requests -> Features.Treaty -> Features.Requests"),
        ["two Federation areas using each other"] = (
            [
                Source("Federation/Envelopes/SqliteWriteGate.cs", "namespace Comity.Node.Federation.Envelopes;\n\npublic sealed class SqliteWriteGate(Register.RegisterView view);"),
                Source("Federation/Register/RegisterView.cs", "namespace Comity.Node.Federation.Register;\n\npublic sealed class RegisterView(Envelopes.SqliteWriteGate gate);"),
            ],
            AreaRules.NoCycleInFederation, "Federation.Envelopes -> Federation.Register -> Federation.Envelopes"),
        ["Kernel and Storage using each other"] = (
            [
                Source("Kernel/NodeId.cs", "namespace Comity.Node.Kernel;\n\npublic readonly record struct NodeId(Storage.ComityDbContext Db);"),
                Source("Storage/ComityDbContext.cs", "namespace Comity.Node.Storage;\n\npublic sealed class ComityDbContext(Kernel.NodeId id);"),
            ],
            AreaRules.NoCycleBetweenAreas, "Kernel -> Storage -> Kernel"),
    };

    public static TheoryData<string> BrokenCases => [.. Broken.Keys];

    public static TheoryData<string> CyclicCases => [.. Cyclic.Keys];

    [Theory]
    [MemberData(nameof(BrokenCases))]
    public void Check_FilesBreakingARule_ReportsIt(string name)
    {
        var (files, rule, message) = Broken[name];

        var graph = SourceAreaChecker.Check(files);

        Assert.Contains(new AreaViolation(rule, message), graph.Violations);
    }

    [Theory]
    [MemberData(nameof(CyclicCases))]
    public void Check_FilesWithACycle_ReportsIt(string name)
    {
        var (files, rule, path) = Cyclic[name];

        var graph = SourceAreaChecker.Check(files);

        var cycle = Assert.Single(graph.Cycles);
        Assert.Equal(rule, cycle.Rule);
        Assert.StartsWith(path + ";", cycle.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixtures_BreakEveryRule()
    {
        string[] rules =
        [
            AreaRules.EveryFileInAnArea, AreaRules.NamespacesMatchFolders, AreaRules.NoAreaUsesHosting,
            AreaRules.NoCycleInFederation, AreaRules.NoCycleBetweenFeatures, AreaRules.NoCycleBetweenAreas,
            .. AreaRules.Dependencies.Select(r => r.Name),
        ];

        Assert.Empty(rules.Except(Broken.Values.Select(c => c.Rule)).Except(Cyclic.Values.Select(c => c.Rule)));
    }

    [Fact]
    public void Check_FeaturesUsingOtherFeaturesContracts_ReportsNoViolation()
    {
        var graph = SourceAreaChecker.Check(Cyclic["two features using each other's Contracts"].Files);

        Assert.Empty(graph.Violations);
        Assert.All(graph.Edges, e => Assert.True(e.ThroughContractsOnly && e.Allowed));
    }

    [Fact]
    public void Check_NamesInCommentsAndStrings_AreNoReferences()
    {
        SourceFile[] files =
        [
            Source("Storage/StorageRegistration.cs", """"
                // Comity.Node.Features.Treaty.TreatyEntity is configured by the treaty feature.
                /* Comity.Node.Features.Treaty.TreatyEntity */
                namespace Comity.Node.Storage;

                /// <summary>Not <see cref="Comity.Node.Features.Treaty.TreatyEntity"/>.</summary>
                public static class StorageRegistration
                {
                    public const string SqliteMigrationsAssembly = "Comity.Node.Migrations.Sqlite";
                    public const string Plain = "Comity.Node.Features.Treaty.TreatyEntity";
                    public const string Escaped = "\"Comity.Node.Features.Treaty.TreatyEntity\"";
                    public const string Verbatim = @"Comity.Node.Features.Treaty.TreatyEntity ""quoted""";
                    public static string Interpolated(int n) => $"{n} Comity.Node.Features.Treaty.TreatyEntity {{literal}}";
                    public static string VerbatimInterpolated(int n) => $@"{n} Comity.Node.Features.Treaty.TreatyEntity";
                    public const char Quote = '"';
                    public const string Raw = """
                        Comity.Node.Features.Treaty.TreatyEntity "quoted"
                        """;
                    public static string RawInterpolated(int n) => $$"""{"n"}: {{n}} Comity.Node.Features.Treaty.TreatyEntity""";
                }
                """"),
            Source("Ui/Pages/HomePage.razor", """
                @* Comity.Node.Features.Treaty.TreatyEntity *@
                <!-- Comity.Node.Features.Treaty.TreatyEntity -->
                <p>@Text</p>
                @code {
                    // Comity.Node.Features.Treaty.TreatyEntity
                    private string Text => "Comity.Node.Features.Treaty.TreatyEntity";
                }
                """),
            Source("Features/Treaty/TreatyEntity.cs", "namespace Comity.Node.Features.Treaty;\n\npublic sealed class TreatyEntity;"),
        ];

        var graph = SourceAreaChecker.Check(files);

        Assert.Empty(graph.Edges);
        Assert.Empty(graph.Violations);
    }

    [Fact]
    public void Check_MemberNamedLikeAnotherArea_IsNoReference()
    {
        SourceFile[] files =
        [
            Source("Features/Requests/Pages/InboxPage.razor", """
                @inject IDirectory Directory
                <p>@zones</p>
                @code {
                    private object? zones;

                    protected override async Task OnInitializedAsync() => zones = await Directory.RegisterAsync(CancellationToken.None);
                }
                """),
            Source("Features/Directory/DirectoryQueries.cs", "namespace Comity.Node.Features.Directory;\n\npublic sealed class DirectoryQueries;"),
        ];

        var graph = SourceAreaChecker.Check(files);

        Assert.Empty(graph.Edges);
    }

    [Fact]
    public void Check_NamesOfOtherProjects_AreNoReferences()
    {
        SourceFile[] files =
        [
            Source("Storage/StorageRegistration.cs", "using Comity.Node.Migrations.Sqlite;\nusing Comity.Domain.Treaty;\n\nnamespace Comity.Node.Storage;\n\npublic static class StorageRegistration\n{\n    public static Type Marker => typeof(Comity.Node.Migrations.Sqlite.Marker);\n}"),
        ];

        var graph = SourceAreaChecker.Check(files);

        Assert.Empty(graph.Edges);
        Assert.Empty(graph.Violations);
    }

    [Fact]
    public void Check_FilesInBinAndObjAndOtherFolders_AreNotRead()
    {
        SourceFile[] files =
        [
            Source("obj/Release/net10.0/Generated.cs", "namespace Comity.Node.Kernel;\n\nusing Comity.Node.Storage;"),
            new("src/Comity.Cli/Program.cs", "using Comity.Node.Hosting;"),
            new("src/Comity.Node/Ui/site.css", "Comity.Node.Hosting.X"),
        ];

        var graph = SourceAreaChecker.Check(files);

        Assert.Empty(graph.Areas);
    }

    [Fact]
    public void Check_SoundNode_ReportsNothing_AndCountsLines()
    {
        SourceFile[] files =
        [
            Source("Kernel/NodeId.cs", "namespace Comity.Node.Kernel;\n\npublic readonly record struct NodeId(Guid Value);\n"),
            Source("Storage/ComityDbContext.cs", "using Comity.Node.Kernel;\n\nnamespace Comity.Node.Storage;\n\npublic sealed class ComityDbContext(NodeId node);\n"),
            Source("Api/Problems.cs", "namespace Comity.Node.Api;\n\npublic static class Problems\n{\n    public static Kernel.NodeId? Node => null;\n}\n"),
            Source("Identity/Accounts.cs", "namespace Comity.Node.Identity;\n\npublic sealed class Accounts(Storage.ComityDbContext db, Api.Problems? problems);\n"),
            Source("Ui/_Imports.razor", "@using Comity.Node.Identity\n"),
            Source("Ui/Layout/MainLayout.razor", "@inherits LayoutComponentBase\n<main>@Body</main>\n"),
            Source("Federation/Keys/KeyRing.cs", "namespace Comity.Node.Federation.Keys;\n\npublic sealed class KeyRing(Storage.ComityDbContext db);\n"),
            Source("Federation/Envelopes/Outbox.cs", "using Comity.Node.Federation.Keys;\n\nnamespace Comity.Node.Federation.Envelopes;\n\npublic sealed class Outbox(KeyRing keys, Identity.Accounts accounts);\n"),
            Source("Features/Treaty/Contracts/ITreatyPort.cs", "namespace Comity.Node.Features.Treaty.Contracts;\n\npublic interface ITreatyPort;\n"),
            Source("Features/Treaty/TreatyPage.razor", "@layout Comity.Node.Ui.Layout.MainLayout\n@inject Comity.Node.Federation.Envelopes.Outbox Outbox\n<h1>Treaty</h1>\n"),
            Source("Features/Requests/RequestRouting.cs", "namespace Comity.Node.Features.Requests;\n\npublic sealed class RequestRouting(Treaty.Contracts.ITreatyPort treaty, Kernel.NodeId node);\n"),
            Source("Hosting/GlobalUsings.cs", "global using Comity.Node.Kernel;\n"),
            Source("Hosting/ComityNodeHost.cs", "using Comity.Node.Features.Requests;\nusing Comity.Node.Features.Treaty;\n\nnamespace Comity.Node.Hosting;\n\npublic static class ComityNodeHost\n{\n    public static Type Page => typeof(TreatyPage);\n\n    public static Type Routing => typeof(RequestRouting);\n}\n"),
        ];

        var graph = SourceAreaChecker.Check(files);

        Assert.Empty(graph.Violations);
        Assert.Empty(graph.Cycles);
        Assert.Empty(graph.MissingAreas);
        Assert.Equal(new AreaSize("Hosting", 2, 9), graph.Areas.Single(a => a.Area == "Hosting"));
        Assert.Contains(graph.Edges, e => e is { From: "Features.Requests", To: "Features.Treaty", ThroughContractsOnly: true, Allowed: true });
        Assert.Contains(graph.Edges, e => e is { From: "Ui", To: "Identity" });
        Assert.Contains(graph.Edges, e => e is { From: "Storage", To: "Kernel" } && e.Files.Contains(Node + "Hosting/GlobalUsings.cs"));
    }

    private static string Rule(string from) => AreaRules.Dependencies.Single(r => r.From == from).Name;

    private static SourceFile Source(string path, string text) => new(Node + path, text);
}
