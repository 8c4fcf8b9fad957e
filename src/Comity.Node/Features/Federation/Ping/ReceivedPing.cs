using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Comity.Node.Federation.Envelopes;
using System.Text.Json;

namespace Comity.Node.Features.Federation.Ping;

/// <summary>
/// A ping this node applied. Deliberately no unique key on <see cref="EnvelopeId"/>: if the inbox ever
/// applied an envelope twice, two rows would show it.
/// </summary>
public sealed class ReceivedPing
{
    public Guid Id { get; set; }

    public Guid EnvelopeId { get; set; }

    public required string From { get; set; }

    public required string Conversation { get; set; }

    public long Seq { get; set; }

    /// <summary>The ping's optional text (at most 4000 characters).</summary>
    public string? Message { get; set; }

    /// <summary>The envelope's <c>createdAt</c>.</summary>
    public DateTimeOffset SentAt { get; set; }

    public DateTimeOffset AppliedAt { get; set; }
}

internal sealed class ReceivedPingConfiguration : IEntityTypeConfiguration<ReceivedPing>
{
    public void Configure(EntityTypeBuilder<ReceivedPing> builder)
    {
        builder.ToTable("received_pings");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.From).HasMaxLength(2);
        builder.Property(p => p.Conversation).HasMaxLength(200);
        builder.Property(p => p.Message).HasMaxLength(PingEnvelope.MaxMessageLength);
        builder.HasIndex(p => p.EnvelopeId);
        builder.HasIndex(p => p.AppliedAt);
    }
}

/// <summary>The <c>ping/v1</c> envelope type: body <c>{"message": string or null}</c>; applying it records the ping.</summary>
internal sealed class PingEnvelope(IIdGenerator ids, TimeProvider time) : IEnvelopeHandler
{
    public const string TypeName = "ping/v1";
    public const int MaxMessageLength = 4000;

    public string Type => TypeName;

    public Task<Error?> ApplyAsync(EnvelopeV1 envelope, ComityDbContext db, CancellationToken cancellationToken)
    {
        string? message = null;
        if (envelope.Body.TryGetProperty("message", out var value) && value.ValueKind == JsonValueKind.String)
        {
            message = value.GetString();
            if (message is { Length: > MaxMessageLength })
            {
                message = message[..MaxMessageLength];
            }
        }

        db.Set<ReceivedPing>().Add(new ReceivedPing
        {
            Id = ids.NewId(),
            EnvelopeId = Guid.Parse(envelope.Id),
            From = envelope.From,
            Conversation = envelope.Conversation,
            Seq = envelope.Seq,
            Message = message,
            SentAt = envelope.CreatedAt,
            AppliedAt = time.GetUtcNow(),
        });
        return Task.FromResult<Error?>(null);
    }

    public static JsonElement Body(string? message) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string?> { ["message"] = message });
}
