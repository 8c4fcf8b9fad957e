using Comity.Node.Federation.Register;
using Comity.Node.Kernel;
using Comity.Node.Storage;

namespace Comity.Node.Features.Treaty.Mirror;

/// <summary>On a State node: each Register accepted brings the treaty registry to the depositary's dates, in the same save (<see cref="TreatyMirror"/>).</summary>
internal sealed partial class MirrorTreatyOnRegister(ComityDbContext db, IIdGenerator ids, ILogger<MirrorTreatyOnRegister> logger) : IDomainEventSubscriber<RegisterAccepted>
{
    public async Task HandleAsync(RegisterAccepted domainEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var (added, removed) = await TreatyMirror.ReconcileAsync(db, domainEvent.Register, domainEvent.At, ids.NewId, cancellationToken);
        if (added + removed > 0)
        {
            LogTreatyMirrored(domainEvent.Register.Serial, added, removed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Treaty registry brought to Register serial {Serial}: {Added} instruments added, {Removed} removed")]
    private partial void LogTreatyMirrored(long serial, int added, int removed);
}
