using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Comity.Cli.Treaty;
using Comity.Domain.Transparency;
using Comity.Node.Federation.Transparency;
using Comity.Node.Features.Transparency;
using Comity.Node.Identity;
using Comity.Protocol.Jose;
using Comity.Protocol.Transparency;
using NSec.Cryptography;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli.Log;

internal sealed class LogVerifySettings : NodeSettings
{
    [CommandOption("--register-key <KEY.jwk>")]
    [Description("The Secretariat's Register key, a public Ed25519 JWK obtained out of band. With it the log's key and its witnesses' keys come from the Register, verified, instead of from what the node says about itself.")]
    public string? RegisterKey { get; init; }

    [CommandOption("--register-from <URL>")]
    [Description("Where to fetch the Register (GET federation/v1/register): the Secretariat or any node. Default: the node being verified; the Register's signature, not its source, is what is trusted.")]
    public string? RegisterFrom { get; init; }

    public override ValidationResult Validate() =>
        RegisterFrom is not null && (!Uri.TryCreate(RegisterFrom, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            ? ValidationResult.Error($"--register-from must be an absolute http or https address, not '{RegisterFrom}'.")
            : RegisterFrom is not null && RegisterKey is null
            ? ValidationResult.Error("--register-from needs --register-key: a Register is only worth fetching when its signature can be checked with a key obtained out of band.")
            : base.Validate();
}

/// <summary><c>comity log verify</c>: checks a node's transparency log end to end.</summary>
internal sealed class LogVerifyCommand(CliEnvironment environment) : AsyncCommand<LogVerifySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LogVerifySettings settings, CancellationToken cancellationToken)
    {
        using var connection = NodeConnection.ResolveAsDemoAdmin(settings, environment, null, "un");
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var client = new LogClient(connection);
        var summary = await client.GetAsync<LogSummaryResponse>("api/v1/log", cancellationToken);
        var checkpoints = await client.GetAsync<List<LogCheckpointResponse>>("api/v1/log/checkpoints?limit=" + LogClient.MaxCheckpoints.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (summary.Value is not { } s || checkpoints.Value is not { } stored)
        {
            return summary.ExitCode != ExitCodes.Ok ? summary.ExitCode : checkpoints.ExitCode;
        }

        var report = new LogVerification(s.Origin);
        if (settings.RegisterKey is null)
        {
            report.KeySource = "as the node reports them (not independent)";
            report.Warn("keys", "the log's and its witnesses' keys are taken from what the node reports about itself; pass --register-key (the Secretariat's key, obtained out of band) to take them from the verified Register instead");
        }
        else
        {
            var trusted = await LogRegisterKeys.LoadAsync(settings, connection.Node, s.Origin, environment, cancellationToken);
            if (trusted is null)
            {
                return ExitCodes.Invalid;
            }

            report.KeySource = trusted.Source;
            foreach (var reported in s.LogKeys.Where(k => !trusted.LogKeys.Any(t => t.Kid == k.Kid)))
            {
                report.Warn("keys", $"the node reports log key {reported.Kid}, which the Register does not list for it; not used");
            }

            s = s with { LogKeys = trusted.LogKeys, WitnessKeys = trusted.WitnessKeys };
        }

        var size = Math.Max(s.Size, stored.Count == 0 ? 0 : stored.Max(c => c.TreeSize));
        var tree = await FetchLeavesAsync(client, report, size, settings.Json, cancellationToken);
        if (tree is null)
        {
            return ExitCodes.Failure;
        }

        var keys = s.LogKeys.ToDictionary(k => k.Kid, k => JwkKeys.ToEd25519PublicKey(k.Jwk), StringComparer.Ordinal);
        LogCheckpointResponse? previous = null;
        foreach (var checkpoint in stored.OrderBy(c => c.TreeSize).ThenBy(c => c.CreatedAt))
        {
            var root = VerifyCheckpoint(report, checkpoint, keys, tree, s.Origin);
            if (root is null)
            {
                continue;
            }

            if (previous is not null && previous.TreeSize > 0 && previous.TreeSize < checkpoint.TreeSize)
            {
                await VerifyConsistencyAsync(client, report, tree, previous, checkpoint, cancellationToken);
            }

            previous = checkpoint;
        }

        if (s.Checkpoint is { } latest)
        {
            VerifyCosignatures(report, latest.Note, s);
        }

        return Write(report, s, settings.Json);
    }

