using Comity.Node.Features.Requests.Alerts;
using Comity.Node.Features.Requests.Clocks;
using Comity.Node.Features.Requests.Delivery;
using Comity.Node.Features.Requests.Document;
using Comity.Node.Features.Requests.HandoverNotes;
using Comity.Node.Features.Requests.Kinds;
using Comity.Node.Features.Requests.List;
using Comity.Node.Features.Requests.Proposals;
using Comity.Node.Features.Requests.ReceiveEvent;
using Comity.Node.Features.Requests.ReceiveSubmission;
using Comity.Node.Features.Requests.Show;
using Comity.Node.Features.Requests.Submit;
using Comity.Node.Features.Requests.Transitions;
using Comity.Node.Features.Requests.Validate;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Ui.Shell;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Requests;

/// <summary>The 24/7 requests (Arts. 41–43): each use case's handler, the envelope types, the clocks worker, the API and the pages.</summary>
internal static class RequestsRegistration
{
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        services.AddOptions<RequestOptions>().BindConfiguration(RequestOptions.Section).ValidateOnStart();
        services.AddSingleton<RequestOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<RequestOptions>>(sp => sp.GetRequiredService<RequestOptionsSetup>());
        services.AddSingleton<IValidateOptions<RequestOptions>>(sp => sp.GetRequiredService<RequestOptionsSetup>());
        services.AddSingleton<RequestChangeFeed>();
        services.AddScoped<GetRequestOfficesHandler>();
        services.AddScoped<ListRequestKindsHandler>();
        services.AddScoped<RequestDraftChecker>();
        services.AddScoped<SubmitRequestHandler>();
        services.AddScoped<ProposeRequestHandler>();
        services.AddScoped<ReadProposalsHandler>();
        services.AddScoped<DecideProposalHandler>();
        services.AddScoped<ListRequestsHandler>();
        services.AddScoped<ListRequestAlertsHandler>();
        services.AddScoped<GetRequestHandler>();
        services.AddScoped<GetFormalDocumentHandler>();
        services.AddScoped<RecordTransitionHandler>();
        services.AddScoped<ListHandoverNotesHandler>();
        services.AddScoped<AddHandoverNoteHandler>();
        services.AddScoped<SendAgainHandler>();
        services.AddDomainEventSubscriber<EnvelopeSettled, PublishOnEnvelopeSettled>();
        services.AddScoped<RequestClockSweep>();
        services.AddEnvelopeHandler<ReceiveSubmissionHandler>();
        services.AddEnvelopeHandler<ReceiveEventHandler>();
        services.AddHostedService<RequestClockWorker>();
        services.AddNavigationLink(new NavigationLink("/requests", typeof(RequestsText), "NavRequests", 10) { Roles = RequestRoles.Read });
        services.AddDashboardCard<UrgentInboxCard>(10);
        services.AddDashboardCard<FollowUpDueCard>(12);
        return services;
    }

    /// <summary>The routes of docs/cooperation/requests-api.md, each mapped by its use case.</summary>
    public static void MapRequests(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/requests").WithTags("Requests");
        group.MapListRequestKinds();
        group.MapValidateRequest();
        group.MapSubmitRequest();
        group.MapProposals();
        group.MapListRequests();
        group.MapListRequestAlerts();
        group.MapListHandoverNotes();
        group.MapAddHandoverNote();
        group.MapGetRequest();
        group.MapFormalDocuments();
        group.MapTransitions();
        group.MapSendAgain();
    }

    /// <summary>What the pages need beside themselves: the live feed of changes (<see cref="RequestLiveEndpoint"/>).</summary>
    public static void MapRequestPages(this IEndpointRouteBuilder app) => app.MapRequestLive();
}
