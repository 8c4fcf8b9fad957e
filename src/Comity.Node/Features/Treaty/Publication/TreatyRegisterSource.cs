using System.Globalization;
using Comity.Domain.Treaty;
using Comity.Node.Features.Treaty.Participants;
using Comity.Node.Features.Treaty.Status;
using Comity.Node.Federation.Register;
using Comity.Protocol.V1;

namespace Comity.Node.Features.Treaty.Publication;

/// <summary>
/// The treaty facts the Secretariat publishes in the Register: computed by the same handlers that answer
/// <c>GET /api/v1/treaty/status</c> and <c>/participants</c>, so no rule is repeated for the Register. Participants
/// with no standing yet are left out; the rest are in code order.
/// </summary>
internal sealed class TreatyRegisterSource(GetTreatyStatusHandler treatyStatus, ListParticipantsHandler participants) : IRegisterTreatySource
{
    public async Task<RegisterTreatyContent> GetAsync(CancellationToken cancellationToken)
    {
        var status = (await treatyStatus.HandleAsync(null, cancellationToken)).Response;
        var treaty = new RegisterTreatyV1(status.EntryIntoForce, status.AmendmentProposalsFrom, status.ProtocolThresholdReached);
        var listed = (await participants.HandleAsync(new ParticipantFilter(null, null, null), CultureInfo.InvariantCulture, cancellationToken))
            .Where(p => p.Status != ParticipantStanding.None)
            .OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(ToRegister)
            .ToList();
        return new RegisterTreatyContent(treaty, listed);
    }

    private static RegisterParticipantV1 ToRegister(ParticipantSummary p) => new(
        p.Code,
        ParticipantCatalogue.TryFind(p.Code, out var known) ? known.UnName : p.Name,
        ParticipantsEndpoints.Wire(p.Kind),
        p.SignedOn,
        p.ConsentKind?.ToKeyword(),
        p.ConsentDeposited,
        p.InForceFrom,
        p.DenunciationEffective);
}