    /// <summary>Fetches every entry, recomputing each leaf's data from its event and its hash from the data.</summary>
    private async Task<MerkleTree?> FetchLeavesAsync(LogClient client, LogVerification report, long size, bool json, CancellationToken cancellationToken)
    {
        var tree = new MerkleTree();
        async Task<bool> FetchAll(Action<long>? progress)
        {
            while (tree.Size < size)
            {
                var page = await client.GetAsync<LogEntriesResponse>($"api/v1/log/entries?from={tree.Size.ToString(CultureInfo.InvariantCulture)}&count={LogClient.MaxEntries.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
                if (page.Value is not { } entries)
                {
                    return false;
                }

                if (entries.Entries.Count == 0)
                {
                    report.Fail($"leaf {tree.Size}", $"the node lists no entry at index {tree.Size} although its log has {size} leaves");
                    return true;
                }

                foreach (var entry in entries.Entries)
                {
                    if (entry.Index != tree.Size)
                    {
                        report.Fail($"leaf {tree.Size}", $"the node returned index {entry.Index} where {tree.Size} was expected: indexes are not dense");
                        return true;
                    }

                    tree.Append(LogLeafCheck.Check(report, entry));
                }

                progress?.Invoke(tree.Size);
            }

            return true;
        }

        bool ok;
        if (!json && size > 5000)
        {
            ok = await environment.Out.Progress().StartAsync(async progress =>
            {
                var task = progress.AddTask("Leaves", maxValue: size);
                return await FetchAll(done => task.Value = done);
            });
        }
        else
        {
            ok = await FetchAll(null);
        }

        report.Leaves = tree.Size;
        return ok ? tree : null;
    }

    private static byte[]? VerifyCheckpoint(LogVerification report, LogCheckpointResponse checkpoint, Dictionary<string, PublicKey> keys, MerkleTree tree, string origin)
    {
        var where = $"checkpoint {checkpoint.Id} (size {checkpoint.TreeSize})";
        report.Checkpoints++;
        if (!keys.TryGetValue(checkpoint.Kid, out var key))
        {
            report.Warn(where, $"signed with key {checkpoint.Kid}, which the node no longer publishes: signature not checked");
        }
        else
        {
            var verified = CheckpointNote.Verify(checkpoint.Note, origin, key, origin);
            if (!verified.IsValid)
            {
                report.Fail(where, "signature: " + verified.Reason);
                return null;
            }

            if (verified.Checkpoint!.TreeSize != checkpoint.TreeSize || Convert.ToBase64String(verified.Checkpoint.RootHash.Span) != checkpoint.RootHash)
            {
                report.Fail(where, "the signed note does not say the size and root the node lists for it");
                return null;
            }
        }

        if (checkpoint.TreeSize > tree.Size)
        {
            report.Fail(where, $"the log has only {tree.Size} leaves");
            return null;
        }

        var root = tree.Root(checkpoint.TreeSize);
        if (Convert.ToBase64String(root) != checkpoint.RootHash)
        {
            report.Fail(where, $"its root {checkpoint.RootHash} is not the root of the first {checkpoint.TreeSize} leaves recomputed from their data ({Convert.ToBase64String(root)})");
            return null;
        }

        return root;
    }

    private static async Task VerifyConsistencyAsync(LogClient client, LogVerification report, MerkleTree tree, LogCheckpointResponse first, LogCheckpointResponse second, CancellationToken cancellationToken)
    {
        var where = $"consistency {first.TreeSize} → {second.TreeSize}";
        report.ConsistencyChecks++;
        var firstRoot = Convert.FromBase64String(first.RootHash);
        var secondRoot = Convert.FromBase64String(second.RootHash);
        var local = MerkleVerifier.VerifyConsistency(first.TreeSize, second.TreeSize, tree.ConsistencyProof(first.TreeSize, second.TreeSize), firstRoot, secondRoot);
        if (!local.IsValid)
        {
            report.Fail(where, "recomputed locally: " + local.Reason);
            return;
        }

        var served = await client.GetAsync<ConsistencyProofResponse>($"federation/v1/log/proof/consistency?first={first.TreeSize.ToString(CultureInfo.InvariantCulture)}&second={second.TreeSize.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        if (served.Value is not { } proof)
        {
            report.Fail(where, "the node did not serve the proof");
            return;
        }

        var verdict = MerkleVerifier.VerifyConsistency(first.TreeSize, second.TreeSize, LogProofs.Decode(proof.Hashes), firstRoot, secondRoot);
        if (!verdict.IsValid)
        {
            report.Fail(where, "the proof the node serves does not verify: " + verdict.Reason);
        }
    }

    private static void VerifyCosignatures(LogVerification report, string note, LogSummaryResponse summary)
    {
        foreach (var witness in summary.WitnessKeys)
        {
            if (!note.Contains("\n\u2014 " + witness.KeyName + " ", StringComparison.Ordinal))
            {
                continue;
            }

            var valid = witness.Keys.Select(k => Cosignature.Verify(note, witness.KeyName, JwkKeys.ToEd25519PublicKey(k.Jwk), summary.Origin)).FirstOrDefault(v => v.IsValid);
            if (valid is null)
            {
                report.Fail($"cosignature of {witness.KeyName}", "does not verify with that witness's keys in the Register");
            }
            else
            {
                report.Cosigners.Add(new VerifiedCosigner(witness.State, witness.KeyName, DateTimeOffset.FromUnixTimeSeconds(valid.CosignedAt!.Value)));
            }
        }
    }

    private int Write(LogVerification report, LogSummaryResponse summary, bool json)
    {
        if (json)
        {
            environment.WriteMachineOutput(JsonSerializer.Serialize(report.ToJson(summary), LogClient.Json));
            return report.ExitCode;
        }

        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"Transparency log {summary.Origin}"));
        table.AddColumn("Check");
        table.AddColumn("Result");
        table.AddRow("Keys", Markup.Escape(report.KeySource));
        table.AddRow("Leaves (data → hash → root)", report.Leaves.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Checkpoints (signature, root)", report.Checkpoints.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Consistency between successive checkpoints (served and recomputed)", report.ConsistencyChecks.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Cosigners of the latest checkpoint", Markup.Escape(report.Cosigners.Count == 0 ? "none" : string.Join(", ", report.Cosigners.Select(c => c.State + " (" + c.CosignedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z)"))));
        environment.Out.Write(table);
        foreach (var (where, what) in report.Warnings)
        {
            environment.Error.MarkupLineInterpolated($"[yellow]warning:[/] {where}: {what}");
        }

