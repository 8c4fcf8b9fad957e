using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Comity.Node.Federation.Keys;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Security;

/// <summary>
/// The Data Protection key ring that encrypts the node's private keys: owner-only folder, and with
/// <c>Comity:Keys:CertificatePath</c> every ring key encrypted to the certificate, so a copy of the
/// folder without the certificate decrypts nothing.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string Password = "ring-test-password";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "comity-keyring-" + Path.GetRandomFileName());

    public KeyRingProtectionTests() => System.IO.Directory.CreateDirectory(folder);

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);

    [Fact]
    public void WithACertificate_RingKeysAreEncryptedToIt_AndOnlyItUnprotects()
    {
        var pfx = WriteCertificate("ring.pfx");
        var ring = Path.Combine(folder, "ring");
        var secret = Protector(ring, pfx, Password).Protect("node signing key seed");

        var xml = string.Concat(System.IO.Directory.GetFiles(ring, "*.xml").Select(File.ReadAllText));
        Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);

        // Same folder and certificate, e.g. after a restart: readable.
        Assert.Equal("node signing key seed", Protector(ring, pfx, Password).Unprotect(secret));

        // The folder alone (no certificate configured): the ring key cannot be decrypted.
        Assert.ThrowsAny<CryptographicException>(() => Protector(ring, null, null).Unprotect(secret));

        // Another certificate: neither.
        var other = WriteCertificate("other.pfx");
        Assert.ThrowsAny<CryptographicException>(() => Protector(ring, other, Password).Unprotect(secret));
    }

    [Fact]
    public void WithoutACertificate_TheFolderIsOwnerOnly()
    {
        var ring = Path.Combine(folder, "plain");
        Protector(ring, null, null).Protect("x");

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(ring));
        }

        Assert.NotEmpty(System.IO.Directory.GetFiles(ring, "*.xml"));
    }

    [Fact]
    public void AMissingOrWrongCertificate_StopsStartupNamingTheSetting()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => Protector(Path.Combine(folder, "a"), Path.Combine(folder, "absent.pfx"), Password));
        Assert.Contains("Comity:Keys:CertificatePath", missing.Message, StringComparison.Ordinal);

        var pfx = WriteCertificate("wrong-password.pfx");
        var wrong = Assert.Throws<InvalidOperationException>(() => Protector(Path.Combine(folder, "b"), pfx, "not the password"));
        Assert.Contains("Comity:Keys:CertificatePassword", wrong.Message, StringComparison.Ordinal);

        var publicOnly = Path.Combine(folder, "public-only.pfx");
        using (var full = X509CertificateLoader.LoadPkcs12FromFile(pfx, Password))
        {
            File.WriteAllBytes(publicOnly, X509CertificateLoader.LoadCertificate(full.Export(X509ContentType.Cert)).Export(X509ContentType.Pkcs12, Password));
        }

        var noKey = Assert.Throws<InvalidOperationException>(() => Protector(Path.Combine(folder, "c"), publicOnly, Password));
        Assert.Contains("has no private key", noKey.Message, StringComparison.Ordinal);
    }

    private static IDataProtector Protector(string ring, string? certificatePath, string? password)
    {
        var settings = new Dictionary<string, string?>();
        if (certificatePath is not null)
        {
            settings["Comity:Keys:CertificatePath"] = certificatePath;
            settings["Comity:Keys:CertificatePassword"] = password;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddDataProtection()
            .SetApplicationName("comity-XA")
            .PersistKeysToFileSystem(new DirectoryInfo(ring))
            .ProtectKeyRing(configuration, ring);
        return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("Comity.Keys.Test");
    }

    private string WriteCertificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Comity key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        using var certificate = request.CreateSelfSigned(now.AddYears(-1), now.AddYears(5));
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }
}
