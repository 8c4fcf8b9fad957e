using System.Globalization;
using Comity.Domain.Directory;
using Comity.Node.Api;
using Comity.Node.Kernel;
using Comity.Node.Federation.Register;
using Comity.Node.Identity;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using NodaTime;
using NodaTime.Text;

namespace Comity.Node.Features.Directory.Search;

/// <summary>A directory query. Every filter is optional; <see cref="ViewerTimeZone"/> is the zone hours are also shown in (default UTC).</summary>
public sealed record DirectorySearchQuery(string? State, DesignationRole? Role, string? Language, bool AvailableNow, string? Text, DateTimeZone? ViewerTimeZone = null);

/// <summary>Office hours as the office keeps them and as the viewer reads them today.</summary>
public sealed record HoursView(IReadOnlyList<int> Days, string Office, string Viewer);

/// <summary>One designated office in a search answer.</summary>
/// <param name="AvailableNow">Per its hours in its own time zone, or for a 24/7 point per its roster.</param>
/// <param name="OnDuty">For a 24/7 point: who is on call now.</param>
/// <param name="NodeKeyFingerprint">RFC 7638 thumbprint of the State node's current signing key, to compare with what a message was signed with.</param>
public sealed record DirectoryCard(
    DesignationV1 Designation,
    bool AvailableNow,
    RosterShiftV1? OnDuty,
    IReadOnlyList<HoursView> Hours,
    string ViewerTimeZone,
    Uri? NodeEndpoint,
    string? NodeKeyFingerprint);

/// <summary>The answer: ranked offices, matching providers, and which Register it comes from.</summary>
public sealed record DirectorySearchResult(long? RegisterSerial, DateTimeOffset? RegisterIssuedAt, IReadOnlyList<DirectoryCard> Cards, IReadOnlyList<ServiceProviderV1> ServiceProviders);

