using System.ComponentModel;
using System.Net;
using System.Text.Json;
using Comity.Cli.Demo;
using Comity.Cli.Treaty;
using Comity.Node.Identity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Requests;

/// <summary>The flags every <c>comity request</c> verb shares.</summary>
internal class RequestSettings : NodeSettings
{
    [CommandOption("--as <NODE>")]
    [Description("With the demo credentials: act as a demo user of this node: xa, xb or xc is its duty officer; xa/central its central-authority officer, xa/prosecutor its prosecutor (any demo user name after the slash). Without --node, --token or COMITY_NODE the default is xa.")]
    public string? As { get; init; }

    public override ValidationResult Validate() =>
        As is not null && (Node is not null || Token is not null)
            ? ValidationResult.Error("--as picks a demo node and its duty officer: leave out --node and --token, or leave out --as.")
            : base.Validate();
}

/// <summary>
/// Where the request verbs go: <c>--as NODE</c> (the demo duty officer of that node), else the flags and
/// <c>COMITY_NODE</c> / <c>COMITY_TOKEN</c>, else the demo duty officer of XA. Requests are case content:
/// only duty officers, supervisors and (read only) auditors see them, so the demo's default is a duty officer.
/// </summary>
internal static class RequestConnection
{
    public const string DemoUser = "duty";

    public static readonly string ActRoles = $"{Roles.DutyOfficer} (24/7), {Roles.CentralAuthorityOfficer} (central authority) or {Roles.Supervisor}";

    public static readonly string ReadRoles = $"{Roles.DutyOfficer}, {Roles.CentralAuthorityOfficer}, {Roles.Supervisor} or {Roles.Auditor}";

    public static NodeConnection? Resolve(RequestSettings settings, CliEnvironment environment)
    {
        var demo = Path.Combine(environment.WorkingDirectory, ".comity", "demo", DemoCredentials.FileName);
        var explicitNode = settings.Node is not null || settings.Token is not null
            || environment.Variable("COMITY_NODE") is not null || environment.Variable("COMITY_TOKEN") is not null;
        if (settings.As is null && (explicitNode || !File.Exists(demo)))
        {
            return NodeConnection.Resolve(settings, environment);
        }

        if (!File.Exists(demo))
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] --as needs the demo's credentials ({demo}): run [bold]comity demo[/] in this folder first.");
            return null;
        }

        // "xa" is XA's duty officer; "xa/central" names another demo user of that node.
        var parts = (settings.As ?? "xa").Trim().ToLowerInvariant().Split('/', 2);
        var name = parts[0];
        var userName = parts.Length == 2 && parts[1].Length > 0 ? parts[1] : DemoUser;
        try
        {
            var node = DemoCredentials.Load(demo)?.Node(name);
            if (node?.User(userName) is not { Token: { } token } user)
            {
                environment.Error.MarkupLineInterpolated($"[red]error:[/] --as: the demo has no State node '{name}' with a user '{userName}' (xa, xb, xc; users duty, central, prosecutor, supervisor, auditor) in {demo}.");
                return null;
            }

            var roles = string.Join(", ", (user.Roles ?? []).Select(r => r.Replace('-', ' ')));
            environment.Error.MarkupLineInterpolated($"Using the demo node {node.State ?? name} at {node.Url} as [bold]{userName}[/] ({roles}, from {demo}).");
            return new NodeConnection(new Uri(node.Url.EndsWith('/') ? node.Url : node.Url + "/"), token, environment);
        }
        catch (JsonException)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] {demo} is not a demo credentials file.");
            return null;
        }
    }

    /// <summary>
    /// Sends a request of the 24/7 channel. A refusal by a rule (400, 409, 422, or 403 <c>request.wrong-side</c>,
    /// which is the request's rule and not the user's role) is reported with its codes and articles and ends
    /// with exit code 2; everything else as <see cref="NodeConnection.ExchangeAsync"/> does.
    /// </summary>
    public static async Task<NodeAnswer> ExchangeAsync(NodeConnection connection, CliEnvironment environment, HttpRequestMessage request, string neededRole, CancellationToken cancellationToken)
    {
        if (await connection.SendAsync(request, cancellationToken) is not { } response)
        {
            return new NodeAnswer(null, ExitCodes.Failure);
        }

        if ((int)response.Status is >= 200 and < 300)
        {
            return new NodeAnswer(response.Body, ExitCodes.Ok);
        }

        var problem = ProblemDocument.TryParse(response.Body);
        if (response.Status == HttpStatusCode.Forbidden && problem?.Code is { } code && code.StartsWith("request.", StringComparison.Ordinal))
        {
            // The role was fine: the request's own rule refused (e.g. the other side's transition).
            ReportRefusal(environment, response.Status, problem);
            return new NodeAnswer(null, ExitCodes.Invalid);
        }

        var exit = connection.ReportFailure(response.Status, response.Body, neededRole);
        return new NodeAnswer(null, response.Status == HttpStatusCode.Conflict ? ExitCodes.Invalid : exit);
    }

    /// <summary>A refusal by one of the request's rules, as <see cref="NodeConnection.ReportFailure"/> prints problems, with the real status.</summary>
    private static void ReportRefusal(CliEnvironment environment, HttpStatusCode status, ProblemDocument problem)
    {
        environment.Error.MarkupLineInterpolated($"[red]error:[/] {problem.Title ?? "The node refused the request."} ({(int)status} {status})");
        if (problem.Errors.Count == 0)
        {
            environment.Error.MarkupLineInterpolated($"  [[{problem.Code}{(problem.LegalBasis is { } basis ? ", " + basis : "")}]] {problem.Detail}");
        }

        foreach (var e in problem.Errors)
        {
            environment.Error.MarkupLineInterpolated($"  [[{e.Code}{(e.Article is null ? "" : ", " + e.Article)}]] {e.Message}{(e.Field is null ? "" : $" ({e.Field})")}");
        }
    }

    /// <summary>POSTs <paramref name="body"/> as camelCase JSON.</summary>
    public static Task<NodeAnswer> PostAsync(NodeConnection connection, CliEnvironment environment, string path, object body, string neededRole, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = System.Net.Http.Json.JsonContent.Create(body, body.GetType(), options: RequestJson.Options),
        };
        return DisposeAfter(request, ExchangeAsync(connection, environment, request, neededRole, cancellationToken));
    }

    /// <summary>GETs <paramref name="path"/>.</summary>
    public static Task<NodeAnswer> GetAsync(NodeConnection connection, CliEnvironment environment, string path, string neededRole, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        return DisposeAfter(request, ExchangeAsync(connection, environment, request, neededRole, cancellationToken));
    }

    private static async Task<NodeAnswer> DisposeAfter(HttpRequestMessage request, Task<NodeAnswer> exchange)
    {
        using (request)
        {
            return await exchange;
        }
    }
}

