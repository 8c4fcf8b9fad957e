using System.ComponentModel.DataAnnotations;

namespace Comity.Node.Federation.Keys;

/// <summary>The node's own keys (section <c>Comity:Keys</c>).</summary>
public sealed class KeyOptions
{
    public const string Section = "Comity:Keys";

    /// <summary>How long a newly generated key is valid. Default 365 days.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "1826.00:00:00", ErrorMessage = "Comity:Keys:Validity must be between 1 day and 5 years.")]
    public TimeSpan Validity { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// Optional PKCS#12 (.pfx) file whose certificate encrypts the data-protection key ring at rest
    /// (the ring in turn encrypts the node's private keys). Without it the ring is protected by file
    /// permissions only (folder 0700).
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of <see cref="CertificatePath"/>; prefer the environment variable <c>Comity__Keys__CertificatePassword</c>.</summary>
    public string? CertificatePassword { get; set; }
}
