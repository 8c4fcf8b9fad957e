using System.Text.Json;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Microsoft.Extensions.Options;

namespace Comity.Node.Federation.Register;

/// <summary>How this node takes part in the federation (section <c>Comity:Federation</c>).</summary>
public sealed class FederationOptions
{
    public const string Section = "Comity:Federation";

    /// <summary>On a State node: base URL of the Secretariat node, e.g. <c>https://secretariat.example.org</c>. Without it the node runs but holds no Register.</summary>
    public string? SecretariatUrl { get; set; }

    /// <summary>On a State node: the Secretariat's Ed25519 public key as a JWK (JSON text), as served at <c>/federation/v1/register/key</c> and confirmed out of band.</summary>
    public string? SecretariatKey { get; set; }

    /// <summary>Alternative to <see cref="SecretariatKey"/>: a file holding the JWK.</summary>
    public string? SecretariatKeyFile { get; set; }

    /// <summary>How often a State node polls the Register. Default 5 minutes.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long past its <c>nextUpdate</c> a Register is still shown as current. Default 1 hour.</summary>
    public TimeSpan StaleGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>On the Secretariat: <c>nextUpdate - issuedAt</c> of each Register. Default 24 hours; a new one is published when half of it has passed.</summary>
    public TimeSpan RegisterValidity { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The URL other nodes reach this node at, published in the Register. Default: the address the node listens on.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Whether a Secretariat URL is configured (then a key must be too; checked at start).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretariatUrl);

    /// <summary>The configured Secretariat key, parsed; its <c>kid</c> is the RFC 7638 thumbprint. Valid after start-up validation.</summary>
    internal Jwk TrustedKey() => TryReadTrustedKey(out var key, out var error) ? key! : throw new InvalidOperationException(error);

    internal bool TryReadTrustedKey(out Jwk? key, out string? error)
    {
        key = null;
        string? text = SecretariatKey;
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(SecretariatKeyFile))
        {
            try
            {
                text = File.ReadAllText(SecretariatKeyFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error = $"Comity:Federation:SecretariatKeyFile cannot be read ({SecretariatKeyFile}): {e.Message}";
                return false;
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Comity:Federation:SecretariatKey (or SecretariatKeyFile) is required when Comity:Federation:SecretariatUrl is set: the Secretariat's public key as a JWK, from GET /federation/v1/register/key, confirmed with the Secretariat out of band.";
            return false;
        }

        try
        {
            var jwk = JsonSerializer.Deserialize<Jwk>(text);
            if (jwk is null || jwk.Kty is null || jwk.Crv is null || jwk.X is null)
            {
                error = "Comity:Federation:SecretariatKey is not a JWK: it needs kty, crv and x.";
                return false;
            }

            JwkKeys.ToEd25519PublicKey(jwk);
            var thumbprint = JwkKeys.Thumbprint(jwk);
            if (jwk.Kid is not null && jwk.Kid != thumbprint)
            {
                error = $"Comity:Federation:SecretariatKey has kid {jwk.Kid}, but the key's RFC 7638 thumbprint is {thumbprint}: the key or the kid was mistyped.";
                return false;
            }

            key = jwk with { Kid = thumbprint, Use = "sig", Alg = JwsHeader.EdDsa };
            error = null;
            return true;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            error = "Comity:Federation:SecretariatKey is not an Ed25519 public key as a JWK (kty OKP, crv Ed25519): " + e.Message;
            return false;
        }
    }
}

/// <summary>Checks the federation settings at start with messages that say what to fix.</summary>
internal sealed class FederationOptionsValidator : IValidateOptions<FederationOptions>
{
    public ValidateOptionsResult Validate(string? name, FederationOptions options)
    {
        var errors = new List<string>();
        if (options.IsConfigured)
        {
            if (!Uri.TryCreate(options.SecretariatUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                errors.Add($"Comity:Federation:SecretariatUrl must be an absolute http or https URL, not '{options.SecretariatUrl}'.");
            }

            if (!options.TryReadTrustedKey(out _, out var keyError))
            {
                errors.Add(keyError!);
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.SecretariatKey) || !string.IsNullOrWhiteSpace(options.SecretariatKeyFile))
        {
            errors.Add("Comity:Federation:SecretariatKey is set but Comity:Federation:SecretariatUrl is not: set the Secretariat's URL too.");
        }

        if (options.PollInterval < TimeSpan.FromSeconds(1) || options.PollInterval > TimeSpan.FromDays(1))
        {
            errors.Add("Comity:Federation:PollInterval must be between 00:00:01 and 1.00:00:00.");
        }

        if (options.StaleGrace < TimeSpan.Zero)
        {
            errors.Add("Comity:Federation:StaleGrace cannot be negative.");
        }

        if (options.RegisterValidity < TimeSpan.FromMinutes(10) || options.RegisterValidity > TimeSpan.FromDays(31))
        {
            errors.Add("Comity:Federation:RegisterValidity must be between 00:10:00 and 31.00:00:00.");
        }

        if (options.PublicUrl is { Length: > 0 } publicUrl && (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var p) || p.Scheme is not ("http" or "https")))
        {
            errors.Add($"Comity:Federation:PublicUrl must be an absolute http or https URL, not '{publicUrl}'.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
