using System.Net.Http.Headers;
using Comity.Cli.Register;
using Comity.Node.Federation.Transparency;
using Comity.Node.Features.Transparency;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Spectre.Console;

namespace Comity.Cli.Log;

/// <summary>
/// The keys <c>log verify</c> checks against when given the Secretariat's key: the log's node keys and its
/// witnesses' keys from a Register whose signature verifies, so a node cannot vouch for itself.
/// </summary>
internal sealed record LogRegisterKeys(string Source, IReadOnlyList<RegisterKeyV1> LogKeys, IReadOnlyList<LogWitnessKeysResponse> WitnessKeys)
{
    /// <summary>Fetches and verifies the Register; null after saying why on standard error.</summary>
    public static async Task<LogRegisterKeys?> LoadAsync(LogVerifySettings settings, Uri node, string origin, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (RegisterCliSupport.LoadKey(settings.RegisterKey!, environment) is not { } key)
        {
            return null;
        }

        if (LogNames.StateOf(origin) is not { } state)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the log's origin {origin} names no State (comity.int/log/<State>), so the Register cannot say whose keys sign it.");
            return null;
        }

        var source = settings.RegisterFrom is null ? node : new Uri(settings.RegisterFrom);
        var url = new Uri(source, "federation/v1/register");
        string jws;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/jose+json"));
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                environment.Error.MarkupLineInterpolated($"[red]error:[/] {url} answered {(int)response.StatusCode}: no Register to take the keys from (pass --register-from with the Secretariat's address).");
                return null;
            }

            jws = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] could not fetch the Register from {url}: {e.Message}");
            return null;
        }

        var result = RegisterVerifier.Verify(jws, key, lastAcceptedSerial: null, environment.Time.GetUtcNow(), RegisterCliSupport.DefaultGrace);
        if (!result.IsAccepted || result.Register is not { } register)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the Register from {url} is refused ({result.Refusal}): {result.Message} The log's keys cannot be taken from it.");
            return null;
        }

        var own = register.Nodes.FirstOrDefault(n => string.Equals(n.State, state, StringComparison.Ordinal));
        if (own is null)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the Register (serial {register.Serial}) lists no node for {state}, whose log this is.");
            return null;
        }

        var witnesses = register.Nodes
            .Where(n => !string.Equals(n.State, state, StringComparison.Ordinal))
            .Select(n => new LogWitnessKeysResponse(n.State, LogNames.Witness(n.State), [.. n.Keys.Where(k => k.Use == "sig")]))
            .ToList();
        var description = $"from the Register serial {register.Serial} ({url.GetLeftPart(UriPartial.Authority)}), verified with Secretariat key {JwkKeys.Thumbprint(key)}";
        return new LogRegisterKeys(description, [.. own.Keys.Where(k => k.Use == "sig")], witnesses);
    }
}
