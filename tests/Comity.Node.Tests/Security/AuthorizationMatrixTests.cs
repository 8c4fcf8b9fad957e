using System.Net;
using System.Text;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Testing.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Security;

/// <summary>
/// Every endpoint the node maps has an expected outcome for every role; an endpoint added without
/// an entry here fails the build of trust. Anonymous callers get 401, signed-in callers without
/// the policy's role get 403, and callers with it get past authorization (any other status).
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private const string Anonymous = "anonymous";

    /// <summary>Who may call what. <c>null</c> roles: anyone, signed in or not.</summary>
    private static readonly Dictionary<string, string[]?> Matrix = new(StringComparer.Ordinal)
    {
        ["ANY /health/live"] = null,
        ["ANY /health/ready"] = null,
        ["ANY /metrics"] = [Roles.NodeAdmin, Roles.Auditor],
        ["GET /api/v1/openapi.json"] = null,
        ["GET /api/reference/scalar/{documentName?}"] = null,
        ["GET /api/reference/scalar/scalar.js"] = null,
        ["GET /api/reference/scalar/scalar.aspnetcore.js"] = null,
        ["GET /api/reference/scalar/favicon.svg"] = null,
        ["GET /{**path:file}"] = [.. Roles.All],
        ["HEAD /{**path:file}"] = [.. Roles.All],
        ["ANY /{*path:nonfile}"] = null,
        ["GET /_framework/opaque-redirect"] = null,
        ["POST /culture"] = null,
        ["GET /api/v1/me"] = [.. Roles.All],
        ["GET /api/v1/tokens"] = [.. Roles.All],
        ["POST /api/v1/tokens"] = [.. Roles.All],
        ["DELETE /api/v1/tokens/{id:guid}"] = [.. Roles.All],
        ["POST /account/sign-out"] = null,
        ["GET /api/v1/treaty/status"] = [.. Roles.All],
        ["GET /api/v1/treaty/participants"] = [.. Roles.All],
        ["GET /api/v1/treaty/participants/{code}"] = [.. Roles.All],
        ["GET /api/v1/treaty/instruments/{id:guid}"] = [.. Roles.All],
        ["GET /api/v1/treaty/declarations/{id:guid}"] = [.. Roles.All],
        ["GET /api/v1/treaty/in-force"] = [.. Roles.All],
        ["GET /api/v1/treaty/rules"] = [.. Roles.All],
        ["POST /api/v1/treaty/instruments"] = [Roles.SecretariatOfficer],
        ["POST /api/v1/treaty/declarations"] = [Roles.SecretariatOfficer],
        ["GET /federation/v1/register"] = null,
        ["GET /federation/v1/register/key"] = null,
        ["GET /api/v1/keys"] = [Roles.NodeAdmin],
        ["POST /api/v1/keys/rotate"] = [Roles.NodeAdmin],
        ["GET /api/v1/register/status"] = [.. Roles.All],
        ["POST /api/v1/register/publish"] = [Roles.SecretariatOfficer],
        ["POST /api/v1/register/refresh"] = [Roles.NodeAdmin],
        ["GET /api/v1/directory/search"] = [.. Roles.All],
        ["GET /api/v1/directory/own"] = [Roles.NodeAdmin],
        ["PUT /api/v1/directory/own/node"] = [Roles.NodeAdmin],
        ["POST /api/v1/directory/own/designations"] = [Roles.NodeAdmin],
        ["PUT /api/v1/directory/own/designations/{id:guid}"] = [Roles.NodeAdmin],
        ["DELETE /api/v1/directory/own/designations/{id:guid}"] = [Roles.NodeAdmin],
        ["PUT /api/v1/directory/own/designations/{id:guid}/roster"] = [Roles.NodeAdmin],
        ["PUT /api/v1/directory/own/offences"] = [Roles.NodeAdmin],
        ["POST /api/v1/directory/own/providers"] = [Roles.NodeAdmin],
        ["PUT /api/v1/directory/own/providers/{id:guid}"] = [Roles.NodeAdmin],
        ["DELETE /api/v1/directory/own/providers/{id:guid}"] = [Roles.NodeAdmin],
        ["POST /api/v1/directory/own/submit"] = [Roles.NodeAdmin],
        ["POST /api/v1/directory/own/submission/refresh"] = [Roles.NodeAdmin],
        ["GET /api/v1/directory/notifications"] = [Roles.SecretariatOfficer],
        ["GET /api/v1/directory/notifications/{id:guid}"] = [Roles.SecretariatOfficer],
        ["POST /api/v1/directory/notifications/{id:guid}/approve"] = [Roles.SecretariatOfficer],
        ["POST /api/v1/directory/notifications/{id:guid}/reject"] = [Roles.SecretariatOfficer],
        ["POST /federation/v1/notifications"] = null,
        ["GET /federation/v1/notifications/{id:guid}"] = null,
        ["GET /federation/v1/log/checkpoint"] = null,
        ["GET /federation/v1/log/proof/inclusion"] = null,
        ["GET /federation/v1/log/proof/consistency"] = null,
        ["POST /federation/v1/log/witness/add-checkpoint"] = null,
        ["GET /api/v1/log"] = [Roles.NodeAdmin, Roles.Auditor],
        ["GET /api/v1/log/entries"] = [Roles.NodeAdmin, Roles.Auditor],
        ["GET /api/v1/log/checkpoints"] = [Roles.NodeAdmin, Roles.Auditor],
        ["POST /federation/v1/envelopes"] = null,
        ["POST /api/v1/federation/pings"] = [Roles.NodeAdmin, Roles.DutyOfficer],
        ["GET /api/v1/federation/outbox"] = [Roles.NodeAdmin, Roles.Auditor, Roles.DutyOfficer, Roles.Supervisor],
        ["GET /api/v1/federation/outbox/{id:guid}"] = [Roles.NodeAdmin, Roles.Auditor, Roles.DutyOfficer, Roles.Supervisor],
        ["GET /api/v1/federation/inbox"] = [Roles.NodeAdmin, Roles.Auditor, Roles.DutyOfficer, Roles.Supervisor],
        ["POST /api/v1/federation/inbox/{id:guid}/retry"] = [Roles.NodeAdmin],
        ["GET /api/v1/federation/pings/received"] = [Roles.NodeAdmin, Roles.Auditor, Roles.DutyOfficer, Roles.Supervisor],
        ["GET /api/v1/federation/stats"] = [Roles.NodeAdmin, Roles.Auditor, Roles.DutyOfficer, Roles.Supervisor],
        ["GET /api/v1/federation/peers"] = [Roles.NodeAdmin, Roles.Auditor, Roles.DutyOfficer, Roles.Supervisor],
        ["GET /api/v1/federation/alerts"] = [Roles.NodeAdmin, Roles.Auditor, Roles.DutyOfficer, Roles.Supervisor],
        ["GET /api/v1/requests/kinds"] = [.. Roles.All],
        ["POST /api/v1/requests/validate"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/proposals"] = [Roles.Prosecutor, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["GET /api/v1/requests/proposals"] = [Roles.Prosecutor, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor],
        ["GET /api/v1/requests/proposals/{id:guid}"] = [Roles.Prosecutor, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor],
        ["POST /api/v1/requests/proposals/{id:guid}/send"] = [Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/proposals/{id:guid}/return"] = [Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["GET /api/v1/requests/"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor],
        ["GET /api/v1/requests/alerts"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor],
        ["GET /api/v1/requests/handover-notes"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor],
        ["POST /api/v1/requests/handover-notes"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["GET /api/v1/requests/{id:guid}"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor],
        ["GET /api/v1/requests/{id:guid}/document.pdf"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor],
        ["GET /api/v1/requests/{id:guid}/answers/{eventIndex:int}/document.pdf"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor],
        ["POST /api/v1/requests/{id:guid}/acknowledge"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/preserve"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/disclose"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/answer"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/refuse"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/request-information"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/provide-information"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/request-extension"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/extend"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/link-follow-up"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/withdraw"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/close"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/inquire-status"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/answer-status"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/propose-conditions"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/accept-conditions"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/decline-conditions"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/postpone"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/execute-partially"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/execute"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/raise-costs"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/agree-costs"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["POST /api/v1/requests/{id:guid}/send-again"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor],
        ["GET /api/v1/drafts/"] = [.. Roles.All],
        ["GET /api/v1/drafts/{key}"] = [.. Roles.All],
        ["PUT /api/v1/drafts/{key}"] = [.. Roles.All],
        ["DELETE /api/v1/drafts/{key}"] = [.. Roles.All],
    };

    /// <summary>
    /// Endpoints outside this matrix by design: UI pages (each declares [Authorize] or [AllowAnonymous]
    /// and is covered by page tests) and the node's own static web assets (stylesheets, public).
    /// </summary>
    private static bool IsOutOfScope(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null
        || endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))
        || endpoint.DisplayName?.Contains("comity.", StringComparison.Ordinal) == true;

    private TestNode node = null!;

    public async ValueTask InitializeAsync() =>
        node = await TestNode.StartAsync(new TestNodeOptions { Role = NodeRole.Secretariat, StateCode = null });

    public async ValueTask DisposeAsync() => await node.DisposeAsync();

    [Fact]
    public void EveryEndpoint_HasAnEntryInTheMatrixAndAnAuthorizationRule()
    {
        var endpoints = MappedEndpoints();

        var unlisted = endpoints.Keys.Where(k => !Matrix.ContainsKey(k)).ToList();
        var stale = Matrix.Keys.Where(k => !endpoints.ContainsKey(k)).ToList();
        var withoutRule = endpoints
            .Where(e => e.Value.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Value.Metadata.GetOrderedMetadata<IAuthorizeData>().Any())
            // The static-assets development fallback takes no conventions; the node's fallback policy (signed in) covers it.
            .Where(e => e.Value.DisplayName != "Fallback {**path:file}")
            .Select(e => $"{e.Key} ({e.Value.DisplayName})")
            .ToList();

        Assert.True(unlisted.Count == 0, "Endpoints without an expected outcome: " + string.Join(", ", unlisted));
        Assert.True(stale.Count == 0, "Matrix entries with no endpoint: " + string.Join(", ", stale));
        Assert.True(withoutRule.Count == 0, "Endpoints without an explicit authorization rule: " + string.Join(", ", withoutRule));
    }

    public static TheoryData<string> Callers() => new([Anonymous, .. Roles.All]);

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task EveryEndpoint_RefusesExactlyTheCallersItShould(string caller)
    {
        using var client = caller == Anonymous ? node.CreateClient() : await node.CreateClientForAsync("matrix-" + caller, caller);
        var failures = new List<string>();

        foreach (var (key, allowed) in Matrix.Where(m => m.Key.Split(' ')[1].StartsWith("/api/v1", StringComparison.Ordinal) || m.Key == "ANY /metrics"))
        {
            var (method, path) = Concrete(key.Replace("ANY ", "GET ", StringComparison.Ordinal));
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            var status = response.StatusCode;
            var expected = allowed is null ? "allowed"
                : caller == Anonymous ? "401"
                : allowed.Contains(caller) ? "allowed" : "403";
            var ok = expected switch
            {
                "401" => status == HttpStatusCode.Unauthorized,
                "403" => status == HttpStatusCode.Forbidden,
                _ => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
            };
            if (!ok)
            {
                failures.Add($"{key} as {caller}: expected {expected}, got {(int)status}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // --- 24/7 request pages (src/Comity.Node/Features/Requests/Pages): the live feed in the matrix above, and
    // every page and the feed called as each role. Pages redirect where the API answers 401/403.

    static AuthorizationMatrixTests() => Matrix["GET /requests/live"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor];

    /// <summary>Who may open each request page; case content is for those who work or oversee the 24/7 channel only.</summary>
    private static readonly Dictionary<string, string[]> RequestPages = new(StringComparer.Ordinal)
    {
        ["/requests"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor],
        ["/requests/new"] = [Roles.DutyOfficer, Roles.Supervisor],
        ["/requests/0190a0b0-0000-7000-8000-000000000000"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor],
        ["/requests/live"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor],
        ["/requests/verify-document"] = [Roles.DutyOfficer, Roles.CentralAuthorityOfficer, Roles.Supervisor, Roles.Auditor],
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task RequestPages_RefuseExactlyTheCallersTheyShould(string caller)
    {
        using var client = caller == Anonymous ? node.CreateClient() : await node.CreateClientForAsync("pages-" + caller, caller);
        var failures = new List<string>();
        foreach (var (path, allowed) in RequestPages)
        {
            // The live feed never ends: the status line is all this needs.
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.ToString() ?? "";
            var outcome = status == 401 || (status == 302 && location.Contains("/account/sign-in", StringComparison.Ordinal)) ? "401"
                : status == 403 || (status == 302 && location.Contains("/account/denied", StringComparison.Ordinal)) ? "403"
                : "allowed";
            var expected = caller == Anonymous ? "401" : allowed.Contains(caller) ? "allowed" : "403";
            if (outcome != expected)
            {
                failures.Add($"GET {path} as {caller}: expected {expected}, got {status} {location}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // --- end of the 24/7 request pages

    // --- the law pages (src/Comity.Node/Features/Law): the Convention is read by every signed-in role, by nobody signed out.

    /// <summary>The law pages; every signed-in role may open them.</summary>
    private static readonly string[] LawPages = ["/law", "/law/articles/1", "/law/articles/42", "/law/articles/68"];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task LawPages_AreReadByEverySignedInRole_AndRefuseAnonymousCallers(string caller)
    {
        using var client = caller == Anonymous ? node.CreateClient() : await node.CreateClientForAsync("law-" + caller, caller);
        var failures = new List<string>();
        foreach (var path in LawPages)
        {
            using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.ToString() ?? "";
            var outcome = status == 401 || (status == 302 && location.Contains("/account/sign-in", StringComparison.Ordinal)) ? "401"
                : status == 200 ? "allowed"
                : $"{status} {location}";
            var expected = caller == Anonymous ? "401" : "allowed";
            if (outcome != expected)
            {
                failures.Add($"GET {path} as {caller}: expected {expected}, got {outcome}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    // --- end of the law pages

    private Dictionary<string, RouteEndpoint> MappedEndpoints()
    {
        var result = new Dictionary<string, RouteEndpoint>(StringComparer.Ordinal);
        foreach (var source in node.Services.GetServices<EndpointDataSource>())
        {
            foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
            {
                if (IsOutOfScope(endpoint))
                {
                    continue;
                }

                var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
                foreach (var method in methods)
                {
                    result[$"{method} {"/" + endpoint.RoutePattern.RawText!.TrimStart('/')}"] = endpoint;
                }
            }
        }

        return result;
    }

    /// <summary>Fills route parameters with values that pass their constraints.</summary>
    private static (string Method, string Path) Concrete(string key)
    {
        var parts = key.Split(' ');
        var path = System.Text.RegularExpressions.Regex.Replace(parts[1], @"\{([^}:?]+)(:[^}]+)?\??\}", m =>
            m.Groups[2].Value.Contains("guid", StringComparison.Ordinal) ? "0190a0b0-0000-7000-8000-000000000000"
            : m.Groups[2].Value.Contains("int", StringComparison.Ordinal) ? "1"
            : "XX");
        return (parts[0], path);
    }
}
