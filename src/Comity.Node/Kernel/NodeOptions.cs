using System.ComponentModel.DataAnnotations;

namespace Comity.Node.Kernel;

/// <summary>What a node is: configured from appsettings and environment variables (section <c>Comity</c>).</summary>
public sealed class NodeOptions
{
    public const string Section = "Comity";

    /// <summary><see cref="NodeRole.State"/> (default) or <see cref="NodeRole.Secretariat"/>.</summary>
    public NodeRole Role { get; set; } = NodeRole.State;

    /// <summary>The State this node serves (ISO 3166-1 alpha-2). Required for a State node; the Secretariat uses <c>UN</c>.</summary>
    [RegularExpression("^[A-Z]{2}$", ErrorMessage = "Comity:StateCode must be two upper-case letters (ISO 3166-1 alpha-2).")]
    public string? StateCode { get; set; }

    /// <summary>A human-readable name shown in the UI header. Defaults to the role and State.</summary>
    public string? DisplayName { get; set; }

    /// <summary>Folder for the node's data (SQLite database, keys, evidence). Default <c>.comity/node</c>.</summary>
    [Required]
    public string DataFolder { get; set; } = Path.Combine(".comity", "node");

    /// <summary>Database settings.</summary>
    [Required]
    public DatabaseOptions Database { get; set; } = new();

    /// <summary>
    /// Demo mode: demo users may sign in without multi-factor authentication. Never set this on a
    /// node that holds real data; a demo node says so on every page.
    /// </summary>
    public bool Demo { get; set; }

    public string EffectiveDisplayName => DisplayName ?? (Role == NodeRole.Secretariat ? "Secretariat" : $"State node {StateCode}");
}

/// <summary>The database a node uses.</summary>
public sealed class DatabaseOptions
{
    /// <summary><see cref="DatabaseProvider.Sqlite"/> (default, embedded) or <see cref="DatabaseProvider.Postgres"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Connection string. For SQLite it defaults to <c>comity.db</c> in the data folder.
    /// Required for PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; set; }
}

public enum NodeRole
{
    State,
    Secretariat,
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
