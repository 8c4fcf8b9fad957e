using System.Net;
using Comity.Node.Features.Requests.Transitions;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Features.Requests.Transitions;

/// <summary>What recording a transition refuses, each with its rule code and article, changing nothing.</summary>
public sealed class RecordTransitionRefusalTests
{
    [Theory]
    [Trait("Article", "42")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Transitions_IllegalOrTooShortOrTheOtherSides_AreRefusedWithTheirRule_AndNothingIsSent(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        using var xaDuty = await xa.DutyAsync();
        using var xbDuty = await xb.DutyAsync();
        var id = (await xaDuty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB")).OkAsync(HttpStatusCode.Created)).GetProperty("header").GetProperty("id").GetGuid();
        await xa.DeliverAsync(ct);
        await xb.DeliverAsync(ct);
        var sentBefore = await xb.QueryAsync(db => db.Set<OutboxEnvelope>().CountAsync(ct));

        // Preserving before acknowledging breaks the transition table.
        var illegal = await xbDuty.PostAsync($"/api/v1/requests/{id}/preserve", new PreserveInput(Days: 90)).OkAsync(HttpStatusCode.Conflict);
        Assert.Equal("request.transition-not-allowed", illegal.GetProperty("code").GetString());
        Assert.Equal("Art. 42", illegal.GetProperty("errors")[0].GetProperty("article").GetString());

        // The requesting side cannot acknowledge, the requested side cannot withdraw.
        var wrongSide = await xaDuty.PostAsync($"/api/v1/requests/{id}/acknowledge", new AcknowledgeInput()).OkAsync(HttpStatusCode.Forbidden);
        Assert.Equal("request.wrong-side", wrongSide.GetProperty("code").GetString());
        var notTheirs = await xbDuty.PostAsync($"/api/v1/requests/{id}/withdraw", new WithdrawInput()).OkAsync(HttpStatusCode.Forbidden);
        Assert.Equal("request.wrong-side", notTheirs.GetProperty("code").GetString());

        // Preservation for less than 60 days (Art. 42) and refusal on a ground not open to preservation.
        await xbDuty.PostAsync($"/api/v1/requests/{id}/acknowledge", new AcknowledgeInput()).OkAsync();
        var tooShort = await xbDuty.PostAsync($"/api/v1/requests/{id}/preserve", new PreserveInput(Days: 30)).OkAsync(HttpStatusCode.Conflict);
        Assert.Equal("preservation.period-too-short", tooShort.GetProperty("code").GetString());
        var ground = await xbDuty.PostAsync($"/api/v1/requests/{id}/refuse", new RefuseInput("fiscalMatter", "Tax case.")).OkAsync(HttpStatusCode.Conflict);
        Assert.Contains("refusal.fiscal-matter", ground.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
        var noReasons = await xbDuty.PostAsync($"/api/v1/requests/{id}/refuse", new RefuseInput("essentialInterests", " ")).OkAsync(HttpStatusCode.Conflict);
        Assert.Equal("refusal.reasons-required", noReasons.GetProperty("code").GetString());

        // Input of the wrong shape has its own code (and its bound), so the pages can word it in every language.
        var both = await xbDuty.PostAsync($"/api/v1/requests/{id}/preserve", new PreserveInput(Until: DateTimeOffset.UnixEpoch, Days: 90)).OkAsync(HttpStatusCode.BadRequest);
        Assert.Equal("preservation.until-and-days", both.GetProperty("code").GetString());
        var neither = await xbDuty.PostAsync($"/api/v1/requests/{id}/preserve", new PreserveInput()).OkAsync(HttpStatusCode.BadRequest);
        Assert.Equal("preservation.period-missing", neither.GetProperty("code").GetString());
        var tooMany = await xbDuty.PostAsync($"/api/v1/requests/{id}/preserve", new PreserveInput(Days: 4000)).OkAsync(HttpStatusCode.BadRequest);
        Assert.Equal("preservation.days-out-of-range", tooMany.GetProperty("code").GetString());
        Assert.Equal(3660, tooMany.GetProperty("errors")[0].GetProperty("limit").GetInt32());
        var tooLong = await xbDuty.PostAsync($"/api/v1/requests/{id}/refuse", new RefuseInput("essentialInterests", new string('x', 8001))).OkAsync(HttpStatusCode.BadRequest);
        Assert.Equal("request.text-too-long", tooLong.GetProperty("code").GetString());
        Assert.Equal("reasons", tooLong.GetProperty("errors")[0].GetProperty("field").GetString());
        Assert.Equal(8000, tooLong.GetProperty("errors")[0].GetProperty("limit").GetInt32());
        Assert.False(noReasons.GetProperty("errors")[0].TryGetProperty("limit", out _));

        var detail = await xbDuty.GetJsonAsync($"/api/v1/requests/{id}", ct);
        Assert.Equal("acknowledged", detail.GetProperty("header").GetProperty("state").GetString());
        Assert.Equal(sentBefore + 1, await xb.QueryAsync(db => db.Set<OutboxEnvelope>().CountAsync(ct)));
    }
}
