using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Spectre.Console;

namespace Comity.Cli.Demo;

/// <summary>
/// After the Register is published: every State node fetches it now (instead of at its next poll), then
/// XA pings XB and XB pings XC through the API, waiting for each receipt, so the federation page of each
/// node shows delivered envelopes with their receipts. A failure is reported and leaves the demo running.
/// </summary>
internal sealed class DemoFederationPings(CliEnvironment environment)
{
    public async Task RunAsync(DemoCredentials credentials, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(45) };
        try
        {
            var states = credentials.Nodes.Where(n => n.Role == "state" && n.User("admin")?.Token is not null).ToList();
            foreach (var node in states)
            {
                var (status, body) = await SendAsync(http, HttpMethod.Post, node, "api/v1/register/refresh", null, cancellationToken);
                if (status != HttpStatusCode.OK)
                {
                    Warn($"{node.State} could not refresh its Register ({(int)status}): {Detail(body)}");
                }
            }

            foreach (var (from, to) in new[] { ("XA", "XB"), ("XB", "XC") })
            {
                if (states.FirstOrDefault(n => n.State == from) is not { } sender)
                {
                    continue;
                }

                var (status, body) = await SendAsync(http, HttpMethod.Post, sender, "api/v1/federation/pings", new { to, message = $"Demo ping from {from} to {to}", wait = true }, cancellationToken);
                using var answer = status is HttpStatusCode.OK or HttpStatusCode.Accepted ? JsonDocument.Parse(body) : null;
                if (answer?.RootElement.GetProperty("status").GetString() == "delivered")
                {
                    environment.Error.MarkupLineInterpolated($"[green]federation[/] {from} pinged {to}: delivered, receipt signed by {to} at {answer.RootElement.GetProperty("receivedAt").GetString()}");
                }
                else
                {
                    Warn($"{from}'s ping to {to} was not delivered ({(int)status}): {(answer is null ? Detail(body) : answer.RootElement.GetProperty("status").GetString())}");
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Warn("the federation pings stopped: " + e.Message);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient http, HttpMethod method, DemoNodeCredentials node, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(new Uri(node.Url), path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", node.User("admin")!.Token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static string Detail(string body) => Treaty.ProblemDocument.TryParse(body) is { } problem ? $"{problem.Code} {problem.Detail}".Trim() : (body.Length > 200 ? body[..200] : body);

    private void Warn(string message) => environment.Error.MarkupLineInterpolated($"[yellow]warning:[/] {message}");
}
