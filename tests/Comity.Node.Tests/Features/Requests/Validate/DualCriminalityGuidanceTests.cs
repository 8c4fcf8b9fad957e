using System.Net;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Tests.Features.Directory;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Testing.Databases;

namespace Comity.Node.Tests.Features.Requests.Validate;

/// <summary>
/// States list offences of their own law with maximum penalties and the Convention offences they cover; the Register
/// carries them, and a mutual legal assistance request naming one gets the dual-criminality guidance (Arts. 2, 35, 40)
/// on both sides. An offence code the requesting State does not list is refused, and nothing is sent.
/// </summary>
public sealed class DualCriminalityGuidanceTests
{
    private static OffenceListInput XaOffences => new(
    [
        new OffenceInput("XA-PC-323-1", "Unauthorised access to an automated data processing system", 24, ["illegalAccess"]),
        new OffenceInput("XA-PC-323-3", "Fraudulent introduction or alteration of data", 60, ["interferenceWithElectronicData", "ictSystemRelatedTheftOrFraud"]),
    ]);

    private static OffenceListInput XbOffences => new(
    [
        new OffenceInput("XB-CC-202a", "Data espionage", 36, ["illegalAccess", "illegalInterception"]),
    ]);

    [Theory]
    [Trait("Article", "35")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task ListedOffences_TravelInTheRegister_AndBothSidesReadTheSameGuidance_AnUnknownCodeIsRefused(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        var (xa, xb) = (network["XA"], network["XB"]);
        using var xaAdmin = await xa.CreateClientForAsync("requests-admin", Roles.NodeAdmin);
        using var xbAdmin = await xb.CreateClientForAsync("requests-admin", Roles.NodeAdmin);
        await xaAdmin.SendJsonAsync(HttpMethod.Put, "/api/v1/directory/own/offences", XaOffences).OkAsync();
        await xbAdmin.SendJsonAsync(HttpMethod.Put, "/api/v1/directory/own/offences", XbOffences).OkAsync();
        await MutualLegalAssistanceFederationTests.DesignateCentralAuthoritiesAsync(network, ct);
        using var xaCentral = await xa.CreateClientForAsync("central", Roles.CentralAuthorityOfficer);
        using var xbCentral = await xb.CreateClientForAsync("central", Roles.CentralAuthorityOfficer);

        // An offence code XA does not list: refused with its field and article, nothing stored or sent.
        var (unknown, problem) = await xaCentral.PostAsync("/api/v1/requests", MutualLegalAssistanceFederationTests.Assistance("XB") with { OffenceCode = "XA-PC-999" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray(), e => e.GetProperty("field").GetString() == "offenceCode");
        Assert.Equal(("request.offence-unknown", "Art. 35"), (error.GetProperty("code").GetString(), error.GetProperty("article").GetString()));
        Assert.Empty((await xaCentral.GetJsonAsync("/api/v1/requests", ct)).GetProperty("items").EnumerateArray());

        // Expert evaluations (non-coercive): XB's data espionage covers illegal access, so dual criminality is shown.
        var validated = await xaCentral.PostAsync("/api/v1/requests/validate", MutualLegalAssistanceFederationTests.Assistance("XB", purposes: ["informationEvidenceAndExpertEvaluations"]) with { OffenceCode = "XA-PC-323-1" }).OkAsync();
        var guidance = validated.GetProperty("dualCriminality");
        Assert.Equal(("nonCoercive", "XA-PC-323-1"), (guidance.GetProperty("measure").GetString(), guidance.GetProperty("offenceCode").GetString()));
        Assert.Equal(["illegalAccess"], guidance.GetProperty("conventionOffences").EnumerateArray().Select(c => c.GetString()));
        var conclusions = guidance.GetProperty("conclusions").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("holds").GetBoolean());
        Assert.Equal(
            new Dictionary<string, bool> { ["conventionOffence"] = true, ["seriousInRequestingState"] = false, ["seriousInRequestedState"] = false, ["dualCriminalityMet"] = true, ["mayBeRefused"] = false },
            conclusions);
        Assert.Equal("Art. 7", guidance.GetProperty("conclusions")[0].GetProperty("article").GetString());

        // Records of a fraud (coercive; Arts. 9 and 11) have no counterpart in XB's list: the mappings do not show dual criminality, so it may be a ground.
        var fraud = await xaCentral.PostAsync("/api/v1/requests/validate", MutualLegalAssistanceFederationTests.Assistance("XB") with { OffenceCode = "XA-PC-323-3" }).OkAsync();
        var fraudConclusions = fraud.GetProperty("dualCriminality").GetProperty("conclusions").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("holds").GetBoolean());
        Assert.Equal("coercive", fraud.GetProperty("dualCriminality").GetProperty("measure").GetString());
        Assert.True(fraudConclusions["seriousInRequestingState"]);
        Assert.False(fraudConclusions["dualCriminalityMet"]);
        Assert.True(fraudConclusions["mayBeRefused"]);

        // Sent: the code travels with the request, and XB reads the same guidance from the same Register.
        var submitted = await xaCentral.PostAsync("/api/v1/requests", MutualLegalAssistanceFederationTests.Assistance("XB") with { OffenceCode = "XA-PC-323-1" }).OkAsync(HttpStatusCode.Created);
        var id = submitted.GetProperty("header").GetProperty("id").GetGuid();
        await xa.DeliverAsync(ct);
        var onXb = await xbCentral.GetJsonAsync($"/api/v1/requests/{id}", ct);
        Assert.Equal("XA-PC-323-1", onXb.GetProperty("offenceCode").GetString());
        Assert.Equal(submitted.GetProperty("dualCriminality").ToString(), onXb.GetProperty("dualCriminality").ToString());
        Assert.Contains("XB-CC-202a", onXb.GetProperty("dualCriminality").GetProperty("matchingOffences")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [Trait("Article", "35")]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task BadOffenceList_EveryProblemWithItsField_NothingChanged(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA");
        using var admin = await network["XA"].CreateClientForAsync("requests-admin", Roles.NodeAdmin);
        using var duty = await network["XA"].DutyAsync();
        await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/directory/own/offences", XaOffences).OkAsync();

        var (refused, problem) = await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/directory/own/offences", new OffenceListInput(
        [
            new OffenceInput("XA-1", "Hacking", -1, ["hacking"]),
            new OffenceInput("XA-1", "", 12, []),
            null,
        ]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var fields = problem.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Contains(("offences[0].maximumPenaltyMonths", "offence.penalty-negative"), fields);
        Assert.Contains(("offences[0].conventionOffences[0]", "offence.unknown-convention-offence"), fields);
        Assert.Contains(("offences[1].title", "offence.title-missing"), fields);
        Assert.Contains(("offences[1].code", "directory.offence-duplicate"), fields);
        Assert.Contains(("offences[2]", "offence.code-missing"), fields);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.SendJsonAsync(HttpMethod.Put, "/api/v1/directory/own/offences", new { })).Response.StatusCode);

        var own = await admin.GetJsonAsync("/api/v1/directory/own", ct);
        Assert.Equal(["XA-PC-323-1", "XA-PC-323-3"], own.GetProperty("offences").EnumerateArray().Select(o => o.GetProperty("code").GetString()));

        // Only the node's administrator edits its directory.
        Assert.Equal(HttpStatusCode.Forbidden, (await duty.SendJsonAsync(HttpMethod.Put, "/api/v1/directory/own/offences", XbOffences)).Response.StatusCode);
    }
}
