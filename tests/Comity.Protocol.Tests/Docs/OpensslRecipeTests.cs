using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Comity.Protocol.Jose;

namespace Comity.Protocol.Tests.Docs;

/// <summary>
/// The shell recipe in docs/protocol/register-v1.md, taken from the markdown as written and run with
/// bash and the openssl command-line tool against the committed test vector: the recipe is true, and
/// another implementation can rely on it. openssl is a prerequisite that scripts/test.sh installs.
/// </summary>
public sealed class OpensslRecipeTests : IDisposable
{
    private const string Marker = "<!-- The test OpensslRecipeTests runs the block below";

    private readonly string folder = Directory.CreateTempSubdirectory("comity-openssl-recipe-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    internal static string Recipe()
    {
        var markdown = File.ReadAllLines(RepositoryFiles.Path("docs", "protocol", "register-v1.md"));
        var marker = Array.FindIndex(markdown, line => line.StartsWith(Marker, StringComparison.Ordinal));
        Assert.True(marker >= 0, $"docs/protocol/register-v1.md has no line starting with '{Marker}'");
        var start = Array.FindIndex(markdown, marker, line => line.StartsWith("```", StringComparison.Ordinal));
        var end = Array.FindIndex(markdown, start + 1, line => line.StartsWith("```", StringComparison.Ordinal));
        Assert.True(start > marker && end > start && markdown[(marker + 1)..start].All(string.IsNullOrWhiteSpace), "the recipe must be the fenced block right after the marker");
        Assert.Equal("```bash", markdown[start]);
        return string.Join('\n', markdown[(start + 1)..end]) + "\n";
    }

    private static void RequireOpenssl()
    {
        var (exitCode, output) = Run("openssl", ["version"], Directory.GetCurrentDirectory());
        Assert.True(exitCode == 0 && output.StartsWith("OpenSSL 3", StringComparison.Ordinal),
            "These tests need the OpenSSL 3 command-line tool (openssl) and bash on PATH. scripts/test.sh installs openssl from Debian; "
            + $"elsewhere: sudo apt-get install openssl. `openssl version` said: {output}");
    }

    private static (int ExitCode, string Output) Run(string program, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "timed out after 60 s");
            }

            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"{program} could not be started: {e.Message}");
        }
    }

    private (int ExitCode, string Output) RunRecipe(string registerJws)
    {
        RequireOpenssl();
        File.WriteAllText(Path.Combine(folder, "register.jws.json"), registerJws);
        File.Copy(Path.Combine(RepositoryFiles.RegisterVectorFolder, "secretariat-key.jwk.json"), Path.Combine(folder, "secretariat-key.jwk.json"));
        File.WriteAllText(Path.Combine(folder, "recipe.sh"), Recipe());
        return Run("bash", ["recipe.sh"], folder);
    }

    private static string CommittedJws() => File.ReadAllText(Path.Combine(RepositoryFiles.RegisterVectorFolder, "register.jws.json"));

    [Fact]
    public void Recipe_OnTheTestVector_PrintsSignatureVerifiedSuccessfully()
    {
        var (exitCode, output) = RunRecipe(CommittedJws());

        Assert.True(exitCode == 0, $"exit {exitCode}\n{output}");
        Assert.Contains("Signature Verified Successfully", output, StringComparison.Ordinal);
        Assert.Contains("\"serial\":42,\"issuedAt\":\"2026-07-01T00:00:00Z\",\"nextUpdate\":\"2026-07-08T00:00:00Z\"", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepositoryFiles.RegisterVectorFolder, "payload.json")), File.ReadAllBytes(Path.Combine(folder, "payload.json")));
    }

    [Fact]
    public void Recipe_OnATamperedPayload_FailsVerification()
    {
        var jws = JsonNode.Parse(CommittedJws())!.AsObject();
        var payload = Encoding.UTF8.GetString(Base64Url.Decode((string)jws["payload"]!)).Replace("\"serial\":42", "\"serial\":43", StringComparison.Ordinal);
        jws["payload"] = Base64Url.Encode(Encoding.UTF8.GetBytes(payload));

        var (exitCode, output) = RunRecipe(jws.ToJsonString());

        Assert.True(exitCode != 0, output);
        Assert.Contains("Signature Verification Failure", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Verified Successfully", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "payload.json")), "the recipe must stop before reading an unverified payload");
    }

    [Fact]
    public void Recipe_OnAFlippedSignatureByte_FailsVerification()
    {
        var jws = JsonNode.Parse(CommittedJws())!.AsObject();
        var signature = Base64Url.Decode((string)jws["signature"]!);
        signature[10] ^= 0x01;
        jws["signature"] = Base64Url.Encode(signature);

        var (exitCode, output) = RunRecipe(jws.ToJsonString());

        Assert.True(exitCode != 0, output);
        Assert.Contains("Signature Verification Failure", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Recipe_OnAlgNone_RefusesBeforeOpenssl()
    {
        var jws = JsonNode.Parse(CommittedJws())!.AsObject();
        jws["protected"] = Base64Url.Encode("{\"alg\":\"none\",\"typ\":\"comity-register+json\"}"u8);

        var (exitCode, output) = RunRecipe(jws.ToJsonString());

        Assert.True(exitCode != 0, output);
        Assert.Contains("refused: alg is not EdDSA", output, StringComparison.Ordinal);
    }
}
