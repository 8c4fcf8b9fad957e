using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Comity.Cli.Tests.Register.RegisterVectorFiles;

namespace Comity.Cli.Tests.Register;

/// <summary>
/// <c>comity register show</c> against a minimal HTTP server on loopback that serves the committed
/// test vector as <c>/federation/v1/register</c> and its key as <c>/federation/v1/register/key</c>.
/// </summary>
public sealed class RegisterShowCommandTests : IAsyncLifetime
{
    private WebApplication server = null!;
    private string registerBody = File.ReadAllText(JwsFile);

    private string Node => server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server = builder.Build();
        server.MapGet("/federation/v1/register", () => Results.Text(registerBody, "application/jose+json"));
        server.MapGet("/federation/v1/register/key", () => Results.Text(File.ReadAllText(PublicKeyFile), "application/jwk+json"));
        await server.StartAsync();
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Show_WithKey_ShowsSummaryNodesKeysAndDesignations()
    {
        var result = await RunAsync("register", "show", "--node", Node, "--key", PublicKeyFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        Assert.Contains("accepted: signature verified", result.Out, StringComparison.Ordinal);
        Assert.Contains("https://xa.comity.example/", result.Out, StringComparison.Ordinal);
        Assert.Contains("sig Ed25519 XaijVYuEfAFczLiOfg0fyExxbqnHSsnRxfamOnuy1tQ", result.Out, StringComparison.Ordinal);
        Assert.Contains("enc X25519 sB2ux4XWDfUO5Ffx4hPzK0wjBZgscNklj0iSzSvcriw", result.Out, StringComparison.Ordinal);
        Assert.Contains("24/7 point of contact (Art. 41(1))", result.Out, StringComparison.Ordinal);
        Assert.Contains("Central authority (Art. 40(13))", result.Out, StringComparison.Ordinal);
        Assert.Contains("Mon–Fri 09:00–17:30 (Europe/Paris)", result.Out, StringComparison.Ordinal);
        Assert.Contains("ExampleMail Ltd", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_KeyFromNode_SaysTrustOnFirstUseWasUsed()
    {
        var result = await RunAsync("register", "show", "--node", Node, "--key-from-node", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("trust on first use", result.Error, StringComparison.Ordinal);
        Assert.Contains("lNOLGKOwFti_v3fIJy-b9kHKFuVXZxFOtTk5PjAWPz4", result.Error, StringComparison.Ordinal);
        var json = JsonNode.Parse(result.Out)!;
        Assert.True((bool)json["trustOnFirstUse"]!);
        Assert.Equal("accepted", (string?)json["verification"]!["verdict"]);
        Assert.Equal(42, (long?)json["register"]!["serial"]);
    }

    [Fact]
    public async Task Show_NodeFromEnvironment_IsUsed()
    {
        var result = await RegisterVectorFiles.RunAsync(During, new Dictionary<string, string?> { ["COMITY_NODE"] = Node }, Directory.GetCurrentDirectory(), "register", "show", "--key", PublicKeyFile, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False((bool)JsonNode.Parse(result.Out)!["trustOnFirstUse"]!);
    }

    [Fact]
    public async Task Show_TamperedRegister_ExitsTwoAndShowsNothing()
    {
        var jws = JsonNode.Parse(registerBody)!.AsObject();
        jws["signature"] = "A" + ((string)jws["signature"]!)[1..];
        registerBody = jws.ToJsonString();

        var result = await RunAsync("register", "show", "--node", Node, "--key", PublicKeyFile);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains("Register refused (BadSignature)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Stale_ExitsThreeWithAWarning()
    {
        var result = await RegisterVectorFiles.RunAsync(new DateTimeOffset(2026, 8, 1, 0, 0, 0, TimeSpan.Zero), null, Directory.GetCurrentDirectory(), "register", "show", "--node", Node, "--key", PublicKeyFile);

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("warning: the Register is stale", result.Error, StringComparison.Ordinal);
        Assert.Contains("Designations", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_NodeWithoutARegister_ExitsOneSaying404()
    {
        var result = await RunAsync("register", "show", "--node", Node + "/elsewhere", "--key", PublicKeyFile);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("404", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_UnreachableNode_ExitsOne()
    {
        var result = await RunAsync("register", "show", "--node", "http://127.0.0.1:1", "--key", PublicKeyFile);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("could not reach", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "which key?")]
    [InlineData(new[] { "--key", "k.jwk", "--key-from-node" }, "not both")]
    public async Task Show_KeyChoice_IsRequiredAndExclusive(string[] flags, string message)
    {
        var result = await RunAsync(["register", "show", "--node", Node, .. flags]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_NoNodeAnywhere_ExitsTwoAskingWhichNode()
    {
        var empty = Directory.CreateTempSubdirectory("comity-register-show-").FullName;
        try
        {
            var result = await RegisterVectorFiles.RunAsync(During, null, empty, "register", "show", "--key", PublicKeyFile);

            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.Contains("which node?", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}
