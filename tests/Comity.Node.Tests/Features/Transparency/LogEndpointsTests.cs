using System.Net;
using System.Net.Http.Json;
using Comity.Domain.Transparency;
using Comity.Node.Features.Transparency;
using Comity.Node.Federation.Transparency;
using Comity.Node.Identity;
using Comity.Node.Tests.Federation.Transparency;
using Comity.Testing.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Features.Transparency;

/// <summary>The log as auditors read it through the API: its summary, entries with their leaf data, and checkpoints.</summary>
public sealed class LogEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheApi_ListsEntriesWithTheirLeafData_AndCheckpoints()
    {
        await using var node = await TestNode.StartAsync(cancellationToken: Ct);
        await TransparencyLogTests.RecordAsync(node, 3);
        await node.Services.GetRequiredService<LogWriter>().RunOnceAsync(Ct);
        using var auditor = await node.CreateClientForAsync("auditor", Roles.Auditor);

        var summary = await auditor.GetFromJsonAsync<LogSummaryResponse>("/api/v1/log", Ct);
        Assert.Equal("comity.int/log/XA", summary!.Origin);
        Assert.Equal(summary.Size, summary.Checkpoint!.TreeSize);
        Assert.NotEmpty(summary.LogKeys);

        var entries = await auditor.GetFromJsonAsync<LogEntriesResponse>($"/api/v1/log/entries?from=0&count={summary.Size}", Ct);
        Assert.Equal(summary.Size, entries!.Entries.Count);
        Assert.All(entries.Entries, e => Assert.Equal(e.LeafHash, Convert.ToBase64String(MerkleHash.Leaf(Convert.FromBase64String(e.LeafData)))));
        Assert.Contains(entries.Entries, e => e.Action == "test.recorded");

        var checkpoints = await auditor.GetFromJsonAsync<List<LogCheckpointResponse>>("/api/v1/log/checkpoints?limit=5", Ct);
        Assert.Equal(summary.Checkpoint.Id, checkpoints![0].Id);

        using var bad = await auditor.GetAsync("/api/v1/log/entries?count=5000", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
