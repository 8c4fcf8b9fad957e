using System.Security.Claims;
using Comity.Domain.Legal;
using Comity.Node.Features.Requests.Clocks;
using Comity.Node.Features.Requests.Show;
using Comity.Node.Features.Requests.Submit;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Requests.Proposals;

/// <summary>
/// A central-authority officer sends a prosecutor's draft (it is checked again and submitted as the officer's, with
/// the proposal marked sent in the same transaction, so a draft is sent once however often the button is pressed) or
/// returns it with reasons. The drafter may not send their own draft (four eyes) unless the node allows it.
/// </summary>
internal sealed class DecideProposalHandler(
    ComityDbContext db,
    SubmitRequestHandler submit,
    ReadProposalsHandler read,
    IAuditTrail audit,
    TimeProvider time,
    IOptions<RequestOptions> options)
{
    public async Task<Result<RequestDetail>> SendAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await OpenAsync(id, user, cancellationToken) is { Succeeded: false } refused)
        {
            return refused.Error!;
        }

        var proposal = await db.RequestProposals().AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
        var reviewer = Audit.User(user);
        try
        {
            return await submit.HandleAsync(ProposalJson.Draft(proposal), user, cancellationToken, async (requestId, token) =>
            {
                var tracked = await db.RequestProposals().SingleAsync(p => p.Id == id, token);
                if (tracked.Status != ProposalStatus.AwaitingReview)
                {
                    throw new ProposalDecidedException(tracked);
                }

                tracked.Status = ProposalStatus.Sent;
                tracked.RequestId = requestId;
                Decided(tracked, user);
                audit.Record(new AuditRecord(reviewer, "request.proposal-sent", "request-proposal", id.ToString("D"), Audit.Sha256(tracked.DraftJson)));
            });
        }
        catch (ProposalDecidedException e)
        {
            return AlreadyDecided(e.Proposal);
        }
    }

    public async Task<Result<RequestProposalDto>> ReturnAsync(Guid id, ReturnProposalInput? input, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var reason = input?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > RequestLimits.LongText)
        {
            return Error.Invalid([string.IsNullOrEmpty(reason)
                ? RequestWire.Problem("reason", RequestCodes.ProposalReasonMissing, "Say why the draft goes back to its prosecutor: what to add or change.", AssistanceProvisions.RequestContents)
                : RequestWire.TooLong("reason", RequestLimits.LongText)]);
        }

        if (await OpenAsync(id, user, cancellationToken) is { Succeeded: false } refused)
        {
            return refused.Error!;
        }

        var proposal = await db.RequestProposals().SingleAsync(p => p.Id == id, cancellationToken);
        proposal.Status = ProposalStatus.Returned;
        proposal.Reason = reason;
        Decided(proposal, user);
        audit.Record(new AuditRecord(Audit.User(user), "request.proposal-returned", "request-proposal", id.ToString("D"), Audit.Sha256(reason)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AlreadyDecided(await db.RequestProposals().AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken));
        }

        return await read.GetAsync(id, user, cancellationToken);
    }

    /// <summary>The proposal exists, waits for review, and this reviewer did not draft it (unless the node allows it).</summary>
    private async Task<Result<RequestProposalRecord>> OpenAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var proposal = await db.RequestProposals().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (proposal is null)
        {
            return ReadProposalsHandler.NotFound(id);
        }

        if (proposal.Status != ProposalStatus.AwaitingReview)
        {
            return AlreadyDecided(proposal);
        }

        if (proposal.ProposedById == Audit.User(user) && !options.Value.OneOfficerMayDraftAndSend)
        {
            return RequestErrors.Refused(ErrorKind.Forbidden, StatusCodes.Status403Forbidden, "Four eyes: another officer reviews this draft.",
                [RequestWire.Problem("id", RequestCodes.ProposalFourEyes,
                    "You drafted this request: another central-authority officer sends or returns it (four eyes). A node administrator may allow one officer to do both (Comity:Requests:OneOfficerMayDraftAndSend).",
                    AssistanceProvisions.RequestContents)]);
        }

        return proposal;
    }

    private void Decided(RequestProposalRecord proposal, ClaimsPrincipal user)
    {
        proposal.DecidedBy = RequestActors.Name(user) ?? Audit.User(user);
        proposal.DecidedById = Audit.User(user);
        proposal.DecidedAt = time.GetUtcNow();
        proposal.Version++;
    }

    private static Error AlreadyDecided(RequestProposalRecord proposal) =>
        RequestErrors.Refused(ErrorKind.Conflict, StatusCodes.Status409Conflict, "The draft was already decided.",
            [RequestWire.Problem("id", RequestCodes.ProposalDecided,
                proposal.Status == ProposalStatus.Sent
                    ? $"{proposal.DecidedBy} already sent this draft as request {proposal.RequestId}."
                    : $"{proposal.DecidedBy} already returned this draft to {proposal.ProposedBy}.",
                AssistanceProvisions.RequestContents)]);

    private sealed class ProposalDecidedException(RequestProposalRecord proposal) : Exception("The proposal was decided by another reviewer.")
    {
        public RequestProposalRecord Proposal { get; } = proposal;
    }
}