        if (report.Failures.Count == 0)
        {
            environment.Out.MarkupLine("[green]The log verifies.[/]");
            return ExitCodes.Ok;
        }

        var (first, reason) = report.Failures[0];
        environment.Error.MarkupLineInterpolated($"[red]MISMATCH[/] first at {first}: {reason}");
        foreach (var (where, what) in report.Failures.Skip(1).Take(20))
        {
            environment.Error.MarkupLineInterpolated($"  also {where}: {what}");
        }

        return ExitCodes.Invalid;
    }
}

/// <summary>Checks one entry: its leaf data is the canonical form of its event, and its hash is the hash of that data.</summary>
internal static class LogLeafCheck
{
    /// <summary>Returns the leaf data to append (the data the event says, so that the root follows the events); records a failure when anything disagrees.</summary>
    public static byte[] Check(LogVerification report, LogEntryResponse entry)
    {
        var data = Convert.FromBase64String(entry.LeafData);
        var expected = new AuditLeafV1(entry.EventId, entry.RecordedAt, entry.Actor, entry.Action, entry.ObjectType, entry.ObjectId, entry.ContentSha256).ToBytes();
        if (!expected.AsSpan().SequenceEqual(data))
        {
            report.Fail($"leaf {entry.Index}", "its leaf data is not the canonical form of its event");
        }

        if (Convert.ToBase64String(MerkleHash.Leaf(data)) != entry.LeafHash)
        {
            report.Fail($"leaf {entry.Index}", $"its stored hash {entry.LeafHash} is not SHA-256(0x00 || data) of its event ({Convert.ToBase64String(MerkleHash.Leaf(data))})");
        }

        return data;
    }
}

