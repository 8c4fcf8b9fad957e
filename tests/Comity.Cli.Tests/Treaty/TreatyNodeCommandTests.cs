using System.Text.Json.Nodes;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Testing.Nodes;

namespace Comity.Cli.Tests.Treaty;

/// <summary>
/// <c>comity treaty status</c> and <c>treaty record</c> against a real node on loopback. These need the
/// treaty API (<c>GET /api/v1/treaty/status</c>, <c>POST /api/v1/treaty/instruments</c>) from the
/// treaty-node branch; on a branch without it they fail with 404.
/// </summary>
[Trait("Needs", "treaty-api")]
public sealed class TreatyNodeCommandTests : IAsyncLifetime
{
    private TestNode secretariat = null!;
    private string token = null!;

    public async ValueTask InitializeAsync()
    {
        secretariat = await TestNode.StartAsync(new TestNodeOptions { Role = NodeRole.Secretariat, StateCode = null, Kestrel = true });
        token = await secretariat.CreateUserWithTokenAsync("sec", Roles.SecretariatOfficer);
    }

    public async ValueTask DisposeAsync() => await secretariat.DisposeAsync();

    private string Node => secretariat.BaseAddress.ToString();

    [Fact]
    public async Task Status_Json_PrintsTheApisJsonUnchanged()
    {
        using var http = secretariat.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var direct = await http.GetStringAsync(new Uri("/api/v1/treaty/status?asOf=2026-01-01", UriKind.Relative));

        var result = await CliRunner.RunAsync("treaty", "status", "--node", Node, "--token", token, "--as-of", "2026-01-01", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(direct, result.Out.TrimEnd('\n', '\r'));
        Assert.Equal("2026-01-01", (string?)JsonNode.Parse(result.Out)!["asOf"]);
    }

    [Fact]
    public async Task Status_Human_ShowsCountsProgressAndSource()
    {
        var result = await CliRunner.RunAsync("treaty", "status", "--node", Node, "--token", token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Signatories", result.Out, StringComparison.Ordinal);
        Assert.Contains("Toward entry into force", result.Out, StringComparison.Ordinal);
        Assert.Contains("Art. 65(1)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Art. 62(1)", result.Out, StringComparison.Ordinal);
        Assert.Contains("Source:", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_NodeAndTokenFromEnvironment_Works()
    {
        var runner = new CliRunner { Variables = new Dictionary<string, string?> { ["COMITY_NODE"] = Node, ["COMITY_TOKEN"] = token } };

        var result = await runner.RunAsync(["treaty", "status", "--json"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.NotNull(JsonNode.Parse(result.Out)!["towardEntryIntoForce"]);
    }

    [Fact]
    public async Task Status_UnknownToken_ExitsOneSayingWhichTokenIsNeeded()
    {
        var result = await CliRunner.RunAsync("treaty", "status", "--node", Node, "--token", "cmt_not-a-real-token-at-all-0000");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("401", result.Error, StringComparison.Ordinal);
        Assert.Contains("--token", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_Accession_PrintsTheCreatedRecord()
    {
        var result = await CliRunner.RunAsync("treaty", "record", "--participant", "TV", "--kind", "accession", "--date", "2026-10-01",
            "--notification", "C.N.1.2026.TREATIES-XVIII.16", "--node", Node, "--token", token, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var record = JsonNode.Parse(result.Out)!;
        Assert.Equal("TV", (string?)record["participant"]);
        Assert.Equal("2026-10-01", (string?)record["date"]);
        Assert.Equal("C.N.1.2026.TREATIES-XVIII.16", (string?)record["depositaryNotification"]);
    }

    [Theory]
    [InlineData("NR", "ratification", "2026-10-01", "treaty.consent-requires-signature", "Art. 64(2)")]
    [InlineData("KI", "signature", "2027-01-05", "treaty.signature-closed", "Art. 64(1)")]
    public async Task Record_RefusedByARule_ExitsTwoWithCodeAndArticle(string participant, string kind, string date, string code, string article)
    {
        var result = await CliRunner.RunAsync("treaty", "record", "--participant", participant, "--kind", kind, "--date", date, "--node", Node, "--token", token);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains(code, result.Error, StringComparison.Ordinal);
        Assert.Contains(article, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_WithoutTheSecretariatRole_ExitsOneNamingTheRole()
    {
        var auditor = await secretariat.CreateUserWithTokenAsync("aud", Roles.Auditor);

        var result = await CliRunner.RunAsync("treaty", "record", "--participant", "TV", "--kind", "accession", "--date", "2026-10-01", "--node", Node, "--token", auditor);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("403", result.Error, StringComparison.Ordinal);
        Assert.Contains(Roles.SecretariatOfficer, result.Error, StringComparison.Ordinal);
    }
}
