namespace Comity.Node.Features.Requests.Transitions;

// This use case's part of the JSON contract of /api/v1/requests; its conventions are in ../RequestContracts.cs.

/// <summary>The base of every transition's input; each route has its own record.</summary>
public abstract record TransitionInput
{
    /// <summary>The route segment and the domain event it records: <c>acknowledge</c> → <c>acknowledged</c>.</summary>
    public abstract string Transition { get; }
}

/// <summary>The requested side has the request in hand. The officer is the signed-in user.</summary>
public sealed record AcknowledgeInput(string? Note = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Acknowledge;
}

/// <summary>The data are preserved until <see cref="Until"/>, or for <see cref="Days"/> days from now; at least 60 days (Art. 42).</summary>
public sealed record PreserveInput(DateTimeOffset? Until = null, int? Days = null, string? Note = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Preserve;
}

/// <summary>The data were disclosed (traffic data, Art. 43; emergency, Art. 41(3)(e)); the text says what and how, the conditions are added to the request's.</summary>
public sealed record DiscloseInput(string? Text = null, HandlingConditionsDto? Conditions = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Disclose;
}

/// <summary>The answer (a location, advice, legal information), under conditions added to the request's.</summary>
public sealed record AnswerInput(string? Text = null, HandlingConditionsDto? Conditions = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Answer;
}

/// <summary>Refusal on an enumerated ground with reasons (Art. 40(21)–(23); Arts. 42–43 for the limited grounds).</summary>
public sealed record RefuseInput(string? Ground = null, string? Reasons = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Refuse;
}

/// <summary>The requested side needs more information (Art. 40(16)).</summary>
public sealed record RequestInformationInput(string? Question = null) : TransitionInput
{
    public override string Transition => RequestTransitions.RequestInformation;
}

/// <summary>The requester answers the question.</summary>
public sealed record ProvideInformationInput(string? Answer = null) : TransitionInput
{
    public override string Transition => RequestTransitions.ProvideInformation;
}

/// <summary>The requester asks for the preservation to be extended.</summary>
public sealed record RequestExtensionInput(string? Reason = null) : TransitionInput
{
    public override string Transition => RequestTransitions.RequestExtension;
}

/// <summary>The requested side extends the preservation until a later date (or by some days from the current end).</summary>
public sealed record ExtendInput(DateTimeOffset? Until = null, int? Days = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Extend;
}

/// <summary>The requester links the mutual legal assistance request that follows the preservation (Art. 42).</summary>
public sealed record LinkFollowUpInput(string? Reference = null) : TransitionInput
{
    public override string Transition => RequestTransitions.LinkFollowUp;
}

/// <summary>The requester no longer needs the assistance; every clock stops on both sides.</summary>
public sealed record WithdrawInput(string? Reason = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Withdraw;
}

/// <summary>The requested side ends the preservation.</summary>
public sealed record CloseInput(string? Reason = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Close;
}

/// <summary>The requester asks where the request stands (Art. 40: reasonable inquiries are answered).</summary>
public sealed record InquireStatusInput(string? Question = null) : TransitionInput
{
    public override string Transition => RequestTransitions.InquireStatus;
}

/// <summary>The requested side answers the open status inquiry.</summary>
public sealed record AnswerStatusInput(string? Answer = null) : TransitionInput
{
    public override string Transition => RequestTransitions.AnswerStatus;
}

/// <summary>Before refusing or postponing, the requested side proposes the conditions on which it could grant the request (Art. 40).</summary>
public sealed record ProposeConditionsInput(string? Terms = null, HandlingConditionsDto? Conditions = null) : TransitionInput
{
    public override string Transition => RequestTransitions.ProposeConditions;
}

/// <summary>The requester accepts the proposed conditions and is bound by them.</summary>
public sealed record AcceptConditionsInput : TransitionInput
{
    public override string Transition => RequestTransitions.AcceptConditions;
}

/// <summary>The requester declines the proposed conditions.</summary>
public sealed record DeclineConditionsInput(string? Reason = null) : TransitionInput
{
    public override string Transition => RequestTransitions.DeclineConditions;
}

/// <summary>The requested side postpones execution until a date (or for some days), with its reasons (Art. 40).</summary>
public sealed record PostponeInput(DateTimeOffset? Until = null, int? Days = null, string? Reasons = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Postpone;
}

/// <summary>The requested side sends what it has executed so far, under conditions added to the request's; more may follow.</summary>
public sealed record ExecutePartiallyInput(string? Text = null, HandlingConditionsDto? Conditions = null) : TransitionInput
{
    public override string Transition => RequestTransitions.ExecutePartially;
}

/// <summary>The requested side executed the request: the result, under conditions added to the request's.</summary>
public sealed record ExecuteInput(string? Text = null, HandlingConditionsDto? Conditions = null) : TransitionInput
{
    public override string Transition => RequestTransitions.Execute;
}

/// <summary>Execution would bring substantial or extraordinary expenses: the requested side opens a consultation on costs (Art. 40).</summary>
public sealed record RaiseCostsInput(string? Estimate = null) : TransitionInput
{
    public override string Transition => RequestTransitions.RaiseCosts;
}

/// <summary>The requester agrees the terms on which the costs are borne.</summary>
public sealed record AgreeCostsInput(string? Terms = null) : TransitionInput
{
    public override string Transition => RequestTransitions.AgreeCosts;
}
