using Comity.Node.Kernel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Storage;

internal static class StorageRegistration
{
    public const string SqliteMigrationsAssembly = "Comity.Node.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Comity.Node.Migrations.Postgres";

    public static IServiceCollection AddComityStorage(this IServiceCollection services, NodeOptions node)
    {
        var connectionString = ResolveConnectionString(node);
        services.AddDbContext<ComityDbContext>(options => Configure(options, node.Database.Provider, connectionString));
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    /// <summary>The only place that branches on the database provider.</summary>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                    .AddInterceptors(SqliteBusyTimeout.Instance, AfterCommit.Instance);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly))
                    .AddInterceptors(AfterCommit.Instance);
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {provider}.");
        }
    }

    public static string ResolveConnectionString(NodeOptions node)
    {
        if (!string.IsNullOrWhiteSpace(node.Database.ConnectionString))
        {
            return node.Database.ConnectionString;
        }

        if (node.Database.Provider == DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Comity:Database:ConnectionString is required when Comity:Database:Provider is Postgres.");
        }

        Directory.CreateDirectory(node.DataFolder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(Path.GetFullPath(node.DataFolder), "comity.db"),
            ForeignKeys = true,
        }.ToString();
    }
}
