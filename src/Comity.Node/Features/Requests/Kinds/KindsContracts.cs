namespace Comity.Node.Features.Requests.Kinds;

// This use case's part of the JSON contract of /api/v1/requests; its conventions are in ../RequestContracts.cs.

/// <summary>Everything the guided form needs: each kind's required contents with articles, grounds, clocks and workflow; the values of the legal bases and conditions.</summary>
public sealed record RequestKindsResponse(
    IReadOnlyList<RequestKindInfo> Kinds,
    IReadOnlyList<NamedValueInfo> LegalBases,
    ConditionValuesInfo Conditions,
    int MinimumPreservationDays,
    string MinimumPreservationArticle,
    IReadOnlyList<TimeSpan> PreservationRemindersBeforeExpiry);

/// <param name="Channel">The designation the kind goes to: <c>pointOfContact247</c> (Art. 41(1)).</param>
/// <param name="Clocks">This node's clock settings for the kind.</param>
/// <param name="Transitions">The kind's transition table (state, event, next state, owner side).</param>
public sealed record RequestKindInfo(
    string Kind,
    string Title,
    string Article,
    string Channel,
    IReadOnlyList<ContentRequirementInfo> RequiredContents,
    IReadOnlyList<NamedValueInfo> RefusalGrounds,
    KindClocksInfo Clocks,
    IReadOnlyList<TransitionInfo> Transitions);

/// <param name="Field">The draft field: <c>contents.dataToPreserve</c>.</param>
/// <param name="Item">The item's wire name: <c>dataToPreserve</c>.</param>
/// <param name="Description">What to write, in words.</param>
public sealed record ContentRequirementInfo(string Field, string Item, string Description, string Article);

/// <summary>A wire value with its article (when it has one).</summary>
public sealed record NamedValueInfo(string Value, string? Article);

public sealed record KindClocksInfo(TimeSpan AcknowledgeWithin, TimeSpan StaleAfter);

/// <param name="Route">The route segment that records <see cref="Event"/> (<c>preserve</c> for <c>preserved</c>), or null for the events the nodes record themselves (<c>submitted</c> through POST /requests, <c>received</c>).</param>
public sealed record TransitionInfo(string From, string Event, string To, string Side, string? Route);

/// <summary>The ordered values of each condition dimension, least restrictive first.</summary>
public sealed record ConditionValuesInfo(
    IReadOnlyList<string> Confidentiality,
    IReadOnlyList<string> UseLimitation,
    IReadOnlyList<string> OnwardTransfer,
    string Article);
