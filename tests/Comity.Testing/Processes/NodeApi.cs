using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Comity.Testing.Processes;

/// <summary>An answer from a node's API: status code and body (JSON when there is one).</summary>
public sealed record ApiAnswer(int Status, string Body)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public JsonElement Json => Body.Length == 0 ? default : JsonDocument.Parse(Body).RootElement.Clone();

    public override string ToString() => $"{Status} {Body}";
}

/// <summary>
/// A client of one node's API with a personal access token. It throws only for transport failures
/// (<see cref="HttpRequestException"/>, timeouts): a node that is down or was killed mid-request.
/// </summary>
public sealed class NodeApi : IDisposable
{
    private readonly HttpClient http;

    public NodeApi(Uri baseAddress, string token, TimeSpan timeout)
    {
        // A new connection per restart of the node: pooled connections die with the process anyway.
        http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1), MaxConnectionsPerServer = 256 })
        {
            BaseAddress = baseAddress,
            Timeout = timeout,
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Token = token;
    }

    public Uri BaseAddress => http.BaseAddress!;

    public string Token { get; }

    public Task<ApiAnswer> GetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<ApiAnswer> PostAsync(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body) }, cancellationToken);

    public Task<ApiAnswer> PutAsync(string path, object body, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) }, cancellationToken);

    /// <summary>Like <see cref="GetAsync"/> but throws unless the answer is a success.</summary>
    public async Task<JsonElement> GetOkAsync(string path, CancellationToken cancellationToken) =>
        Ok(await GetAsync(path, cancellationToken), "GET " + path);

    /// <summary>Like <see cref="PostAsync"/> but throws unless the answer is a success.</summary>
    public async Task<JsonElement> PostOkAsync(string path, object? body, CancellationToken cancellationToken) =>
        Ok(await PostAsync(path, body, cancellationToken), "POST " + path);

    public async Task<ApiAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return new ApiAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }

    public static JsonElement Ok(ApiAnswer answer, string what) =>
        answer.IsSuccess ? answer.Json : throw new InvalidOperationException($"{what} failed: {answer}");

    public void Dispose() => http.Dispose();
}
