using Comity.Domain.Treaty;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Register;

/// <summary>
/// On the Secretariat, the Register lists the participants with their dates, so recorded instruments call for a new
/// one: a publication mark in the recording's transaction (the publication worker publishes while marks are left),
/// then, once it is committed, a publication right away (best effort: the mark covers a failure).
/// </summary>
internal sealed partial class PublishOnInstrumentsRecorded(
    ComityDbContext db,
    IRegisterPublisher publisher,
    IOptions<NodeOptions> node,
    IIdGenerator ids,
    TimeProvider time,
    ILogger<PublishOnInstrumentsRecorded> logger) : IDomainEventSubscriber<InstrumentsRecorded>, IAfterCommitSubscriber<InstrumentsRecorded>
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

    public async Task HandleCommittedAsync(InstrumentsRecorded domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        if (node.Value.Role == NodeRole.Secretariat && domainEvent.Instruments.Count > 0)
        {
            await RegisterPublishing.TryPublishAsync(publisher, logger, cancellationToken);
        }
    }
}
