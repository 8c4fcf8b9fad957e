using Comity.Domain.Legal;
using Comity.Node.Identity;

namespace Comity.Node.Features.Treaty.Rules;

/// <summary>One rule or computation the node applies, with its article.</summary>
public sealed record RuleResponse(string Code, string Article, string Description, string Implementation);

internal static class ListRulesEndpoint
{
    public static IReadOnlyList<RuleResponse> Catalogue { get; } =
        [.. RuleCatalogue.All.Select(r => new RuleResponse(r.Code, r.Basis.ToString(), r.Description, r.Implementation))];

    public static void MapListRules(this RouteGroupBuilder group)
    {
        group.MapGet("/rules", () => Results.Ok(Catalogue))
            .WithName("ListTreatyRules")
            .WithSummary("The rules and computations of the final clauses the node applies, each with its article (the domain's rule catalogue).")
            .WithTags("Treaty")
            .Produces<IReadOnlyList<RuleResponse>>()
            .RequireAuthorization(Policies.SignedIn);
    }
}
