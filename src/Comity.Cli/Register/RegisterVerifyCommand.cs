using System.ComponentModel;
using System.Globalization;
using Comity.Protocol.V1;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Register;

internal sealed class RegisterVerifySettings : CommandSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A saved Register: the JWS (flattened JSON) that GET /federation/v1/register returns.")]
    public required string File { get; init; }

    [CommandOption("--key <KEY.jwk>")]
    [Description("The Secretariat's public key as a JWK (kty OKP, crv Ed25519). Required.")]
    public string? Key { get; init; }

    [CommandOption("--min-serial <N>")]
    [Description("Refuse a Register whose serial is lower than N (roll-back), e.g. the serial you hold.")]
    public long? MinSerial { get; init; }

    [CommandOption("--grace <DURATION>")]
    [Description("How long past nextUpdate the Register is still current: 1d (default), 12h, 30m, 90s or 0.")]
    public string? Grace { get; init; }

    [CommandOption("--now <INSTANT>")]
    [Description("Verify as of this instant (ISO 8601, e.g. 2026-07-02T12:00:00Z); default now.")]
    public string? Now { get; init; }

    [CommandOption("--json")]
    [Description("Print the verdict as one JSON object on standard output.")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Key))
        {
            return ValidationResult.Error("--key KEY.jwk is required: the Secretariat public key to verify against.");
        }

        if (MinSerial is < 0)
        {
            return ValidationResult.Error("--min-serial must be 0 or more.");
        }

        if (Grace is not null && !RegisterCliSupport.TryParseGrace(Grace, out _))
        {
            return ValidationResult.Error($"--grace must be a number followed by d, h, m or s (e.g. 1d, 12h), or 0, not '{Grace}'.");
        }

        return Now is not null && !RegisterCliSupport.TryParseInstant(Now, out _)
            ? ValidationResult.Error($"--now must be an ISO 8601 instant such as 2026-07-02T12:00:00Z, not '{Now}'.")
            : ValidationResult.Success();
    }
}

/// <summary><c>comity register verify FILE --key KEY.jwk</c>: offline verification of a saved Register.</summary>
internal sealed class RegisterVerifyCommand(CliEnvironment environment) : AsyncCommand<RegisterVerifySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RegisterVerifySettings settings, CancellationToken cancellationToken)
    {
        var path = Path.Combine(environment.WorkingDirectory, settings.File);
        if (!File.Exists(path))
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] no Register file at {path}");
            return ExitCodes.Invalid;
        }

        if (RegisterCliSupport.LoadKey(settings.Key!, environment) is not { } key)
        {
            return ExitCodes.Invalid;
        }

        var grace = RegisterCliSupport.GraceOrDefault(settings.Grace);
        var now = settings.Now is { } nowText && RegisterCliSupport.TryParseInstant(nowText, out var given) ? given : environment.Time.GetUtcNow();

        var jws = await File.ReadAllTextAsync(path, cancellationToken);
        var result = RegisterVerifier.Verify(jws, key, settings.MinSerial, now, grace);

        if (settings.Json)
        {
            var json = RegisterCliSupport.ToJson(result, key);
            json["file"] = settings.File;
            json["verifiedAt"] = RegisterCliSupport.Instant(now);
            environment.WriteMachineOutput(json.ToJsonString());
        }
        else if (result.IsAccepted)
        {
            environment.Out.Write(RegisterCliSupport.Summary(result, key, Path.GetFileName(settings.Key)));
            environment.Out.MarkupLineInterpolated($"Verified as of {RegisterCliSupport.Instant(now)} with a grace of {settings.Grace ?? "1d"}{(settings.MinSerial is { } min ? $", minimum serial {min.ToString(CultureInfo.InvariantCulture)}" : "")}.");
        }

        return result.IsAccepted ? RegisterCliSupport.AcceptedExitCode(result, environment) : RegisterCliSupport.ReportRefusal(result, environment);
    }
}
