using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Spectre.Console;

namespace Comity.Cli.Demo;

/// <summary>
/// After the demo nodes are up: each State node's administrator submits its directory notification and
/// the demo Secretariat officer approves it, through the same API a person would use, so the published
/// Register lists the demo nodes and designations. A second run sends nothing when nothing changed.
/// A failure is reported and leaves the demo running: the directory is not needed to try the rest.
/// </summary>
internal sealed class DemoDirectoryWalkthrough(CliEnvironment environment)
{
    public async Task RunAsync(DemoCredentials credentials, CancellationToken cancellationToken)
    {
        var secretariat = credentials.Nodes.FirstOrDefault(n => n.Role == "secretariat");
        var officer = secretariat?.User("secretariat");
        if (secretariat is null || officer?.Token is null)
        {
            return;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            foreach (var node in credentials.Nodes.Where(n => n.Role == "state"))
            {
                if (node.User("admin")?.Token is not { } adminToken)
                {
                    continue;
                }

                var (status, body) = await SendAsync(http, HttpMethod.Post, new Uri(new Uri(node.Url), "api/v1/directory/own/submit"), adminToken, cancellationToken);
                if (status != HttpStatusCode.OK)
                {
                    Warn($"{node.State} could not submit its directory ({(int)status}): {Detail(body)}");
                    continue;
                }

                using var submitted = JsonDocument.Parse(body);
                var unchanged = submitted.RootElement.GetProperty("unchanged").GetBoolean();
                environment.Error.MarkupLineInterpolated($"[green]directory[/] {node.State}: {(unchanged ? "unchanged, nothing sent" : "notification signed and submitted")}");
            }

            var (listed, list) = await SendAsync(http, HttpMethod.Get, new Uri(new Uri(secretariat.Url), "api/v1/directory/notifications?status=pending"), officer.Token, cancellationToken);
            if (listed != HttpStatusCode.OK)
            {
                Warn($"the Secretariat's review queue could not be read ({(int)listed}): {Detail(list)}");
                return;
            }

            using var pending = JsonDocument.Parse(list);
            foreach (var notification in pending.RootElement.EnumerateArray().Reverse())
            {
                var id = notification.GetProperty("id").GetGuid();
                var (approved, answer) = await SendAsync(http, HttpMethod.Post, new Uri(new Uri(secretariat.Url), $"api/v1/directory/notifications/{id:D}/approve"), officer.Token, cancellationToken);
                if (approved == HttpStatusCode.OK)
                {
                    using var details = JsonDocument.Parse(answer);
                    environment.Error.MarkupLineInterpolated($"[green]directory[/] {notification.GetProperty("state").GetString()}: approved by the demo Secretariat, Register serial {details.RootElement.GetProperty("registerSerial").GetRawText()}");
                }
                else
                {
                    Warn($"approving {notification.GetProperty("state").GetString()}'s notification failed ({(int)approved}): {Detail(answer)}");
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Warn("the directory walk-through stopped: " + e.Message);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient http, HttpMethod method, Uri uri, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static string Detail(string body) => ProblemDocumentDetail(body) ?? (body.Length > 200 ? body[..200] : body);

    private static string? ProblemDocumentDetail(string body) => Treaty.ProblemDocument.TryParse(body) is { } problem ? $"{problem.Code} {problem.Detail}".Trim() : null;

    private void Warn(string message) => environment.Error.MarkupLineInterpolated($"[yellow]warning:[/] {message}");
}
