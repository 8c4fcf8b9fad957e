namespace Comity.Domain.Treaty;

/// <summary>Who may become party to the Convention (Art. 64): States and regional economic integration organizations.</summary>
public enum ParticipantKind
{
    MemberState,
    ObserverState,
    RegionalEconomicIntegrationOrganization,
}
