using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Comity.Node.Federation.Keys;

/// <summary>
/// Protects the Data Protection key ring, which encrypts the node's private keys: the folder is
/// readable by the node's user only (0700 on Unix), and optionally every ring key is encrypted with
/// a certificate (<c>Comity:Keys:CertificatePath</c>).
/// </summary>
internal static class KeyRingProtection
{
    public static IDataProtectionBuilder ProtectKeyRing(this IDataProtectionBuilder builder, IConfiguration configuration, string folder)
    {
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var options = configuration.GetSection(KeyOptions.Section).Get<KeyOptions>() ?? new KeyOptions();
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return builder;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Comity:Keys:CertificatePath ({options.CertificatePath}) cannot be loaded as a PKCS#12 file with its private key: {e.Message} Check the path and Comity:Keys:CertificatePassword.", e);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"Comity:Keys:CertificatePath ({options.CertificatePath}) has no private key: the node needs it to decrypt its key ring.");
        }

        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
