namespace Comity.Domain.Treaty;

/// <summary>
/// A State or organization that can join the Convention, with its short name as the UN Treaty
/// Collection writes it and any other names people commonly use for it.
/// </summary>
public sealed record Participant(ParticipantCode Code, ParticipantKind Kind, string UnName, IReadOnlyList<string> Aliases)
{
    public bool IsState => Kind != ParticipantKind.RegionalEconomicIntegrationOrganization;

    public override string ToString() => $"{UnName} ({Code})";
}
