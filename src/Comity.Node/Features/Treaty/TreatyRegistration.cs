using Comity.Node.Features.Treaty.InForce;
using Comity.Node.Features.Treaty.Participants;
using Comity.Node.Features.Treaty.Record;
using Comity.Node.Features.Treaty.Rules;
using Comity.Node.Features.Treaty.Seed;
using Comity.Node.Features.Treaty.Status;
using Comity.Node.Storage;
using Comity.Node.Ui.Localization;
using Comity.Node.Ui.Shell;
using Comity.Node.Features.Treaty.Mirror;
using Comity.Node.Features.Treaty.Publication;
using Comity.Node.Federation.Register;
using Comity.Node.Kernel;

namespace Comity.Node.Features.Treaty;

/// <summary>The treaty registry (Arts. 62, 64–68): services, seed and endpoints.</summary>
internal static class TreatyRegistration
{
    public static IServiceCollection AddTreaty(this IServiceCollection services)
    {
        services.AddScoped<TreatyRegistry>();
        services.AddScoped<IStartupSeeder, TreatySeeder>();
        services.AddScoped<GetTreatyStatusHandler>();
        services.AddScoped<ListParticipantsHandler>();
        services.AddScoped<RecordInstrumentHandler>();
        services.AddScoped<RecordDeclarationHandler>();
        services.AddScoped<CheckInForceHandler>();

        // The Register publishes the treaty's facts (Secretariat) and brings them back on State nodes.
        services.AddScoped<IRegisterTreatySource, TreatyRegisterSource>();
        services.AddDomainEventSubscriber<RegisterAccepted, MirrorTreatyOnRegister>();
        services.AddNavigationLink(new NavigationLink("/treaty", typeof(UiText), "NavTreaty", 20));
        return services;
    }

    public static void MapTreaty(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/treaty").WithTags("Treaty");
        group.MapGetTreatyStatus();
        group.MapParticipants();
        group.MapRecordInstrument();
        group.MapRecordDeclaration();
        group.MapCheckInForce();
        group.MapListRules();
    }
}
