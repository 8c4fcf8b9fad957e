using System.Diagnostics;
using Comity.Domain.Directory;
using Comity.Node.Api;
using Comity.Node.Federation.Keys;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Comity.Node.Features.Directory.Manage;

/// <summary>A designated office as the State's administrator enters it. <c>state</c> may be omitted; when given it must be this node's State.</summary>
public sealed record DesignationInput(
    string? State,
    string? Office,
    string? Role,
    IReadOnlyList<ContactChannelV1>? Channels,
    IReadOnlyList<string>? Languages,
    string? TimeZone,
    IReadOnlyList<OfficeHoursV1>? Hours,
    bool? Always);

/// <summary>The complete on-call roster of a 24/7 point of contact (replaces the previous one).</summary>
public sealed record RosterInput(IReadOnlyList<RosterShiftV1>? Shifts);

/// <summary>A service provider as the State's administrator enters it.</summary>
public sealed record ServiceProviderInput(
    string? State,
    string? Name,
    IReadOnlyList<string>? Services,
    string? Headquarters,
    IReadOnlyList<string>? DataLocations,
    ContactChannelV1? LawEnforcementContact,
    ContactChannelV1? EmergencyContact,
    IReadOnlyList<string>? AcceptsDirectly);

/// <summary>An offence of this State's law as the administrator enters it (Art. 35; serious crime, Art. 2).</summary>
/// <param name="Code">The State's own code, at most 64 characters (e.g. <c>XA-PC-201</c>).</param>
/// <param name="MaximumPenaltyMonths">The maximum deprivation of liberty in months; null when none.</param>
/// <param name="ConventionOffences">The Convention offences it covers (<c>illegalAccess</c>…; <c>GET /api/v1/requests/kinds</c> lists them).</param>
public sealed record OffenceInput(string? Code, string? Title, int? MaximumPenaltyMonths, IReadOnlyList<string>? ConventionOffences);

/// <summary>The complete list of this State's offences (replaces the previous one).</summary>
public sealed record OffenceListInput(IReadOnlyList<OffenceInput?>? Offences);

/// <summary>This node's entry: its public endpoint (https; http only on loopback for tests and the demo) and display name.</summary>
public sealed record NodeEntryInput(string? Endpoint, string? Name);

/// <summary>A gap in a 24/7 roster in the coming 14 days.</summary>
public sealed record RosterGap(string DesignationId, string Office, DateTimeOffset Start, DateTimeOffset End);

/// <summary>The last notification this node sent and what the Secretariat made of it.</summary>
public sealed record SubmissionView(Guid Id, DateTimeOffset SubmittedAt, string Status, string? Reason, bool FirstRegistration, string? KeyThumbprint, DateTimeOffset? CheckedAt);

/// <summary>This State's own directory entries (the draft), whether they differ from the last submission, and the roster gaps.</summary>
public sealed record OwnDirectory(
    string State,
    NodeEntryView Node,
    IReadOnlyList<DesignationV1> Designations,
    IReadOnlyList<ServiceProviderV1> ServiceProviders,
    bool ChangedSinceSubmission,
    SubmissionView? LastSubmission,
    IReadOnlyList<RosterGap> RosterGaps,
    IReadOnlyList<NationalOffenceV1> Offences);

public sealed record NodeEntryView(string? Endpoint, string Name);

/// <summary>Reads and edits this State's own directory entries; they are drafts until submitted. Offered on State nodes only (see the endpoints).</summary>
internal sealed class ManageDirectoryHandler(ComityDbContext db, IOptions<NodeOptions> node, IOptions<DirectoryOptions> options, INodeKeys keys, IIdGenerator ids, TimeProvider time)
{
    private static readonly Error UnknownDesignation = Error.NotFound("directory.unknown-designation", "This node has no designation with this id.");

    private static readonly Error UnknownProvider = Error.NotFound("directory.unknown-provider", "This node lists no service provider with this id.");

    private string State => node.Value.StateCode ?? throw new InvalidOperationException("Own directory entries are offered on State nodes only, which have a StateCode.");

