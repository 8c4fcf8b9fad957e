using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Comity.Node.Features.Requests.Proposals;

/// <summary>
/// A central-authority request drafted by a prosecutor and waiting for a central-authority officer to send it or
/// return it (four eyes). It never leaves this node: only the request it becomes is signed and sent.
/// </summary>
public sealed class RequestProposalRecord
{
    public Guid Id { get; set; }

    /// <summary>Wire name of the kind.</summary>
    public required string Kind { get; set; }

    public required string RequestedState { get; set; }

    public string? Reference { get; set; }

    /// <summary>The draft as the body of <c>POST /api/v1/requests</c> (JSON), exactly as proposed.</summary>
    public required string DraftJson { get; set; }

    /// <summary><see cref="ProposalStatus"/> wire name.</summary>
    public required string Status { get; set; }

    public required string ProposedBy { get; set; }

    /// <summary>The drafter's audit identity (<c>user:&lt;id&gt;</c>): the four-eyes rule compares it with the reviewer's.</summary>
    public required string ProposedById { get; set; }

    public DateTimeOffset ProposedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecidedById { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why the reviewer returned it.</summary>
    public string? Reason { get; set; }

    /// <summary>The request it became once sent.</summary>
    public Guid? RequestId { get; set; }

    /// <summary>Bumped at every decision: two reviewers deciding at once cannot both win.</summary>
    public int Version { get; set; }
}

/// <summary>Where a proposal stands.</summary>
public static class ProposalStatus
{
    public const string AwaitingReview = "awaitingReview";
    public const string Sent = "sent";
    public const string Returned = "returned";

    public static readonly IReadOnlyList<string> All = [AwaitingReview, Sent, Returned];
}

internal sealed class RequestProposalRecordConfiguration : IEntityTypeConfiguration<RequestProposalRecord>
{
    public void Configure(EntityTypeBuilder<RequestProposalRecord> builder)
    {
        builder.ToTable("cooperation_request_proposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Kind).HasMaxLength(48);
        builder.Property(p => p.RequestedState).HasMaxLength(2);
        builder.Property(p => p.Reference).HasMaxLength(RequestLimits.ShortText);
        builder.Property(p => p.Status).HasMaxLength(16);
        builder.Property(p => p.ProposedBy).HasMaxLength(RequestLimits.ShortText);
        builder.Property(p => p.ProposedById).HasMaxLength(480);
        builder.Property(p => p.DecidedBy).HasMaxLength(RequestLimits.ShortText);
        builder.Property(p => p.DecidedById).HasMaxLength(480);
        builder.Property(p => p.Reason).HasMaxLength(RequestLimits.LongText);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => new { p.Status, p.ProposedAt });
        builder.HasIndex(p => new { p.ProposedById, p.ProposedAt });
    }
}

internal static class ProposalDbSets
{
    public static DbSet<RequestProposalRecord> RequestProposals(this Storage.ComityDbContext db) => db.Set<RequestProposalRecord>();
}
