using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Comity.Testing.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Federation.Envelopes;

/// <summary>How a node's envelope endpoint misbehaves, for delivery tests: per node (one singleton per host).</summary>
public sealed class EnvelopeFault
{
    public const int None = 0;
    public const int DropConnection = 1;
    public const int ServiceUnavailable = 2;

    private int mode;

    public int Mode
    {
        get => Volatile.Read(ref mode);
        set => Volatile.Write(ref mode, value);
    }

    private int requests;

    public int Requests => Volatile.Read(ref requests);

    public void Count() => Interlocked.Increment(ref requests);
}

/// <summary>Puts <see cref="EnvelopeFault"/> in front of <c>POST /federation/v1/envelopes</c>.</summary>
internal sealed class EnvelopeFaultFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path.Equals("/federation/v1/envelopes", StringComparison.Ordinal))
            {
                var fault = context.RequestServices.GetRequiredService<EnvelopeFault>();
                fault.Count();
                switch (fault.Mode)
                {
                    case EnvelopeFault.DropConnection:
                        context.Abort();
                        return;
                    case EnvelopeFault.ServiceUnavailable:
                        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                        return;
                }
            }

            await nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>Records the order in which <c>probe/v1</c> envelopes are applied (a test envelope type).</summary>
public sealed class ApplyOrder
{
    private volatile string? failConversation;
    private long failSeq;

    public ConcurrentQueue<(string Conversation, long Seq)> Applied { get; } = new();

    /// <summary>Envelopes of this conversation make the handler throw (a handler's bug), until set back to null.</summary>
    public string? FailConversation
    {
        get => failConversation;
        set => failConversation = value;
    }

    /// <summary>With <see cref="FailConversation"/>, only this seq fails; 0 (the default) fails them all.</summary>
    public long FailSeq
    {
        get => Interlocked.Read(ref failSeq);
        set => Interlocked.Exchange(ref failSeq, value);
    }
}

internal sealed class ProbeEnvelope(ApplyOrder order) : IEnvelopeHandler
{
    public const string TypeName = "probe/v1";

    public string Type => TypeName;

    public Task<Error?> ApplyAsync(EnvelopeV1 envelope, ComityDbContext db, CancellationToken cancellationToken)
    {
        // A bug in a handler (an exception, not a refusal): the inbox isolates it.
        if (string.Equals(envelope.Conversation, order.FailConversation, StringComparison.Ordinal) && (order.FailSeq == 0 || order.FailSeq == envelope.Seq))
        {
            throw new InvalidOperationException("The probe handler fails for conversation " + envelope.Conversation + ".");
        }

        order.Applied.Enqueue((envelope.Conversation, envelope.Seq));
        return Task.FromResult<Error?>(null);
    }
}

internal static class EnvelopeTestKit
{
    public static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Services for every node of a delivery test: the fault switch and the probe type.</summary>
    public static void Services(IServiceCollection services)
    {
        services.AddSingleton<EnvelopeFault>();
        services.AddSingleton<IStartupFilter, EnvelopeFaultFilter>();
        services.AddSingleton<ApplyOrder>();
        services.AddEnvelopeHandler<ProbeEnvelope>();
    }

    public static Dictionary<string, string?> Settings(bool worker = true, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Comity:Federation:Envelopes:DeliveryWorkerEnabled"] = worker ? "true" : "false",
            ["Comity:Federation:Envelopes:RandomSeed"] = "42",
        };
        foreach (var (key, value) in more)
        {
            settings["Comity:Federation:Envelopes:" + key] = value;
        }

        return settings;
    }

    public static Task<TestNetwork> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken, params string[] states) =>
        TestNetwork.StartAsync(Now, states.Length == 0 ? ["XA", "XB", "XC"] : states, settings, Services, cancellationToken);

    public static EnvelopeFault Fault(this TestNode node) => node.Services.GetRequiredService<EnvelopeFault>();

    public static DeliveryWorker Worker(this TestNode node) => node.Services.GetRequiredService<DeliveryWorker>();

    public static ApplyOrder Order(this TestNode node) => node.Services.GetRequiredService<ApplyOrder>();

    /// <summary>An envelope payload from <paramref name="from"/>, signed with that node's own key.</summary>
    public static async Task<byte[]> SignAsync(this TestNode from, EnvelopeV1 envelope, CancellationToken cancellationToken)
    {
        var jws = await from.SignJwsAsync(FederationJson.SerializeToUtf8Bytes(envelope), EnvelopeV1.MediaType, cancellationToken);
        return Encoding.UTF8.GetBytes(jws);
    }

    public static EnvelopeV1 Envelope(string from, string to, string conversation, long seq, string type = "ping/v1", DateTimeOffset? createdAt = null, string? id = null, string message = "hello") =>
        new(1, id ?? Guid.CreateVersion7().ToString("D"), from, to, conversation, seq, type, createdAt ?? Now, JsonSerializer.SerializeToElement(new { message }));

    /// <summary>Posts envelope bytes to a node's endpoint as a peer does.</summary>
    public static async Task<HttpResponseMessage> PostEnvelopeAsync(this TestNode to, byte[] bytes, CancellationToken cancellationToken)
    {
        using var client = to.CreateClient();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/comity-envelope+json");
        return await client.PostAsync("/federation/v1/envelopes", content, cancellationToken);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, CancellationToken cancellationToken) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();

    /// <summary>An API client of a node admin on <paramref name="node"/>.</summary>
    public static Task<HttpClient> AdminAsync(this TestNode node) => node.CreateClientForAsync("envelope-admin", Roles.NodeAdmin);

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> PingAsync(this HttpClient client, object body, CancellationToken cancellationToken, int expectedStatus = 202)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/federation/pings", body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True((int)response.StatusCode == expectedStatus, $"POST pings: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<T> QueryAsync<T>(this TestNode node, Func<ComityDbContext, Task<T>> query)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<ComityDbContext>());
    }

    public static Task<OutboxEnvelope> OutboxRowAsync(this TestNode node, Guid id) =>
        node.QueryAsync(db => db.Set<OutboxEnvelope>().AsNoTracking().SingleAsync(o => o.Id == id));

    /// <summary>Adds a row to the node's outbox directly (bytes the node did not sign itself, to see how the receiver's refusals are handled).</summary>
    public static async Task<Guid> AddOutboxRowAsync(this TestNode node, string peer, byte[] bytes)
    {
        var id = Guid.CreateVersion7();
        await using var scope = node.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
        db.Set<OutboxEnvelope>().Add(new OutboxEnvelope
        {
            Id = id,
            Peer = peer,
            Conversation = "test",
            Seq = 1,
            Type = "ping/v1",
            Bytes = bytes,
            Sha256 = FederationJson.Sha256(bytes),
            CreatedAt = node.Time.GetUtcNow(),
            Status = OutboxStatus.Pending,
            NextAttemptAt = node.Time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        return id;
    }
}
