using System.Text.Json.Serialization;

namespace Comity.Protocol.V1;

/// <summary>
/// A State's notification of its directory entries and node entry to the Secretariat
/// (Arts. 40(13)–(14), 41, 37, 53), sent as a JWS (RFC 7515, JSON flattened serialization,
/// <c>alg: EdDSA</c>, <c>typ</c> <see cref="MediaType"/>) signed by the State's node to
/// <c>POST /federation/v1/notifications</c>. It replaces everything the State notified before once a
/// Secretariat officer approves it; the next Register then carries it.
/// </summary>
/// <param name="Version">Always 1 for this contract.</param>
/// <param name="Id">UUIDv7 chosen by the State node; the Secretariat answers status queries by it.</param>
/// <param name="State">ISO 3166-1 alpha-2 code of the notifying State: every designation and provider must belong to it.</param>
/// <param name="SubmittedAt">When the State node signed it.</param>
/// <param name="Node">The State's node: where to reach it and its public keys.</param>
/// <param name="Designations">The State's designated offices, complete (not a delta).</param>
/// <param name="ServiceProviders">The service providers the State lists, complete (not a delta).</param>
public sealed record DirectoryNotificationV1(
    int Version,
    Guid Id,
    string State,
    DateTimeOffset SubmittedAt,
    DirectoryNotificationNodeV1 Node,
    IReadOnlyList<DesignationV1> Designations,
    IReadOnlyList<ServiceProviderV1> ServiceProviders)
{
    public const int CurrentVersion = 1;

    /// <summary>The JWS <c>typ</c> header value of a signed directory notification.</summary>
    public const string MediaType = "comity-directory-notification+json";

    /// <summary>The offences of the State's law it lists (complete, not a delta; each with this State's code), for dual criminality (Art. 35). Written only when present.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<NationalOffenceV1>? Offences { get; init; }
}

/// <summary>The node entry of a notification; the Secretariat publishes it as a <see cref="RegisterNodeV1"/>.</summary>
/// <param name="Endpoint">Base URL of the node's federation API (https).</param>
/// <param name="Name">Display name of the node.</param>
/// <param name="Keys">The node's public keys valid now or later; on a first registration the notification is signed with one of these.</param>
public sealed record DirectoryNotificationNodeV1(Uri Endpoint, string Name, IReadOnlyList<RegisterKeyV1> Keys);

/// <summary>What the Secretariat answers about a notification (<c>POST</c> and <c>GET /federation/v1/notifications/{id}</c>).</summary>
/// <param name="Status"><c>pending</c>, <c>approved</c> or <c>rejected</c>.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="FirstRegistration">True when the State had no node in the Register: the key was taken from the notification and must be confirmed out of band.</param>
/// <param name="KeyThumbprint">RFC 7638 thumbprint of the key that verified the signature.</param>
/// <param name="RegisterSerial">The serial of the Register published on approval.</param>
public sealed record DirectoryNotificationStatusV1(
    Guid Id,
    string State,
    string Status,
    string? Reason,
    bool FirstRegistration,
    string KeyThumbprint,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? ReviewedAt,
    long? RegisterSerial);
