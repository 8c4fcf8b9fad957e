using System.Net;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Transitions;
using Comity.Node.Features.Requests.Validate;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Node.Tests.Federation.Envelopes;
using Comity.Protocol.V1;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Requests;

/// <summary>
/// Two real nodes on loopback, between central authorities (Art. 40): an incomplete request refused with every missing
/// item, the channel kept apart from the 24/7 desk, then consultation, a status inquiry, postponement, partial execution
/// and closing, with both sides holding the same signed history.
/// </summary>
[Trait("Article", "40")]
public sealed class MutualLegalAssistanceFederationTests
{
    internal static RequestDraftInput Assistance(string to, RequestContentsDto? contents = null, IReadOnlyList<string>? purposes = null, DateTimeOffset? deadline = null) => new(
        "mutualLegalAssistance",
        to,
        "Central Authority",
        new LegalBasisInput("bilateralTreaty", "Treaty on Mutual Legal Assistance between XA and XB (2019)"),
        new RequestTextInput("en", "Request for the production of subscriber and access records of the account described below."),
        null,
        contents ?? new RequestContentsDto
        {
            RequestingAuthority = "Ministry of Justice of XA, Central Authority",
            SubjectOfProceedings = "Criminal investigation of an intrusion into a hospital's network",
            ConductingAuthority = "Public Prosecutor's Office of XA, Cybercrime Unit",
            Offence = "Illegal access (Art. 7)",
            SummaryOfFacts = "On 1 November 2026 the hospital's network was entered from an account held with a provider in XB.",
            AssistanceSought = "Production of subscriber information and access logs of account x@mail.example, 1–30 November 2026.",
            PersonsConcerned = "Unknown holder of x@mail.example",
            Purpose = "To identify the person who entered the network.",
            DeadlineReasons = "The suspect's detention review is on 15 January 2027.",
        },
        new HandlingConditionsDto("confidential", "statedPurposeOnly"),
        "XA-MLA-2026-0007",
        purposes ?? ["originalsOrCopiesOfRecords"],
        deadline ?? RequestsTestKit.Now.AddDays(30));

    internal static async Task DesignateCentralAuthoritiesAsync(RequestsNetwork network, CancellationToken ct)
    {
        foreach (var code in network.States.Keys)
        {
            await network.DesignateAsync(code, new DesignationInput(
                null, $"{code} Central Authority", "centralAuthority", [new ContactChannelV1("email", $"mla@{code.ToLowerInvariant()}.example")], ["en", "fr"], "Europe/Paris", [new OfficeHoursV1([1, 2, 3, 4, 5], new TimeOnly(9, 0), new TimeOnly(17, 0))], false));
        }

        foreach (var node in network.States.Values)
        {
            await node.SyncRegisterAsync(ct);
        }
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task MutualLegalAssistance_FromXAToXB_IncompleteRefused_ChannelKeptApart_ConsultedPostponedPartlyExecutedClosed_SameSignedHistory(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        await DesignateCentralAuthoritiesAsync(network, ct);
        var (xa, xb) = (network["XA"], network["XB"]);
        using var xaCentral = await xa.CreateClientForAsync("central", Roles.CentralAuthorityOfficer);
        using var xbCentral = await xb.CreateClientForAsync("central", Roles.CentralAuthorityOfficer);
        using var xaDuty = await xa.DutyAsync();
        using var xbDuty = await xb.DutyAsync();

        // Incomplete: every missing item with its field and article, and nothing stored or sent.
        var (incomplete, problem) = await xaCentral.PostAsync("/api/v1/requests", Assistance("XB", new RequestContentsDto { RequestingAuthority = "Central Authority of XA" }, purposes: []));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        var errors = problem.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(
            ["purposes", "contents.subjectOfProceedings", "contents.conductingAuthority", "contents.offence", "contents.summaryOfFacts",
             "contents.assistanceSought", "contents.purpose", "contents.deadlineReasons"],
            errors.Select(e => e.GetProperty("field").GetString()).Where(f => f is "purposes" || f!.StartsWith("contents.", StringComparison.Ordinal)));
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == "contents.offence" && e.GetProperty("article").GetString() == "Art. 40(15)");
        Assert.Empty((await xaCentral.GetJsonAsync("/api/v1/requests", ct)).GetProperty("items").EnumerateArray());

        // The 24/7 desk does not send mutual legal assistance.
        var (byDuty, refusal) = await xaDuty.PostAsync("/api/v1/requests", Assistance("XB"));
        Assert.Equal(HttpStatusCode.Forbidden, byDuty.StatusCode);
        Assert.Equal("request.wrong-channel", refusal.GetProperty("errors")[0].GetProperty("code").GetString());

        // Complete: routed to XB's central authority from the Register.
        var submitted = await xaCentral.PostAsync("/api/v1/requests", Assistance("XB")).OkAsync(HttpStatusCode.Created);
        var id = submitted.GetProperty("header").GetProperty("id").GetGuid();
        Assert.Equal("XB Central Authority", submitted.GetProperty("header").GetProperty("requestedOffice").GetString());
        await xa.DeliverAsync(ct);
        await xb.DeliverAsync(ct);

        // Need-to-know: XB's 24/7 desk neither lists nor opens it; XB's central authority does.
        Assert.Empty((await xbDuty.GetJsonAsync("/api/v1/requests?box=incoming", ct)).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await xbDuty.GetAsync($"/api/v1/requests/{id}", ct)).StatusCode);
        var row = Assert.Single((await xbCentral.GetJsonAsync("/api/v1/requests?box=incoming", ct)).GetProperty("items").EnumerateArray());
        Assert.Equal("received", row.GetProperty("state").GetString());