internal sealed record VerifiedCosigner(string State, string KeyName, DateTimeOffset CosignedAt);

/// <summary>What <c>log verify</c> found.</summary>
internal sealed class LogVerification(string origin)
{
    public string Origin => origin;

    /// <summary>Where the keys checked against came from.</summary>
    public string KeySource { get; set; } = "";

    public long Leaves { get; set; }

    public int Checkpoints { get; set; }

    public int ConsistencyChecks { get; set; }

    public List<VerifiedCosigner> Cosigners { get; } = [];

    public List<(string Where, string What)> Failures { get; } = [];

    public List<(string Where, string What)> Warnings { get; } = [];

    public int ExitCode => Failures.Count == 0 ? ExitCodes.Ok : ExitCodes.Invalid;

    public void Fail(string where, string what) => Failures.Add((where, what));

    public void Warn(string where, string what) => Warnings.Add((where, what));

    public object ToJson(LogSummaryResponse summary) => new
    {
        ok = Failures.Count == 0,
        origin,
        keySource = KeySource,
        size = summary.Size,
        leaves = Leaves,
        checkpoints = Checkpoints,
        consistencyChecks = ConsistencyChecks,
        cosigners = Cosigners.Select(c => new { state = c.State, keyName = c.KeyName, cosignedAt = c.CosignedAt }),
        firstFailure = Failures.Count == 0 ? null : new { where = Failures[0].Where, what = Failures[0].What },
        failures = Failures.Select(f => new { where = f.Where, what = f.What }),
        warnings = Warnings.Select(f => new { where = f.Where, what = f.What }),
    };
}

internal sealed class LogInclusionSettings : NodeSettings
{
    [CommandOption("--index <INDEX>")]
    [Description("The leaf to prove.")]
    public long Index { get; init; } = -1;

    [CommandOption("--size <SIZE>")]
    [Description("The tree size: a size the node signed a checkpoint for. Default: the latest checkpoint's.")]
    public long? Size { get; init; }

    public override ValidationResult Validate() =>
        Index < 0 ? ValidationResult.Error("--index is required: the leaf index, 0 or more.")
        : Size is <= 0 ? ValidationResult.Error("--size must be 1 or more.")
        : base.Validate();
}

internal sealed class LogConsistencySettings : NodeSettings
{
    [CommandOption("--first <SIZE>")]
    [Description("The older tree size (a checkpoint's).")]
    public long First { get; init; }

    [CommandOption("--second <SIZE>")]
    [Description("The newer tree size (a checkpoint's). Default: the latest checkpoint's.")]
    public long? Second { get; init; }

    public override ValidationResult Validate() =>
        First <= 0 ? ValidationResult.Error("--first is required: a tree size of 1 or more.")
        : Second is { } second && second < First ? ValidationResult.Error("--second cannot be smaller than --first: a log never shrinks.")
        : base.Validate();
}

