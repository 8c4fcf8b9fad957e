using System.Data;
using System.Data.Common;
using System.Globalization;
using Comity.Node.Federation.Keys;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Register;

/// <summary>
/// On the Secretariat: builds the Register from the treaty registry and the approved directory (through the
/// ports <see cref="IRegisterTreatySource"/> and <see cref="IRegisterDirectorySource"/>, which those areas
/// implement, so no rule is repeated here), lists the Secretariat itself as node <c>UN</c>, signs it and stores it under
/// the next serial.
/// </summary>
/// <remarks>
/// The serial is <c>max + 1</c> read and written in one serializable transaction, and is the table's
/// primary key: on SQLite the transaction takes the write lock first (BEGIN IMMEDIATE), on PostgreSQL
/// one of two racing publishers fails (40001, or a duplicate key) and is tried again from the start.
/// </remarks>
internal sealed partial class RegisterPublisher(
    ComityDbContext db,
    IRegisterTreatySource treatySource,
    IRegisterDirectorySource directory,
    NodeKeyStore keys,
    NodeEndpoint endpoint,
    IOptions<NodeOptions> node,
    IOptions<FederationOptions> federation,
    TimeProvider time,
    Kernel.IAuditTrail audit,
    ILogger<RegisterPublisher> logger) : IRegisterPublisher
{
    private const int MaxAttempts = 8;

    public async Task<long> PublishAsync(CancellationToken cancellationToken)
    {
        if (node.Value.Role != NodeRole.Secretariat)
        {
            throw new InvalidOperationException("Only the Secretariat publishes the Register.");
        }

        // The marks are read before the content: a change committed after this read keeps its mark (and is
        // published again later); one committed before it is in the content read below.
        var covered = await db.Set<RegisterPublicationDue>().AsNoTracking().Select(d => d.Id).ToListAsync(cancellationToken);
        var (treaty, listed) = await treatySource.GetAsync(cancellationToken);
        var content = await directory.GetAsync(cancellationToken);
        var self = new RegisterNodeV1(RegisterVerification.SecretariatState, node.Value.EffectiveDisplayName, endpoint.Current(), await keys.PublicKeysAsync(cancellationToken));

        // The Secretariat's own entry comes from its key store, never from the directory.
        List<RegisterNodeV1> nodes = [self, .. content.Nodes.Where(n => n.State != RegisterVerification.SecretariatState).OrderBy(n => n.State, StringComparer.Ordinal)];

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var serial = await PublishOnceAsync(treaty, listed, nodes, content, covered, cancellationToken);
                LogPublished(serial);
                return serial;
            }
            catch (Exception e) when (attempt < MaxAttempts && IsConflict(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<long> PublishOnceAsync(RegisterTreatyV1 treaty, IReadOnlyList<RegisterParticipantV1> listed, List<RegisterNodeV1> nodes, RegisterDirectoryContent content, List<Guid> covered, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var serial = (await db.RegisterPublications().MaxAsync(p => (long?)p.Serial, cancellationToken) ?? 0) + 1;

        // Whole seconds: easier to read and to compare by hand, and the same on every database.
        var issuedAt = NodeKeyStore.WholeSecond(time.GetUtcNow());
        var register = new RegisterV1(
            RegisterV1.CurrentVersion, serial, issuedAt, issuedAt + federation.Value.RegisterValidity,
            treaty, listed, nodes, content.Designations, content.ServiceProviders)
        {
            Offences = content.Offences is { Count: > 0 } offences ? offences : null,
        };
        var payload = Protocol.V1.RegisterJson.SerializeToUtf8Bytes(register);
        var jws = await keys.SignRegisterAsync(payload, cancellationToken);
        db.RegisterPublications().Add(new RegisterPublication
        {
            Serial = serial,
            IssuedAt = register.IssuedAt,
            NextUpdate = register.NextUpdate,
            Jws = jws,
            PayloadSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(payload)),
        });
        await NodeKeyArchive.RecordAsync(db, register, cancellationToken);
        audit.Record(new Kernel.AuditRecord(Kernel.Audit.Node, "register.published", "register", serial.ToString(CultureInfo.InvariantCulture), Kernel.Audit.Sha256(jws)));
        await db.SaveChangesAsync(cancellationToken);
        if (covered.Count > 0)
        {
            await db.Set<RegisterPublicationDue>().Where(d => covered.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return serial;
    }

    /// <summary>Another publisher won the race: serialization failure, deadlock, or the serial's key taken.</summary>
    private static bool IsConflict(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 5 or 6 or 19 }:
                case DbException { SqlState: "40001" or "40P01" or "23505" }:
                    return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published Register serial {Serial}")]
    private partial void LogPublished(long serial);
}