        var strict = new HandlingConditionsDto("confidential", "intelligenceOnly", "prohibited");
        await xbCentral.PostAsync($"/api/v1/requests/{id}/acknowledge", new AcknowledgeInput()).OkAsync();
        var consulting = await xbCentral.PostAsync($"/api/v1/requests/{id}/propose-conditions", new ProposeConditionsInput("Records given as intelligence only, never as evidence without our consent.", strict)).OkAsync();
        Assert.Equal("inConsultation", consulting.GetProperty("header").GetProperty("state").GetString());
        await xb.DeliverAsync(ct);

        // Wrong side: the requester cannot record the requested side's events.
        Assert.Equal(HttpStatusCode.Forbidden, (await xaCentral.PostAsync($"/api/v1/requests/{id}/execute", new ExecuteInput("Done."))).Response.StatusCode);

        await xaCentral.PostAsync($"/api/v1/requests/{id}/accept-conditions", new AcceptConditionsInput()).OkAsync();
        await xaCentral.PostAsync($"/api/v1/requests/{id}/inquire-status", new InquireStatusInput("Has the provider been ordered?")).OkAsync();
        await xa.DeliverAsync(ct);

        // A refusal on a ground the Convention rules out changes nothing.
        var (fiscal, fiscalProblem) = await xbCentral.PostAsync($"/api/v1/requests/{id}/refuse", new RefuseInput("fiscalMatter", "Tax offence."));
        Assert.Equal(HttpStatusCode.Conflict, fiscal.StatusCode);
        Assert.Contains("refusal.fiscal-matter", fiscalProblem.GetProperty("errors").Strings("code"));

        // Unanswered for 10 days (the node's setting): XB's supervisor is told; XB's 24/7 desk hears nothing of it.
        network.Advance(TimeSpan.FromDays(11));
        var unanswered = Assert.Single(await xb.SweepClocksAsync(), a => a.RequestId == id);
        Assert.Equal(("statusAnswer", "escalation", Roles.Supervisor, "Art. 40(24)"), (unanswered.Clock, unanswered.Kind, unanswered.Audience, unanswered.Article));
        Assert.DoesNotContain(id.ToString(), (await xbDuty.GetJsonAsync("/api/v1/requests/alerts", ct)).ToString(), StringComparison.Ordinal);
        Assert.Contains(id.ToString(), (await xbCentral.GetJsonAsync("/api/v1/requests/alerts", ct)).ToString(), StringComparison.Ordinal);

        await xbCentral.PostAsync($"/api/v1/requests/{id}/answer-status", new AnswerStatusInput("The provider was ordered on 3 December; records are due within 20 days.")).OkAsync();
        var postponed = await xbCentral.PostAsync($"/api/v1/requests/{id}/postpone", new PostponeInput(Days: 20, Reasons: "Producing the records now would alert the suspects of a domestic investigation.")).OkAsync();
        Assert.Equal("postponed", postponed.GetProperty("header").GetProperty("state").GetString());
        await xb.DeliverAsync(ct);

        // The postponement ends (XB's central authority is reminded) after the requester's 30-day deadline passed (XB's supervisor is told).
        network.Advance(TimeSpan.FromDays(21));
        var due = (await xb.SweepClocksAsync()).Where(a => a.RequestId == id).ToList();
        Assert.Contains(due, a => (a.Clock, a.Kind, a.Audience) == ("postponementEnd", "reminder", Roles.CentralAuthorityOfficer));
        Assert.Contains(due, a => (a.Clock, a.Kind, a.Audience) == ("requesterDeadline", "escalation", Roles.Supervisor));

        // A month on, the officers sign in again (tokens last 30 days).
        using var xaCentralNext = await xa.CreateClientForAsync("central-next", Roles.CentralAuthorityOfficer);
        using var xbCentralNext = await xb.CreateClientForAsync("central-next", Roles.CentralAuthorityOfficer);
        await xbCentralNext.PostAsync($"/api/v1/requests/{id}/execute-partially", new ExecutePartiallyInput("Subscriber information attached; access logs follow.")).OkAsync();
        var closed = await xbCentralNext.PostAsync($"/api/v1/requests/{id}/close", new CloseInput("The provider holds no further logs.")).OkAsync();
        Assert.Equal("closed", closed.GetProperty("header").GetProperty("state").GetString());
        await xb.DeliverAsync(ct);

        // Both sides hold the same signed history; the accepted conditions bind the requester.
        var onXa = await xaCentralNext.GetJsonAsync($"/api/v1/requests/{id}", ct);
        var onXb = await xbCentralNext.GetJsonAsync($"/api/v1/requests/{id}", ct);
        string[] expected =
        [
            "submitted", "received", "acknowledged", "conditionsProposed", "conditionsAccepted", "statusInquired", "statusAnswered", "postponed",
            "partiallyExecuted", "closed",
        ];
        Assert.Equal(expected, onXa.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(
            onXb.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("signature").GetProperty("jws").GetString()),
            onXa.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("signature").GetProperty("jws").GetString()));
        Assert.All(onXa.GetProperty("events").EnumerateArray(), e => Assert.True(e.GetProperty("signature").GetProperty("verified").GetBoolean(), e.ToString()));
        Assert.Equal("closed", onXa.GetProperty("header").GetProperty("state").GetString());
        Assert.Equal("intelligenceOnly", onXa.GetProperty("conditions").GetProperty("useLimitation").GetString());
        Assert.Equal("prohibited", onXa.GetProperty("conditions").GetProperty("onwardTransfer").GetString());
    }
}
