using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Storage;

/// <summary>Recognizes the database errors the inbox and outbox answer instead of failing: unique-key violations and lost races.</summary>
internal static class DatabaseErrors
{
    private const int SqlitePrimaryKey = 1555;
    private const int SqliteUnique = 2067;

    /// <summary>A unique or primary key violation, on SQLite or PostgreSQL (SQLSTATE 23505).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqlitePrimaryKey or SqliteUnique,
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>A race another transaction won: concurrency token changed, unique violation, or a PostgreSQL serialization failure or deadlock.</summary>
    public static bool IsLostRace(DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException
        || IsUniqueViolation(exception)
        || exception.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SerializationFailure or Npgsql.PostgresErrorCodes.DeadlockDetected };
}
