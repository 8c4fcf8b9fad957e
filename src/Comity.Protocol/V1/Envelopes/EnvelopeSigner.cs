using Comity.Protocol.Jose;
using NSec.Cryptography;

namespace Comity.Protocol.V1;

/// <summary>Signs an envelope: the payload in <see cref="FederationJson"/> form as a flattened JWS with <c>alg: EdDSA</c>, the key's <c>kid</c> and <c>typ: comity-envelope+json</c>.</summary>
public static class EnvelopeSigner
{
    /// <summary>The signed envelope text; its UTF-8 bytes are what is sent, stored in the outbox and hashed in the receipt.</summary>
    /// <exception cref="ArgumentException">The envelope breaks a rule of the schema (<see cref="FederationJson.Problem(EnvelopeV1)"/>).</exception>
    public static string Sign(EnvelopeV1 envelope, Key key, string kid)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(kid);
        if (FederationJson.Problem(envelope) is { } problem)
        {
            throw new ArgumentException(problem, nameof(envelope));
        }

        return JwsFlattened.Sign(FederationJson.SerializeToUtf8Bytes(envelope), new JwsHeader(JwsHeader.EdDsa, kid, EnvelopeV1.MediaType), key);
    }
}

/// <summary>Signs a receipt: the payload in <see cref="FederationJson"/> form as a flattened JWS with <c>alg: EdDSA</c>, the key's <c>kid</c> and <c>typ: comity-receipt+json</c>.</summary>
public static class ReceiptSigner
{
    /// <exception cref="ArgumentException">The receipt breaks a rule of the schema (<see cref="FederationJson.Problem(ReceiptV1)"/>).</exception>
    public static string Sign(ReceiptV1 receipt, Key key, string kid)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(kid);
        if (FederationJson.Problem(receipt) is { } problem)
        {
            throw new ArgumentException(problem, nameof(receipt));
        }

        return JwsFlattened.Sign(FederationJson.SerializeToUtf8Bytes(receipt), new JwsHeader(JwsHeader.EdDsa, kid, ReceiptV1.MediaType), key);
    }

    /// <summary>The receipt for envelope bytes exactly as received: id and SHA-256 of those bytes.</summary>
    public static ReceiptV1 For(string envelopeId, ReadOnlySpan<byte> envelopeJwsBytes, DateTimeOffset receivedAt, string receiver, string? checkpoint) =>
        new(ReceiptV1.CurrentVersion, envelopeId, FederationJson.Sha256(envelopeJwsBytes), receivedAt, receiver, checkpoint);
}
