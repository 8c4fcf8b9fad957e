namespace Comity.Node.Features.Directory;

/// <summary>Where the directory workflow sends and finds things (section <c>Comity:Federation</c>).</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Comity:Federation";

    /// <summary>Base URL of the Secretariat node; a State node posts its notifications to <c>{SecretariatUrl}/federation/v1/notifications</c>. No default.</summary>
    public Uri? SecretariatUrl { get; set; }

    /// <summary>This node's own public base URL as peers reach it; the default endpoint of its node entry (on the Secretariat: of the <c>UN</c> node in the Register). No default.</summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>Largest notification the Secretariat accepts, in bytes. Default 256 KiB.</summary>
    public int MaxNotificationBytes { get; set; } = 256 * 1024;

    /// <summary>On a State node, how often to ask the Secretariat for the outcome of a pending notification. Default 1 minute.</summary>
    public TimeSpan NotificationPollInterval { get; set; } = TimeSpan.FromMinutes(1);
}
