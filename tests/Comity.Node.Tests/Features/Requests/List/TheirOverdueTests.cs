using System.Net;
using System.Text.Json;
using Comity.Node.Features.Requests.Transitions;
using Comity.Node.Kernel;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Testing.Databases;

namespace Comity.Node.Tests.Features.Requests.List;

/// <summary>
/// The requesting side does not watch the acknowledgement clock (the requested side does), but once it passes the requester
/// must see it: the row says the other side is overdue, ranks as overdue, and names the other State's 24/7 point of contact
/// and who is on duty there now, from the Register this node holds.
/// </summary>
public sealed class TheirOverdueTests
{
    [Theory]
    [Trait("Article", "41")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task OverdueAcknowledgement_ShowsOnTheRequestersRowAndRequest_WithTheContact_UntilAcknowledged(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        using var xaDuty = await xa.DutyAsync();
        using var xbDuty = await xb.DutyAsync();

        var submitted = await xaDuty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB")).OkAsync(HttpStatusCode.Created);
        var id = submitted.GetProperty("header").GetProperty("id").GetGuid();
        await xa.DeliverAsync(ct);
        await xb.DeliverAsync(ct);

        // Within the hour XB has to acknowledge (expedited preservation), XA's row owes nothing and waits for nothing overdue.
        var early = Row(await xaDuty.GetJsonAsync("/api/v1/requests", ct), id);
        Assert.Equal(JsonValueKind.Null, early.GetProperty("theirOverdue").ValueKind);
        Assert.NotEqual("overdue", early.GetProperty("urgency").GetString());

        // Five minutes past the hour: XB is overdue, and XA's row says so, with XB's desk and its officer on duty now.
        network.Advance(TimeSpan.FromMinutes(65));
        var late = Row(await xaDuty.GetJsonAsync("/api/v1/requests", ct), id);
        Assert.Equal("overdue", late.GetProperty("urgency").GetString());
        var theirs = late.GetProperty("theirOverdue");
        Assert.Equal("acknowledgement", theirs.GetProperty("kind").GetString());
        Assert.Equal("Art. 41", theirs.GetProperty("article").GetString());
        Assert.Equal(RequestsTestKit.Now.AddHours(1), theirs.GetProperty("due").GetDateTimeOffset());
        var contact = theirs.GetProperty("contact");
        Assert.Equal("XB", contact.GetProperty("state").GetString());
        Assert.Equal("XB Cybercrime 24/7 desk", contact.GetProperty("office").GetString());
        Assert.Equal(["+1 555 0100"], contact.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("value").GetString()));
        Assert.Equal("Officer XB", contact.GetProperty("onDuty").GetString());
        Assert.Equal(["+1 555 0101"], contact.GetProperty("onDutyChannels").EnumerateArray().Select(c => c.GetProperty("value").GetString()));

        // The request itself says the same; XB's own row is overdue by its own clock, and owes nothing from XA.
        var detail = await xaDuty.GetJsonAsync($"/api/v1/requests/{id}", ct);
        Assert.Equal("acknowledgement", detail.GetProperty("theirOverdue").GetProperty("kind").GetString());
        Assert.Equal("Officer XB", detail.GetProperty("theirOverdue").GetProperty("contact").GetProperty("onDuty").GetString());
        var onXb = Row(await xbDuty.GetJsonAsync("/api/v1/requests", ct), id);
        Assert.Equal("overdue", onXb.GetProperty("urgency").GetString());
        Assert.Equal(JsonValueKind.Null, onXb.GetProperty("theirOverdue").ValueKind);

        // The overdue request ranks above a newer one XA sent to XB whose clock still runs.
        var newer = await xaDuty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB") with { Reference = "XA-2026-0043" }).OkAsync(HttpStatusCode.Created);
        await xa.DeliverAsync(ct);
        var order = (await xaDuty.GetJsonAsync("/api/v1/requests?box=outgoing", ct)).GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Equal([id, newer.GetProperty("header").GetProperty("id").GetGuid()], order);

        // Once XB acknowledges and XA receives it, nothing is owed any more.
        await xbDuty.PostAsync($"/api/v1/requests/{id}/acknowledge", new AcknowledgeInput("On it.")).OkAsync();
        await xb.DeliverAsync(ct);
        var acknowledged = Row(await xaDuty.GetJsonAsync("/api/v1/requests", ct), id);
        Assert.Equal(JsonValueKind.Null, acknowledged.GetProperty("theirOverdue").ValueKind);
        Assert.NotEqual("overdue", acknowledged.GetProperty("urgency").GetString());
    }

    private static JsonElement Row(JsonElement list, Guid id) =>
        list.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
}
