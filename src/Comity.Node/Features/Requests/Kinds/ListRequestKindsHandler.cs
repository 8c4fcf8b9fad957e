using Comity.Domain.Cooperation;
using Comity.Domain.Directory;
using Comity.Domain.Legal;
using Comity.Node.Features.Requests.Clocks;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Requests.Kinds;

/// <summary>
/// The kinds as their profiles (<see cref="RequestKindProfiles"/>) declare them, with this node's clocks: what the guided
/// form, the request page and clients need to offer a kind, its contents, grounds and transitions.
/// </summary>
internal sealed class ListRequestKindsHandler(IOptions<RequestOptions> options)
{
    public Task<RequestKindsResponse> HandleAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var settings = options.Value.Clocks;
        var kinds = RequestKindProfiles.All.Select(p => new RequestKindInfo(
            p.Kind.Wire(),
            p.Title,
            p.Basis.ToString(),
            DesignationRoles.Wire(p.Channel),
            [.. p.RequiredContents.Select(r => new ContentRequirementInfo(r.Item.FieldPath(), r.Item.Wire(), RequestDraftValidator.Describe(r.Item), r.Basis.ToString()))],
            [.. p.RefusalGrounds.Select(g => new NamedValueInfo(g.Wire(), g.Basis().ToString()))],
            new KindClocksInfo(settings.For(p.Kind).AcknowledgeWithin.ToTimeSpan(), settings.For(p.Kind).StaleAfter.ToTimeSpan()),
            [.. p.Transitions.Transitions.Select(t => new TransitionInfo(t.From.Wire(), t.On.Wire(), t.To.Wire(), t.On.Owner().Wire(), RequestTransitions.Route(t.On)))])).ToList();
        var bases = Enum.GetValues<LegalBasisKind>().Select(k => new NamedValueInfo(k.Wire(), RequestDraftValidator.CooperationBasis.ToString())).ToList();
        var conditions = new ConditionValuesInfo(
            [.. Enum.GetValues<Confidentiality>().Select(c => c.Wire())],
            [.. Enum.GetValues<UseLimitation>().Select(c => c.Wire())],
            [.. Enum.GetValues<OnwardTransfer>().Select(c => c.Wire())],
            ConditionsMayNeverBeLowered.Basis.ToString());
        return Task.FromResult(new RequestKindsResponse(
            kinds,
            bases,
            conditions,
            ConventionNumbers.MinimumPreservationDays.Value,
            ConventionNumbers.MinimumPreservationDays.Basis.ToString(),
            [.. settings.PreservationRemindersBeforeExpiry.Select(d => d.ToTimeSpan())]));
    }
}
