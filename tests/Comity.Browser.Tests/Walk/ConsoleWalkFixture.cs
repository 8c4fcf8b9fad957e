using Comity.Browser.Tests.Requests;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Identity;
using Comity.Protocol.V1;
using Comity.Testing.Nodes;

namespace Comity.Browser.Tests.Walk;

/// <summary>
/// The network of <see cref="RequestsNetworkFixture"/> with something on every page: an expedited preservation and an
/// emergency disclosure from XA to XB, delivered and acknowledged, and a change of XA's Register entry waiting for the
/// Secretariat's approval.
/// </summary>
public sealed class ConsoleWalkFixture : IAsyncLifetime
{
    private readonly RequestsNetworkFixture inner = new();

    public TestNetwork Network => inner.Network;

    /// <summary>A user of XA holding every State role, so that one walk meets every State page.</summary>
    public string AllRolesToken { get; private set; } = "";

    public string SecretariatToken { get; private set; } = "";

    /// <summary>Pages of XA the walk opens besides what the dashboard links to: the two requests.</summary>
    public IReadOnlyList<string> Seeds { get; private set; } = [];

    /// <summary>The Secretariat's page of XA's pending change.</summary>
    public IReadOnlyList<string> SecretariatSeeds { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        await inner.InitializeAsync();
        var preservation = await inner.SubmitAsync("XA", RequestsNetworkFixture.Draft("expeditedPreservation", "XA-WALK-PRESERVE"));
        var emergency = await inner.SubmitAsync("XA", RequestsNetworkFixture.Draft("emergencyDisclosure", "XA-WALK-EMERGENCY"));
        await inner.DeliverAsync("XA");
        await inner.DeliverAsync("XB");
        Seeds = [$"/requests/{preservation}", $"/requests/{emergency}"];

        using var admin = await Network["XA"].CreateClientForAsync("walk-admin", Roles.NodeAdmin);
        await RequestsNetworkFixture.SendAsync(admin, HttpMethod.Post, "/api/v1/directory/own/designations", new DesignationInput(
            null, "XA Central Authority for mutual legal assistance", "centralAuthority", [new ContactChannelV1("email", "mla@xa.example")], ["en"], "Europe/Paris", [], true));
        var submitted = await RequestsNetworkFixture.SendAsync(admin, HttpMethod.Post, "/api/v1/directory/own/submit", null);
        SecretariatSeeds = [$"/directory/notifications/{submitted.GetProperty("submission").GetProperty("id").GetString()}"];

        AllRolesToken = await Network["XA"].CreateUserWithTokenAsync(
            "walk-all", Roles.DutyOfficer, Roles.Supervisor, Roles.Prosecutor, Roles.CentralAuthorityOfficer, Roles.Auditor, Roles.NodeAdmin);
        SecretariatToken = await Network.Secretariat.CreateUserWithTokenAsync("walk-secretariat", Roles.SecretariatOfficer);
    }

    public async ValueTask DisposeAsync() => await inner.DisposeAsync();
}
