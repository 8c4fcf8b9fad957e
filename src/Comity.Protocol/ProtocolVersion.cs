namespace Comity.Protocol;

/// <summary>The federation protocol versions this implementation speaks.</summary>
public static class ProtocolVersion
{
    /// <summary>Federation protocol version 1.</summary>
    public const string V1 = "1";
}
