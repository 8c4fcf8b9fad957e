using Comity.Node.Api;
using Comity.Node.Federation.Register;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Ui.Shell;

namespace Comity.Node.Features.Register;

/// <summary>The new serial after an on-demand publication.</summary>
public sealed record PublishRegisterResponse(long Serial);

/// <summary>The Register as the node's users see it: its status, publishing now (Secretariat), fetching now (State node).</summary>
internal static class RegisterEndpoints
{
    public const string IsSecretariatCode = "register.is-secretariat";
    public const string NotConfiguredCode = "register.not-configured";

    public static IResult NotSecretariatConflict() => Problems.Conflict(RegisterProblems.NotSecretariatCode,
        "Only the Secretariat node publishes the Register; this is a State node.");

    public static IServiceCollection AddRegisterFeature(this IServiceCollection services)
    {
        services.AddScoped<RegisterStatusReader>();
        services.AddStatusBarItem<RegisterStatusBar>(0);
        services.AddDashboardCard<RegisterPublicationCard>(30);
        return services;
    }

    public static void MapRegister(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/register").WithTags("Register");
        group.MapGet("/status", async (RegisterStatusReader reader, CancellationToken cancellationToken) =>
            Results.Ok(await reader.ReadAsync(cancellationToken)))
        .WithName("GetRegisterStatus")
        .WithSummary("The Register this node holds: serial, issuedAt, nextUpdate, verifiedAt, freshness (current, stale, none) and the latest refusal.")
        .Produces<RegisterStatusResponse>()
        .RequireAuthorization(Policies.SignedIn);

        group.MapPost("/publish", async (IRegisterPublisher publisher, CancellationToken cancellationToken) =>
            Results.Ok(new PublishRegisterResponse(await publisher.PublishAsync(cancellationToken))))
        .WithName("PublishRegister")
        .WithSummary("Sign and publish a new Register now, with the next serial. Secretariat node only.")
        .Produces<PublishRegisterResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.SecretariatOfficer)
        .OfferedOn(NodeRole.Secretariat, NotSecretariatConflict);

        group.MapPost("/refresh", async (RegisterSync sync, RegisterStatusReader reader, CancellationToken cancellationToken) =>
        {
            if (!sync.IsConfigured)
            {
                return Problems.Conflict(NotConfiguredCode,
                    "Set Comity:Federation:SecretariatUrl and Comity:Federation:SecretariatKey first (docs/operations/keys-and-register.md).");
            }

            await sync.PollOnceAsync(cancellationToken);
            return Results.Ok(await reader.ReadAsync(cancellationToken));
        })
        .WithName("RefreshRegister")
        .WithSummary("Fetch and verify the Register from the Secretariat now; answers with the resulting status (a refusal is reported in it, not as an error).")
        .Produces<RegisterStatusResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .RequireAuthorization(Policies.NodeAdmin)
        .OfferedOn(NodeRole.State, () => Problems.Conflict(IsSecretariatCode, "The Secretariat publishes the Register; it does not fetch one. Use POST /api/v1/register/publish."));
    }
}
