using System.Data;
using System.Data.Common;
using System.Text.Json;
using Comity.Domain.Treaty;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Comity.Node.Features.Treaty;

/// <summary>
/// Reads and writes the stored instruments. Every derived fact (status, dates, who is party) is
/// computed by <see cref="TreatyHistory"/> from what is stored; nothing here repeats a rule.
/// </summary>
internal sealed class TreatyRegistry(ComityDbContext db, TimeProvider time, IIdGenerator ids, IAuditTrail audit, DomainEvents<InstrumentsRecorded> recorded)
{
    // Under PostgreSQL's serializable isolation one of two racing writers is aborted (SQLSTATE 40001)
    // and simply tried again: the retry then sees the other writer's instrument.
    private const int MaxAttempts = 5;

    /// <summary>Today's date in UTC from the injected clock.</summary>
    public LocalDate Today => LocalDate.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<TreatyHistory> LoadHistoryAsync(CancellationToken cancellationToken) =>
        Build(await db.Instruments().AsNoTracking().ToListAsync(cancellationToken));

    public Task<List<InstrumentRecord>> InstrumentsOfAsync(ParticipantCode participant, CancellationToken cancellationToken) =>
        db.Instruments().AsNoTracking()
            .Where(i => i.Participant == participant.Value)
            .OrderBy(i => i.Date).ThenBy(i => i.RecordedAt)
            .ToListAsync(cancellationToken);

    public Task<List<DeclarationRecord>> DeclarationsOfAsync(ParticipantCode participant, CancellationToken cancellationToken) =>
        db.Declarations().AsNoTracking()
            .Where(d => d.Participant == participant.Value)
            .OrderBy(d => d.Date).ThenBy(d => d.RecordedAt)
            .ToListAsync(cancellationToken);

    public Task<int> CountInstrumentsAsync(CancellationToken cancellationToken) => db.Instruments().CountAsync(cancellationToken);

    /// <summary>
    /// Records the instruments that are not stored yet, in deposit order, if together with the stored
    /// ones they break no rule, and returns them; otherwise records nothing and returns every violation
    /// of the first instrument that breaks one. One transaction, safe against concurrent writers.
    /// </summary>
    /// <remarks>
    /// Concurrency: the check reads every instrument and the insert depends on what it read, so two
    /// writers must not interleave (two ratifications by the same State could both pass). The
    /// transaction is <see cref="IsolationLevel.Serializable"/> on both providers, which needs no
    /// lock table and no provider switch here:
    /// <list type="bullet">
    /// <item>SQLite: Microsoft.Data.Sqlite opens a serializable transaction with <c>BEGIN IMMEDIATE</c>,
    /// which takes the database's single write lock before the read; a second writer waits (busy
    /// timeout) and then reads the first writer's instrument.</item>
    /// <item>PostgreSQL: serializable snapshot isolation lets both read, then aborts one of two
    /// conflicting writers with SQLSTATE 40001; we retry it from the start. Readers never block.</item>
    /// </list>
    /// </remarks>
    public async Task<Result<IReadOnlyList<InstrumentRecord>>> RecordAsync(IReadOnlyList<Instrument> candidates, string source, string? recordedBy, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RecordOnceAsync(candidates, source, recordedBy, cancellationToken);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsSerializationFailure(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<DeclarationRecord> RecordDeclarationAsync(Declaration declaration, string source, string? recordedBy, CancellationToken cancellationToken)
    {
        var record = new DeclarationRecord
        {
            Id = ids.NewId(),
            Participant = declaration.Participant.Value,
            Kind = declaration.Kind,
            Subject = declaration.Subject,
            Article = declaration.Article.ToString(),
            Date = declaration.Date.ToDateOnly(),
            Text = declaration.Text,
            Source = source,
            RecordedAt = time.GetUtcNow(),
            RecordedBy = recordedBy,
        };
        db.Declarations().Add(record);
        audit.Record(new AuditRecord(recordedBy is null ? Audit.Node : "user:" + recordedBy, "treaty.declaration-recorded", "declaration", record.Id.ToString("D"), Audit.Sha256(JsonSerializer.Serialize(record))));
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    public static Instrument ToDomain(InstrumentRecord record) =>
        new(ParticipantCode.Create(record.Participant), record.Kind, LocalDate.FromDateOnly(record.Date), record.DepositaryNotification);

    private async Task<Result<IReadOnlyList<InstrumentRecord>>> RecordOnceAsync(IReadOnlyList<Instrument> candidates, string source, string? recordedBy, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        var stored = await db.Instruments().AsNoTracking().ToListAsync(cancellationToken);
        var history = Build(stored);
        var added = new List<InstrumentRecord>();
        foreach (var candidate in candidates.Order(TreatyHistory.DepositOrder))
        {
            var result = TreatyHistory.TryRecord(history, candidate);
            if (result.History is null)
            {
                return Error.Violations(result.Violations);
            }

            // Recorded out of date order, an instrument could pass against the current history yet make
            // the stored set impossible to replay in deposit order; every read replays it, so refuse that too.
            var replay = TreatyHistory.Build(result.History.Instruments);
            if (!replay.IsBuilt)
            {
                return Error.Violations(replay.Violations);
            }

            history = result.History;
            added.Add(new InstrumentRecord
            {
                Id = ids.NewId(),
                Participant = candidate.Participant.Value,
                Kind = candidate.Kind,
                Date = candidate.Date.ToDateOnly(),
                DepositaryNotification = candidate.DepositaryNotification,
                Source = source,
                RecordedAt = time.GetUtcNow(),
                RecordedBy = recordedBy,
            });
        }

        db.Instruments().AddRange(added);

        // In this transaction: whatever publishes the treaty's facts (the Register) stores what it must with them.
        await recorded.RaiseAsync(new InstrumentsRecorded([.. added.Select(ToDomain)]), cancellationToken);

        added.ForEach(i => audit.Record(new AuditRecord(recordedBy is null ? Audit.Node : "user:" + recordedBy, "treaty.instrument-recorded", "instrument", i.Id.ToString("D"), Audit.Sha256(JsonSerializer.Serialize(i)))));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    private static TreatyHistory Build(IEnumerable<InstrumentRecord> records)
    {
        var result = TreatyHistory.Build(records.Select(ToDomain));
        return result.History ?? throw new InvalidOperationException(
            $"The stored treaty instruments cannot be replayed: {result.FailedInstrument} breaks {string.Join("; ", result.Violations)}");
    }

    private static bool IsSerializationFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: "40001" or "40P01" })
            {
                return true;
            }
        }

        return false;
    }
}
