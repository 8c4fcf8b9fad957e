using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Clocks;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Federation.Keys;
using Comity.Node.Hosting;
using Comity.Node.Storage;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Comity.Testing.Processes;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Comity.Bench.Requests;

/// <summary>
/// Fills a node's database with copies of requests that went through the public API, as fast as the node's own
/// storage allows and with the shape production has: each copy gets a fresh request id and fresh envelope ids, its
/// instants moved back by the same offset (closed requests up to a year, open ones up to a week), every envelope
/// signed again by the node that signed the original (XA's events with XA's key, XB's with XB's, through the nodes'
/// own key stores), the request row's state and clocks recomputed from the history by the node's ledger code, and the
/// federation rows production keeps beside them: an outbox row per envelope this node sent (delivered, with the peer's
/// genuinely signed receipt) and an inbox row per envelope it received (applied, with its own signed receipt).
/// </summary>
internal sealed partial class RequestReplicator(NodeProcess own, NodeProcess peer) : IAsyncDisposable
{
    private readonly WebApplication ownHost = Open(own);
    private readonly WebApplication peerHost = Open(peer);

    private string OwnState => own.Options.StateCode!;

    private string PeerState => peer.Options.StateCode!;

    /// <summary>The node's services over its data folder and database, built as <c>comity admin token</c> builds them; never started.</summary>
    private static WebApplication Open(NodeProcess node) => ComityNodeHost.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Comity:Role"] = "State",
        ["Comity:StateCode"] = node.Options.StateCode,
        ["Comity:DataFolder"] = node.Options.DataFolder,
        ["Comity:Database:Provider"] = node.Options.PostgresConnectionString is null ? "Sqlite" : "Postgres",
        ["Comity:Database:ConnectionString"] = node.Options.PostgresConnectionString,
        ["Logging:LogLevel:Default"] = "Warning",
    }));

    private sealed record Template(RequestRecord Request, List<RequestEventRecord> Events, Dictionary<Guid, EnvelopeV1> Envelopes);

    /// <summary>Adds copies of <paramref name="templateIds"/> (round robin) until the node holds <paramref name="total"/> requests.</summary>
    public async Task ReplicateAsync(IReadOnlyList<Guid> templateIds, int total, int seed, IProgress<int> progress, CancellationToken ct)
    {
        var templates = new List<Template>();
        int held;
        await using (var scope = ownHost.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
            held = await db.Requests().CountAsync(ct);
            foreach (var id in templateIds)
            {
                var request = await db.Requests().AsNoTracking().SingleAsync(r => r.Id == id, ct);
                var events = await db.RequestEvents().AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.Index).ToListAsync(ct);
                templates.Add(new Template(request, events, events.ToDictionary(e => e.Id, e => FederationJson.DeserializeEnvelope(Payload(e.Jws)))));
            }
        }

        var random = new Random(seed);
        var clocks = ownHost.Services.GetRequiredService<IOptions<RequestOptions>>().Value.Clocks;
        var now = DateTimeOffset.UtcNow;
        const int Batch = 100;
        var done = 0;
        while (held + done < total)
        {
            await using var ownScope = ownHost.Services.CreateAsyncScope();
            await using var peerScope = peerHost.Services.CreateAsyncScope();
            var db = ownScope.ServiceProvider.GetRequiredService<ComityDbContext>();
            var ownKeys = ownScope.ServiceProvider.GetRequiredService<INodeKeys>();
            var peerKeys = peerScope.ServiceProvider.GetRequiredService<INodeKeys>();
            var count = Math.Min(Batch, total - held - done);
            for (var i = 0; i < count; i++)
            {
                var copyIndex = done + i;
                var template = templates[copyIndex % templates.Count];
                var open = template.Request.IsOpen;
                var shift = -TimeSpan.FromMinutes(random.Next(open ? 7 * 24 * 60 : 365 * 24 * 60));
                await CopyAsync(db, template, shift, copyIndex, ownKeys, peerKeys, clocks, now, ct);
            }

            await db.SaveChangesAsync(ct);
            done += count;
            progress.Report(done);
        }
    }

    private async Task CopyAsync(ComityDbContext db, Template template, TimeSpan shift, int copyIndex, INodeKeys ownKeys, INodeKeys peerKeys, Comity.Domain.Cooperation.CooperationClockSettings clocks, DateTimeOffset now, CancellationToken ct)
    {
        var t = template.Request;
        var id = Guid.CreateVersion7(t.SubmittedAt + shift);
        var oldId = t.Id.ToString("D");
        var newId = id.ToString("D");
        var request = new RequestRecord
        {
            Id = id,
            Kind = t.Kind,
            Side = t.Side,
            RequestingState = t.RequestingState,
            RequestedState = t.RequestedState,
            PeerState = t.PeerState,
            RequestingOffice = t.RequestingOffice,
            RequestedOffice = t.RequestedOffice,
            RequestedDesignationId = t.RequestedDesignationId,
            OfficerOnDuty = t.OfficerOnDuty,
            RequestedTimeZone = t.RequestedTimeZone,
            RegisterSerial = t.RegisterSerial,
            Reference = t.Reference is null ? null : string.Create(CultureInfo.InvariantCulture, $"{t.Reference}/{copyIndex}"),
            LegalBasisKind = t.LegalBasisKind,
            LegalBasisReference = t.LegalBasisReference,
            ConventionInForce = t.ConventionInForce,
            OriginalLanguage = t.OriginalLanguage,
            OriginalText = t.OriginalText,
            TranslationLanguage = t.TranslationLanguage,
            TranslationText = t.TranslationText,
            ContentsJson = Shift(t.ContentsJson, shift, oldId, newId),
            ConditionsJson = Shift(t.ConditionsJson, shift, oldId, newId),
            Deadline = t.Deadline + shift,
            State = t.State,
            IsOpen = t.IsOpen,
            EventCount = t.EventCount,
            SubmittedAt = t.SubmittedAt + shift,
            LastMovedAt = t.LastMovedAt + shift,
            NextDueAt = t.NextDueAt + shift,
            NextDueKind = t.NextDueKind,
            CreatedAt = t.CreatedAt + shift,
        };
        db.Requests().Add(request);

        var events = new List<RequestEventRecord>();
        foreach (var e in template.Events)
        {
            var original = template.Envelopes[e.Id];
            var envelopeId = Guid.CreateVersion7(original.CreatedAt + shift);
            var body = JsonNode.Parse(original.Body.GetRawText())!;
            var envelope = original with
            {
                Id = envelopeId.ToString("D"),
                Conversation = newId,
                CreatedAt = original.CreatedAt + shift,
                Body = JsonSerializer.SerializeToElement(ShiftNode(body, shift, oldId, newId)),
            };
            var sentByUs = e.Node == OwnState;
            var jws = await (sentByUs ? ownKeys : peerKeys).SignJwsAsync(FederationJson.SerializeToUtf8Bytes(envelope), EnvelopeV1.MediaType, ct);
            var row = new RequestEventRecord
            {
                Id = Guid.CreateVersion7(e.StoredAt + shift),
                RequestId = id,
                Index = e.Index,
                Type = e.Type,
                By = e.By,
                Node = e.Node,
                Actor = e.Actor,
                At = e.At + shift,
                FieldsJson = Shift(e.FieldsJson, shift, oldId, newId),
                EnvelopeId = envelopeId,
                Jws = jws,
                Kid = RequestLedger.KidOf(jws),
                StoredAt = e.StoredAt + shift,
            };
            events.Add(row);
            db.RequestEvents().Add(row);

            var bytes = Encoding.UTF8.GetBytes(jws);
            var sha256 = FederationJson.Sha256(bytes);
            var receivedAt = envelope.CreatedAt + TimeSpan.FromMilliseconds(40);
            if (sentByUs)
            {
                // The peer's receipt over these exact bytes, signed with the peer's key, as a delivery stores it.
                var receipt = await peerKeys.SignJwsAsync(FederationJson.SerializeToUtf8Bytes(ReceiptSigner.For(envelope.Id, bytes, receivedAt, PeerState, null)), ReceiptV1.MediaType, ct);
                db.Outbox().Add(new OutboxEnvelope
                {
                    Id = envelopeId, Peer = PeerState, Conversation = newId, Seq = envelope.Seq, Type = envelope.Type, Bytes = bytes, Sha256 = sha256,
                    CreatedAt = envelope.CreatedAt, Status = OutboxStatus.Delivered, Attempts = 1, NextAttemptAt = envelope.CreatedAt, LastAttemptAt = envelope.CreatedAt,
                    DeliveredAt = receivedAt, Receipt = receipt, ReceiptVerified = true, ReceiptReceivedAt = receivedAt,
                });
            }
            else
            {
                var receipt = await ownKeys.SignJwsAsync(FederationJson.SerializeToUtf8Bytes(ReceiptSigner.For(envelope.Id, bytes, receivedAt, OwnState, null)), ReceiptV1.MediaType, ct);
                db.Inbox().Add(new InboxEnvelope
                {
                    Id = envelopeId, From = PeerState, Conversation = newId, Seq = envelope.Seq, Type = envelope.Type, Bytes = bytes, Sha256 = sha256,
                    ReceivedAt = receivedAt, Status = InboxStatus.Applied, AppliedAt = receivedAt, Receipt = receipt,
                });
            }
        }

        var ours = template.Events.Where(e => e.Node == OwnState).Select(e => template.Envelopes[e.Id].Seq).DefaultIfEmpty(0).Max();
        if (ours > 0)
        {
            db.OutboxSequences().Add(new OutboxSequence { Conversation = newId, Next = ours + 1 });
        }

        var theirs = template.Events.Where(e => e.Node != OwnState).Select(e => template.Envelopes[e.Id].Seq).DefaultIfEmpty(0).Max();
        if (theirs > 0)
        {
            db.InboxConversations().Add(new InboxConversation { From = PeerState, Conversation = newId, NextSeq = theirs + 1, Waiting = 0, Version = theirs, LastReceivedAt = request.LastMovedAt });
        }

        // The row's state and clocks as the node's ledger computes them from the (moved) history.
        RequestLedger.Recompute(request, RequestLedger.Replay(request, events), clocks);
    }

    private static byte[] Payload(string jws) =>
        Base64Url.Decode(JsonSerializer.Deserialize<JwsFlattenedJson>(jws)!.Payload);

    private static string Shift(string json, TimeSpan shift, string oldId, string newId) =>
        ShiftNode(JsonNode.Parse(json), shift, oldId, newId)?.ToJsonString() ?? "null";

    /// <summary>Moves every instant by <paramref name="shift"/> and replaces the template's request id, anywhere in the JSON (in place).</summary>
    private static JsonNode? ShiftNode(JsonNode? node, TimeSpan shift, string oldId, string newId)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (o[key] is JsonValue value)
                    {
                        o[key] = ShiftValue(value, shift, oldId, newId);
                    }
                    else
                    {
                        ShiftNode(o[key], shift, oldId, newId);
                    }
                }

                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue value)
                    {
                        a[i] = ShiftValue(value, shift, oldId, newId);
                    }
                    else
                    {
                        ShiftNode(a[i], shift, oldId, newId);
                    }
                }

                return a;
            case JsonValue v:
                return ShiftValue(v, shift, oldId, newId);
            default:
                return node;
        }
    }

    private static JsonNode ShiftValue(JsonValue value, TimeSpan shift, string oldId, string newId)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            return value.DeepClone();
        }

        var text = value.GetValue<string>();
        if (string.Equals(text, oldId, StringComparison.OrdinalIgnoreCase))
        {
            return JsonValue.Create(newId);
        }

        return InstantPattern().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            ? JsonValue.Create((instant + shift).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture))
            : value.DeepClone();
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();

    public async ValueTask DisposeAsync()
    {
        await ownHost.DisposeAsync();
        await peerHost.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
