using System.Security.Claims;
using System.Text.Json;
using Comity.Domain.Cooperation;
using Comity.Domain.Directory;
using Comity.Domain.Legal;
using Comity.Node.Features.Requests.Validate;
using Comity.Node.Kernel;
using Comity.Node.Storage;

namespace Comity.Node.Features.Requests.Proposals;

/// <summary>
/// A prosecutor proposes a central-authority request: the draft is checked as a submission would be (every problem
/// at once, nothing stored when one remains) and kept on this node for a central-authority officer to send or return.
/// </summary>
internal sealed class ProposeRequestHandler(ComityDbContext db, RequestDraftChecker checker, IAuditTrail audit, IIdGenerator ids, TimeProvider time)
{
    public async Task<Result<RequestProposalDto>> HandleAsync(RequestDraftInput? input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var draft = input ?? RequestDraftChecker.Empty;
        if (RequestKinds.TryParse(draft.Kind, out var kind) && kind.Profile().Channel != DesignationRole.CentralAuthority)
        {
            return RequestErrors.Refused(ErrorKind.Forbidden, StatusCodes.Status403Forbidden, "Only the central authorities' requests are proposed for review.",
                [RequestWire.Problem("kind", RequestCodes.WrongChannel,
                    $"A {kind.Wire()} request goes to the {kind.Profile().Channel.Describe()} and is sent by a duty officer; proposals are for mutual legal assistance between central authorities.",
                    AssistanceProvisions.Purposes)]);
        }

        var checkedDraft = await checker.CheckAsync(draft, cancellationToken);
        if (checkedDraft.Request is not { } request || checkedDraft.Problems.Count > 0)
        {
            return RequestErrors.Refused(ErrorKind.Conflict, StatusCodes.Status422UnprocessableEntity, "The draft is not complete: nothing was stored.",
                [.. checkedDraft.Problems.Select(p => p.AsError())]);
        }

        var proposal = new RequestProposalRecord
        {
            Id = ids.NewId(),
            Kind = request.Kind.Wire(),
            RequestedState = request.RequestedState.Value,
            Reference = string.IsNullOrWhiteSpace(draft.Reference) ? null : draft.Reference.Trim(),
            DraftJson = JsonSerializer.Serialize(draft, ProposalJson.Options),
            Status = ProposalStatus.AwaitingReview,
            ProposedBy = RequestActors.Name(user) ?? Audit.User(user),
            ProposedById = Audit.User(user),
            ProposedAt = time.GetUtcNow(),
        };
        db.RequestProposals().Add(proposal);
        audit.Record(new AuditRecord(Audit.User(user), "request.proposed", "request-proposal", proposal.Id.ToString("D"), Audit.Sha256(proposal.DraftJson)));
        await db.SaveChangesAsync(cancellationToken);
        return ProposalJson.ToDto(proposal, requestState: null);
    }
}

internal static class ProposalJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static RequestDraftInput Draft(RequestProposalRecord record) =>
        JsonSerializer.Deserialize<RequestDraftInput>(record.DraftJson, Options) ?? RequestDraftChecker.Empty;

    public static RequestProposalDto ToDto(RequestProposalRecord r, string? requestState) => new(
        r.Id, r.Kind, r.RequestedState, r.Reference, r.Status, r.ProposedBy, r.ProposedAt, r.DecidedBy, r.DecidedAt, r.Reason, r.RequestId, requestState, Draft(r));
}
