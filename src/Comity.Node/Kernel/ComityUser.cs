using Microsoft.AspNetCore.Identity;

namespace Comity.Node.Kernel;

/// <summary>A person who signs in to this node. Belongs to one office; holds roles.</summary>
public sealed class ComityUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public Guid? OfficeId { get; set; }

    public Office? Office { get; set; }

    /// <summary>Demo users (created by <c>comity demo</c>) may sign in without MFA.</summary>
    public bool IsDemo { get; set; }

    /// <summary>Set for the first-run administrator until they choose their own password.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Preferred UI language (en, fr, es, ru, ar, zh-Hans).</summary>
    public string? PreferredCulture { get; set; }
}

/// <summary>An office of this node's State: a central authority, a 24/7 point of contact, a prosecution service.</summary>
public sealed class Office
{
    public Guid Id { get; set; }

    public required string Code { get; set; }

    public required string Name { get; set; }
}
