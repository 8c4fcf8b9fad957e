using System.Net;
using System.Text.Json;
using Comity.Node.Features.Requests;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Protocol.V1;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Features.Requests.ReceiveEvent;

/// <summary>What a node refuses of the other side's events, each with its problem document, storing nothing.</summary>
public sealed class ReceiveEventRefusalTests
{
    [Theory]
    [Trait("Article", "41")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Envelope_RecordingTheOtherSidesTransition_IsRefusedWithAProblem_AndNotStored(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        var id = await SubmittedAndReceivedAsync(xa, xb, ct);

        // XA claims to acknowledge (the requested side's transition) on XB's copy.
        var forged = new RequestEventV1("acknowledged", "requested", xa.Time.GetUtcNow(), "XA officer", new RequestEventFieldsV1());
        var problem = await RefusedThirdEventAsync(xa, "XA", xb, "XB", id, forged, HttpStatusCode.Forbidden, ct);

        Assert.Equal("request.wrong-side", problem.GetProperty("code").GetString());
    }

    [Theory]
    [Trait("Article", "40")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Envelope_RefusingOnAGroundThisNodeDoesNotKnow_IsRefusedAsMalformed_AndNotStored(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        var id = await SubmittedAndReceivedAsync(xa, xb, ct);

        // XB's refusal (its own transition, next in XA's copy) names a ground no version of the protocol defines.
        var forged = new RequestEventV1("refused", "requested", xb.Time.GetUtcNow(), "XB officer", new RequestEventFieldsV1 { Ground = "notAGround", Reasons = "Because." });
        var problem = await RefusedThirdEventAsync(xb, "XB", xa, "XA", id, forged, HttpStatusCode.BadRequest, ct);

        Assert.Equal(RequestEnvelopeRules.Malformed, problem.GetProperty("code").GetString());
        Assert.Contains("'notAGround' is unknown", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var xaDuty = await xa.DutyAsync();
        Assert.Equal("received", (await xaDuty.GetJsonAsync($"/api/v1/requests/{id}", ct)).GetProperty("header").GetProperty("state").GetString());
    }

    /// <summary>XA's preservation request to XB, delivered both ways: each node holds its submitted and received events.</summary>
    private static async Task<Guid> SubmittedAndReceivedAsync(TestNode xa, TestNode xb, CancellationToken ct)
    {
        using var xaDuty = await xa.DutyAsync();
        var id = (await xaDuty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB")).OkAsync(HttpStatusCode.Created)).GetProperty("header").GetProperty("id").GetGuid();
        await xa.DeliverAsync(ct);
        await xb.DeliverAsync(ct);
        return id;
    }

    /// <summary>
    /// Sends <paramref name="forged"/> as the third event (index 2, the sender's <c>seq</c> 2) and returns the
    /// problem document, after checking its status and that the receiver stored neither the event nor the envelope.
    /// </summary>
    private static async Task<JsonElement> RefusedThirdEventAsync(TestNode from, string fromState, TestNode to, string toState, Guid id, RequestEventV1 forged, HttpStatusCode expected, CancellationToken ct)
    {
        var now = from.Time.GetUtcNow();
        var body = RequestJson.ToBody(new RequestEventEnvelopeV1(id, 2, forged));
        var envelope = new EnvelopeV1(1, Guid.CreateVersion7(now).ToString("D"), fromState, toState, id.ToString("D"), 2, RequestEventEnvelopeV1.TypeName, now, body);
        using var refused = await to.PostEnvelopeAsync(await from.SignAsync(envelope, ct), ct);

        Assert.Equal(expected, refused.StatusCode);
        Assert.Equal(2, await to.QueryAsync(db => db.RequestEvents().CountAsync(e => e.RequestId == id, ct)));
        Assert.False(await to.QueryAsync(db => db.Set<InboxEnvelope>().AnyAsync(i => i.Id == Guid.Parse(envelope.Id), ct)));
        return await refused.JsonAsync(ct);
    }
}
