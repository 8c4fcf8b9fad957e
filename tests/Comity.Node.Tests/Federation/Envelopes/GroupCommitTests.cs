using Comity.Node.Federation.Envelopes;
using Comity.Node.Storage;
using Comity.Node.Federation.Transparency;
using Comity.Node.Kernel;
using Comity.Protocol.V1;
using Comity.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Federation.Envelopes;

/// <summary>
/// Group commit: envelopes written together share one transaction, but each is stored, de-duplicated and
/// applied on its own; one that fails is rolled back alone and the others are committed exactly once.
/// </summary>
public sealed class GroupCommitTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task InboxBatch_WhenOneEnvelopeFails_CommitsTheOthersOnce_AndStoresNothingOfTheFailedOne(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(worker: false), ct, "XA");
        await using var xb = await InboxOrderingTests.JoinAsync(network, "XB", database, ct);
        var xa = network["XA"];
        var now = xb.Time.GetUtcNow();
        async Task<InboxItem> Item(string conversation)
        {
            var envelope = EnvelopeTestKit.Envelope("XA", "XB", conversation, 1, ProbeEnvelope.TypeName, now);
            var bytes = await xa.SignAsync(envelope, ct);
            return new InboxItem(envelope, Guid.Parse(envelope.Id), bytes, FederationJson.Sha256(bytes), "receipt-" + conversation, now);
        }

        var first = await Item("gc-first");
        var failing = await Item("gc-failing");
        var third = await Item("gc-third");
        xb.Order().FailConversation = "gc-failing";

        IReadOnlyList<GroupCommitOutcome<InboxWrite>> outcomes;
        await using (var scope = xb.Services.CreateAsyncScope())
        {
            outcomes = await scope.ServiceProvider.GetRequiredService<EnvelopeInbox>().WriteBatchAsync([first, failing, third, first]);
        }

        Assert.Equal("receipt-gc-first", outcomes[0].Result!.Outcome.Receipt);
        Assert.Equal("applied", outcomes[0].Result!.Received);
        Assert.IsType<InvalidOperationException>(outcomes[1].Error);
        Assert.Equal("applied", outcomes[2].Result!.Received);
        Assert.Equal("duplicate", outcomes[3].Result!.Received);
        Assert.Equal("receipt-gc-first", outcomes[3].Result!.Outcome.Receipt);

        var inbox = await xb.QueryAsync(db => db.Set<InboxEnvelope>().AsNoTracking().Where(i => i.Conversation.StartsWith("gc-")).ToListAsync(ct));
        Assert.Equal(["gc-first", "gc-third"], inbox.Select(i => i.Conversation).Order(StringComparer.Ordinal));
        Assert.All(inbox, i => Assert.Equal(InboxStatus.Applied, i.Status));
        Assert.False(await xb.QueryAsync(db => db.Set<InboxConversation>().AnyAsync(c => c.Conversation == "gc-failing", ct)));
        var audited = await xb.QueryAsync(db => db.AuditEvents().AsNoTracking()
            .Where(e => e.ObjectId == first.Envelope.Id || e.ObjectId == failing.Envelope.Id || e.ObjectId == third.Envelope.Id)
            .Select(e => e.ObjectId + " " + e.Action).ToListAsync(ct));
        // Both identifiers may come from the same millisecond, where a version-7 UUID's order is random: sort both sides.
        Assert.Equal(
            new[] { first.Envelope.Id + " envelope.applied", first.Envelope.Id + " envelope.received", third.Envelope.Id + " envelope.applied", third.Envelope.Id + " envelope.received" }
                .Order(StringComparer.Ordinal),
            audited.Order(StringComparer.Ordinal));
        Assert.Equal(["gc-first", "gc-third"], xb.Order().Applied.Select(a => a.Conversation).Where(c => c.StartsWith("gc-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));

        // Once the handler works again, the sender's retry of the failed envelope is applied, once.
        xb.Order().FailConversation = null;
        using (var retried = await xb.PostEnvelopeAsync(failing.Bytes, ct))
        {
            Assert.Equal(200, (int)retried.StatusCode);
        }

        Assert.Single(xb.Order().Applied, a => a.Conversation == "gc-failing");
        Assert.Equal(3, await xb.QueryAsync(db => db.Set<InboxEnvelope>().CountAsync(i => i.Conversation.StartsWith("gc-") && i.Status == InboxStatus.Applied, ct)));
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task WaitingSuccessor_RefusedByItsHandlerWhenItsTurnComes_StaysWaitingAndIsAlerted_ItsPredecessorIsKept(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        await using var network = await EnvelopeTestKit.StartAsync(EnvelopeTestKit.Settings(worker: false), ct, "XA");
        await using var xb = await InboxOrderingTests.JoinAsync(network, "XB", database, ct);
        var xa = network["XA"];
        var now = xb.Time.GetUtcNow();
        var envelopes = new Dictionary<long, (EnvelopeV1 Envelope, byte[] Bytes)>();
        for (var seq = 1L; seq <= 4; seq++)
        {
            var envelope = EnvelopeTestKit.Envelope("XA", "XB", "gc-successor", seq, ProbeEnvelope.TypeName, now);
            envelopes[seq] = (envelope, await xa.SignAsync(envelope, ct));
        }

        // Seqs 2, 3 and 4 arrive first: stored, receipted, waiting for seq 1.
        foreach (var seq in new[] { 4L, 2L, 3L })
        {
            using var early = await xb.PostEnvelopeAsync(envelopes[seq].Bytes, ct);
            Assert.Equal(200, (int)early.StatusCode);
        }

        // When seq 1 arrives, seq 2 is applied after it but seq 3's handler refuses.
        xb.Order().FailConversation = "gc-successor";
        xb.Order().FailSeq = 3;
        using (var first = await xb.PostEnvelopeAsync(envelopes[1].Bytes, ct))
        {
            Assert.Equal(200, (int)first.StatusCode);
        }

        Assert.Equal([1L, 2L], xb.Order().Applied.Where(a => a.Conversation == "gc-successor").Select(a => a.Seq));
        var rows = await xb.QueryAsync(db => db.Set<InboxEnvelope>().AsNoTracking().Where(i => i.Conversation == "gc-successor").ToListAsync(ct));
        Assert.Equal(
            [(1L, InboxStatus.Applied), (2L, InboxStatus.Applied), (3L, InboxStatus.Waiting), (4L, InboxStatus.Waiting)],
            rows.OrderBy(r => r.Seq).Select(r => (r.Seq, r.Status)));
        var conversation = await xb.QueryAsync(db => db.Set<InboxConversation>().AsNoTracking().SingleAsync(c => c.Conversation == "gc-successor", ct));
        Assert.Equal(3, conversation.NextSeq);
        Assert.Equal(2, conversation.Waiting);
        var alert = await xb.QueryAsync(db => db.FederationAlerts().AsNoTracking().SingleAsync(a => a.Kind == FederationAlert.SuccessorRefused, ct));
        Assert.Equal(Guid.Parse(envelopes[3].Envelope.Id), alert.EnvelopeId);
        Assert.Contains("The probe handler fails", alert.Detail, StringComparison.Ordinal);
        var applied = await xb.QueryAsync(db => db.AuditEvents().AsNoTracking()
            .Where(e => e.Action == "envelope.applied" && (e.ObjectId == envelopes[2].Envelope.Id || e.ObjectId == envelopes[3].Envelope.Id))
            .Select(e => e.ObjectId).ToListAsync(ct));
        Assert.Equal([envelopes[2].Envelope.Id], applied);

        // The sender's retry of seq 1 is a duplicate with its receipt; nothing is applied twice.
        using (var again = await xb.PostEnvelopeAsync(envelopes[1].Bytes, ct))
        {
            Assert.Equal(200, (int)again.StatusCode);
        }

        Assert.Equal([1L, 2L], xb.Order().Applied.Where(a => a.Conversation == "gc-successor").Select(a => a.Seq));
    }

    [Fact]
    public async Task GroupCommit_SubmissionsWaitingForTheWriter_AreWrittenInOneBatch()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gate = new SqliteWriteGate();
        var batches = new List<IReadOnlyList<int>>();
        var commit = new GroupCommit<int, string>(gate, items =>
        {
            batches.Add(items);
            return Task.FromResult<IReadOnlyList<GroupCommitOutcome<string>>>([.. items.Select(i => GroupCommitOutcome<string>.Success("stored " + i))]);
        });

        Task<string>[] submitted;
        using (await gate.EnterAsync(ct))
        {
            submitted = [.. Enumerable.Range(1, 3).Select(i => commit.SubmitAsync(i, sqlite: true, ct))];
            Assert.All(submitted, s => Assert.False(s.IsCompleted));
        }

        Assert.Equal(["stored 1", "stored 2", "stored 3"], await Task.WhenAll(submitted));
        Assert.Equal([1, 2, 3], Assert.Single(batches));
    }

    [Fact]
    public async Task GroupCommit_WhenTheBatchFails_EverySubmitterGetsTheFailure_AndNoneIsToldStored()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gate = new SqliteWriteGate();
        var commit = new GroupCommit<int, string>(gate, _ => throw new InvalidOperationException("the commit failed"));

        Task<string>[] submitted;
        using (await gate.EnterAsync(ct))
        {
            submitted = [.. Enumerable.Range(1, 3).Select(i => commit.SubmitAsync(i, sqlite: true, ct))];
        }

        foreach (var submission in submitted)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => submission);
            Assert.Equal("the commit failed", error.Message);
        }
    }

    [Fact]
    public async Task GroupCommit_AnItemFailedByTheWriter_FailsAlone()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gate = new SqliteWriteGate();
        var commit = new GroupCommit<int, string>(gate, items => Task.FromResult<IReadOnlyList<GroupCommitOutcome<string>>>(
            [.. items.Select(i => i == 2 ? GroupCommitOutcome<string>.Failure(new InvalidOperationException("item 2")) : GroupCommitOutcome<string>.Success("stored " + i))]));

        Task<string>[] submitted;
        using (await gate.EnterAsync(ct))
        {
            submitted = [.. Enumerable.Range(1, 3).Select(i => commit.SubmitAsync(i, sqlite: true, ct))];
        }

        Assert.Equal("stored 1", await submitted[0]);
        Assert.Equal("item 2", (await Assert.ThrowsAsync<InvalidOperationException>(() => submitted[1])).Message);
        Assert.Equal("stored 3", await submitted[2]);
    }
}
