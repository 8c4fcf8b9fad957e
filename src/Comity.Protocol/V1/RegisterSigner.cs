using Comity.Protocol.Jose;
using NSec.Cryptography;

namespace Comity.Protocol.V1;

/// <summary>Signs a Register: the payload in <see cref="RegisterJson"/> form as a flattened JWS with <c>alg: EdDSA</c>, the key's <c>kid</c> and <c>typ: comity-register+json</c>.</summary>
public static class RegisterSigner
{
    public static string Sign(RegisterV1 register, Key secretariatKey, string kid)
    {
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(secretariatKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(kid);
        if (register.Version != RegisterV1.CurrentVersion)
        {
            throw new ArgumentException($"This signer writes Register version {RegisterV1.CurrentVersion}, not {register.Version}.", nameof(register));
        }

        if (register.NextUpdate <= register.IssuedAt)
        {
            throw new ArgumentException("nextUpdate must be after issuedAt.", nameof(register));
        }

        return JwsFlattened.Sign(RegisterJson.SerializeToUtf8Bytes(register), new JwsHeader(JwsHeader.EdDsa, kid, RegisterV1.MediaType), secretariatKey);
    }
}