/// <summary>The JSON options of the node's API (camelCase, case-insensitive on reading).</summary>
internal static class RequestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The node's answer as <typeparamref name="T"/>, or null after saying so on standard error.</summary>
    public static T? Read<T>(string body, CliEnvironment environment)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Options) ?? throw new JsonException("empty answer");
        }
        catch (JsonException e)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the node's answer is not what this verb expects ({e.Message}). Try --json to see it.");
            return null;
        }
    }
}

/// <summary>The shape every posting request verb shares: resolve the node, post, then print the raw answer (<c>--json</c>) or show it.</summary>
internal static class RequestPost
{
    /// <summary>Posts <paramref name="body"/> and shows the answer; <paramref name="onRefused"/> (markup) follows a 4xx refusal of the input. Returns the exit code.</summary>
    public static async Task<int> RunAsync<T>(
        RequestSettings settings,
        CliEnvironment environment,
        string path,
        object body,
        string neededRole,
        Action<T> show,
        CancellationToken cancellationToken,
        string? onRefused = null)
        where T : class
    {
        using var connection = RequestConnection.Resolve(settings, environment);
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var answer = await RequestConnection.PostAsync(connection, environment, path, body, neededRole, cancellationToken);
        if (answer.Body is not { } text)
        {
            if (answer.ExitCode == ExitCodes.Invalid && onRefused is not null)
            {
                environment.Error.MarkupLine(onRefused);
            }

            return answer.ExitCode;
        }

        if (settings.Json)
        {
            environment.WriteMachineOutput(text);
            return ExitCodes.Ok;
        }

        if (RequestJson.Read<T>(text, environment) is not { } value)
        {
            return ExitCodes.Failure;
        }

        show(value);
        return ExitCodes.Ok;
    }
}
