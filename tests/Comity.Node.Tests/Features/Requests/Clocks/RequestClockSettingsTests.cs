using System.Net;
using System.Text.Json;
using Comity.Node.Kernel;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Requests.Clocks;

/// <summary>The clocks of the 24/7 channel are node settings (<c>Comity:Requests</c>): configured values are the ones in force, bad ones stop the node with the key named.</summary>
public sealed class RequestClockSettingsTests
{
    [Fact]
    [Trait("Article", "41")]
    public async Task ConfiguredClocks_AreTheOnesTheKindsReport_AndTheAcknowledgementClockRunsOnThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var settings = new Dictionary<string, string?>
        {
            ["Comity:Requests:Kinds:expeditedPreservation:AcknowledgeWithin"] = "00:10:00",
            ["Comity:Requests:Kinds:EmergencyDisclosure:AcknowledgeWithin"] = "00:05:00",
            ["Comity:Requests:Kinds:emergencyDisclosure:StaleAfter"] = "12:00:00",
            ["Comity:Requests:PreservationReminders:0"] = "7.00:00:00",
            ["Comity:Requests:PreservationReminders:1"] = "21.00:00:00",
            ["Comity:Requests:PreservationReminders:2"] = "1.00:00:00",
        };
        await using var network = await RequestsTestKit.StartAsync(DatabaseProvider.Sqlite, settings, ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        using var xaDuty = await xa.DutyAsync();
        using var xbDuty = await xb.DutyAsync();

        var kinds = await xbDuty.GetJsonAsync("/api/v1/requests/kinds", ct);
        var clocks = kinds.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("clocks"));
        Assert.Equal(TimeSpan.FromMinutes(10), clocks["expeditedPreservation"].GetProperty("acknowledgeWithin").Deserialize<TimeSpan>());
        Assert.Equal(TimeSpan.FromDays(7), clocks["expeditedPreservation"].GetProperty("staleAfter").Deserialize<TimeSpan>());
        Assert.Equal(TimeSpan.FromMinutes(5), clocks["emergencyDisclosure"].GetProperty("acknowledgeWithin").Deserialize<TimeSpan>());
        Assert.Equal(TimeSpan.FromHours(12), clocks["emergencyDisclosure"].GetProperty("staleAfter").Deserialize<TimeSpan>());
        Assert.Equal(TimeSpan.FromHours(4), clocks["locateSuspect"].GetProperty("acknowledgeWithin").Deserialize<TimeSpan>());
        Assert.Equal(
            [TimeSpan.FromDays(21), TimeSpan.FromDays(7), TimeSpan.FromDays(1)],
            kinds.GetProperty("preservationRemindersBeforeExpiry").EnumerateArray().Select(r => r.Deserialize<TimeSpan>()));

        var submitted = await xaDuty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB")).OkAsync(HttpStatusCode.Created);
        var id = submitted.GetProperty("header").GetProperty("id").GetGuid();
        await xa.DeliverAsync(ct);
        await xb.DeliverAsync(ct);

        var incoming = await xbDuty.GetJsonAsync("/api/v1/requests?box=incoming", ct);
        var row = Assert.Single(incoming.GetProperty("items").EnumerateArray());
        Assert.Equal(id, row.GetProperty("id").GetGuid());
        Assert.Equal("acknowledgement", row.GetProperty("nextDueKind").GetString());
        Assert.Equal(row.GetProperty("submittedAt").GetDateTimeOffset().AddMinutes(10), row.GetProperty("nextDueAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("Comity:Requests:Kinds:preserveEverything:AcknowledgeWithin", "00:10:00", "Comity:Requests:Kinds:preserveEverything: unknown request kind")]
    [InlineData("Comity:Requests:Kinds:emergencyDisclosure:AcknowledgeWithin", "-00:05:00", "Comity:Requests:Kinds:emergencyDisclosure:AcknowledgeWithin must be a positive duration")]
    [InlineData("Comity:Requests:Kinds:technicalAdvice:StaleAfter", "00:00:00", "Comity:Requests:Kinds:technicalAdvice:StaleAfter must be a positive duration")]
    [InlineData("Comity:Requests:PreservationReminders:0", "-1.00:00:00", "Comity:Requests:PreservationReminders:0 must be a positive duration")]
    [InlineData("Comity:Requests:ClockSweepInterval", "00:00:00", "Comity:Requests:ClockSweepInterval must be a positive duration")]
    public async Task BadClockSetting_StopsTheNodeOnStart_NamingTheKey(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestNode.StartAsync(
            new TestNodeOptions { Settings = new Dictionary<string, string?> { [key] = value } },
            TestContext.Current.CancellationToken));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
