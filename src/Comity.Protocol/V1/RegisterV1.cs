using System.Text.Json.Serialization;

namespace Comity.Protocol.V1;

/// <summary>
/// The payload of the Register, version 1: the signed root of trust and directory that the
/// Secretariat publishes at <c>GET /federation/v1/register</c> as a JWS (RFC 7515, JSON flattened
/// serialization, <c>alg: EdDSA</c>). Every node verifies it against the Secretariat key it is
/// configured with, refuses a serial lower than the one it holds, and routes by it.
/// Unknown fields are ignored by readers; dates are ISO 8601 (<c>yyyy-MM-dd</c>), instants UTC.
/// </summary>
/// <param name="Version">Always 1 for this contract.</param>
/// <param name="Serial">Strictly increasing with every publication.</param>
/// <param name="IssuedAt">When the Secretariat signed it.</param>
/// <param name="NextUpdate">When a newer Register will have been published at the latest; past this (plus a node's grace) a node shows its copy as stale.</param>
/// <param name="Treaty">The Convention's status as recorded by the depositary.</param>
/// <param name="Participants">Every participant with its treaty status.</param>
/// <param name="Nodes">The nodes of the federation with their endpoints and public keys.</param>
/// <param name="Designations">Central authorities, 24/7 points of contact and the other designated offices.</param>
/// <param name="ServiceProviders">Service providers listed by States, with how to reach their law-enforcement desks.</param>
public sealed record RegisterV1(
    int Version,
    long Serial,
    DateTimeOffset IssuedAt,
    DateTimeOffset NextUpdate,
    RegisterTreatyV1 Treaty,
    IReadOnlyList<RegisterParticipantV1> Participants,
    IReadOnlyList<RegisterNodeV1> Nodes,
    IReadOnlyList<DesignationV1> Designations,
    IReadOnlyList<ServiceProviderV1> ServiceProviders)
{
    public const int CurrentVersion = 1;

    /// <summary>The JWS <c>typ</c> header value of a signed Register.</summary>
    public const string MediaType = "comity-register+json";

    /// <summary>
    /// The offences of their own law that States list, with their maximum penalties and the Convention offences
    /// (Arts. 7–17) each covers: what the requested State's officer compares for dual criminality (Art. 35) and
    /// serious crime (Art. 2). Written only when some State lists offences, so a Register without them reads
    /// byte for byte as before.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<NationalOffenceV1>? Offences { get; init; }
}

/// <summary>The Convention's dates that follow from the instruments (Arts. 62, 65, 66).</summary>
public sealed record RegisterTreatyV1(
    DateOnly? EntryIntoForce,
    DateOnly? AmendmentProposalsFrom,
    DateOnly? ProtocolThresholdReached);

/// <summary>A participant (ISO 3166-1 alpha-2 code, or <c>EU</c>) and its treaty status.</summary>
/// <param name="Kind"><c>memberState</c>, <c>observerState</c> or <c>regionalEconomicIntegrationOrganization</c>.</param>
/// <param name="ConsentKind"><c>ratification</c>, <c>acceptance</c>, <c>approval</c> or <c>accession</c>.</param>
public sealed record RegisterParticipantV1(
    string Code,
    string Name,
    string Kind,
    DateOnly? SignedOn,
    string? ConsentKind,
    DateOnly? ConsentDeposited,
    DateOnly? InForceFrom,
    DateOnly? DenunciationEffective);

/// <summary>A node of the federation: the State it serves, where to reach it and its keys.</summary>
/// <param name="State">ISO 3166-1 alpha-2 code, or <c>UN</c> for the Secretariat.</param>
/// <param name="Endpoint">Base URL of the node's federation API.</param>
public sealed record RegisterNodeV1(
    string State,
    string Name,
    Uri Endpoint,
    IReadOnlyList<RegisterKeyV1> Keys);

/// <summary>A node's public key with its validity; rotation publishes a new key with an overlapping validity.</summary>
/// <param name="Use"><c>sig</c> (Ed25519, envelopes and receipts) or <c>enc</c> (X25519).</param>
public sealed record RegisterKeyV1(
    string Kid,
    string Use,
    Jwk Jwk,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter);

/// <summary>An office a State has designated under the Convention, and how to reach it.</summary>
/// <param name="Role"><c>centralAuthority</c> (Art. 40(13)), <c>pointOfContact247</c> (Art. 41), <c>extraditionAuthority</c> (Art. 37) or <c>preventionAuthority</c> (Art. 53).</param>
/// <param name="Article">The article the designation is made under, as printed: <c>Art. 41(1)</c>.</param>
/// <param name="Languages">Languages in which requests are accepted (Art. 40(14)), as BCP 47 tags.</param>
/// <param name="TimeZone">IANA time zone of the office, e.g. <c>Europe/Paris</c>.</param>
/// <param name="Hours">Office hours in that time zone; empty with <paramref name="Always"/> true for round-the-clock points.</param>
/// <param name="Always">True for an office that answers 24 hours a day, 7 days a week.</param>
/// <param name="Roster">For 24/7 points of contact: who is on call when, with how to reach them.</param>
public sealed record DesignationV1(
    string Id,
    string State,
    string Office,
    string Role,
    string Article,
    IReadOnlyList<ContactChannelV1> Channels,
    IReadOnlyList<string> Languages,
    string TimeZone,
    IReadOnlyList<OfficeHoursV1> Hours,
    bool Always,
    IReadOnlyList<RosterShiftV1> Roster);

/// <param name="Kind"><c>platform</c> (a Comity node address), <c>phone</c>, <c>email</c> or <c>portal</c>.</param>
public sealed record ContactChannelV1(string Kind, string Value, string? Label = null);

/// <summary>Opening hours on some days of the week, in the office's time zone.</summary>
/// <param name="Days">ISO days of the week, 1 = Monday … 7 = Sunday.</param>
public sealed record OfficeHoursV1(IReadOnlyList<int> Days, TimeOnly From, TimeOnly To);

/// <summary>One on-call shift of a 24/7 point of contact.</summary>
public sealed record RosterShiftV1(DateTimeOffset Start, DateTimeOffset End, string Officer, IReadOnlyList<ContactChannelV1> Channels);

/// <summary>An offence of a State's own law as the State lists it in its directory notification.</summary>
/// <param name="State">ISO 3166-1 alpha-2 code of the State whose law it is.</param>
/// <param name="Code">The State's own identifier of the offence, at most 64 characters (e.g. <c>FR-CP-323-1</c>).</param>
/// <param name="Title">The offence's name as the State gives it.</param>
/// <param name="MaximumPenaltyMonths">The maximum deprivation of liberty in months; null when none.</param>
/// <param name="ConventionOffences">The codes of the Convention offences it covers (<c>illegalAccess</c> … ), in any order; empty for an offence outside Arts. 7–17.</param>
public sealed record NationalOffenceV1(string State, string Code, string Title, int? MaximumPenaltyMonths, IReadOnlyList<string> ConventionOffences);

/// <summary>A service provider listed by a State: who holds which data and how to reach its law-enforcement desk.</summary>
/// <param name="AcceptsDirectly">Request kinds it accepts directly from foreign authorities, e.g. <c>preservation</c>, <c>emergencyDisclosure</c>.</param>
public sealed record ServiceProviderV1(
    string Id,
    string ListedBy,
    string Name,
    IReadOnlyList<string> Services,
    string Headquarters,
    IReadOnlyList<string> DataLocations,
    ContactChannelV1? LawEnforcementContact,
    ContactChannelV1? EmergencyContact,
    IReadOnlyList<string> AcceptsDirectly);
