using System.Net;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Transparency;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Tests.Features.Directory;
using Comity.Node.Tests.Features.Requests;
using Comity.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Federation.Envelopes;

/// <summary>
/// A waiting envelope refused by its handler when its turn came stops its conversation; a node administrator
/// can apply it again once the cause is gone, and the envelopes waiting after it follow in order.
/// </summary>
public sealed class InboxRetryTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task RefusedSuccessor_RetriedByAnAdministrator_IsAppliedWithThoseWaitingAfterIt_OthersAreRefusedOrToldWhy(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(worker: false), ct, "XA");
        await using var xb = await InboxOrderingTests.JoinAsync(network, "XB", database, ct);
        var xa = network["XA"];
        var now = xb.Time.GetUtcNow();
        var ids = new Dictionary<long, Guid>();
        var bytes = new Dictionary<long, byte[]>();
        for (var seq = 1L; seq <= 5; seq++)
        {
            var envelope = EnvelopeTestKit.Envelope("XA", "XB", "retry", seq, ProbeEnvelope.TypeName, now);
            (ids[seq], bytes[seq]) = (Guid.Parse(envelope.Id), await xa.SignAsync(envelope, ct));
        }

        // Seqs 2, 3 and 5 arrive early; when seq 1 comes, seq 2 follows it and seq 3's handler refuses.
        foreach (var seq in new[] { 2L, 3L, 5L })
        {
            using var early = await xb.PostEnvelopeAsync(bytes[seq], ct);
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        }

        xb.Order().FailConversation = "retry";
        xb.Order().FailSeq = 3;
        using (var first = await xb.PostEnvelopeAsync(bytes[1], ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var admin = await xb.CreateClientForAsync("admin", Roles.NodeAdmin);
        using var auditor = await xb.CreateClientForAsync("auditor", Roles.Auditor);

        // Only a node administrator may retry.
        using (var refused = await auditor.PostAsync($"/api/v1/federation/inbox/{ids[3]}/retry", null, ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        // While the cause remains, the retry is refused again: it stays waiting, and the refusal is alerted again.
        var again = await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/federation/inbox/{ids[3]}/retry").OkAsync(HttpStatusCode.Conflict);
        Assert.Equal("federation.retry-refused", again.GetProperty("code").GetString());
        Assert.Equal(2, await xb.QueryAsync(db => db.FederationAlerts().CountAsync(a => a.Kind == FederationAlert.SuccessorRefused && a.EnvelopeId == ids[3], ct)));

        // Seq 5 still waits for seq 4, which never came: not stuck, nothing to retry. Seq 1 is applied. An unknown id is not found.
        var early5 = await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/federation/inbox/{ids[5]}/retry").OkAsync(HttpStatusCode.Conflict);
        Assert.Equal("federation.awaiting-predecessor", early5.GetProperty("code").GetString());
        var applied1 = await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/federation/inbox/{ids[1]}/retry").OkAsync(HttpStatusCode.Conflict);
        Assert.Equal("federation.not-waiting", applied1.GetProperty("code").GetString());
        var unknown = await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/federation/inbox/{Guid.Empty}/retry").OkAsync(HttpStatusCode.NotFound);
        Assert.Equal("federation.envelope-not-found", unknown.GetProperty("code").GetString());
        Assert.Equal([1L, 2L], xb.Order().Applied.Where(a => a.Conversation == "retry").Select(a => a.Seq));

        // The cause is gone: seq 3 is applied; seq 4 then arrives in order and seq 5 follows it.
        xb.Order().FailConversation = null;
        var retried = await admin.SendJsonAsync(HttpMethod.Post, $"/api/v1/federation/inbox/{ids[3]}/retry").OkAsync();
        Assert.Equal("applied", retried.GetProperty("status").GetString());
        Assert.Equal(1, retried.GetProperty("applied").GetInt32());
        var envelope4 = EnvelopeTestKit.Envelope("XA", "XB", "retry", 4, ProbeEnvelope.TypeName, now);
        using (var fourth = await xb.PostEnvelopeAsync(await xa.SignAsync(envelope4, ct), ct))
        {
            Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        }

        Assert.Equal([1L, 2L, 3L, 4L, 5L], xb.Order().Applied.Where(a => a.Conversation == "retry").Select(a => a.Seq));
        var conversation = await xb.QueryAsync(db => db.Set<InboxConversation>().AsNoTracking().SingleAsync(c => c.Conversation == "retry", ct));
        Assert.Equal((6L, 0), (conversation.NextSeq, conversation.Waiting));
        var audited = await xb.QueryAsync(db => db.AuditEvents().AsNoTracking().Where(e => e.ObjectId == ids[3].ToString("D") && e.Action.StartsWith("envelope.retr")).Select(e => e.Action).ToListAsync(ct));
        Assert.Equal(["envelope.retried", "envelope.retry-refused"], audited.Order(StringComparer.Ordinal));
    }
}
