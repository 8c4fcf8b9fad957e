using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Comity.Node.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<ComityDbContext>
{
    public ComityDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ComityDbContext>();
        StorageRegistration.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new ComityDbContext(options.Options);
    }
}
