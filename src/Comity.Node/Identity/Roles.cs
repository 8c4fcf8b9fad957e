namespace Comity.Node.Identity;

/// <summary>The roles a user can hold on a node (DESIGN.md section 1).</summary>
public static class Roles
{
    public const string DutyOfficer = "duty-officer";
    public const string Prosecutor = "prosecutor";
    public const string CentralAuthorityOfficer = "central-authority-officer";
    public const string Auditor = "auditor";
    public const string NodeAdmin = "node-admin";
    public const string SecretariatOfficer = "secretariat-officer";

    /// <summary>Oversees the 24/7 duty officers: receives escalations of overdue requests and may act on them.</summary>
    public const string Supervisor = "supervisor";

    public static IReadOnlyList<string> All { get; } =
        [DutyOfficer, Prosecutor, CentralAuthorityOfficer, Auditor, NodeAdmin, SecretariatOfficer, Supervisor];
}

/// <summary>Authorization policy names. Every endpoint names one of these or allows anonymous access explicitly.</summary>
public static class Policies
{
    /// <summary>Any signed-in user of this node.</summary>
    public const string SignedIn = "signed-in";

    /// <summary>Secretariat officers on a Secretariat node: record treaty instruments.</summary>
    public const string SecretariatOfficer = "secretariat-officer";

    /// <summary>Node administrators: users, keys, metrics.</summary>
    public const string NodeAdmin = "node-admin";

    /// <summary>Node administrators and auditors: operational metrics.</summary>
    public const string Operations = "operations";
}
