using Comity.Node.Federation.Envelopes;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Federation.Envelopes;

/// <summary>
/// Two different envelopes from one sender with the same (conversation, seq): the receiver keeps the
/// first, refuses the second permanently, and the conversation does not stall.
/// </summary>
public sealed class SeqConflictTests
{
    [Fact]
    public async Task SecondWaitingEnvelopeWithTheSameSeq_IsRefused_AndTheConversationStillAdvances()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(worker: false), ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        var now = xb.Time.GetUtcNow();
        var first2 = await xa.SignAsync(EnvelopeTestKit.Envelope("XA", "XB", "conflict", 2, ProbeEnvelope.TypeName, now, message: "first two"), ct);
        var other2 = await xa.SignAsync(EnvelopeTestKit.Envelope("XA", "XB", "conflict", 2, ProbeEnvelope.TypeName, now, message: "second two"), ct);
        var three = await xa.SignAsync(EnvelopeTestKit.Envelope("XA", "XB", "conflict", 3, ProbeEnvelope.TypeName, now), ct);
        var one = await xa.SignAsync(EnvelopeTestKit.Envelope("XA", "XB", "conflict", 1, ProbeEnvelope.TypeName, now), ct);

        using (var response = await xb.PostEnvelopeAsync(first2, ct))
        {
            Assert.Equal(200, (int)response.StatusCode);
        }

        using (var response = await xb.PostEnvelopeAsync(other2, ct))
        {
            Assert.Equal(409, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("federation.seq-conflict", (await response.JsonAsync(ct)).GetProperty("code").GetString());
        }

        foreach (var bytes in new[] { three, one })
        {
            using var response = await xb.PostEnvelopeAsync(bytes, ct);
            Assert.Equal(200, (int)response.StatusCode);
        }

        Assert.Equal([1L, 2L, 3L], xb.Order().Applied.Where(a => a.Conversation == "conflict").Select(a => a.Seq));
        var rows = await xb.QueryAsync(db => db.Set<InboxEnvelope>().AsNoTracking().Where(i => i.Conversation == "conflict").ToListAsync(ct));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(InboxStatus.Applied, r.Status));
        var conversation = await xb.QueryAsync(db => db.Set<InboxConversation>().AsNoTracking().SingleAsync(c => c.Conversation == "conflict", ct));
        Assert.Equal(4, conversation.NextSeq);
        Assert.Equal(0, conversation.Waiting);
        Assert.Equal(1, await xb.QueryAsync(db => db.Set<FederationAlert>().CountAsync(a => a.Detail.Contains("federation.seq-conflict"), ct)));
    }
}
