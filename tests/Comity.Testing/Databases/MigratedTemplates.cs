using System.Globalization;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Comity.Testing.Databases;

/// <summary>
/// One database per engine with every migration applied and nothing else, made once per test process and copied for
/// each test database: a node starting on a copy finds no pending migration. Applying the migrations cost a test node
/// 0.4 s (SQLite) to 0.7 s (PostgreSQL) of processor time at every start, on a two-core machine where the whole test
/// run is bound by processor time. What the seeders write at start-up is still written by each node, for its own role.
/// </summary>
internal static class MigratedTemplates
{
    private static readonly Lazy<Task<string>> SqliteFile = new(CreateSqliteAsync);
    private static readonly Lazy<Task<string>> PostgresName = new(CreatePostgresAsync);
    private static string? postgresAdmin;

    /// <summary>Copies the migrated SQLite template to <paramref name="file"/>.</summary>
    public static async Task CopySqliteAsync(string file, CancellationToken cancellationToken)
    {
        var template = await SqliteFile.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        File.Copy(template, file, overwrite: false);
    }

    /// <summary>The name of the migrated PostgreSQL template on the server named by <paramref name="adminConnectionString"/>.</summary>
    public static Task<string> PostgresTemplateAsync(string adminConnectionString)
    {
        Interlocked.CompareExchange(ref postgresAdmin, adminConnectionString, null);
        return PostgresName.Value;
    }

    private static async Task<string> CreateSqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "comity-tests");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "template-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture) + ".db");
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
        await MigrateAsync(DatabaseProvider.Sqlite, connectionString).ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(file);
        return file;
    }

    private static async Task<string> CreatePostgresAsync()
    {
        var admin = postgresAdmin!;
        var name = "comity_template_" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture);
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            await using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0";
            await create.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = false }.ConnectionString;
        await MigrateAsync(DatabaseProvider.Postgres, connectionString).ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DropPostgres(admin, name);
        return name;
    }

    private static async Task MigrateAsync(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<ComityDbContext>();
        StorageRegistration.Configure(options, provider, connectionString);
        await using var db = new ComityDbContext(options.Options);
        await db.Database.MigrateAsync().ConfigureAwait(false);
    }

    private static void DropPostgres(string admin, string name)
    {
        try
        {
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            drop.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The throwaway cluster of scripts/test.sh may already be gone; a developer's own server keeps one template.
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (IOException)
        {
        }
    }
}
