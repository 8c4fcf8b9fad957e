using Comity.Domain.Treaty;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Register;

/// <summary>
/// On the Secretariat, the Register lists the participants with their dates, so recorded instruments call for a new
/// one: a publication mark in the recording's transaction (the publication worker publishes while marks are left).
/// </summary>
internal sealed class MarkRegisterDueOnInstrumentsRecorded(ComityDbContext db, IOptions<NodeOptions> node, IIdGenerator ids, TimeProvider time)
    : IDomainEventSubscriber<InstrumentsRecorded>
{
    public const string Reason = "treaty.instrument-recorded";

    public Task HandleAsync(InstrumentsRecorded domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (node.Value.Role == NodeRole.Secretariat && domainEvent.Instruments.Count > 0)
        {
            RegisterPublicationDue.Mark(db, ids.NewId(), Reason, time.GetUtcNow());
        }

        return Task.CompletedTask;
    }
}

/// <summary>Once recorded instruments are committed on the Secretariat, a new Register right away (best effort: their mark covers a failure).</summary>
internal sealed class PublishOnInstrumentsRecorded(IRegisterPublisher publisher, IOptions<NodeOptions> node, ILogger<PublishOnInstrumentsRecorded> logger)
    : IAfterCommitSubscriber<InstrumentsRecorded>
{
    public async Task HandleCommittedAsync(InstrumentsRecorded domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (node.Value.Role == NodeRole.Secretariat && domainEvent.Instruments.Count > 0)
        {
            await RegisterPublishing.TryPublishAsync(publisher, logger, cancellationToken);
        }
    }
}
