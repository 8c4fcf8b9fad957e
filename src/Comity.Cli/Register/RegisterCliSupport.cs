using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Comity.Cli.Register;

/// <summary>Exit codes of the <c>register</c> verbs beyond <see cref="ExitCodes"/> (docs/protocol/register-cli.md).</summary>
internal static class RegisterExitCodes
{
    /// <summary>Verified, but past <c>nextUpdate</c> plus the grace: usable, yet a script should notice.</summary>
    public const int Stale = 3;
}

/// <summary>Reading keys and flags, and showing a verification, for <c>register verify</c> and <c>register show</c>.</summary>
internal static partial class RegisterCliSupport
{
    public static readonly TimeSpan DefaultGrace = TimeSpan.FromDays(1);

    /// <summary>Parses a grace such as <c>1d</c>, <c>12h</c>, <c>30m</c>, <c>90s</c> or <c>0</c>.</summary>
    public static bool TryParseGrace(string text, out TimeSpan grace)
    {
        grace = TimeSpan.Zero;
        if (text == "0")
        {
            return true;
        }

        var match = GracePattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return false;
        }

        grace = match.Groups[2].Value switch
        {
            "d" => TimeSpan.FromDays(amount),
            "h" => TimeSpan.FromHours(amount),
            "m" => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromSeconds(amount),
        };
        return true;
    }

    /// <summary>The grace of a flag already validated by its settings, or <see cref="DefaultGrace"/>.</summary>
    public static TimeSpan GraceOrDefault(string? text) =>
        text is null ? DefaultGrace : TryParseGrace(text, out var grace) ? grace : throw new InvalidOperationException($"--grace '{text}' passed validation but does not parse.");

    /// <summary>Parses an ISO 8601 instant (<c>2026-07-02T12:00:00Z</c>, an offset, or a date meaning midnight UTC).</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(
            text,
            ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out instant);

    /// <summary>Reads a public Ed25519 JWK; null after reporting why on standard error.</summary>
    public static Jwk? LoadKey(string path, CliEnvironment environment)
    {
        var full = Path.Combine(environment.WorkingDirectory, path);
        if (!File.Exists(full))
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] no key file at {full}");
            return null;
        }

        return ParseKey(File.ReadAllText(full), full, environment);
    }

    /// <summary>Parses a public Ed25519 JWK from <paramref name="source"/>; null after reporting why.</summary>
    public static Jwk? ParseKey(string json, string source, CliEnvironment environment)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("d", out _))
            {
                environment.Error.MarkupLineInterpolated($"[yellow]warning:[/] {source} holds a private key (d). Only its public part is used; keep private keys out of verification tooling.");
            }

            var jwk = document.RootElement.Deserialize<Jwk>();
            if (jwk?.Kty is null || jwk.Crv is null || jwk.X is null)
            {
                environment.Error.MarkupLineInterpolated($"[red]error:[/] {source} is not a JWK: kty, crv and x are required.");
                return null;
            }

            _ = JwkKeys.ToEd25519PublicKey(jwk);
            return jwk;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] {source} is not an Ed25519 public key as a JWK (kty OKP, crv Ed25519): {e.Message}");
            return null;
        }
    }

    public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The verdict as one JSON object (the <c>--json</c> output of <c>register verify</c>).</summary>
    public static JsonObject ToJson(RegisterVerification result, Jwk key)
    {
        var register = result.Register;
        return new JsonObject
        {
            ["verdict"] = Camel(result.Verdict.ToString()),
            ["refusal"] = result.Refusal is { } refusal ? Camel(refusal.ToString()) : null,
            ["message"] = result.Message,
            ["serial"] = register?.Serial,
            ["issuedAt"] = register is null ? null : Instant(register.IssuedAt),
            ["nextUpdate"] = register is null ? null : Instant(register.NextUpdate),
            ["kid"] = result.Kid,
            ["keyThumbprint"] = JwkKeys.Thumbprint(key),
            ["payloadSha256"] = result.PayloadDigest,
            ["counts"] = register is null ? null : new JsonObject
            {
                ["participants"] = register.Participants.Count,
                ["nodes"] = register.Nodes.Count,
                ["designations"] = register.Designations.Count,
                ["serviceProviders"] = register.ServiceProviders.Count,
            },
        };
    }

    /// <summary>Reports a refusal on standard error and returns the exit code: 2.</summary>
    public static int ReportRefusal(RegisterVerification result, CliEnvironment environment)
    {
        environment.Error.MarkupLineInterpolated($"[red]error:[/] Register refused ({result.Refusal}): {result.Message}");
        return ExitCodes.Invalid;
    }

    /// <summary>Warns on standard error when the Register is stale; returns the exit code for an accepted Register.</summary>
    public static int AcceptedExitCode(RegisterVerification result, CliEnvironment environment)
    {
        if (result.Verdict != RegisterVerdict.AcceptedStale)
        {
            return ExitCodes.Ok;
        }

        environment.Error.MarkupLineInterpolated($"[yellow]warning:[/] the Register is stale. {result.Message}");
        return RegisterExitCodes.Stale;
    }

    /// <summary>Serial, dates, signer and counts, with the verdict.</summary>
    public static IRenderable Summary(RegisterVerification result, Jwk key, string? keySource)
    {
        var register = result.Register!;
        var grid = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        var verdict = result.Verdict == RegisterVerdict.Accepted ? "[green]accepted[/]: signature verified" : "[yellow]accepted, stale[/]: signature verified";
        grid.AddRow(new Markup("Verdict"), new Markup(verdict));
        grid.AddRow("Serial", register.Serial.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("Issued at", Instant(register.IssuedAt));
        grid.AddRow("Next update", Instant(register.NextUpdate));
        grid.AddRow("Signed with", $"{result.Kid ?? "(no kid)"}{(keySource is null ? "" : " — " + keySource)}");
        grid.AddRow("Key thumbprint", JwkKeys.Thumbprint(key));
        grid.AddRow("Payload SHA-256", result.PayloadDigest ?? "");
        grid.AddRow("Participants", register.Participants.Count.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("Nodes", register.Nodes.Count.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("Designations", register.Designations.Count.ToString(CultureInfo.InvariantCulture));
        grid.AddRow("Service providers", register.ServiceProviders.Count.ToString(CultureInfo.InvariantCulture));
        return new Panel(grid).Header(Markup.Escape($"Register serial {register.Serial.ToString(CultureInfo.InvariantCulture)}")).Border(BoxBorder.Rounded);
    }

    [GeneratedRegex("^([0-9]{1,6})(d|h|m|s)$", RegexOptions.CultureInvariant)]
    private static partial Regex GracePattern();
}
