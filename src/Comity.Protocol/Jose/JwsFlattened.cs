using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Comity.Protocol.V1;
using NSec.Cryptography;

namespace Comity.Protocol.Jose;

/// <summary>The protected header of a Comity JWS: always <c>alg: EdDSA</c> (RFC 8037) with a <c>kid</c>.</summary>
public sealed record JwsHeader(
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("typ")] string? Typ = null)
{
    public const string EdDsa = "EdDSA";
}

/// <summary>The JWS JSON flattened serialization (RFC 7515 section 7.2.2).</summary>
public sealed record JwsFlattenedJson(
    [property: JsonPropertyName("protected")] string Protected,
    [property: JsonPropertyName("payload")] string Payload,
    [property: JsonPropertyName("signature")] string Signature);

/// <summary>Why a JWS was refused.</summary>
public enum JwsFailure
{
    None,
    Malformed,
    UnsupportedAlgorithm,
    WrongKey,
    BadSignature,
}

/// <summary>The outcome of verifying a JWS: the header and payload bytes, or the reason it was refused.</summary>
public sealed record JwsVerification(JwsFailure Failure, string Reason, JwsHeader? Header, byte[]? Payload)
{
    public bool IsValid => Failure == JwsFailure.None;

    /// <summary>A refusal; <paramref name="header"/> is kept when it was read, so a caller can name the key that signed.</summary>
    internal static JwsVerification Refused(JwsFailure failure, string reason, JwsHeader? header = null) => new(failure, reason, header, null);
}

/// <summary>Signs and verifies Ed25519 JWS in the flattened JSON serialization.</summary>
public static class JwsFlattened
{
    // Relaxed escaping: the header reads {"typ":"comity-register+json"}, not "comity-register\u002Bjson"; JWS text is never embedded in HTML.
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // A member given twice would let two parsers read two different documents from the same bytes.
    private static readonly JsonSerializerOptions ReadJson = new() { AllowDuplicateProperties = false };

    /// <summary>Signs <paramref name="payload"/> with an Ed25519 private key; returns the flattened JSON text.</summary>
    public static string Sign(ReadOnlySpan<byte> payload, JwsHeader header, Key key)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(key);
        if (header.Alg != JwsHeader.EdDsa || key.Algorithm is not Ed25519)
        {
            throw new ArgumentException("Comity signs with EdDSA over Ed25519 keys only.", nameof(key));
        }

        var protectedHeader = Base64Url.Encode(JsonSerializer.SerializeToUtf8Bytes(header, Json));
        var encodedPayload = Base64Url.Encode(payload);
        var signature = SignatureAlgorithm.Ed25519.Sign(key, SigningInput(protectedHeader, encodedPayload));
        return JsonSerializer.Serialize(new JwsFlattenedJson(protectedHeader, encodedPayload, Base64Url.Encode(signature)), Json);
    }

    /// <summary>
    /// Verifies a flattened JWS against an Ed25519 public key. Never throws for bad input: a malformed
    /// document, another algorithm, a <c>kid</c> that is not the key's, or a bad signature is refused with its reason.
    /// </summary>
    public static JwsVerification Verify(string json, Jwk publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (string.IsNullOrWhiteSpace(json))
        {
            return JwsVerification.Refused(JwsFailure.Malformed, "The document is empty.");
        }

        JwsFlattenedJson? jws;
        JwsHeader? header;
        byte[] payload;
        byte[] signature;
        try
        {
            jws = JsonSerializer.Deserialize<JwsFlattenedJson>(json, ReadJson);
            if (jws?.Protected is null || jws.Payload is null || jws.Signature is null)
            {
                return JwsVerification.Refused(JwsFailure.Malformed, "The document is not a JWS in the flattened JSON serialization (protected, payload, signature).");
            }

            var headerBytes = Base64Url.Decode(jws.Protected);
            using (var headerDocument = JsonDocument.Parse(headerBytes))
            {
                if (headerDocument.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return JwsVerification.Refused(JwsFailure.Malformed, "The protected header is not a JSON object.");
                }

                // RFC 7515 section 4.1.11: extensions marked critical that we do not understand must be refused; we understand none.
                if (headerDocument.RootElement.TryGetProperty("crit", out _))
                {
                    return JwsVerification.Refused(JwsFailure.Malformed, "The protected header lists critical extensions (crit); none are supported.");
                }
            }

            header = JsonSerializer.Deserialize<JwsHeader>(headerBytes, ReadJson);
            payload = Base64Url.Decode(jws.Payload);
            signature = Base64Url.Decode(jws.Signature);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            return JwsVerification.Refused(JwsFailure.Malformed, "The JWS is malformed: " + e.Message);
        }

        if (header?.Alg != JwsHeader.EdDsa)
        {
            return JwsVerification.Refused(JwsFailure.UnsupportedAlgorithm, $"The JWS algorithm is {header?.Alg ?? "missing"}; only EdDSA is accepted.");
        }

        if (publicKey.Kid is not null && !string.Equals(header.Kid, publicKey.Kid, StringComparison.Ordinal))
        {
            return JwsVerification.Refused(
                JwsFailure.WrongKey,
                header.Kid is null
                    ? $"The JWS header names no key (kid); the expected key is {publicKey.Kid}."
                    : $"The JWS was signed with key {header.Kid}, not with the expected key {publicKey.Kid}.",
                header);
        }

        PublicKey key;
        try
        {
            key = JwkKeys.ToEd25519PublicKey(publicKey);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return JwsVerification.Refused(JwsFailure.WrongKey, "The verification key is not usable: " + e.Message, header);
        }

        return SignatureAlgorithm.Ed25519.Verify(key, SigningInput(jws.Protected, jws.Payload), signature)
            ? new JwsVerification(JwsFailure.None, "verified", header, payload)
            : JwsVerification.Refused(JwsFailure.BadSignature, "The signature does not verify: the document was altered or signed with another key.", header);
    }

    /// <summary>ASCII(BASE64URL(protected) || '.' || BASE64URL(payload)): the bytes that are signed.</summary>
    public static byte[] SigningInput(string protectedHeader, string payload) =>
        Encoding.ASCII.GetBytes(protectedHeader + "." + payload);
}
