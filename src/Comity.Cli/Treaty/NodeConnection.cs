using System.ComponentModel;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Comity.Cli.Demo;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Treaty;

/// <summary>The flags every verb that talks to a node shares.</summary>
internal class NodeSettings : CommandSettings
{
    [CommandOption("--node <URL>")]
    [Description("The node's address. Default: COMITY_NODE, or the demo Secretariat when .comity/demo/credentials.json exists here.")]
    public string? Node { get; init; }

    [CommandOption("--token <TOKEN>")]
    [Description("A personal access token (cmt_…). Default: COMITY_TOKEN.")]
    public string? Token { get; init; }

    [CommandOption("--json")]
    [Description("Print the node's JSON on standard output.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        Node is not null && (!Uri.TryCreate(Node, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            ? ValidationResult.Error($"--node must be an absolute http or https address such as http://127.0.0.1:5080, not '{Node}'.")
            : ValidationResult.Success();
}

/// <summary>Where to send a request and with which token, and how to report what went wrong.</summary>
internal sealed class NodeConnection(Uri node, string? token, CliEnvironment environment) : IDisposable
{
    private readonly HttpClient http = new() { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) };

    public Uri Node => node;

    /// <summary>
    /// Like <see cref="Resolve"/>, for verbs that need a node administrator: with no flag and no variable,
    /// the <c>admin</c> user of the demo node <paramref name="nodeName"/> (un, xa, xb, xc; default
    /// <paramref name="defaultNode"/>) from <c>.comity/demo/credentials.json</c>.
    /// </summary>
    public static NodeConnection? ResolveAsDemoAdmin(NodeSettings settings, CliEnvironment environment, string? nodeName, string defaultNode)
    {
        var demo = Path.Combine(environment.WorkingDirectory, ".comity", "demo", DemoCredentials.FileName);
        if (settings.Node is not null || settings.Token is not null || environment.Variable("COMITY_NODE") is not null || environment.Variable("COMITY_TOKEN") is not null
            || !File.Exists(demo))
        {
            return Resolve(settings, environment);
        }

        var name = (nodeName ?? defaultNode).Trim().ToLowerInvariant();
        try
        {
            var found = DemoCredentials.Load(demo)?.Node(name);
            if (found?.User("admin") is not { Token: { } token })
            {
                environment.Error.MarkupLineInterpolated($"[red]error:[/] the demo has no node '{name}' with an admin token (un, xa, xb, xc) in {demo}.");
                return null;
            }

            environment.Error.MarkupLineInterpolated($"Using the demo node {name} at {found.Url} as [bold]admin[/] (from {demo}).");
            return new NodeConnection(new Uri(found.Url), token, environment);
        }
        catch (JsonException)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] {demo} is not a demo credentials file.");
            return null;
        }
    }

    /// <summary>
    /// Flags first, then <c>COMITY_NODE</c> / <c>COMITY_TOKEN</c>; with neither, the demo Secretariat from
    /// <c>.comity/demo/credentials.json</c> in the working directory. Null (after saying why) when there is no node.
    /// </summary>
    public static NodeConnection? Resolve(NodeSettings settings, CliEnvironment environment)
    {
        var node = settings.Node ?? environment.Variable("COMITY_NODE");
        var token = settings.Token ?? environment.Variable("COMITY_TOKEN");
        if (node is null && token is null)
        {
            var demo = Path.Combine(environment.WorkingDirectory, ".comity", "demo", DemoCredentials.FileName);
            if (File.Exists(demo))
            {
                try
                {
                    var secretariat = DemoCredentials.Load(demo)?.Nodes.FirstOrDefault(n => n.Role == "secretariat");
                    if (secretariat?.User("secretariat") is { } user)
                    {
                        environment.Error.MarkupLineInterpolated($"Using the demo Secretariat at {secretariat.Url} as [bold]{user.UserName}[/] (from {demo}).");
                        node = secretariat.Url;
                        token = user.Token;
                    }
                }
                catch (JsonException)
                {
                    environment.Error.MarkupLineInterpolated($"[yellow]warning:[/] ignoring {demo}: it is not a demo credentials file.");
                }
            }
        }

        return NodeAddress(node, environment) is { } uri
            ? new NodeConnection(uri, string.IsNullOrWhiteSpace(token) ? null : token.Trim(), environment)
            : null;
    }

    /// <summary>
    /// The node's base address, ending in a slash so that relative paths keep its last segment; null
    /// (after saying why) when there is none or it is not an absolute http(s) address.
    /// </summary>
    public static Uri? NodeAddress(string? node, CliEnvironment environment)
    {
        if (node is null)
        {
            environment.Error.MarkupLine("[red]error:[/] which node? Pass [bold]--node URL[/] or set COMITY_NODE (or run [bold]comity demo[/] in this folder first).");
            return null;
        }

        if (!Uri.TryCreate(node, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] COMITY_NODE must be an absolute http or https address, not '{node}'.");
            return null;
        }

        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }

    /// <summary>
    /// Sends the request and returns the body of a 2xx answer; otherwise says what went wrong
    /// (unreachable node, or the problem document and the role needed) and gives the exit code.
    /// </summary>
    public async Task<NodeAnswer> ExchangeAsync(HttpRequestMessage request, string neededRole, CancellationToken cancellationToken)
    {
        if (await SendAsync(request, cancellationToken) is not { } response)
        {
            return new NodeAnswer(null, ExitCodes.Failure);
        }

        return (int)response.Status is >= 200 and < 300
            ? new NodeAnswer(response.Body, ExitCodes.Ok)
            : new NodeAnswer(null, ReportFailure(response.Status, response.Body, neededRole));
    }

    /// <summary>
    /// The body of every "show" verb: GETs <paramref name="path"/>; with <c>--json</c> prints the node's JSON
    /// as it is, otherwise hands it to <paramref name="render"/>. Failures are reported as by <see cref="ExchangeAsync"/>.
    /// </summary>
    public async Task<int> ShowAsync(string path, string neededRole, bool json, Func<string, int> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var answer = await ExchangeAsync(request, neededRole, cancellationToken);
        if (answer.Body is not { } body)
        {
            return answer.ExitCode;
        }

        if (json)
        {
            environment.WriteMachineOutput(body);
            return ExitCodes.Ok;
        }

        return render(body);
    }

    /// <summary>POSTs <paramref name="body"/> as JSON (web defaults: camelCase) and returns the answer as <see cref="ExchangeAsync"/> does.</summary>
    public async Task<NodeAnswer> PostJsonAsync(string path, object body, string neededRole, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = System.Net.Http.Json.JsonContent.Create(body, body.GetType(), options: new JsonSerializerOptions(JsonSerializerDefaults.Web)),
        };
        return await ExchangeAsync(request, neededRole, cancellationToken);
    }

    /// <summary><paramref name="path"/> with the query parameters that have a value, escaped.</summary>
    public static string WithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return present.Count == 0 ? path : path + "?" + string.Join('&', present);
    }

    /// <summary>Sends the request; null when the node could not be reached (already reported).</summary>
    public async Task<(HttpStatusCode Status, string Body)?> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException e)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] could not reach the node at {node}: {e.Message} Is it running (comity serve, comity demo)?");
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the node at {node} did not answer within {http.Timeout.TotalSeconds} seconds.");
            return null;
        }
    }

    /// <summary>GETs a file (a PDF): its bytes on success, else the problem reported as <see cref="ReportFailure"/> does; null bytes with the exit code on failure.</summary>
    public async Task<(byte[]? Bytes, int ExitCode)> DownloadAsync(string path, string neededRole, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode
                ? (await response.Content.ReadAsByteArrayAsync(cancellationToken), ExitCodes.Ok)
                : (null, ReportFailure(response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken), neededRole));
        }
        catch (HttpRequestException e)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] could not reach the node at {node}: {e.Message} Is it running (comity serve, comity demo)?");
            return (null, ExitCodes.Failure);
        }
    }

    /// <summary>
    /// Reports a refusal on standard error from the RFC 9457 problem document and returns the exit code:
    /// 2 for invalid input or a refused rule (400, 422), 1 otherwise.
    /// </summary>
    public int ReportFailure(HttpStatusCode status, string body, string neededRole)
    {
        var error = environment.Error;
        var problem = ProblemDocument.TryParse(body);
        switch (status)
        {
            case HttpStatusCode.Unauthorized:
                error.MarkupLineInterpolated($"[red]error:[/] the node at {node} did not accept the token (401 Unauthorized).");
                error.MarkupLineInterpolated($"{(token is null ? "No token was given: pass" : "Check the token, or pass another with")} --token or COMITY_TOKEN: a personal access token of a user of this node with the {neededRole} role.");
                return ExitCodes.Failure;
            case HttpStatusCode.Forbidden:
                error.MarkupLineInterpolated($"[red]error:[/] the token's user may not do this (403 Forbidden): the {neededRole} role is needed on {node}.");
                return ExitCodes.Failure;
        }

        var code = (int)status;
        error.MarkupLineInterpolated($"[red]error:[/] {problem?.Title ?? "The node refused the request."} ({code} {status})");
        if (problem?.Detail is { Length: > 0 } detail && problem.Errors.Count == 0)
        {
            error.MarkupLineInterpolated($"  {detail}");
        }

        if (problem?.Code is { } problemCode && problem.Errors.Count == 0)
        {
            error.MarkupLineInterpolated($"  [[{problemCode}{(problem.LegalBasis is { } b ? ", " + b : "")}]]");
        }

        foreach (var e in problem?.Errors ?? [])
        {
            var basis = e.Article is null ? "" : ", " + e.Article;
            var field = e.Field is null ? "" : $" ({e.Field})";
            error.MarkupLineInterpolated($"  [[{e.Code}{basis}]] {e.Message}{field}");
        }

        return status is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity ? ExitCodes.Invalid : ExitCodes.Failure;
    }

    public void Dispose() => http.Dispose();
}

