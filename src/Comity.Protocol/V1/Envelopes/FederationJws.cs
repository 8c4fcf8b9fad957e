using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Comity.Protocol.Jose;
using NSec.Cryptography;

namespace Comity.Protocol.V1;

/// <summary>
/// A flattened JWS opened without a key, to learn which key to verify it with: its header and
/// payload are NOT trusted until <see cref="VerifyWith"/> has checked the signature. Parsed once:
/// the signature is checked over the base64url texts as received, with NSec's Ed25519, exactly as
/// <see cref="JwsFlattened.Verify"/> does.
/// </summary>
internal sealed record OpenedJws(JwsHeader Header, byte[] Payload, string EncodedHeader, string EncodedPayload, byte[] Signature)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonSerializerOptions ReadJson = new() { AllowDuplicateProperties = false };

    /// <summary>Opens the JWS, or says why it is not a Comity JWS of media type <paramref name="mediaType"/>.</summary>
    public static OpenedJws? Open(ReadOnlySpan<byte> utf8, string mediaType, string what, out string problem)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException)
        {
            problem = $"The {what} is not UTF-8 text.";
            return null;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problem = $"The {what} is empty.";
            return null;
        }

        JwsHeader? header;
        byte[] payload;
        byte[] signature;
        JwsFlattenedJson? jws;
        try
        {
            jws = JsonSerializer.Deserialize<JwsFlattenedJson>(text, ReadJson);
            if (jws?.Protected is null || jws.Payload is null || jws.Signature is null)
            {
                problem = $"The {what} is not a JWS in the flattened JSON serialization (protected, payload, signature).";
                return null;
            }

            var headerBytes = Base64Url.Decode(jws.Protected);
            payload = Base64Url.Decode(jws.Payload);
            signature = Base64Url.Decode(jws.Signature);
            // Invalid UTF-8 inside a JSON string makes System.Text.Json throw InvalidOperationException, not JsonException: refuse it up front.
            if (!Utf8.IsValid(headerBytes) || !Utf8.IsValid(payload))
            {
                problem = $"The {what}'s protected header or payload is not UTF-8 text.";
                return null;
            }

            using (var headerDocument = JsonDocument.Parse(headerBytes))
            {
                // RFC 7515 section 4.1.11: critical extensions we do not understand must be refused; we understand none.
                if (headerDocument.RootElement.ValueKind != JsonValueKind.Object || headerDocument.RootElement.TryGetProperty("crit", out _))
                {
                    problem = $"The {what}'s protected header is not a JSON object without critical extensions (crit).";
                    return null;
                }
            }

            header = JsonSerializer.Deserialize<JwsHeader>(headerBytes, ReadJson);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            problem = $"The {what} is not a well-formed JWS: {e.Message}";
            return null;
        }

        if (header?.Alg != JwsHeader.EdDsa)
        {
            problem = $"The {what} is signed with algorithm {header?.Alg ?? "(none)"}; only EdDSA is accepted.";
            return null;
        }

        if (string.IsNullOrEmpty(header.Kid))
        {
            problem = $"The {what}'s protected header names no key (kid).";
            return null;
        }

        if (!string.Equals(header.Typ, mediaType, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(header.Typ, "application/" + mediaType, StringComparison.OrdinalIgnoreCase))
        {
            problem = $"The JWS is not a {what}: its typ is {header.Typ ?? "missing"}, not {mediaType}.";
            return null;
        }

        problem = "";
        return new OpenedJws(header, payload, jws.Protected, jws.Payload, signature);
    }

    /// <summary>Reads a string and an integer member of an (untrusted) payload object without the full schema.</summary>
    public static bool TryReadMembers(byte[] payload, string what, string stringMember, out int? version, out string? value, out string problem)
    {
        version = null;
        value = null;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = $"The {what} payload is not a JSON object.";
                return false;
            }

            if (!root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out var number))
            {
                problem = $"The {what} payload has no integer version member.";
                return false;
            }

            version = number;
            if (!root.TryGetProperty(stringMember, out var s) || s.ValueKind != JsonValueKind.String)
            {
                problem = $"The {what} payload has no string {stringMember} member.";
                return false;
            }

            value = s.GetString();
            problem = "";
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            problem = $"The {what} payload is not JSON: {e.Message}";
            return false;
        }
    }

    public static string SchemaProblem(JsonException e, string what)
    {
        var where = e.Path is { } path && !e.Message.Contains(path, StringComparison.Ordinal) ? $" at {path}" : "";
        return $"The {what} payload does not follow the version 1 schema{where}: {e.Message}";
    }

    /// <summary>The node's signing key <paramref name="kid"/> (use <c>sig</c>), whatever its validity.</summary>
    public static RegisterKeyV1? SigningKey(RegisterNodeV1 node, string kid) =>
        node.Keys.FirstOrDefault(k => string.Equals(k.Kid, kid, StringComparison.Ordinal) && string.Equals(k.Use, "sig", StringComparison.Ordinal));

    /// <summary>
    /// Verifies the signature with a Register key found by the header's <c>kid</c>: <see cref="JwsFailure.None"/>
    /// with the payload, <see cref="JwsFailure.BadSignature"/>, or <see cref="JwsFailure.WrongKey"/> when the
    /// Register's JWK is not a usable Ed25519 key.
    /// </summary>
    public static JwsVerification VerifyWith(OpenedJws jws, RegisterKeyV1 key)
    {
        PublicKey publicKey;
        try
        {
            publicKey = JwkKeys.ToEd25519PublicKey(key.Jwk);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return JwsVerification.Refused(JwsFailure.WrongKey, $"Key {key.Kid} in the Register is not a usable Ed25519 key: {e.Message}", jws.Header);
        }

        return jws.Signature.Length == SignatureAlgorithm.Ed25519.SignatureSize
            && SignatureAlgorithm.Ed25519.Verify(publicKey, JwsFlattened.SigningInput(jws.EncodedHeader, jws.EncodedPayload), jws.Signature)
            ? new JwsVerification(JwsFailure.None, "verified", jws.Header, jws.Payload)
            : JwsVerification.Refused(JwsFailure.BadSignature, "The signature does not verify.", jws.Header);
    }
}
