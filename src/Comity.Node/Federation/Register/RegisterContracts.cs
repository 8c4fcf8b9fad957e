using Comity.Protocol.V1;

namespace Comity.Node.Federation.Register;

/// <summary>The directory part of the Register (nodes, designations, service providers, States' offences) as approved by the Secretariat.</summary>
public sealed record RegisterDirectoryContent(
    IReadOnlyList<RegisterNodeV1> Nodes,
    IReadOnlyList<DesignationV1> Designations,
    IReadOnlyList<ServiceProviderV1> ServiceProviders,
    IReadOnlyList<NationalOffenceV1>? Offences = null);

/// <summary>Supplies the approved directory content the Secretariat publishes (implemented by the Directory area).</summary>
public interface IRegisterDirectorySource
{
    Task<RegisterDirectoryContent> GetAsync(CancellationToken cancellationToken);
}

/// <summary>The treaty part of the Register: its status and every participant with its dates, as the depositary's registry computes them.</summary>
public sealed record RegisterTreatyContent(RegisterTreatyV1 Treaty, IReadOnlyList<RegisterParticipantV1> Participants);

/// <summary>Supplies the treaty facts the Secretariat publishes (implemented by the Treaty area, from its registry).</summary>
public interface IRegisterTreatySource
{
    Task<RegisterTreatyContent> GetAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Domain event, on a State node: a Register verified and is now the one this node holds. Raised inside the unit of
/// work that stores it, so that what the areas derive from it (the treaty registry) is stored in the same save.
/// </summary>
public sealed record RegisterAccepted(RegisterV1 Register, DateTimeOffset At);

/// <summary>On the Secretariat: signs and publishes a new Register with the next serial.</summary>
public interface IRegisterPublisher
{
    /// <summary>Builds the payload from the treaty registry and the approved directory, signs it and stores it; returns the new serial.</summary>
    Task<long> PublishAsync(CancellationToken cancellationToken);
}

/// <summary>How fresh the Register a node holds is.</summary>
public enum RegisterFreshness
{
    /// <summary>Verified and not past <c>nextUpdate</c> plus the configured grace.</summary>
    Current,

    /// <summary>Verified, but past <c>nextUpdate</c> plus the grace: the Secretariat has not published in time or cannot be reached.</summary>
    Stale,
}

/// <summary>The last good Register this node verified, and what happened on the latest attempt to refresh it.</summary>
public sealed record RegisterSnapshot(
    RegisterV1 Register,
    string Jws,
    DateTimeOffset VerifiedAt,
    RegisterFreshness Freshness,
    string? LastRefusal,
    DateTimeOffset? LastRefusalAt);

/// <summary>The verified Register this node routes by (on the Secretariat: the one it last published).</summary>
public interface ICurrentRegister
{
    /// <summary>The last good Register, or null when none has been verified yet.</summary>
    Task<RegisterSnapshot?> GetAsync(CancellationToken cancellationToken);
}
