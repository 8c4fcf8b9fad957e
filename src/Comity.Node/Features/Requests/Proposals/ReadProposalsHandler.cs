using System.Security.Claims;
using Comity.Domain.Legal;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Requests.Proposals;

/// <summary>Lists and shows proposals: a prosecutor sees their own, reviewers and auditors every one.</summary>
internal sealed class ReadProposalsHandler(ComityDbContext db)
{
    /// <summary>The most proposals one list answers with.</summary>
    public const int MaxRows = 200;

    public async Task<Result<RequestProposalListResponse>> ListAsync(string? status, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (status is not null && !ProposalStatus.All.Contains(status))
        {
            return Error.Invalid([RequestWire.Problem("status", RequestCodes.ProposalStatusUnknown,
                $"'{status}' is not a proposal status; use {string.Join(", ", ProposalStatus.All)}.", AssistanceProvisions.RequestContents)]);
        }

        var query = Visible(user);
        if (status is not null)
        {
            query = query.Where(p => p.Status == status);
        }

        var rows = await query.OrderByDescending(p => p.ProposedAt).Take(MaxRows).ToListAsync(cancellationToken);
        var states = await StatesAsync(rows, cancellationToken);
        return new RequestProposalListResponse([.. rows.Select(r => ProposalJson.ToDto(r, r.RequestId is { } id ? states.GetValueOrDefault(id) : null))]);
    }

    public async Task<Result<RequestProposalDto>> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var row = await Visible(user).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (row is null)
        {
            return NotFound(id);
        }

        var states = await StatesAsync([row], cancellationToken);
        return ProposalJson.ToDto(row, row.RequestId is { } requestId ? states.GetValueOrDefault(requestId) : null);
    }

    public static Error NotFound(Guid id) =>
        RequestErrors.Refused(ErrorKind.NotFound, StatusCodes.Status404NotFound, "Not found.",
            [RequestWire.Problem("id", RequestCodes.ProposalNotFound, $"No proposal {id} that you may see on this node.", AssistanceProvisions.RequestContents)]);

    private IQueryable<RequestProposalRecord> Visible(ClaimsPrincipal user)
    {
        var query = db.RequestProposals().AsNoTracking();
        if (!ProposalRoles.SeesAll(user))
        {
            var me = Audit.User(user);
            query = query.Where(p => p.ProposedById == me);
        }

        return query;
    }

    private async Task<Dictionary<Guid, string>> StatesAsync(IReadOnlyList<RequestProposalRecord> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Where(r => r.RequestId is not null).Select(r => r.RequestId!.Value).ToList();
        return ids.Count == 0
            ? []
            : await db.Requests().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.State, cancellationToken);
    }
}
