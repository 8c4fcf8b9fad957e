using System.Net;
using System.Text.Json;
using Comity.Node.Features.Requests;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Protocol.V1;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Requests;

/// <summary>What the 24/7 channel refuses, each with its rule code and article, changing nothing.</summary>
public sealed class RequestsRefusalTests
{
    [Theory]
    [Trait("Article", "42")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Submit_IncompleteDraft_Returns422ListingEveryMissingItemWithItsArticle_AndSendsNothing(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        using var duty = await network["XA"].DutyAsync();
        var draft = RequestsTestKit.Preservation("XB") with { Contents = new RequestContentsDto { Offence = "Illegal access (Art. 7)" } };

        var problem = await duty.PostAsync("/api/v1/requests", draft).OkAsync(HttpStatusCode.UnprocessableEntity);

        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(
            ["contents.requestingAuthority", "contents.summaryOfFacts", "contents.dataToPreserve", "contents.linkToOffence", "contents.custodianOrLocation", "contents.preservationNecessity", "contents.intendedFollowUp"],
            errors.Select(e => e.GetProperty("field").GetString()));
        Assert.All(errors, e => Assert.Equal("request.missing-content", e.GetProperty("code").GetString()));
        Assert.All(errors, e => Assert.Equal("Art. 42", e.GetProperty("article").GetString()));
        Assert.Equal(0, await network["XA"].QueryAsync(db => db.Set<OutboxEnvelope>().CountAsync(ct)));
        Assert.Equal(0, await network["XA"].QueryAsync(db => db.Requests().CountAsync(ct)));
    }

    [Theory]
    [Trait("Article", "65")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Submit_OnTheConventionWhenNotInForce_IsRefusedCitingArticle65_AnotherBasisPassesWithAWarning(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        using var duty = await network["XA"].DutyAsync();

        var problem = await duty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB", basis: "convention", reference: null)).OkAsync(HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("request.convention-not-in-force", error.GetProperty("code").GetString());
        Assert.Equal("legalBasis.kind", error.GetProperty("field").GetString());
        Assert.Equal("Art. 65", error.GetProperty("article").GetString());
        Assert.Equal(0, await network["XA"].QueryAsync(db => db.Set<OutboxEnvelope>().CountAsync(ct)));

        var reciprocity = await duty.PostAsync("/api/v1/requests/validate", RequestsTestKit.Preservation("XB", basis: "reciprocity", reference: null)).OkAsync();
        Assert.True(reciprocity.GetProperty("valid").GetBoolean());
        var warning = Assert.Single(reciprocity.GetProperty("warnings").EnumerateArray());
        Assert.Equal("Art. 65", warning.GetProperty("article").GetString());
    }

    [Theory]
    [Trait("Article", "40(14)")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Submit_InALanguageTheRequestedStateDoesNotAccept_NeedsATranslation_KeptBesideTheOriginal(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        using var duty = await network["XA"].DutyAsync();
        var german = new RequestTextInput("de", "Bitte sichern Sie das unten beschriebene Postfach.");

        var problem = await duty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB", original: german)).OkAsync(HttpStatusCode.UnprocessableEntity);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("request.language-not-accepted", error.GetProperty("code").GetString());
        Assert.Equal("Art. 40(14)", error.GetProperty("article").GetString());
        Assert.Equal(0, await network["XA"].QueryAsync(db => db.Requests().CountAsync(ct)));

        var translated = await duty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB", original: german, translation: new RequestTextInput("en", "Please preserve the mailbox described below."))).OkAsync(HttpStatusCode.Created);
        Assert.Equal("de", translated.GetProperty("original").GetProperty("language").GetString());
        Assert.Equal("en", translated.GetProperty("translation").GetProperty("language").GetString());
        Assert.Equal("requesting", translated.GetProperty("translation").GetProperty("providedBy").GetString());
    }

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

    [Theory]
    [Trait("Article", "41")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Envelope_RecordingTheOtherSidesTransition_IsRefusedWithAProblem_AndNotStored(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        var id = await SubmittedAndReceivedAsync(xa, xb, ct);

        // XA claims to acknowledge (the requested side's transition) on XB's copy.
        var forged = new RequestEventV1("acknowledged", "requested", xa.Time.GetUtcNow(), "XA officer", new RequestEventFieldsV1());
        var problem = await RefusedThirdEventAsync(xa, "XA", xb, "XB", id, forged, HttpStatusCode.Forbidden, ct);

        Assert.Equal("request.wrong-side", problem.GetProperty("code").GetString());
    }

    [Theory]
    [Trait("Article", "40")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Envelope_RefusingOnAGroundThisNodeDoesNotKnow_IsRefusedAsMalformed_AndNotStored(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        var id = await SubmittedAndReceivedAsync(xa, xb, ct);

        // XB's refusal (its own transition, next in XA's copy) names a ground no version of the protocol defines.
        var forged = new RequestEventV1("refused", "requested", xb.Time.GetUtcNow(), "XB officer", new RequestEventFieldsV1 { Ground = "notAGround", Reasons = "Because." });
        var problem = await RefusedThirdEventAsync(xb, "XB", xa, "XA", id, forged, HttpStatusCode.BadRequest, ct);

        Assert.Equal(RequestEnvelopeRules.Malformed, problem.GetProperty("code").GetString());
        Assert.Contains("'notAGround' is unknown", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var xaDuty = await xa.DutyAsync();
        Assert.Equal("received", (await xaDuty.GetJsonAsync($"/api/v1/requests/{id}", ct)).GetProperty("header").GetProperty("state").GetString());
    }

    /// <summary>XA's preservation request to XB, delivered both ways: each node holds its submitted and received events.</summary>
    private static async Task<Guid> SubmittedAndReceivedAsync(TestNode xa, TestNode xb, CancellationToken ct)
    {
        using var xaDuty = await xa.DutyAsync();
        var id = (await xaDuty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB")).OkAsync(HttpStatusCode.Created)).GetProperty("header").GetProperty("id").GetGuid();
        await xa.DeliverAsync(ct);
        await xb.DeliverAsync(ct);
        return id;
    }

    /// <summary>
    /// Sends <paramref name="forged"/> as the third event (index 2, the sender's <c>seq</c> 2) and returns the
    /// problem document, after checking its status and that the receiver stored neither the event nor the envelope.
    /// </summary>
    private static async Task<JsonElement> RefusedThirdEventAsync(TestNode from, string fromState, TestNode to, string toState, Guid id, RequestEventV1 forged, HttpStatusCode expected, CancellationToken ct)
    {
        var now = from.Time.GetUtcNow();
        var body = RequestJson.ToBody(new RequestEventEnvelopeV1(id, 2, forged));
        var envelope = new EnvelopeV1(1, Guid.CreateVersion7(now).ToString("D"), fromState, toState, id.ToString("D"), 2, RequestEventEnvelopeV1.TypeName, now, body);
        using var refused = await to.PostEnvelopeAsync(await from.SignAsync(envelope, ct), ct);

        Assert.Equal(expected, refused.StatusCode);
        Assert.Equal(2, await to.QueryAsync(db => db.RequestEvents().CountAsync(e => e.RequestId == id, ct)));
        Assert.False(await to.QueryAsync(db => db.Set<InboxEnvelope>().AnyAsync(i => i.Id == Guid.Parse(envelope.Id), ct)));
        return await refused.JsonAsync(ct);
    }
}
