using System.Net;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Validate;
using Comity.Node.Federation.Envelopes;
using Comity.Node.Kernel;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Features.Requests.Submit;

/// <summary>What a submission refuses, each with its rule code and article, storing and sending nothing.</summary>
public sealed class SubmitRequestRefusalTests
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
}
