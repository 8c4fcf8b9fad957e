using Comity.Node.Federation.Keys;
using Comity.Node.Api;


using Comity.Node.Identity;
using Comity.Node.Storage;
using Microsoft.AspNetCore.DataProtection;
using Comity.Node.Ui;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using Scalar.AspNetCore;
using Comity.Node.Kernel;

namespace Comity.Node.Hosting;

/// <summary>Builds and runs one Comity node from configuration.</summary>
public static class ComityNodeHost
{
    /// <summary>
    /// Builds a node. <paramref name="configure"/> runs after the defaults (appsettings, environment
    /// variables, command line) so that callers such as <c>comity demo</c> and tests can add their own.
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,

            // The web assets are the node library's, whichever executable hosts it (the CLI, a test).
            ApplicationName = typeof(ComityNodeHost).Assembly.GetName().Name,
        });
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        builder.WebHost.UseStaticWebAssets();

        // Structured logs: one JSON object per event when the output goes to a collector (redirected or
        // Comity:LogFormat=json); readable lines on a terminal.
        var logFormat = builder.Configuration["Comity:LogFormat"];
        if (string.Equals(logFormat, "json", StringComparison.OrdinalIgnoreCase) || (logFormat is null && Console.IsOutputRedirected))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = true;
            });
        }

        configure?.Invoke(builder);
        builder.AddComityNode();

        var app = builder.Build();
        app.MapComityNode();
        return app;
    }

    public static WebApplicationBuilder AddComityNode(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(NodeOptions.Section);
        var node = section.Get<NodeOptions>() ?? new NodeOptions();
        if (section["Url"] is { Length: > 0 } url)
        {
            builder.WebHost.UseUrls(url);
        }

        var services = builder.Services;
        services.AddOptions<NodeOptions>().Bind(section).ValidateDataAnnotations().Validate(
            o => o.Role == NodeRole.Secretariat || !string.IsNullOrEmpty(o.StateCode),
            "Comity:StateCode is required on a State node.").ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IIdGenerator, UuidV7Generator>();
        services.AddDomainEvents();
        services.AddComityStorage(node);
        var keyRing = Path.Combine(Path.GetFullPath(node.DataFolder), "data-protection");
        services.AddDataProtection()
            .SetApplicationName("comity-" + (node.Role == NodeRole.Secretariat ? "UN" : node.StateCode))
            .PersistKeysToFileSystem(new DirectoryInfo(keyRing))
            .ProtectKeyRing(builder.Configuration, keyRing);
        services.AddComityIdentity();
        services.AddComityApi();
        services.AddComityUi();
        services.AddComityObservability();
        services.AddComityAreas(builder.Configuration);
        return builder;
    }

    public static WebApplication MapComityNode(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // A page address nobody answers (a mistyped or stale link, /requests/not-an-id) gets the console's own "not
        // found" page in the shell and the reader's language, not a bare status line; the API keeps its problem documents.
        app.UseWhen(
            c => HttpMethods.IsGet(c.Request.Method) && UiRegistration.IsPageAddress(c.Request.Path),
            page => page.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Scalar's own stand-alone page under its asset prefix: readers go to the reference inside the shell.
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api/reference/scalar", out var rest) && !rest.Value!.EndsWith(".js", StringComparison.Ordinal))
            {
                context.Response.Redirect("/api/reference");
                return;
            }

            await next(context);
        });
        // Routing after the status-code pages, so that the re-executed "/not-found" is routed to its page.
        app.UseRouting();
        // After authentication, so a signed-in user's preferred language applies when no cookie or query chooses one.
        app.UseAuthentication();
        app.UseRequestLocalization();
        app.UseMiddleware<SecondFactorRequirement>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Policies.Operations);

        app.MapOpenApi("/api/v1/openapi.json").AllowAnonymous();
        // Scalar's script for the API reference page (Ui/Pages/ApiReferencePage.razor, inside the console's shell). Its own
        // stand-alone page under the same prefix sends readers to that page: the shell sets the language and the colours.
        app.MapScalarApiReference("/api/reference/scalar", o => o
                .WithTitle("Comity API")
                .WithOpenApiRoutePattern("/api/v1/openapi.json")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp())
            .AllowAnonymous();

        var api = app.MapGroup("/api/v1").RequireAuthorization(Policies.SignedIn);
        app.MapComityAreas(api);
        app.MapComityUi();
        return app;
    }

    private static void AddComityObservability(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddHttpClientInstrumentation()
            .AddRuntimeInstrumentation()
            .AddMeter(ComityMetrics.MeterName)
            .AddPrometheusExporter());
        services.AddSingleton<ComityMetrics>();
    }

    private static void AddComityApi(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.AddTraceId);
        services.AddExceptionHandler<BadRequestHandler>();

        // Binding failures reach BadRequestHandler, which names the field, instead of a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Comity node API";
            doc.Info.Version = "v1";
            doc.Info.Description = "The API of one Comity node. Errors are RFC 9457 problem documents. Authenticate with a personal access token: Authorization: Bearer cmt_…";
            return Task.CompletedTask;
        }));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
    }

    private static void TryAddSingleton<T>(this IServiceCollection services, T instance)
        where T : class
    {
        if (!services.Any(d => d.ServiceType == typeof(T)))
        {
            services.AddSingleton(instance);
        }
    }
}
