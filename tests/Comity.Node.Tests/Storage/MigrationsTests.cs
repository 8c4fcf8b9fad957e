using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Storage;

public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=model-check.db")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=model-check")]
    public void Migrations_CoverTheWholeModel_ForEachProvider(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<ComityDbContext>();
        StorageRegistration.Configure(options, provider, connectionString);
        using var db = new ComityDbContext(options.Options);

        // Compares the model with the provider's migrations snapshot; no database is opened.
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations lag behind the model: run scripts/add-migration.sh <Name>.");
    }
}
