using Comity.Domain.Cooperation;
using Comity.Domain.Directory;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Features.Requests.Validate;
using Comity.Node.Kernel;
using Comity.Protocol.V1;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Features.Requests.Validate;

/// <summary>
/// A request goes to the requested State's office for its kind's channel (the profile's, not a fixed role): the 24/7
/// point of contact for today's kinds (Art. 41(1)), the central authority for a kind whose profile names it (Art. 40(13)).
/// </summary>
public sealed class RequestRoutingTests
{
    [Theory]
    [Trait("Article", "40(13)")]
    [Trait("Article", "41(1)")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Check_RoutesToTheRequestedStatesDesignationForTheProfilesChannel(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        var xa = network["XA"];
        var viaCentralAuthority = RequestKindProfiles.ExpeditedPreservation with { Channel = DesignationRole.CentralAuthority };
        var draft = RequestsTestKit.Preservation("XB");

        // XB has designated a 24/7 point of contact only: today's kinds reach it, a central-authority kind cannot be routed.
        var pointOfContact = await CheckAsync(xa, draft, null, ct);
        Assert.Equal("XB Cybercrime 24/7 desk", pointOfContact.Routing?.Office);
        Assert.Equal("Officer XB", pointOfContact.Routing?.OfficerOnDuty);
        Assert.Empty(pointOfContact.Problems);
        var unrouted = await CheckAsync(xa, draft, viaCentralAuthority, ct);
        var problem = Assert.Single(unrouted.Problems);
        Assert.Equal(("requestedState", RequestDraftChecker.NoPointOfContact, "Art. 40(13)"), (problem.Field, problem.Code, problem.Article));
        Assert.StartsWith("XB has designated no central authority in the Register", problem.Message, StringComparison.Ordinal);
        Assert.Null(unrouted.Routing?.DesignationId);

        // Once XB designates its central authority, the same kind goes there, in that office's languages and zone.
        var centralAuthority = await network.DesignateAsync("XB", new DesignationInput(
            null, "XB Central Authority for Mutual Legal Assistance", "centralAuthority", [new ContactChannelV1("email", "mla@xb.example")], ["en", "de"], "Europe/Berlin", [], true));
        await xa.SyncRegisterAsync(ct);

        var routed = await CheckAsync(xa, draft, viaCentralAuthority, ct);
        Assert.Empty(routed.Problems);
        Assert.Equal(centralAuthority, routed.Routing?.DesignationId);
        Assert.Equal("XB Central Authority for Mutual Legal Assistance", routed.Routing?.Office);
        Assert.Equal(["en", "de"], routed.Routing?.AcceptedLanguages);
        Assert.Equal("Europe/Berlin", routed.Routing?.TimeZone);
        Assert.Equal(pointOfContact.Routing?.DesignationId, (await CheckAsync(xa, draft, null, ct)).Routing?.DesignationId);
    }

    private static async Task<CheckedDraft> CheckAsync(TestNode node, RequestDraftInput draft, RequestKindProfile? profile, CancellationToken ct)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RequestDraftChecker>().CheckAsync(draft, profile, ct);
    }
}
