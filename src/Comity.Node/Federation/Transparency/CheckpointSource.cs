namespace Comity.Node.Federation.Transparency;

/// <summary>The node's latest signed transparency-log checkpoint, carried in every receipt it signs.</summary>
public interface ICheckpointSource
{
    /// <summary>The C2SP tlog-checkpoint note text (with the node's signature and any cosignatures), or null before the first checkpoint.</summary>
    Task<string?> LatestAsync(CancellationToken cancellationToken);
}
