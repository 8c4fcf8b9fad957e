using System.Net;
using Comity.Node.Kernel;
using Comity.Node.Tests.Federation.Envelopes;

namespace Comity.Node.Tests.Features.Requests.ReceiveSubmission;

/// <summary>With the delivery workers running: what a handler enqueues inside the inbox's transaction goes out when that transaction commits.</summary>
public sealed class RequestsDeliveryTests
{
    [Fact]
    [Trait("Article", "41")]
    public async Task ReceivedEvent_EnqueuedInsideTheInboxTransaction_IsDeliveredWhenItCommits_NotAtTheNextSweepTick()
    {
        var ct = TestContext.Current.CancellationToken;

        // The nodes' clocks are fake and never advanced here, so the workers' periodic sweep never comes:
        // only the wake-up after the inbox's commit can send XB's received event back to XA.
        await using var network = await RequestsTestKit.StartAsync(
            DatabaseProvider.Sqlite,
            new Dictionary<string, string?> { ["Comity:Federation:Envelopes:DeliveryWorkerEnabled"] = "true" },
            ct,
            "XA",
            "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        using var xaDuty = await xa.DutyAsync();
        var submitted = await xaDuty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB")).OkAsync(HttpStatusCode.Created);
        var id = submitted.GetProperty("header").GetProperty("id").GetGuid();

        var states = new List<string?>();
        for (var i = 0; i < 200; i++)
        {
            var onXa = await xaDuty.GetJsonAsync($"/api/v1/requests/{id}", ct);
            states.Add(onXa.GetProperty("header").GetProperty("state").GetString());
            if (states[^1] == "received")
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, ct);
        }

        Assert.Equal("received", states[^1]);
        using var xbDuty = await xb.DutyAsync();
        var onXb = await xbDuty.GetJsonAsync($"/api/v1/requests/{id}", ct);
        Assert.Equal("received", onXb.GetProperty("header").GetProperty("state").GetString());
    }
}
