using System.Security.Claims;
using Comity.Node.Features.Requests.Show;
using Comity.Node.Api;

namespace Comity.Node.Features.Requests.Transitions;

/// <summary><c>POST /api/v1/requests/{id}/{transition}</c>: one route per transition a user records, each with its own input.</summary>
internal static class TransitionEndpoints
{
    public static void MapTransitions(this RouteGroupBuilder group)
    {
        Transition(group, RequestTransitions.Acknowledge, "The requested side acknowledges: an officer has the request in hand.", () => new AcknowledgeInput());
        Transition(group, RequestTransitions.Preserve, "The requested side preserves the data for at least 60 days (Art. 42).", () => new PreserveInput());
        Transition(group, RequestTransitions.Disclose, "The requested side discloses the data (Art. 43, Art. 41(3)(e)).", () => new DiscloseInput());
        Transition(group, RequestTransitions.Answer, "The requested side answers (Art. 41(3)).", () => new AnswerInput());
        Transition(group, RequestTransitions.Refuse, "The requested side refuses on an enumerated ground with reasons (Art. 40(21)–(23)).", () => new RefuseInput());
        Transition(group, RequestTransitions.RequestInformation, "The requested side asks for more information (Art. 40(16)).", () => new RequestInformationInput());
        Transition(group, RequestTransitions.ProvideInformation, "The requesting side provides the information asked for.", () => new ProvideInformationInput());
        Transition(group, RequestTransitions.RequestExtension, "The requesting side asks for the preservation to be extended.", () => new RequestExtensionInput());
        Transition(group, RequestTransitions.Extend, "The requested side extends the preservation.", () => new ExtendInput());
        Transition(group, RequestTransitions.LinkFollowUp, "The requesting side links the follow-up mutual legal assistance request (Art. 42).", () => new LinkFollowUpInput());
        Transition(group, RequestTransitions.Withdraw, "The requesting side withdraws the request; every clock stops on both sides.", () => new WithdrawInput());
        Transition(group, RequestTransitions.Close, "The requested side closes the preservation, or a partial execution that goes no further.", () => new CloseInput());
        Transition(group, RequestTransitions.InquireStatus, "The requesting side asks where the request stands (Art. 40).", () => new InquireStatusInput());
        Transition(group, RequestTransitions.AnswerStatus, "The requested side answers the open status inquiry (Art. 40).", () => new AnswerStatusInput());
        Transition(group, RequestTransitions.ProposeConditions, "Before refusing or postponing, the requested side proposes conditions (Art. 40).", () => new ProposeConditionsInput());
        Transition(group, RequestTransitions.AcceptConditions, "The requesting side accepts the proposed conditions and is bound by them (Art. 40).", () => new AcceptConditionsInput());
        Transition(group, RequestTransitions.DeclineConditions, "The requesting side declines the proposed conditions.", () => new DeclineConditionsInput());
        Transition(group, RequestTransitions.Postpone, "The requested side postpones execution, with reasons and an end (Art. 40).", () => new PostponeInput());
        Transition(group, RequestTransitions.ExecutePartially, "The requested side sends part of the result; more may follow.", () => new ExecutePartiallyInput());
        Transition(group, RequestTransitions.Execute, "The requested side executed the request.", () => new ExecuteInput());
        Transition(group, RequestTransitions.RaiseCosts, "The requested side opens a consultation on extraordinary costs (Art. 40).", () => new RaiseCostsInput());
        Transition(group, RequestTransitions.AgreeCosts, "The requesting side agrees the terms of the costs.", () => new AgreeCostsInput());
    }

    private static void Transition<TInput>(RouteGroupBuilder group, string route, string summary, Func<TInput> empty)
        where TInput : TransitionInput
    {
        group.MapPost("/{id:guid}/" + route, async (Guid id, TInput? input, ClaimsPrincipal user, RecordTransitionHandler handler, CancellationToken ct) =>
                (await handler.HandleAsync(id, input ?? empty(), user, ct)).ToHttp())
            .WithName("Request" + string.Concat(route.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..])))
            .WithSummary(summary)
            .Accepts<TInput>("application/json")
            .Produces<RequestDetail>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireAuthorization(RequestRoles.Actors);
    }
}
