namespace Comity.Testing.Databases;

/// <summary>The database engines every node test runs against.</summary>
public enum DatabaseProvider
{
    /// <summary>SQLite: single-file store for small nodes and development.</summary>
    Sqlite,

    /// <summary>PostgreSQL: production store. Tests need <c>COMITY_TEST_POSTGRES</c>, set by <c>scripts/test.sh</c>.</summary>
    Postgres,
}
