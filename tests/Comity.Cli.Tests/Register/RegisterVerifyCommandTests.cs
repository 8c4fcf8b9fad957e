using System.Text;
using System.Text.Json.Nodes;
using Comity.Protocol.Jose;
using NSec.Cryptography;
using static Comity.Cli.Tests.Register.RegisterVectorFiles;

namespace Comity.Cli.Tests.Register;

/// <summary><c>comity register verify</c> on the committed test vector and altered copies of it.</summary>
public sealed class RegisterVerifyCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("comity-register-verify-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private string TamperedCopy()
    {
        var jws = JsonNode.Parse(File.ReadAllText(JwsFile))!.AsObject();
        var payload = Encoding.UTF8.GetString(Base64Url.Decode((string)jws["payload"]!)).Replace("ExampleMail Ltd", "EvilMail Ltd", StringComparison.Ordinal);
        jws["payload"] = Base64Url.Encode(Encoding.UTF8.GetBytes(payload));
        return Write("tampered.jws.json", jws.ToJsonString());
    }

    [Fact]
    public async Task Verify_CommittedVector_ExitsZeroPrintingSerialDatesAndCounts()
    {
        var result = await RunAsync("register", "verify", JwsFile, "--key", PublicKeyFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        Assert.Contains("accepted: signature verified", result.Out, StringComparison.Ordinal);
        Assert.Contains("Register serial 42", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-07-01T00:00:00Z", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-07-08T00:00:00Z", result.Out, StringComparison.Ordinal);
        Assert.Matches(@"Participants\s+2", result.Out);
        Assert.Matches(@"Nodes\s+1", result.Out);
        Assert.Matches(@"Designations\s+2", result.Out);
        Assert.Matches(@"Service providers\s+1", result.Out);
    }

    [Fact]
    public async Task Verify_Json_PrintsExactlyOneVerdictObject()
    {
        var result = await RunAsync("register", "verify", JwsFile, "--key", PublicKeyFile, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(result.Out.Trim().Split('\n'));
        var json = JsonNode.Parse(result.Out)!;
        Assert.Equal("accepted", (string?)json["verdict"]);
        Assert.Null(json["refusal"]);
        Assert.Equal(42, (long?)json["serial"]);
        Assert.Equal("2026-07-08T00:00:00Z", (string?)json["nextUpdate"]);
        Assert.Equal(2, (int?)json["counts"]!["participants"]);
        Assert.Equal(1, (int?)json["counts"]!["serviceProviders"]);
        Assert.Equal("lNOLGKOwFti_v3fIJy-b9kHKFuVXZxFOtTk5PjAWPz4", (string?)json["kid"]);
    }

    [Fact]
    public async Task Verify_Tampered_ExitsTwoWithBadSignatureOnStderrAndNothingOnStdout()
    {
        var result = await RunAsync("register", "verify", TamperedCopy(), "--key", PublicKeyFile);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Equal("", result.Out);
        Assert.Contains("Register refused (BadSignature)", result.Error, StringComparison.Ordinal);
        Assert.Contains("altered", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TamperedJson_PrintsTheRefusalAsJsonAndExitsTwo()
    {
        var result = await RunAsync("register", "verify", TamperedCopy(), "--key", PublicKeyFile, "--json");

        Assert.True(result.ExitCode == 2, result.ToString());
        var json = JsonNode.Parse(result.Out)!;
        Assert.Equal("refused", (string?)json["verdict"]);
        Assert.Equal("badSignature", (string?)json["refusal"]);
        Assert.Null(json["serial"]);
    }

    [Fact]
    public async Task Verify_WrongKey_ExitsTwoNamingBothKeys()
    {
        using var other = Key.Create(SignatureAlgorithm.Ed25519);
        var jwk = JwkKeys.ToPublicJwk(other.PublicKey);
        var keyFile = Write("other.jwk.json", $"{{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"{jwk.X}\",\"kid\":\"{JwkKeys.Thumbprint(jwk)}\"}}");

        var result = await RunAsync("register", "verify", JwsFile, "--key", keyFile);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Register refused (WrongKey)", result.Error, StringComparison.Ordinal);
        Assert.Contains("lNOLGKOwFti_v3fIJy-b9kHKFuVXZxFOtTk5PjAWPz4", result.Error, StringComparison.Ordinal);
        Assert.Contains(JwkKeys.Thumbprint(jwk), result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MinSerialAboveTheRegisters_ExitsTwoAsRollback()
    {
        var result = await RunAsync("register", "verify", JwsFile, "--key", PublicKeyFile, "--min-serial", "43");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Register refused (Rollback)", result.Error, StringComparison.Ordinal);
        Assert.Contains("serial 42, lower than serial 43", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MinSerialEqualToTheRegisters_IsAccepted()
    {
        var result = await RunAsync("register", "verify", JwsFile, "--key", PublicKeyFile, "--min-serial", "42");

        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Fact]
    public async Task Verify_NowPastNextUpdatePlusGrace_ExitsThreeWithAStaleWarning()
    {
        var result = await RunAsync("register", "verify", JwsFile, "--key", PublicKeyFile, "--now", "2026-07-20T00:00:00Z");

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains("accepted, stale", result.Out, StringComparison.Ordinal);
        Assert.Contains("warning: the Register is stale", result.Error, StringComparison.Ordinal);
        Assert.Contains("2026-07-08T00:00:00Z", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_LongerGrace_IsNotStale()
    {
        var result = await RunAsync("register", "verify", JwsFile, "--key", PublicKeyFile, "--now", "2026-07-20T00:00:00Z", "--grace", "30d", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("accepted", (string?)JsonNode.Parse(result.Out)!["verdict"]);
    }

    [Fact]
    public async Task Verify_NowBeforeIssuedAt_ExitsTwoAsIssuedInFuture()
    {
        var result = await RunAsync("register", "verify", JwsFile, "--key", PublicKeyFile, "--now", "2026-06-30");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Register refused (IssuedInFuture)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PrivateKeyFile_VerifiesWithAWarning()
    {
        var result = await RunAsync("register", "verify", JwsFile, "--key", PrivateKeyFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("holds a private key", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--grace", "1 day", "--grace must be")]
    [InlineData("--now", "yesterday", "--now must be")]
    [InlineData("--min-serial", "-1", "--min-serial must be")]
    public async Task Verify_BadFlag_ExitsTwoNamingIt(string flag, string value, string message)
    {
        var result = await RunAsync("register", "verify", JwsFile, "--key", PublicKeyFile, flag, value);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithoutKey_ExitsTwoAskingForIt()
    {
        var result = await RunAsync("register", "verify", JwsFile);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--key KEY.jwk is required", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MissingFiles_ExitTwo()
    {
        var noRegister = await RunAsync("register", "verify", Path.Combine(folder, "none.json"), "--key", PublicKeyFile);
        var noKey = await RunAsync("register", "verify", JwsFile, "--key", Path.Combine(folder, "none.jwk"));

        Assert.True(noRegister.ExitCode == 2, noRegister.ToString());
        Assert.Contains("no Register file", noRegister.Error, StringComparison.Ordinal);
        Assert.True(noKey.ExitCode == 2, noKey.ToString());
        Assert.Contains("no key file", noKey.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"kty\":\"OKP\",\"crv\":\"X25519\",\"x\":\"b5e7vgfQJNftsd3V1-BAe-GfGooEi67tVzHKb28BIXE\"}")]
    [InlineData("{\"kty\":\"OKP\"}")]
    public async Task Verify_KeyFileThatIsNotAnEd25519Jwk_ExitsTwo(string content)
    {
        var result = await RunAsync("register", "verify", JwsFile, "--key", Write("bad.jwk.json", content));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("bad.jwk.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FileThatIsNotAJws_ExitsTwoAsMalformed()
    {
        var result = await RunAsync("register", "verify", Write("page.html", "<html>502 Bad Gateway</html>"), "--key", PublicKeyFile);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("Register refused (Malformed)", result.Error, StringComparison.Ordinal);
    }
}
