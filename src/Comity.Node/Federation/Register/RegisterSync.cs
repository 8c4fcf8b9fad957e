using System.Net;
using System.Net.Http.Headers;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.Jose;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Register;

/// <summary>What one poll of the Secretariat did.</summary>
public enum RegisterPollOutcome
{
    /// <summary>No Secretariat URL and key are configured (or this is the Secretariat).</summary>
    NotConfigured,

    /// <summary>A newer Register verified and is now held.</summary>
    Updated,

    /// <summary>The Secretariat still serves the Register held (304, or the same document).</summary>
    Unchanged,

    /// <summary>A document was received and refused; the Register held is kept.</summary>
    Refused,

    /// <summary>The Secretariat could not be reached or answered with an error; nothing was received.</summary>
    Unreachable,
}

/// <summary>
/// On a State node: fetches the Register from the Secretariat (conditional GET with the held ETag),
/// verifies it (<see cref="RegisterVerification"/>) and keeps the last good one; refusals are
/// recorded on the held row, logged with their reason (never the document) and counted in
/// <c>comity.register.refusals</c>. Polls run one at a time.
/// </summary>
internal sealed partial class RegisterSync(
    IServiceScopeFactory scopes,
    IHttpClientFactory httpClients,
    IOptions<FederationOptions> options,
    IOptions<NodeOptions> node,
    RegisterCache cache,
    TimeProvider time,
    ComityMetrics metrics,
    ILogger<RegisterSync> logger) : IDisposable
{
    public const string HttpClientName = "comity-register";

    /// <summary>Largest Register accepted (a directory of every State with many offices stays far below).</summary>
    public const int MaxRegisterBytes = 32 * 1024 * 1024;

    /// <summary>How far ahead of this node's clock an <c>issuedAt</c> may be.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim gate = new(1, 1);

    public bool IsConfigured => node.Value.Role == NodeRole.State && options.Value.IsConfigured;

    public async Task<RegisterPollOutcome> PollOnceAsync(CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return RegisterPollOutcome.NotConfigured;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
            var held = await db.HeldRegister().SingleOrDefaultAsync(h => h.Id == HeldRegister.SingletonId, cancellationToken);
            if (held is null)
            {
                held = new HeldRegister();
                db.HeldRegister().Add(held);
            }

            var outcome = await FetchAndCheckAsync(db, held, scope.ServiceProvider.GetRequiredService<DomainEvents<RegisterAccepted>>(), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<RegisterPollOutcome> FetchAndCheckAsync(ComityDbContext db, HeldRegister held, DomainEvents<RegisterAccepted> accepted, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var secretariat = new Uri(settings.SecretariatUrl!.TrimEnd('/') + "/");
        var url = new Uri(secretariat, "federation/v1/register");
        string body;
        string? etag;
        try
        {
            using var http = httpClients.CreateClient(HttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (held.Serial is not null && held.ETag is { Length: > 0 } heldTag && EntityTagHeaderValue.TryParse(heldTag, out var tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotModified && held.Serial is not null)
            {
                held.LastCheckedAt = time.GetUtcNow();
                held.LastAttemptRefused = false;
                return RegisterPollOutcome.Unchanged;
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                return Unreachable(held, url, $"The Secretariat answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            if (response.Content.Headers.ContentLength > MaxRegisterBytes)
            {
                return Refuse(held, new RegisterRefusalCodes(RegisterRefusalCodes.Malformed, $"The document is larger than {MaxRegisterBytes} bytes."));
            }

            body = await ReadLimitedAsync(response.Content, cancellationToken);
            etag = response.Headers.ETag?.ToString();
        }
        catch (HttpRequestException e)
        {
            return Unreachable(held, url, e.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unreachable(held, url, "The Secretariat did not answer in time.");
        }
        catch (InvalidDataException e)
        {
            return Refuse(held, new RegisterRefusalCodes(RegisterRefusalCodes.Malformed, e.Message));
        }

        var now = time.GetUtcNow();
        var current = held.Serial is null ? null : cache.Parse(held.Serial.Value, held.Jws!);
        var check = Verify(body, new HeldRegisterState(held.Serial, held.PayloadSha256, current), now);
        if (check.Refusal is { } refusal)
        {
            return Refuse(held, refusal);
        }

        held.LastCheckedAt = now;
        held.LastAttemptRefused = false;
        held.LastFetchError = null;
        held.LastFetchErrorAt = null;
        if (check.Unchanged)
        {
            held.ETag = etag ?? held.ETag;
            return RegisterPollOutcome.Unchanged;
        }

        var register = check.Register!;
        held.Serial = register.Serial;
        held.Jws = body;
        held.PayloadSha256 = check.PayloadSha256;
        held.IssuedAt = register.IssuedAt;
        held.NextUpdate = register.NextUpdate;
        held.VerifiedAt = now;
        held.ETag = etag;
        cache.Remember(register.Serial, register);
        await NodeKeyArchive.RecordAsync(db, register, cancellationToken);

        // What the areas derive from the Register (the treaty registry) is stored in the same save as the Register itself.
        await accepted.RaiseAsync(new RegisterAccepted(register, now), cancellationToken);
        LogAccepted(register.Serial, register.IssuedAt);

        return RegisterPollOutcome.Updated;
    }

    /// <summary>The single verification seam (interim until the Protocol area's RegisterVerifier is on main).</summary>
    private RegisterCheck Verify(string jws, HeldRegisterState held, DateTimeOffset now) =>
        RegisterVerification.Check(jws, options.Value.TrustedKey(), held, now, ClockSkew);

    private RegisterPollOutcome Refuse(HeldRegister held, RegisterRefusalCodes refusal)
    {
        held.LastRefusalCode = refusal.Code;
        held.LastRefusal = refusal.Reason;
        held.LastRefusalAt = time.GetUtcNow();
        held.LastAttemptRefused = true;
        metrics.RegisterRefusals.Add(1, new KeyValuePair<string, object?>("code", refusal.Code));
        LogRefused(refusal.Code, refusal.Reason, held.Serial);
        return RegisterPollOutcome.Refused;
    }

    private RegisterPollOutcome Unreachable(HeldRegister held, Uri url, string reason)
    {
        held.LastFetchError = reason.Length > 1000 ? reason[..1000] : reason;
        held.LastFetchErrorAt = time.GetUtcNow();
        LogUnreachable(url, reason);
        return RegisterPollOutcome.Unreachable;
    }

    private static async Task<string> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxRegisterBytes)
            {
                throw new InvalidDataException($"The document is larger than {MaxRegisterBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            return new System.Text.UTF8Encoding(false, true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new InvalidDataException("The document is not UTF-8 text.");
        }
    }

    public void Dispose() => gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Verified and holding Register serial {Serial} issued at {IssuedAt}")]
    private partial void LogAccepted(long serial, DateTimeOffset issuedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Register from the Secretariat ({Code}): {Reason} Keeping the Register held (serial {HeldSerial}).")]
    private partial void LogRefused(string code, string reason, long? heldSerial);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the Register from {Url}: {Reason}")]
    private partial void LogUnreachable(Uri url, string reason);
}

/// <summary>Parsed Registers by serial, so that pages and the status bar do not re-parse the document on every request.</summary>
internal sealed class RegisterCache
{
    private volatile Entry? latest;

    public Protocol.V1.RegisterV1 Parse(long serial, string jws)
    {
        if (latest is { } known && known.Serial == serial)
        {
            return known.Register;
        }

        // Stored only after verification; decoded here without checking the signature again.
        var document = System.Text.Json.JsonSerializer.Deserialize<JwsFlattenedJson>(jws)
            ?? throw new InvalidOperationException($"The stored Register {serial} is not a JWS.");
        var register = Protocol.V1.RegisterJson.Deserialize(Base64Url.Decode(document.Payload));
        latest = new Entry(serial, register);
        return register;
    }

    public void Remember(long serial, Protocol.V1.RegisterV1 register) => latest = new Entry(serial, register);

    private sealed record Entry(long Serial, Protocol.V1.RegisterV1 Register);
}