/// <summary><c>comity log proof inclusion</c>: fetches and checks an inclusion proof against a signed checkpoint.</summary>
internal sealed class LogInclusionCommand(CliEnvironment environment) : AsyncCommand<LogInclusionSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LogInclusionSettings settings, CancellationToken cancellationToken)
    {
        using var connection = NodeConnection.ResolveAsDemoAdmin(settings, environment, null, "un");
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var client = new LogClient(connection);
        var signed = await LogProofs.SignedCheckpointAsync(client, environment, settings.Size, cancellationToken);
        if (signed.Checkpoint is not { } checkpoint)
        {
            return signed.ExitCode;
        }

        var size = checkpoint.TreeSize;
        if (settings.Index >= size)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] --index must be smaller than the size {size}.");
            return ExitCodes.Invalid;
        }

        var entry = await client.GetAsync<LogEntriesResponse>($"api/v1/log/entries?from={settings.Index.ToString(CultureInfo.InvariantCulture)}&count=1", cancellationToken);
        var proof = await client.GetAsync<InclusionProofResponse>($"federation/v1/log/proof/inclusion?index={settings.Index.ToString(CultureInfo.InvariantCulture)}&size={size.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        if (entry.Value?.Entries.SingleOrDefault() is not { } leaf || proof.Value is not { } served)
        {
            return entry.ExitCode != ExitCodes.Ok ? entry.ExitCode : proof.ExitCode != ExitCodes.Ok ? proof.ExitCode : ExitCodes.Failure;
        }

        var report = new LogVerification(checkpoint.Origin);
        var data = LogLeafCheck.Check(report, leaf);
        var verdict = MerkleVerifier.VerifyInclusion(settings.Index, size, MerkleHash.Leaf(data), LogProofs.Decode(served.Hashes), checkpoint.RootHash.ToArray());
        var valid = verdict.IsValid && report.Failures.Count == 0;
        var reason = report.Failures.Count > 0 ? report.Failures[0].What : verdict.Reason;
        return LogProofs.Write(environment, settings.Json, valid, reason, new
        {
            kind = "inclusion",
            index = settings.Index,
            treeSize = size,
            leafHash = Convert.ToBase64String(MerkleHash.Leaf(data)),
            rootHash = Convert.ToBase64String(checkpoint.RootHash.Span),
            hashes = served.Hashes,
            valid,
            reason,
            leaf = new { leaf.EventId, leaf.Action, leaf.ObjectType, leaf.ObjectId, leaf.RecordedAt },
        }, served.Hashes, $"Leaf {settings.Index} ({leaf.Action} {leaf.ObjectType} {leaf.ObjectId}) in the tree of {size} leaves, root {Convert.ToBase64String(checkpoint.RootHash.Span)}");
    }
}

/// <summary><c>comity log proof consistency</c>: fetches and checks a consistency proof between two signed checkpoints.</summary>
internal sealed class LogConsistencyCommand(CliEnvironment environment) : AsyncCommand<LogConsistencySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, LogConsistencySettings settings, CancellationToken cancellationToken)
    {
        using var connection = NodeConnection.ResolveAsDemoAdmin(settings, environment, null, "un");
        if (connection is null)
        {
            return ExitCodes.Invalid;
        }

        var client = new LogClient(connection);
        var second = await LogProofs.SignedCheckpointAsync(client, environment, settings.Second, cancellationToken);
        if (second.Checkpoint is not { } to)
        {
            return second.ExitCode;
        }

        var first = await LogProofs.SignedCheckpointAsync(client, environment, settings.First, cancellationToken);
        if (first.Checkpoint is not { } from)
        {
            return first.ExitCode;
        }

        if (from.TreeSize > to.TreeSize)
        {
            environment.Error.MarkupLineInterpolated($"[red]error:[/] --first ({from.TreeSize}) is larger than the second size ({to.TreeSize}).");
            return ExitCodes.Invalid;
        }

        var proof = await client.GetAsync<ConsistencyProofResponse>($"federation/v1/log/proof/consistency?first={from.TreeSize.ToString(CultureInfo.InvariantCulture)}&second={to.TreeSize.ToString(CultureInfo.InvariantCulture)}", cancellationToken);
        if (proof.Value is not { } served)
        {
            return proof.ExitCode;
        }

        var verdict = MerkleVerifier.VerifyConsistency(from.TreeSize, to.TreeSize, LogProofs.Decode(served.Hashes), from.RootHash.ToArray(), to.RootHash.ToArray());
        return LogProofs.Write(environment, settings.Json, verdict.IsValid, verdict.Reason, new
        {
            kind = "consistency",
            first = from.TreeSize,
            second = to.TreeSize,
            firstRoot = Convert.ToBase64String(from.RootHash.Span),
            secondRoot = Convert.ToBase64String(to.RootHash.Span),
            hashes = served.Hashes,
            valid = verdict.IsValid,
            reason = verdict.Reason,
        }, served.Hashes, $"Tree of {from.TreeSize} leaves (root {Convert.ToBase64String(from.RootHash.Span)}) → tree of {to.TreeSize} (root {Convert.ToBase64String(to.RootHash.Span)})");
    }
}