/// <summary>
/// Searches the designations and providers of a Register. Ranking: available 24/7 points of contact
/// first, then other offices open now, then the rest; then by State, role and office.
/// </summary>
public static class DirectorySearch
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static DirectorySearchResult Run(RegisterV1 register, DirectorySearchQuery query, Instant now)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(query);
        var viewer = query.ViewerTimeZone ?? DateTimeZone.Utc;
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : query.Text.Trim();
        var state = string.IsNullOrWhiteSpace(query.State) ? null : query.State.Trim().ToUpperInvariant();
        var role = query.Role?.Wire();
        var nodes = register.Nodes.GroupBy(n => n.State, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var cards = new List<(DirectoryCard Card, int Rank)>();
        foreach (var d in register.Designations)
        {
            if ((state is not null && d.State != state)
                || (role is not null && d.Role != role)
                || (query.Language is { } language && !SpeaksLanguage(d, language))
                || (text is not null && !Mentions(d, text)))
            {
                continue;
            }

            var schedule = DirectoryContent.Schedule(d);
            var available = Availability.IsAvailableAt(schedule, now);
            if (query.AvailableNow && !available)
            {
                continue;
            }

            var onDuty = d.Always ? d.Roster.Where(s => s.Start <= now.ToDateTimeOffset() && now.ToDateTimeOffset() < s.End).OrderByDescending(s => s.Start).FirstOrDefault() : null;
            nodes.TryGetValue(d.State, out var node);
            var card = new DirectoryCard(d, available, onDuty, [.. d.Hours.Select(h => Hours(h, schedule.Zone, viewer, now))], viewer.Id, node?.Endpoint, Fingerprint(node, now));
            var rank = available && d.Role == DesignationRole.PointOfContact247.Wire() ? 0 : available ? 1 : 2;
            cards.Add((card, rank));
        }

        var providers = role is not null || query.AvailableNow
            ? []
            : register.ServiceProviders.Where(p => (state is null || p.ListedBy == state) && (text is null || Mentions(p, text))).OrderBy(p => p.ListedBy, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        return new DirectorySearchResult(
            register.Serial,
            register.IssuedAt,
            [.. cards.OrderBy(c => c.Rank).ThenBy(c => c.Card.Designation.State, StringComparer.Ordinal).ThenBy(c => RoleOrder(c.Card.Designation.Role)).ThenBy(c => c.Card.Designation.Office, StringComparer.Ordinal).Select(c => c.Card)],
            providers);
    }

    /// <summary>The baseline the benchmark compares with: the same filters as plain string matching, without availability.</summary>
    public static int LinearScan(RegisterV1 register, string? state, string? role, string? language)
    {
        ArgumentNullException.ThrowIfNull(register);
        var count = 0;
        foreach (var d in register.Designations)
        {
            if ((state is null || d.State == state) && (role is null || d.Role == role) && (language is null || d.Languages.Contains(language, StringComparer.Ordinal)))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>A language filter matches the tag or a more specific one: <c>zh</c> matches <c>zh-Hans</c>, <c>en</c> matches <c>en-GB</c>.</summary>
    public static bool SpeaksLanguage(DesignationV1 designation, string language)
    {
        ArgumentNullException.ThrowIfNull(designation);
        var wanted = language.Trim();
        return designation.Languages.Any(l => string.Equals(l, wanted, StringComparison.OrdinalIgnoreCase)
            || l.StartsWith(wanted + "-", StringComparison.OrdinalIgnoreCase));
    }

    public static string? Fingerprint(RegisterNodeV1? node, Instant now)
    {
        var at = now.ToDateTimeOffset();
        var key = node?.Keys.Where(k => k.Use == "sig" && k.NotBefore <= at && at < k.NotAfter).OrderByDescending(k => k.NotBefore).FirstOrDefault();
        return key is null ? null : JwkKeys.Thumbprint(key.Jwk);
    }

    private static HoursView Hours(OfficeHoursV1 hours, DateTimeZone office, DateTimeZone viewer, Instant now)
    {
        var from = LocalTime.FromTicksSinceMidnight(hours.From.Ticks);
        var to = LocalTime.FromTicksSinceMidnight(hours.To.Ticks);
        var today = now.InZone(office).Date;
        var start = office.AtLeniently(today + from).WithZone(viewer);
        var end = office.AtLeniently((to > from ? today : today.PlusDays(1)) + to).WithZone(viewer);
        var shift = Period.Between(today, start.Date, PeriodUnits.Days).Days;
        var dayNote = shift == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" ({shift:+0;-0} d)");
        return new HoursView(
            hours.Days,
            $"{Time.Format(from)}–{Time.Format(to)} {office.Id}",
            $"{Time.Format(start.TimeOfDay)}–{Time.Format(end.TimeOfDay)} {viewer.Id}{dayNote}");
    }

    private static bool Mentions(DesignationV1 d, string text) =>
        d.Office.Contains(text, StringComparison.OrdinalIgnoreCase)
        || d.Channels.Any(c => c.Value.Contains(text, StringComparison.OrdinalIgnoreCase) || (c.Label?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false));

    private static bool Mentions(ServiceProviderV1 p, string text) =>
        p.Name.Contains(text, StringComparison.OrdinalIgnoreCase) || p.Services.Any(s => s.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static int RoleOrder(string role) => DesignationRoles.TryParse(role, out var r) ? (int)r : int.MaxValue;
}

/// <summary>Searches the Register this node currently holds (<see cref="ICurrentRegister"/>).</summary>
internal sealed class SearchDirectoryHandler(ICurrentRegister register, TimeProvider time)
{
    public async Task<Result<DirectorySearchResult>> SearchAsync(string? state, string? role, string? language, bool? availableNow, string? q, string? tz, CancellationToken cancellationToken)
    {
        var errors = new List<ProblemError>();
        if (state is { Length: > 0 } && !DirectoryContent.IsStateCode(state.Trim().ToUpperInvariant()))
        {
            errors.Add(new ProblemError("state", "directory.bad-state", "Give an ISO 3166-1 alpha-2 code such as XA or FR."));
        }

        DesignationRole? parsedRole = null;
        if (role is { Length: > 0 })
        {
            if (DesignationRoles.TryParse(role, out var r))
            {
                parsedRole = r;
            }
            else
            {
                errors.Add(new ProblemError("role", "directory.unknown-role", "Use one of: " + string.Join(", ", DesignationRoles.All.Select(x => x.Wire())) + "."));
            }
        }

        if (language is { Length: > 0 } && ContactValidation.CheckLanguage(language.Trim()) is { } reason)
        {
            errors.Add(new ProblemError("language", "directory.bad-language", reason));
        }

        var viewer = DateTimeZone.Utc;
        if (tz is { Length: > 0 })
        {
            if (ContactValidation.TimeZone(tz) is { } zone)
            {
                viewer = zone;
            }
            else
            {
                errors.Add(new ProblemError("tz", "directory.unknown-time-zone", $"'{tz}' is not an IANA time zone."));
            }
        }

        if (q is { Length: > 200 })
        {
            errors.Add(new ProblemError("q", "directory.query-too-long", "At most 200 characters."));
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        var snapshot = await register.GetAsync(cancellationToken);
        if (snapshot is null)
        {
            return new DirectorySearchResult(null, null, [], []);
        }

        var query = new DirectorySearchQuery(state, parsedRole, string.IsNullOrWhiteSpace(language) ? null : language.Trim(), availableNow ?? false, q, viewer);
        return DirectorySearch.Run(snapshot.Register, query, Instant.FromDateTimeOffset(time.GetUtcNow()));
    }

    public async Task<RegisterV1?> RegisterAsync(CancellationToken cancellationToken) => (await register.GetAsync(cancellationToken))?.Register;
}

internal static class SearchDirectoryEndpoints
{
    public static void MapSearchDirectory(this RouteGroupBuilder group)
    {
        group.MapGet("/search", async (string? state, string? role, string? language, bool? availableNow, string? q, string? tz, SearchDirectoryHandler handler, CancellationToken ct) =>
                (await handler.SearchAsync(state, role, language, availableNow, q, tz, ct)).ToHttp())
            .WithName("SearchDirectory")
            .WithSummary("Who to contact: designations and providers of the current Register, by State, role, language, available now and text. Hours are shown in the office's zone and in tz (default UTC).")
            .Produces<DirectorySearchResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .RequireAuthorization(Policies.SignedIn);
    }
}
