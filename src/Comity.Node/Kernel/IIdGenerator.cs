namespace Comity.Node.Kernel;

/// <summary>Makes identifiers. Ids are UUIDv7 so that they sort by creation time (RFC 9562).</summary>
public interface IIdGenerator
{
    Guid NewId();
}

internal sealed class UuidV7Generator(TimeProvider time) : IIdGenerator
{
    public Guid NewId() => Guid.CreateVersion7(time.GetUtcNow());
}
