using System.Text.Json;
using Comity.Domain.Transparency;

namespace Comity.Domain.Tests.Transparency;

/// <summary>
/// Runs every transparency-dev/merkle inclusion and consistency case (Apache-2.0, see
/// Vectors/merkle/LICENSE) from <c>COMITY_MERKLE_VECTORS</c> or the copy beside the tests.
/// </summary>
public sealed class MerkleVectorTests
{
    private static string VectorDirectory =>
        Environment.GetEnvironmentVariable("COMITY_MERKLE_VECTORS") is { Length: > 0 } dir
            ? dir
            : Path.Combine(AppContext.BaseDirectory, "Transparency", "Vectors", "merkle");

    [Fact]
    public void EveryVector_VerdictMatchesWantErr()
    {
        var (count, problems) = Check(VectorDirectory);
        TestContext.Current.TestOutputHelper?.WriteLine($"{count} Merkle vector files ran.");
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s) with {count} Merkle vectors in {VectorDirectory}:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void Check_RefusesADirectoryWithoutCases()
    {
        var empty = System.IO.Directory.CreateTempSubdirectory("comity-merkle-");
        try
        {
            System.IO.Directory.CreateDirectory(Path.Combine(empty.FullName, "inclusion"));
            var (count, problems) = Check(empty.FullName);
            Assert.Equal(0, count);
            Assert.Contains(problems, p => p.Contains("no vector", StringComparison.Ordinal));
            Assert.Contains(Check(Path.Combine(empty.FullName, "missing")).Problems, p => p.Contains("does not exist", StringComparison.Ordinal));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Fact]
    public void Check_ReportsAFileWhoseVerdictDisagrees()
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("comity-merkle-");
        try
        {
            var inclusion = System.IO.Directory.CreateDirectory(Path.Combine(dir.FullName, "inclusion", "1"));
            var source = Path.Combine(VectorDirectory, "inclusion", "1", "happy-path.json");
            File.WriteAllText(Path.Combine(inclusion.FullName, "flipped.json"), File.ReadAllText(source).Replace("\"wantErr\": false", "\"wantErr\": true", StringComparison.Ordinal));
            var (count, problems) = Check(dir.FullName);
            Assert.Equal(1, count);
            Assert.Equal("inclusion/1/flipped.json: wantErr=True, got valid (valid)", Assert.Single(problems).Replace('\\', '/'));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>Runs every case under <paramref name="root"/>; returns how many ran and every problem found.</summary>
    internal static (int Count, IReadOnlyList<string> Problems) Check(string root)
    {
        if (!System.IO.Directory.Exists(root))
        {
            return (0, [$"Merkle vector directory {root} does not exist."]);
        }

        var cases = new[] { "inclusion", "consistency" }
            .Select(kind => (Kind: kind, Dir: Path.Combine(root, kind)))
            .Where(k => System.IO.Directory.Exists(k.Dir))
            .SelectMany(k => System.IO.Directory.EnumerateFiles(k.Dir, "*.json", SearchOption.AllDirectories).Select(f => (k.Kind, File: f)))
            .OrderBy(c => c.File, StringComparer.Ordinal)
            .ToList();
        if (cases.Count == 0)
        {
            return (0, [$"{root} holds no vector cases under inclusion/ or consistency/."]);
        }

        var problems = new List<string>();
        foreach (var (kind, file) in cases)
        {
            var (wantErr, gotErr, reason) = Run(kind, File.ReadAllText(file));
            if (wantErr != gotErr)
            {
                problems.Add($"{Path.GetRelativePath(root, file)}: wantErr={wantErr}, got {(gotErr ? "refused" : "valid")} ({reason})");
            }
        }

        return (cases.Count, problems);
    }

    private static (bool WantErr, bool GotErr, string Reason) Run(string kind, string json)
    {
        bool wantErr;
        JsonElement doc;
        try
        {
            doc = JsonDocument.Parse(json).RootElement;
            wantErr = doc.GetProperty("wantErr").GetBoolean();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Without wantErr we cannot know the expectation: the file itself is broken.
            return (false, true, "unreadable vector: " + e.Message);
        }

        try
        {
            // Go encodes an empty (nil) proof slice as JSON null: that is the empty proof.
            var proofElement = doc.GetProperty("proof");
            var proof = proofElement.ValueKind == JsonValueKind.Null
                ? []
                : proofElement.EnumerateArray().Select(p => Convert.FromBase64String(p.GetString()!)).ToArray<byte[]?>();
            var verdict = kind == "inclusion"
                ? MerkleVerifier.VerifyInclusion(
                    doc.GetProperty("leafIdx").GetInt64(),
                    doc.GetProperty("treeSize").GetInt64(),
                    Convert.FromBase64String(doc.GetProperty("leafHash").GetString()!),
                    proof,
                    Convert.FromBase64String(doc.GetProperty("root").GetString()!))
                : MerkleVerifier.VerifyConsistency(
                    doc.GetProperty("size1").GetInt64(),
                    doc.GetProperty("size2").GetInt64(),
                    proof,
                    Convert.FromBase64String(doc.GetProperty("root1").GetString()!),
                    Convert.FromBase64String(doc.GetProperty("root2").GetString()!));
            return (wantErr, !verdict.IsValid, verdict.Reason);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or NullReferenceException)
        {
            // A case that does not parse into the expected shape is an error verdict.
            return (wantErr, true, "malformed case: " + e.Message);
        }
    }
}
