using System.Net;
using Comity.Node.Features.Requests.Proposals;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Testing.Databases;

namespace Comity.Node.Tests.Features.Requests.Proposals;

/// <summary>
/// Four eyes on mutual legal assistance (Art. 40): a prosecutor drafts, a central-authority officer sends it or returns
/// it with reasons; the drafter never sends their own draft unless the node allows one officer to do both.
/// </summary>
public sealed class RequestProposalTests
{
    [Theory]
    [Trait("Article", "40")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ProsecutorDrafts_CentralAuthoritySends_OnceOnly_AndTheRequestReachesXB(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        await MutualLegalAssistanceFederationTests.DesignateCentralAuthoritiesAsync(network, ct);
        var (xa, xb) = (network["XA"], network["XB"]);
        using var prosecutor = await xa.CreateClientForAsync("prosecutor", Roles.Prosecutor);
        using var otherProsecutor = await xa.CreateClientForAsync("prosecutor-2", Roles.Prosecutor);
        using var central = await xa.CreateClientForAsync("central", Roles.CentralAuthorityOfficer);
        using var xbCentral = await xb.CreateClientForAsync("central", Roles.CentralAuthorityOfficer);

        // An incomplete draft is refused with every problem, and nothing is kept.
        var (incomplete, problem) = await prosecutor.PostAsync("/api/v1/requests/proposals", MutualLegalAssistanceFederationTests.Assistance("XB", purposes: []));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Contains("purposes", problem.GetProperty("errors").Strings("field"));
        Assert.Empty((await central.GetJsonAsync("/api/v1/requests/proposals", ct)).GetProperty("proposals").EnumerateArray());

        // A prosecutor may not send it directly, nor propose a 24/7 request.
        Assert.Equal(HttpStatusCode.Forbidden, (await prosecutor.PostAsync("/api/v1/requests", MutualLegalAssistanceFederationTests.Assistance("XB"))).Response.StatusCode);
        var (urgent, urgentProblem) = await prosecutor.PostAsync("/api/v1/requests/proposals", RequestsTestKit.Preservation("XB"));
        Assert.Equal(HttpStatusCode.Forbidden, urgent.StatusCode);
        Assert.Equal("request.wrong-channel", urgentProblem.GetProperty("errors")[0].GetProperty("code").GetString());

        var proposed = await prosecutor.PostAsync("/api/v1/requests/proposals", MutualLegalAssistanceFederationTests.Assistance("XB")).OkAsync(HttpStatusCode.Created);
        var proposalId = proposed.GetProperty("id").GetGuid();
        Assert.Equal((ProposalStatus.AwaitingReview, "prosecutor"), (proposed.GetProperty("status").GetString(), proposed.GetProperty("proposedBy").GetString()));

        // Need-to-know among prosecutors: another prosecutor neither lists nor opens it; the central authority sees it.
        Assert.Empty((await otherProsecutor.GetJsonAsync("/api/v1/requests/proposals", ct)).GetProperty("proposals").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await otherProsecutor.GetAsync($"/api/v1/requests/proposals/{proposalId}", ct)).StatusCode);
        var waiting = Assert.Single((await central.GetJsonAsync("/api/v1/requests/proposals?status=awaitingReview", ct)).GetProperty("proposals").EnumerateArray());
        Assert.Equal("XA-MLA-2026-0007", waiting.GetProperty("reference").GetString());

        // The prosecutor cannot send their own draft.
        Assert.Equal(HttpStatusCode.Forbidden, (await prosecutor.PostAsync($"/api/v1/requests/proposals/{proposalId}/send")).Response.StatusCode);

        // The central authority sends it: the request is the officer's, routed to XB's central authority.
        var sent = await central.PostAsync($"/api/v1/requests/proposals/{proposalId}/send").OkAsync(HttpStatusCode.Created);
        var requestId = sent.GetProperty("header").GetProperty("id").GetGuid();
        Assert.Equal("XB Central Authority", sent.GetProperty("header").GetProperty("requestedOffice").GetString());

        // A second press sends nothing more.
        var (again, againProblem) = await central.PostAsync($"/api/v1/requests/proposals/{proposalId}/send");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("proposal.decided", againProblem.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Single((await central.GetJsonAsync("/api/v1/requests?box=outgoing", ct)).GetProperty("items").EnumerateArray());

        // The prosecutor follows what became of it.
        var followed = await prosecutor.GetJsonAsync($"/api/v1/requests/proposals/{proposalId}", ct);
        Assert.Equal((ProposalStatus.Sent, requestId, "central", "submitted"), (
            followed.GetProperty("status").GetString(), followed.GetProperty("requestId").GetGuid(),
            followed.GetProperty("decidedBy").GetString(), followed.GetProperty("requestState").GetString()));

        await xa.DeliverAsync(ct);
        var received = await xbCentral.GetJsonAsync($"/api/v1/requests/{requestId}", ct);
        Assert.Equal("received", received.GetProperty("header").GetProperty("state").GetString());
        Assert.Equal("central", received.GetProperty("events")[0].GetProperty("actor").GetString());
    }

    [Theory]
    [Trait("Article", "40")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task CentralAuthorityReturnsDraftWithReasons_WhoIsRefused_AndOneOfficerMayDoBothWhereTheNodeAllowsIt(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        await MutualLegalAssistanceFederationTests.DesignateCentralAuthoritiesAsync(network, ct);
        var xa = network["XA"];
        using var prosecutor = await xa.CreateClientForAsync("prosecutor", Roles.Prosecutor);
        using var central = await xa.CreateClientForAsync("central", Roles.CentralAuthorityOfficer);
        using var duty = await xa.DutyAsync();
        using var auditor = await xa.CreateClientForAsync("auditor", Roles.Auditor);
        using var admin = await xa.CreateClientForAsync("admin", Roles.NodeAdmin);

        var proposalId = (await prosecutor.PostAsync("/api/v1/requests/proposals", MutualLegalAssistanceFederationTests.Assistance("XB")).OkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // Who is refused: the 24/7 desk and admins neither propose nor read; an auditor reads but never decides.
        Assert.Equal(HttpStatusCode.Forbidden, (await duty.PostAsync("/api/v1/requests/proposals", MutualLegalAssistanceFederationTests.Assistance("XB"))).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await duty.GetAsync("/api/v1/requests/proposals", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/api/v1/requests/proposals/{proposalId}", ct)).StatusCode);
        Assert.Single((await auditor.GetJsonAsync("/api/v1/requests/proposals", ct)).GetProperty("proposals").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync($"/api/v1/requests/proposals/{proposalId}/send")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await duty.PostAsync($"/api/v1/requests/proposals/{proposalId}/return", new ReturnProposalInput("No."))).Response.StatusCode);

        // Bad input changes nothing: no reason, an unknown status, an unknown proposal.
        var (noReason, noReasonProblem) = await central.PostAsync($"/api/v1/requests/proposals/{proposalId}/return", new ReturnProposalInput("  "));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(("reason", "proposal.reason-missing"), (noReasonProblem.GetProperty("errors")[0].GetProperty("field").GetString(), noReasonProblem.GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await central.GetAsync("/api/v1/requests/proposals?status=lost", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await central.PostAsync($"/api/v1/requests/proposals/{Guid.CreateVersion7()}/send")).Response.StatusCode);

        var returned = await central.PostAsync($"/api/v1/requests/proposals/{proposalId}/return", new ReturnProposalInput("Name the account's provider and the period of the logs.")).OkAsync();
        Assert.Equal((ProposalStatus.Returned, "Name the account's provider and the period of the logs."), (returned.GetProperty("status").GetString(), returned.GetProperty("reason").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await central.PostAsync($"/api/v1/requests/proposals/{proposalId}/send")).Response.StatusCode);
        Assert.Empty((await central.GetJsonAsync("/api/v1/requests?box=outgoing", ct)).GetProperty("items").EnumerateArray());

        // An officer who is both prosecutor and central authority: four eyes by default…
        using var both = await xa.CreateClientForAsync("one-person-office", Roles.Prosecutor, Roles.CentralAuthorityOfficer);
        var own = (await both.PostAsync("/api/v1/requests/proposals", MutualLegalAssistanceFederationTests.Assistance("XB")).OkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (self, selfProblem) = await both.PostAsync($"/api/v1/requests/proposals/{own}/send");
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Equal("proposal.four-eyes", selfProblem.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    [Trait("Article", "40")]
    public async Task OneOfficerMaySendTheirOwnDraft_WhereTheNodeAllowsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Comity:Requests:OneOfficerMayDraftAndSend"] = "true" }, ct, "XA", "XB");
        await MutualLegalAssistanceFederationTests.DesignateCentralAuthoritiesAsync(network, ct);
        using var both = await network["XA"].CreateClientForAsync("one-person-office", Roles.Prosecutor, Roles.CentralAuthorityOfficer);
        var own = (await both.PostAsync("/api/v1/requests/proposals", MutualLegalAssistanceFederationTests.Assistance("XB")).OkAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var sent = await both.PostAsync($"/api/v1/requests/proposals/{own}/send").OkAsync(HttpStatusCode.Created);
        Assert.Equal("submitted", sent.GetProperty("header").GetProperty("state").GetString());
    }
}
