using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

using Comity.Node.Kernel;

namespace Comity.Testing.Databases;

/// <summary>
/// A uniquely named database for one test, with every migration applied and no data (a copy of
/// <see cref="MigratedTemplates"/>): a file in the temp folder for SQLite, or a fresh database on the server named by
/// <c>COMITY_TEST_POSTGRES</c> for PostgreSQL. Disposing deletes it.
/// </summary>
/// <remarks>
/// PostgreSQL tests never skip silently: when <c>COMITY_TEST_POSTGRES</c> is not set,
/// <see cref="CreateAsync"/> throws and the test fails with instructions.
/// </remarks>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>Environment variable holding an admin connection string to a PostgreSQL server for tests.</summary>
    public const string PostgresEnvironmentVariable = "COMITY_TEST_POSTGRES";

    private const string NamePrefix = "comity_test_";

    private readonly string? _sqliteFile;
    private readonly string? _postgresAdminConnectionString;
    private readonly string? _postgresDatabaseName;
    private int _disposed;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresAdminConnectionString, string? postgresDatabaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresAdminConnectionString = postgresAdminConnectionString;
        _postgresDatabaseName = postgresDatabaseName;
    }

    /// <summary>The engine holding this database.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>Connection string to this database (migrated, without data).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a migrated database without data for <paramref name="provider"/>.</summary>
    public static Task<TestDatabase> CreateAsync(DatabaseProvider provider, CancellationToken cancellationToken = default) => provider switch
    {
        DatabaseProvider.Sqlite => CreateSqliteAsync(cancellationToken),
        DatabaseProvider.Postgres => CreatePostgresAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    /// <inheritdoc/>
    public override string ToString() => Provider.ToString();

    /// <summary>Deletes the SQLite file, or drops the PostgreSQL database (closing its connections).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
                {
                    TryDelete(_sqliteFile + suffix);
                }

                break;

            case DatabaseProvider.Postgres:
                using (var pooled = new NpgsqlConnection(ConnectionString))
                {
                    NpgsqlConnection.ClearPool(pooled);
                }

                await using (var admin = new NpgsqlConnection(_postgresAdminConnectionString))
                {
                    await admin.OpenAsync().ConfigureAwait(false);
                    await using var drop = admin.CreateCommand();
                    drop.CommandText = $"DROP DATABASE IF EXISTS {QuoteIdentifier(_postgresDatabaseName!)} WITH (FORCE)";
                    await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
                }

                break;
        }
    }

    private static string NewName() =>
        NamePrefix + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);

    private static async Task<TestDatabase> CreateSqliteAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "comity-tests");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, NewName() + ".db");
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        await MigratedTemplates.CopySqliteAsync(file, cancellationToken).ConfigureAwait(false);
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, file, null, null);
    }

    private static async Task<TestDatabase> CreatePostgresAsync(CancellationToken cancellationToken)
    {
        var adminConnectionString = Environment.GetEnvironmentVariable(PostgresEnvironmentVariable);
        if (string.IsNullOrWhiteSpace(adminConnectionString))
        {
            throw new InvalidOperationException(
                $"{PostgresEnvironmentVariable} is not set, so this PostgreSQL test cannot run. " +
                "Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL and sets it, " +
                $"or set {PostgresEnvironmentVariable} to an admin connection string for a server you own " +
                "(e.g. Host=127.0.0.1;Port=5432;Username=...;Password=...;Database=postgres). " +
                "Tests run on both SQLite and PostgreSQL and are never skipped. See docs/operations/testing.md.");
        }

        var name = NewName();
        try
        {
            var template = await MigratedTemplates.PostgresTemplateAsync(adminConnectionString).ConfigureAwait(false);
            await using var admin = new NpgsqlConnection(adminConnectionString);
            await admin.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {QuoteIdentifier(name)} ENCODING 'UTF8' TEMPLATE {QuoteIdentifier(template)}";
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"Could not create a test database on the PostgreSQL server named by {PostgresEnvironmentVariable}: {e.Message} " +
                "Run the tests with scripts/test.sh, or check that the server is up and the role may CREATE DATABASE.", e);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, null, adminConnectionString, name);
    }

    private static string QuoteIdentifier(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A handle may linger on some platforms; the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
