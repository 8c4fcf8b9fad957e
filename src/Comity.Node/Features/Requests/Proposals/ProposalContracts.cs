using Comity.Node.Features.Requests.Validate;

namespace Comity.Node.Features.Requests.Proposals;

/// <summary>A prosecutor's draft waiting for a central-authority officer, or what became of it.</summary>
/// <param name="Status"><c>awaitingReview</c>, <c>sent</c> or <c>returned</c>.</param>
/// <param name="ProposedBy">Who drafted it.</param>
/// <param name="DecidedBy">The central-authority officer who sent or returned it.</param>
/// <param name="Reason">Why it was returned.</param>
/// <param name="RequestId">The request it became once sent.</param>
/// <param name="RequestState">That request's state now (wire name).</param>
/// <param name="Draft">The draft exactly as proposed (the body of <c>POST /api/v1/requests</c>).</param>
public sealed record RequestProposalDto(
    Guid Id,
    string Kind,
    string RequestedState,
    string? Reference,
    string Status,
    string ProposedBy,
    DateTimeOffset ProposedAt,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? Reason,
    Guid? RequestId,
    string? RequestState,
    RequestDraftInput Draft);

/// <summary>The proposals a user may see, newest first.</summary>
public sealed record RequestProposalListResponse(IReadOnlyList<RequestProposalDto> Proposals);

/// <summary>Why a central-authority officer returns a draft to its prosecutor.</summary>
public sealed record ReturnProposalInput(string? Reason);
