using Xunit;

using Comity.Node.Kernel;

namespace Comity.Testing.Databases;

/// <summary>
/// Theory data for tests that must pass on every supported database:
/// <c>[Theory, MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]</c>.
/// </summary>
public static class DatabaseProviders
{
    /// <summary>SQLite and PostgreSQL. A fresh instance on every call, because theory data is mutable.</summary>
    public static TheoryData<DatabaseProvider> All => new(DatabaseProvider.Sqlite, DatabaseProvider.Postgres);
}