/// <summary>The parts of an RFC 9457 problem document the CLI shows.</summary>
internal sealed record ProblemDocument(string? Title, string? Detail, string? Code, string? LegalBasis, IReadOnlyList<ProblemDocumentError> Errors)
{
    public static ProblemDocument? TryParse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var errors = new List<ProblemDocumentError>();
            if (root.TryGetProperty("errors", out var list))
            {
                if (list.ValueKind == JsonValueKind.Array)
                {
                    errors.AddRange(list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => new ProblemDocumentError(
                        Text(e, "field"), Text(e, "code") ?? "error", Text(e, "message") ?? "", Text(e, "article"))));
                }
                else if (list.ValueKind == JsonValueKind.Object)
                {
                    // ASP.NET's own validation problems: { "field": ["message", ...] }.
                    foreach (var field in list.EnumerateObject())
                    {
                        errors.AddRange(field.Value.EnumerateArray().Select(m => new ProblemDocumentError(field.Name, "validation", m.GetString() ?? "", null)));
                    }
                }
            }

            return new ProblemDocument(Text(root, "title"), Text(root, "detail"), Text(root, "code"), Text(root, "legalBasis"), errors);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

internal sealed record ProblemDocumentError(string? Field, string Code, string Message, string? Article);

/// <summary>A node's answer: the body when it succeeded, otherwise the exit code to end with.</summary>
internal readonly record struct NodeAnswer(string? Body, int ExitCode);
