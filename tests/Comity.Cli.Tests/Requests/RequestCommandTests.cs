using System.Text.Json.Nodes;
using Comity.Cli.Demo;
using Comity.Node.Features.Requests.Clocks;
using Comity.Node.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Cli.Tests.Requests;

/// <summary><c>comity request …</c> against real XA and XB nodes joined on loopback.</summary>
public sealed class RequestCommandTests : IAsyncLifetime
{
    private static readonly string[] PreservationItems =
        ["requestingAuthority", "offence", "summaryOfFacts", "dataToPreserve", "linkToOffence", "custodianOrLocation", "preservationNecessity", "intendedFollowUp"];

    private RequestNetwork network = null!;
    private string folder = null!;

    public async ValueTask InitializeAsync()
    {
        network = await RequestNetwork.StartAsync(TestContext.Current.CancellationToken, "XA", "XB");
        folder = Path.Combine(Path.GetTempPath(), "comity-request-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    public async ValueTask DisposeAsync()
    {
        await network.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<CliResult> Run(string state, params string[] args) =>
        new ClockedCliRunner(folder, network[state].Time).RunAsync([.. args, .. network.As(state)], Ct);

    private string DraftFile(JsonObject draft)
    {
        var path = Path.Combine(folder, "draft-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, draft.ToJsonString());
        return path;
    }

    private static JsonObject Preservation(bool withContents = true)
    {
        var draft = new JsonObject
        {
            ["kind"] = "expeditedPreservation",
            ["requestedState"] = "XB",
            ["legalBasis"] = new JsonObject { ["kind"] = "bilateralTreaty", ["reference"] = "Treaty on Mutual Legal Assistance between XA and XB (2019)" },
            ["original"] = new JsonObject { ["language"] = "en", ["text"] = "Please preserve the mailbox described below pending a mutual legal assistance request." },
            ["conditions"] = new JsonObject { ["confidentiality"] = "confidential", ["useLimitation"] = "statedPurposeOnly" },
            ["reference"] = "XA-2026-0042",
        };
        if (withContents)
        {
            draft["contents"] = new JsonObject
            {
                ["requestingAuthority"] = "Public Prosecutor's Office, Cybercrime Unit",
                ["offence"] = "Illegal access (Art. 7)",
                ["summaryOfFacts"] = "Intrusion into a hospital's network on 1 November 2026.",
                ["dataToPreserve"] = "Mailbox contents and access logs of account x@mail.example",
                ["linkToOffence"] = "The account received the exfiltrated data.",
                ["custodianOrLocation"] = "Nimbus Mail SA, servers in XB",
                ["preservationNecessity"] = "The provider deletes logs after 30 days.",
                ["intendedFollowUp"] = "A request for search and disclosure of the mailbox.",
            };
        }

        return draft;
    }

    private async Task<string> SubmitAndDeliverAsync()
    {
        var submitted = await Run("XA", "request", "submit", "--file", DraftFile(Preservation()), "--json");
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var id = (string)JsonNode.Parse(submitted.Out)!["header"]!["id"]!;
        Assert.True(await network.DeliverAsync("XA", Ct) > 0, "XA had nothing to deliver after the submission.");
        await network.DeliverAsync("XB", Ct);
        return id;
    }

    [Fact]
    public async Task Submit_ListAcknowledgePreserve_ShowOnTheRequesterListsXbsEventsWithVerifiedSignatures()
    {
        var submitted = await Run("XA", "request", "submit", "--file", DraftFile(Preservation()));
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        Assert.Contains("Submitted expeditedPreservation (Art. 42) to XB", submitted.Out, StringComparison.Ordinal);
        // The acknowledgement is XB's clock to meet: XA is told what it waits for, and XB's list shows the countdown.
        Assert.Contains("Waiting for XB's node to receive the request.", submitted.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Clock acknowledgement", submitted.Out, StringComparison.Ordinal);
        await network.DeliverAsync("XA", Ct);
        await network.DeliverAsync("XB", Ct);

        var incoming = await Run("XB", "request", "list", "--box", "incoming", "--json");
        Assert.True(incoming.ExitCode == 0, incoming.ToString());
        var row = Assert.Single(JsonNode.Parse(incoming.Out)!["items"]!.AsArray())!;
        var id = (string)row["id"]!;
        Assert.Equal("XA", (string?)row["requestingState"]);
        Assert.True((bool)row["awaitingUs"]!);

        var table = await Run("XB", "request", "list", "--box", "incoming");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains(id, table.Out, StringComparison.Ordinal);
        Assert.Contains("expeditedPreservation (Art. 42)", table.Out, StringComparison.Ordinal);
        Assert.Contains("XA → XB", table.Out, StringComparison.Ordinal);
        Assert.Contains("due in 1 h 00 min acknowledgement", table.Out, StringComparison.Ordinal);

        var acknowledged = await Run("XB", "request", "acknowledge", id);
        Assert.True(acknowledged.ExitCode == 0, acknowledged.ToString());
        Assert.Contains("acknowledged", acknowledged.Out, StringComparison.Ordinal);
        await network.DeliverAsync("XB", Ct);
        var preserved = await Run("XB", "request", "preserve", id, "--days", "90", "--note", "Nimbus Mail SA confirmed");
        Assert.True(preserved.ExitCode == 0, preserved.ToString());
        Assert.Contains("preserved", preserved.Out, StringComparison.Ordinal);
        await network.DeliverAsync("XB", Ct);

        var json = await Run("XA", "request", "show", id, "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var detail = JsonNode.Parse(json.Out)!;
        Assert.Equal("preserved", (string?)detail["header"]!["state"]);
        var events = detail["events"]!.AsArray();
        Assert.Equal(["submitted", "received", "acknowledged", "preserved"], events.Select(e => (string?)e!["type"]));
        var fromXb = events.Where(e => (string?)e!["node"] == "XB").ToList();
        Assert.Equal(3, fromXb.Count);
        Assert.All(fromXb, e => Assert.True((bool)e!["signature"]!["verified"]!, e!.ToJsonString()));
        Assert.All(fromXb, e => Assert.Equal("XB", (string?)e!["signature"]!["signer"]));
        var xbKid = (string)fromXb[^1]!["signature"]!["kid"]!;

        var shown = await Run("XA", "request", "show", id);
        Assert.True(shown.ExitCode == 0, shown.ToString());
        Assert.Contains("Signed history", shown.Out, StringComparison.Ordinal);
        var preservedLine = shown.Out.Split('\n').Single(l => l.Contains(" preserved ", StringComparison.Ordinal) && l.Contains(xbKid, StringComparison.Ordinal));
        Assert.Contains("✓ verified (XB)", preservedLine, StringComparison.Ordinal);
        Assert.Contains("XB (requested)", preservedLine, StringComparison.Ordinal);
        Assert.Contains("Preservation (Art. 42)", shown.Out, StringComparison.Ordinal);
        Assert.Contains("ends in 90 d", shown.Out, StringComparison.Ordinal);
        Assert.Contains("dataToPreserve", shown.Out, StringComparison.Ordinal);
        Assert.Contains("statedPurposeOnly", shown.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_DraftWithoutContents_ExitsTwoListingEveryMissingItemWithItsArticle_AndSendsNothing()
    {
        var result = await Run("XA", "request", "submit", "--file", DraftFile(Preservation(withContents: false)));

        Assert.True(result.ExitCode == 2, result.ToString());
        foreach (var item in PreservationItems)
        {
            var line = result.Error.Split('\n').SingleOrDefault(l => l.Contains($"(contents.{item})", StringComparison.Ordinal));
            Assert.True(line is not null, $"contents.{item} is not listed:\n{result.Error}");
            Assert.Contains("[request.missing-content, Art. 42]", line, StringComparison.Ordinal);
        }

        Assert.Contains("Nothing was stored or sent", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await network.DeliverAsync("XA", Ct));
        var outgoing = await Run("XA", "request", "list", "--json");
        Assert.Empty(JsonNode.Parse(outgoing.Out)!["items"]!.AsArray());
        var incoming = await Run("XB", "request", "list", "--json");
        Assert.Empty(JsonNode.Parse(incoming.Out)!["items"]!.AsArray());
    }

    [Fact]
    public async Task Validate_IncompleteDraftFromFlags_ExitsTwoWithEveryProblemAndItsArticle()
    {
        var result = await Run("XA", "request", "validate", "--kind", "emergencyDisclosure", "--to", "XB", "--basis", "reciprocity",
            "--language", "en", "--text", "Urgent: a threat to life.", "--content", "offence=Extortion (Art. 13)");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("cannot be submitted", result.Out, StringComparison.Ordinal);
        foreach (var (field, article) in new[] { ("contents.emergency", "Art. 41(3)(e)"), ("contents.dataSought", "Art. 41(3)(e)"), ("contents.summaryOfFacts", "Art. 41(1)") })
        {
            var line = result.Out.Split('\n').SingleOrDefault(l => l.Contains(field, StringComparison.Ordinal));
            Assert.True(line is not null, $"{field} is not listed:\n{result.Out}");
            Assert.Contains(article, line, StringComparison.Ordinal);
            Assert.Contains("request.missing-content", line, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("contents.offence", result.Out, StringComparison.Ordinal);
        Assert.Contains("Routing to XB", result.Out, StringComparison.Ordinal);
        Assert.Contains("XB Cybercrime 24/7 desk", result.Out, StringComparison.Ordinal);

        var json = await Run("XA", "request", "validate", "--file", DraftFile(Preservation()), "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var validation = JsonNode.Parse(json.Out)!;
        Assert.True((bool)validation["valid"]!);
        Assert.Empty(validation["problems"]!.AsArray());
        Assert.Equal("Officer XB", (string?)validation["routing"]!["officerOnDuty"]);
    }

    [Fact]
    public async Task Transitions_RefusedByARule_ExitTwoNamingTheCodeAndArticle()
    {
        var id = await SubmitAndDeliverAsync();

        var wrongSide = await Run("XA", "request", "acknowledge", id);
        Assert.True(wrongSide.ExitCode == 2, wrongSide.ToString());
        Assert.Contains("request.wrong-side", wrongSide.Error, StringComparison.Ordinal);

        var early = await Run("XB", "request", "preserve", id, "--days", "90");
        Assert.True(early.ExitCode == 2, early.ToString());
        Assert.Contains("request.transition-not-allowed", early.Error, StringComparison.Ordinal);

        Assert.Equal(0, (await Run("XB", "request", "acknowledge", id)).ExitCode);
        var tooShort = await Run("XB", "request", "preserve", id, "--days", "30");
        Assert.True(tooShort.ExitCode == 2, tooShort.ToString());
        Assert.Contains("preservation.period-too-short", tooShort.Error, StringComparison.Ordinal);
        Assert.Contains("Art. 42", tooShort.Error, StringComparison.Ordinal);

        var noReasons = await Run("XB", "request", "refuse", id, "--ground", "essentialInterests");
        Assert.True(noReasons.ExitCode == 2, noReasons.ToString());
        Assert.Contains("refusal.reasons-required", noReasons.Error, StringComparison.Ordinal);

        var state = JsonNode.Parse((await Run("XB", "request", "show", id, "--json")).Out)!;
        Assert.Equal("acknowledged", (string?)state["header"]!["state"]);
    }

    [Fact]
    public async Task PreservationLifecycle_EachSidesVerbs_ReachTheOtherSide()
    {
        var id = await SubmitAndDeliverAsync();
        async Task Step(string state, params string[] args)
        {
            var result = await Run(state, ["request", .. args]);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains("Recorded " + args[0], result.Out, StringComparison.Ordinal);
            await network.DeliverAsync(state, Ct);
        }

        await Step("XB", "acknowledge", id);
        await Step("XB", "preserve", id, "--until", "2027-02-01");
        await Step("XA", "link-follow-up", id, "--reference", "MLA-XA-2026-0042");
        await Step("XA", "request-extension", id, "--reason", "The MLA request is before the court.");
        await Step("XB", "extend", id, "--days", "30");
        await Step("XB", "close", id, "--reason", "The data were produced under the MLA request.");

        var detail = JsonNode.Parse((await Run("XA", "request", "show", id, "--json")).Out)!;
        Assert.Equal("closed", (string?)detail["header"]!["state"]);
        Assert.Equal(["submitted", "received", "acknowledged", "preserved", "followUpLinked", "extensionRequested", "preservationExtended", "closed"],
            detail["events"]!.AsArray().Select(e => (string?)e!["type"]));
        Assert.Equal(new DateTimeOffset(2027, 3, 3, 0, 0, 0, TimeSpan.Zero), detail["preservation"]!["until"]!.GetValue<DateTimeOffset>());
        Assert.Equal("MLA-XA-2026-0042", (string?)Assert.Single(detail["preservation"]!["followUpReferences"]!.AsArray()));

        var other = await SubmitAndDeliverAsync();
        await Step("XA", "withdraw", other, "--reason", "Identified domestically.");
        Assert.Equal("withdrawn", (string?)JsonNode.Parse((await Run("XB", "request", "show", other, "--json")).Out)!["header"]!["state"]);
    }

    [Fact]
    public async Task Preserve_WithoutAPeriod_ExitsTwoWithoutCallingTheNode()
    {
        var result = await Run("XB", "request", "preserve", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--days", result.Error, StringComparison.Ordinal);
        Assert.Contains("Art. 42", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("request.not-found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kinds_ShowsRequiredContentsWithArticles_AndJsonParses()
    {
        var table = await Run("XA", "request", "kinds");
        Assert.True(table.ExitCode == 0, table.ToString());
        var line = table.Out.Split('\n').Single(l => l.Contains("contents.dataToPreserve", StringComparison.Ordinal));
        Assert.Contains("Art. 42", line, StringComparison.Ordinal);
        Assert.Contains("acknowledge within 15 min", table.Out, StringComparison.Ordinal);

        var json = await Run("XA", "request", "kinds", "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        var kinds = JsonNode.Parse(json.Out)!["kinds"]!.AsArray().Select(k => (string?)k!["kind"]).ToList();
        Assert.Contains("expeditedPreservation", kinds);
        Assert.Contains("emergencyDisclosure", kinds);
    }

    [Fact]
    public async Task List_AsAProsecutor_ExitsOneNamingTheRoles()
    {
        var prosecutor = await network["XB"].CreateUserWithTokenAsync("prosecutor", Roles.Prosecutor);

        var result = await new ClockedCliRunner(folder, network["XB"].Time).RunAsync(
            ["request", "list", "--node", network["XB"].BaseAddress.ToString(), "--token", prosecutor], Ct);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("403", result.Error, StringComparison.Ordinal);
        Assert.Contains(Roles.DutyOfficer, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_PicksTheDemoDutyOfficerOfThatNode()
    {
        var id = await SubmitAndDeliverAsync();
        var token = network.As("XB")[3];
        var credentials = new DemoCredentials(RequestNetwork.Now,
        [
            new DemoNodeCredentials("xb", "state", "XB", network["XB"].BaseAddress.ToString().TrimEnd('/'), [new DemoUserCredentials("duty", "unused", [Roles.DutyOfficer], token)]),
        ]);
        credentials.Save(Path.Combine(folder, ".comity", "demo", DemoCredentials.FileName));
        var runner = new ClockedCliRunner(folder, network["XB"].Time);

        var result = await runner.RunAsync(["request", "list", "--as", "xb", "--json"], Ct);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("as duty (duty officer", result.Error, StringComparison.Ordinal);
        Assert.Equal(id, (string?)Assert.Single(JsonNode.Parse(result.Out)!["items"]!.AsArray())!["id"]);

        var unknown = await runner.RunAsync(["request", "list", "--as", "xq"], Ct);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no State node 'xq'", unknown.Error, StringComparison.Ordinal);

        // "xb/central" picks another demo user of the node: here a central-authority officer, who does not see the 24/7 request.
        var central = await network["XB"].CreateUserWithTokenAsync("central", Roles.CentralAuthorityOfficer);
        new DemoCredentials(RequestNetwork.Now,
        [
            new DemoNodeCredentials("xb", "state", "XB", network["XB"].BaseAddress.ToString().TrimEnd('/'),
                [new DemoUserCredentials("duty", "unused", [Roles.DutyOfficer], token), new DemoUserCredentials("central", "unused", [Roles.CentralAuthorityOfficer], central)]),
        ]).Save(Path.Combine(folder, ".comity", "demo", DemoCredentials.FileName));
        var asCentral = await runner.RunAsync(["request", "list", "--as", "xb/central", "--json"], Ct);
        Assert.True(asCentral.ExitCode == 0, asCentral.ToString());
        Assert.Contains("as central (central authority officer", asCentral.Error, StringComparison.Ordinal);
        Assert.Empty(JsonNode.Parse(asCentral.Out)!["items"]!.AsArray());
        var noSuchUser = await runner.RunAsync(["request", "list", "--as", "xb/prosecutor"], Ct);
        Assert.Equal(2, noSuchUser.ExitCode);
        Assert.Contains("no State node 'xb' with a user 'prosecutor'", noSuchUser.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notes_AddThenList_ShowsTheNoteForTheNextShift()
    {
        var id = await SubmitAndDeliverAsync();

        var added = await Run("XB", "request", "notes", "add", "Call XA's desk if the follow-up is late", "--request", id);
        Assert.True(added.ExitCode == 0, added.ToString());

        var notes = await Run("XB", "request", "notes", "--json");
        Assert.True(notes.ExitCode == 0, notes.ToString());
        var note = Assert.Single(JsonNode.Parse(notes.Out)!["items"]!.AsArray())!;
        Assert.Equal("Call XA's desk if the follow-up is late", (string?)note["text"]);
        Assert.Equal(id, (string?)Assert.Single(note["requestIds"]!.AsArray()));
    }

    [Fact]
    public async Task ListAndAlerts_AfterTheAcknowledgementClockPassed_ShowOverdueAndTheEscalation()
    {
        var id = await SubmitAndDeliverAsync();
        network.Network.Advance(TimeSpan.FromMinutes(65));
        await using (var scope = network["XB"].Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RequestClockSweep>().SweepAsync(Ct);
        }

        var list = await Run("XB", "request", "list", "--box", "incoming");
        Assert.True(list.ExitCode == 0, list.ToString());
        var row = list.Out.Split('\n').Single(l => l.Contains(id, StringComparison.Ordinal));
        Assert.Contains("OVERDUE 5 min acknowledgement", row, StringComparison.Ordinal);

        var alerts = await Run("XB", "request", "alerts");
        Assert.True(alerts.ExitCode == 0, alerts.ToString());
        var alert = alerts.Out.Split('\n').Single(l => l.Contains(id, StringComparison.Ordinal));
        Assert.Contains("escalation", alert, StringComparison.Ordinal);
        Assert.Contains("supervisor", alert, StringComparison.Ordinal);
        Assert.Contains("acknowledgement", alert, StringComparison.Ordinal);

        var json = await Run("XB", "request", "alerts", "--audience", "supervisor", "--json");
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.Contains(JsonNode.Parse(json.Out)!["items"]!.AsArray(), a => (string?)a!["requestId"] == id && (string?)a["clock"] == "acknowledgement");
    }
}