    public async Task<OwnDirectory> GetAsync(CancellationToken cancellationToken)
    {
        var content = await LoadContentAsync(cancellationToken);
        var entry = await db.Set<DirectoryNodeEntry>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var last = await db.Set<DirectorySubmission>().AsNoTracking().OrderByDescending(s => s.SubmittedAt).FirstOrDefaultAsync(cancellationToken);
        var nodeView = new NodeEntryView(entry?.Endpoint ?? options.Value.PublicUrl?.ToString(), entry?.Name ?? node.Value.EffectiveDisplayName);
        var changed = last is null || last.ContentHash != ContentHash(nodeView, await keys.PublicKeysAsync(cancellationToken), content.Designations, content.Providers, content.Offences);
        return new OwnDirectory(
            State,
            nodeView,
            content.Designations,
            content.Providers,
            changed,
            last is null ? null : View(last),
            Gaps(content.Designations, Instant.FromDateTimeOffset(time.GetUtcNow())),
            content.Offences);
    }

    /// <summary>Replaces the list of this State's offences; every problem at once, nothing changed when one remains.</summary>
    public async Task<Result<IReadOnlyList<NationalOffenceV1>>> SetOffencesAsync(OffenceListInput? input, CancellationToken cancellationToken)
    {
        if (input?.Offences is not { } given)
        {
            return Error.Invalid("offences", "directory.offences-missing", "Give the complete list of offences (an empty list removes them all).");
        }

        var offences = given.Select(o => o is null ? null : new NationalOffenceV1(
            State, o.Code?.Trim() ?? "", o.Title?.Trim() ?? "", o.MaximumPenaltyMonths, [.. (o.ConventionOffences ?? []).Select(c => c?.Trim() ?? "")])).ToList();
        var errors = new List<ProblemError>();
        DirectoryContent.Check(offences, State, "offences", errors);
        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        // The old list goes and the new one comes in one transaction: a failure leaves the old list as it was.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<DirectoryOffence>().ExecuteDeleteAsync(cancellationToken);
        var now = time.GetUtcNow();
        db.AddRange(offences.Select(o => new DirectoryOffence
        {
            Id = ids.NewId(),
            State = State,
            Code = o!.Code,
            Title = o.Title,
            MaximumPenaltyMonths = o.MaximumPenaltyMonths,
            ConventionOffences = [.. o.ConventionOffences.Distinct(StringComparer.Ordinal)],
            UpdatedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (await LoadContentAsync(cancellationToken)).Offences.ToList();
    }

    /// <summary>Roster gaps of this node's 24/7 points in the coming 14 days (Art. 41(1)); null when it has no 24/7 point.</summary>
    public async Task<IReadOnlyList<RosterGap>?> RosterGapsAsync(CancellationToken cancellationToken)
    {
        var designations = (await LoadContentAsync(cancellationToken)).Designations;
        return designations.Any(d => d.Role == DesignationRole.PointOfContact247.Wire())
            ? Gaps(designations, Instant.FromDateTimeOffset(time.GetUtcNow()))
            : null;
    }

    /// <summary>Who is on call now at each of this node's 24/7 points (null officer: nobody, a gap), in the draft entries this node keeps.</summary>
    public async Task<IReadOnlyList<(string Office, string? Officer)>> OnDutyNowAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return
        [
            .. (await LoadContentAsync(cancellationToken)).Designations
                .Where(d => d.Role == DesignationRole.PointOfContact247.Wire())
                .Select(d => (d.Office, d.Roster.Where(s => s.Start <= now && now < s.End).OrderByDescending(s => s.Start).Select(s => s.Officer).FirstOrDefault())),
        ];
    }

    internal static IReadOnlyList<RosterGap> Gaps(IEnumerable<DesignationV1> designations, Instant now)
    {
        var window = RosterMustCoverEveryHour.DefaultWindow(now);
        return
        [
            .. designations
                .Where(d => d.Always && d.Role == DesignationRole.PointOfContact247.Wire())
                .SelectMany(d => RosterMustCoverEveryHour.FindGaps(d.Roster.Select(DirectoryContent.Shift), window)
                    .Select(g => new RosterGap(d.Id, d.Office, g.Start.ToDateTimeOffset(), g.End.ToDateTimeOffset()))),
        ];
    }

    public async Task<Result<DesignationV1>> SaveDesignationAsync(Guid? id, DesignationInput input, CancellationToken cancellationToken)
    {
        var state = State;
        if (NotOwn(input.State, state) is { } refused)
        {
            return refused;
        }

        var entity = id is { } existing
            ? await db.Set<DirectoryDesignation>().Include(d => d.Roster).SingleOrDefaultAsync(d => d.Id == existing, cancellationToken)
            : null;
        if (id is not null && entity is null)
        {
            return UnknownDesignation;
        }

        var languages = (input.Languages ?? []).Select(l => ContactValidation.CheckLanguage(l) is null ? ContactValidation.NormalizeLanguage(l) : l).Distinct(StringComparer.Ordinal).ToList();
        var candidate = new DesignationV1(
            (entity?.Id ?? Guid.Empty).ToString("D"),
            state,
            input.Office?.Trim() ?? "",
            input.Role?.Trim() ?? "",
            "",
            input.Channels ?? [],
            languages,
            input.TimeZone?.Trim() ?? "",
            input.Hours ?? [],
            input.Always ?? false,
            entity is null ? [] : [.. entity.Roster.Select(s => new RosterShiftV1(s.Start, s.End, s.Officer, s.Channels))]);
        var errors = new List<ProblemError>();
        DirectoryContent.Check(candidate, state, "", errors);
        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        var role = DesignationRoles.TryParse(candidate.Role, out var parsed) ? parsed : throw new UnreachableException("The role was checked above.");
        if (entity is null)
        {
            entity = new DirectoryDesignation { Id = ids.NewId(), State = state, Office = "", Role = "", TimeZone = "" };
            db.Add(entity);
        }

        entity.Office = candidate.Office;
        entity.Role = role.Wire();
        entity.Channels = [.. candidate.Channels.Select(c => c with { Kind = c.Kind.Trim().ToLowerInvariant(), Value = c.Value.Trim() })];
        entity.Languages = languages;
        entity.TimeZone = candidate.TimeZone;
        entity.Hours = [.. candidate.Hours];
        entity.Always = candidate.Always;
        entity.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return DirectoryContent.ToV1(entity);
    }

    public async Task<Result<DesignationV1>> SetRosterAsync(Guid id, RosterInput input, CancellationToken cancellationToken)
    {
        var entity = await db.Set<DirectoryDesignation>().Include(d => d.Roster).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (entity is null)
        {
            return UnknownDesignation;
        }

        var errors = new List<ProblemError>();
        DirectoryContent.Roster(input.Shifts, entity.Always, "shifts", errors);
        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        db.RemoveRange(entity.Roster);
        List<DirectoryRosterShift> shifts = [.. input.Shifts!.OrderBy(s => s.Start).Select(s => new DirectoryRosterShift
        {
            Id = ids.NewId(),
            DesignationId = entity.Id,
            Start = s.Start.ToUniversalTime(),
            End = s.End.ToUniversalTime(),
            Officer = s.Officer.Trim(),
            Channels = [.. s.Channels ?? []],
        })];

        // Added explicitly: shifts with client-generated keys reached only through the navigation would be taken for existing rows.
        db.AddRange(shifts);
        entity.Roster = shifts;
        entity.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return DirectoryContent.ToV1(entity);
    }

    public async Task<Result<string>> DeleteDesignationAsync(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<DirectoryDesignation>().Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? UnknownDesignation : "deleted";
    }

    public async Task<Result<ServiceProviderV1>> SaveProviderAsync(Guid? id, ServiceProviderInput input, CancellationToken cancellationToken)
    {
        var state = State;
        if (NotOwn(input.State, state) is { } refused)
        {
            return refused;
        }

        var entity = id is { } existing ? await db.Set<DirectoryServiceProvider>().SingleOrDefaultAsync(p => p.Id == existing, cancellationToken) : null;
        if (id is not null && entity is null)
        {
            return UnknownProvider;
        }

        var candidate = new ServiceProviderV1(
            "",
            state,
            input.Name?.Trim() ?? "",
            [.. (input.Services ?? []).Select(s => s.Trim())],
            input.Headquarters?.Trim().ToUpperInvariant() ?? "",
            [.. (input.DataLocations ?? []).Select(s => s.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal)],
            input.LawEnforcementContact,
            input.EmergencyContact,
            [.. (input.AcceptsDirectly ?? []).Distinct(StringComparer.Ordinal)]);
        var errors = new List<ProblemError>();
        DirectoryContent.Check(candidate, state, "", errors);
        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        if (entity is null)
        {
            entity = new DirectoryServiceProvider { Id = ids.NewId(), State = state, Name = "", Headquarters = "" };
            db.Add(entity);
        }

        entity.Name = candidate.Name;
        entity.Services = [.. candidate.Services];
        entity.Headquarters = candidate.Headquarters;
        entity.DataLocations = [.. candidate.DataLocations];
        entity.LawEnforcementContact = candidate.LawEnforcementContact;
        entity.EmergencyContact = candidate.EmergencyContact;
        entity.AcceptsDirectly = [.. candidate.AcceptsDirectly];
        entity.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return DirectoryContent.ToV1(entity);
    }

    public async Task<Result<string>> DeleteProviderAsync(Guid id, CancellationToken cancellationToken)
    {
        var deleted = await db.Set<DirectoryServiceProvider>().Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? UnknownProvider : "deleted";
    }

    public async Task<Result<NodeEntryView>> SetNodeAsync(NodeEntryInput input, CancellationToken cancellationToken)
    {
        var errors = new List<ProblemError>();
        if (CheckEndpoint(input.Endpoint) is { } reason)
        {
            errors.Add(new ProblemError("endpoint", "directory.bad-endpoint", reason));
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 256)
        {
            errors.Add(new ProblemError("name", "directory.text-required", "Give 1 to 256 characters."));
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        var entry = await db.Set<DirectoryNodeEntry>().SingleOrDefaultAsync(cancellationToken);
        if (entry is null)
        {
            entry = new DirectoryNodeEntry { Id = ids.NewId(), State = State, Endpoint = "", Name = "" };
            db.Add(entry);
        }

        entry.Endpoint = new Uri(input.Endpoint!.Trim()).ToString();
        entry.Name = input.Name!.Trim();
        entry.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new NodeEntryView(entry.Endpoint, entry.Name);
    }

    /// <summary>https, or http on a loopback address (tests and <c>comity demo</c>).</summary>
    public static string? CheckEndpoint(string? endpoint) =>
        Uri.TryCreate(endpoint?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            ? null
            : "Give the node's public base URL: https (http only on a loopback address).";

    internal async Task<(IReadOnlyList<DesignationV1> Designations, IReadOnlyList<ServiceProviderV1> Providers, IReadOnlyList<NationalOffenceV1> Offences)> LoadContentAsync(CancellationToken cancellationToken)
    {
        var designations = await db.Set<DirectoryDesignation>().AsNoTracking().Include(d => d.Roster).ToListAsync(cancellationToken);
        var providers = await db.Set<DirectoryServiceProvider>().AsNoTracking().ToListAsync(cancellationToken);
        var offences = await db.Set<DirectoryOffence>().AsNoTracking().ToListAsync(cancellationToken);
        return (
            [.. designations.OrderBy(d => d.Role, StringComparer.Ordinal).ThenBy(d => d.Office, StringComparer.Ordinal).ThenBy(d => d.Id).Select(DirectoryContent.ToV1)],
            [.. providers.OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Id).Select(DirectoryContent.ToV1)],
            [.. offences.OrderBy(o => o.Code, StringComparer.Ordinal).Select(DirectoryContent.ToV1)]);
    }

    /// <summary>
    /// The hash a submission records: the content with the node's public keys as submitted. A key rotation changes it, so
    /// the new key is submitted and reaches the Register before the old one expires; otherwise other nodes would refuse
    /// everything this node signs with the new key.
    /// </summary>
    internal static string ContentHash(NodeEntryView nodeEntry, IReadOnlyList<RegisterKeyV1> publicKeys, IReadOnlyList<DesignationV1> designations, IReadOnlyList<ServiceProviderV1> providers, IReadOnlyList<NationalOffenceV1> offences) =>
        DirectoryContent.Hash(new DirectoryNotificationNodeV1(new Uri(nodeEntry.Endpoint ?? "about:blank"), nodeEntry.Name, publicKeys), designations, providers, offences);

    internal static SubmissionView View(DirectorySubmission s) =>
        new(s.Id, s.SubmittedAt, Wire(s.Status), s.Reason, s.FirstRegistration, s.KeyThumbprint, s.CheckedAt);

    public static string Wire(NotificationStatus status) => status switch
    {
        NotificationStatus.Pending => "pending",
        NotificationStatus.Approved => "approved",
        NotificationStatus.Rejected => "rejected",
    };

    private static Error? NotOwn(string? requested, string own) =>
        requested is { Length: > 0 } && !string.Equals(requested.Trim(), own, StringComparison.OrdinalIgnoreCase)
            ? DirectoryErrors.NotAllowed("directory.not-own-state", $"A State can only edit its own entries: this node serves {own}, not {requested.Trim()}.")
            : null;
}

internal static class ManageDirectoryEndpoints
{
    /// <summary>Own entries are kept on State nodes; the Secretariat answers with <see cref="DirectoryErrors.NotStateNode"/>.</summary>
    public static void MapManageDirectory(this RouteGroupBuilder group)
    {
        var own = group.MapGroup("/own").RequireAuthorization(Policies.NodeAdmin).OfferedOn(NodeRole.State, NotStateNode);
        group.MapGet("/own", async (ManageDirectoryHandler handler, CancellationToken ct) => Results.Ok(await handler.GetAsync(ct)))
            .RequireAuthorization(Policies.NodeAdmin).OfferedOn(NodeRole.State, NotStateNode)
            .WithName("GetOwnDirectory").WithSummary("This State's own directory entries (draft), the last submission and roster gaps in the coming 14 days. Node admins.")
            .Produces<OwnDirectory>().ProducesProblem(StatusCodes.Status409Conflict);
        own.MapPut("/node", async (NodeEntryInput input, ManageDirectoryHandler handler, CancellationToken ct) => (await handler.SetNodeAsync(input, ct)).ToHttp())
            .WithName("SetOwnNodeEntry").WithSummary("Set this node's public endpoint and name.")
            .Produces<NodeEntryView>().ProducesProblem(StatusCodes.Status400BadRequest);
        own.MapPost("/designations", async (DesignationInput input, ManageDirectoryHandler handler, CancellationToken ct) =>
                (await handler.SaveDesignationAsync(null, input, ct)).ToHttp(d => Results.Created($"/api/v1/directory/own/designations/{d.Id}", d)))
            .WithName("CreateOwnDesignation").WithSummary("Add a designated office (central authority, 24/7 point of contact, extradition or prevention authority).")
            .Produces<DesignationV1>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        own.MapPut("/designations/{id:guid}", async (Guid id, DesignationInput input, ManageDirectoryHandler handler, CancellationToken ct) => (await handler.SaveDesignationAsync(id, input, ct)).ToHttp())
            .WithName("UpdateOwnDesignation").WithSummary("Change a designated office.")
            .Produces<DesignationV1>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        own.MapDelete("/designations/{id:guid}", async (Guid id, ManageDirectoryHandler handler, CancellationToken ct) => (await handler.DeleteDesignationAsync(id, ct)).ToHttp(_ => Results.NoContent()))
            .WithName("DeleteOwnDesignation").WithSummary("Remove a designated office.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        own.MapPut("/designations/{id:guid}/roster", async (Guid id, RosterInput input, ManageDirectoryHandler handler, CancellationToken ct) => (await handler.SetRosterAsync(id, input, ct)).ToHttp())
            .WithName("SetOwnRoster").WithSummary("Replace the on-call roster of a 24/7 point of contact.")
            .Produces<DesignationV1>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        own.MapPut("/offences", async (OffenceListInput? input, ManageDirectoryHandler handler, CancellationToken ct) => (await handler.SetOffencesAsync(input, ct)).ToHttp())
            .WithName("SetOwnOffences").WithSummary("Replace the offences of this State's law listed for dual criminality (Art. 35), each with its maximum penalty and the Convention offences it covers; the next submission carries them to the Register.")
            .Produces<IReadOnlyList<NationalOffenceV1>>().ProducesProblem(StatusCodes.Status400BadRequest);
        own.MapPost("/providers", async (ServiceProviderInput input, ManageDirectoryHandler handler, CancellationToken ct) =>
                (await handler.SaveProviderAsync(null, input, ct)).ToHttp(p => Results.Created($"/api/v1/directory/own/providers/{p.Id}", p)))
            .WithName("CreateOwnProvider").WithSummary("List a service provider.")
            .Produces<ServiceProviderV1>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        own.MapPut("/providers/{id:guid}", async (Guid id, ServiceProviderInput input, ManageDirectoryHandler handler, CancellationToken ct) => (await handler.SaveProviderAsync(id, input, ct)).ToHttp())
            .WithName("UpdateOwnProvider").WithSummary("Change a listed service provider.")
            .Produces<ServiceProviderV1>().ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        own.MapDelete("/providers/{id:guid}", async (Guid id, ManageDirectoryHandler handler, CancellationToken ct) => (await handler.DeleteProviderAsync(id, ct)).ToHttp(_ => Results.NoContent()))
            .WithName("DeleteOwnProvider").WithSummary("Remove a listed service provider.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static IResult NotStateNode() => Problems.From(DirectoryErrors.NotStateNode);
}