internal static class LogProofs
{
    public static byte[][] Decode(IReadOnlyList<string> hashes)
    {
        try
        {
            return [.. hashes.Select(Convert.FromBase64String)];
        }
        catch (FormatException)
        {
            return [[]];
        }
    }

    /// <summary>The signed checkpoint of <paramref name="size"/> (default the latest), its signature checked with the node's published keys.</summary>
    public static async Task<(Checkpoint? Checkpoint, int ExitCode)> SignedCheckpointAsync(LogClient client, CliEnvironment environment, long? size, CancellationToken cancellationToken)
    {
        var summary = await client.GetAsync<LogSummaryResponse>("api/v1/log", cancellationToken);
        var list = await client.GetAsync<List<LogCheckpointResponse>>("api/v1/log/checkpoints?limit=" + LogClient.MaxCheckpoints.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (summary.Value is not { } s || list.Value is not { } checkpoints)
        {
            return (null, summary.ExitCode != ExitCodes.Ok ? summary.ExitCode : list.ExitCode);
        }

        var chosen = size is { } wanted ? checkpoints.FirstOrDefault(c => c.TreeSize == wanted) : checkpoints.FirstOrDefault();
        if (chosen is null)
        {
            var sizes = string.Join(", ", checkpoints.Select(c => c.TreeSize).Distinct().Take(20));
            environment.Error.MarkupLineInterpolated($"[red]error:[/] the node signed no checkpoint of size {size}: proofs are checked against signed checkpoints (sizes: {sizes}).");
            return (null, ExitCodes.Invalid);
        }

        foreach (var key in s.LogKeys.Where(k => k.Kid == chosen.Kid))
        {
            var verified = CheckpointNote.Verify(chosen.Note, s.Origin, JwkKeys.ToEd25519PublicKey(key.Jwk), s.Origin);
            if (verified.IsValid)
            {
                return (verified.Checkpoint, ExitCodes.Ok);
            }

            environment.Error.MarkupLineInterpolated($"[red]MISMATCH[/] checkpoint {chosen.Id} (size {chosen.TreeSize}): {verified.Reason}");
            return (null, ExitCodes.Invalid);
        }

        environment.Error.MarkupLineInterpolated($"[red]error:[/] checkpoint {chosen.Id} was signed with key {chosen.Kid}, which the node no longer publishes.");
        return (null, ExitCodes.Invalid);
    }

    public static int Write(CliEnvironment environment, bool json, bool valid, string reason, object machine, IReadOnlyList<string> hashes, string title)
    {
        if (json)
        {
            environment.WriteMachineOutput(JsonSerializer.Serialize(machine, LogClient.Json));
        }
        else
        {
            environment.Out.MarkupLineInterpolated($"[bold]{title}[/]");
            for (var i = 0; i < hashes.Count; i++)
            {
                environment.Out.MarkupLineInterpolated($"  {i}: {hashes[i]}");
            }

            if (valid)
            {
                environment.Out.MarkupLine("[green]The proof verifies against the signed checkpoint.[/]");
            }
            else
            {
                environment.Error.MarkupLineInterpolated($"[red]MISMATCH[/] the proof does not verify: {reason}");
            }
        }

        return valid ? ExitCodes.Ok : ExitCodes.Invalid;
    }
}

/// <summary>GETs JSON from the node, reporting failures as the other verbs do.</summary>
internal sealed class LogClient(NodeConnection connection)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The node's page limits (GET /api/v1/log/entries count, /checkpoints limit).</summary>
    public const int MaxEntries = 1000;

    public const int MaxCheckpoints = 10_000;

    public async Task<(T? Value, int ExitCode)> GetAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        var answer = await connection.ExchangeAsync(request, $"{Roles.NodeAdmin} or {Roles.Auditor}", cancellationToken);
        if (answer.Body is not { } body)
        {
            return (null, answer.ExitCode);
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(body, Json), ExitCodes.Ok);
        }
        catch (JsonException)
        {
            return (null, ExitCodes.Failure);
        }
    }
}
