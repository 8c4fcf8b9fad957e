using System.Text.Json.Nodes;

namespace Comity.Cli.Tests.Requests;

/// <summary>
/// <c>comity request …</c> between the central authorities of real XA and XB nodes (Art. 40): submit from a file, then
/// consultation, a status inquiry, postponement, partial execution and closing, each verb on its own side.
/// </summary>
public sealed class MutualLegalAssistanceCommandTests : IAsyncLifetime
{
    private RequestNetwork network = null!;
    private string folder = null!;

    public async ValueTask InitializeAsync()
    {
        network = await RequestNetwork.StartAsync(TestContext.Current.CancellationToken, "XA", "XB");
        await network.DesignateCentralAuthoritiesAsync(TestContext.Current.CancellationToken);
        folder = Path.Combine(Path.GetTempPath(), "comity-mla-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    public async ValueTask DisposeAsync()
    {
        await network.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<CliResult> Central(string state, params string[] args) =>
        new ClockedCliRunner(folder, network[state].Time).RunAsync([.. args, .. network.AsCentral(state)], Ct);

    private Task<CliResult> Prosecutor(string state, params string[] args) =>
        new ClockedCliRunner(folder, network[state].Time).RunAsync([.. args, .. network.AsProsecutor(state)], Ct);

    private Task<CliResult> Duty(string state, params string[] args) =>
        new ClockedCliRunner(folder, network[state].Time).RunAsync([.. args, .. network.As(state)], Ct);

    private string DraftFile(JsonObject draft)
    {
        var path = Path.Combine(folder, "draft-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, draft.ToJsonString());
        return path;
    }

    private static JsonObject Assistance() => new()
    {
        ["kind"] = "mutualLegalAssistance",
        ["requestedState"] = "XB",
        ["legalBasis"] = new JsonObject { ["kind"] = "reciprocity" },
        ["original"] = new JsonObject { ["language"] = "en", ["text"] = "Request for the production of the records described below." },
        ["purposes"] = new JsonArray("originalsOrCopiesOfRecords"),
        ["deadline"] = RequestNetwork.Now.AddDays(30).ToString("O"),
        ["contents"] = new JsonObject
        {
            ["requestingAuthority"] = "Ministry of Justice of XA, Central Authority",
            ["subjectOfProceedings"] = "Investigation of an intrusion into a hospital's network",
            ["conductingAuthority"] = "Public Prosecutor's Office of XA, Cybercrime Unit",
            ["offence"] = "Illegal access (Art. 7)",
            ["summaryOfFacts"] = "On 1 November 2026 the hospital's network was entered from an account held with a provider in XB.",
            ["assistanceSought"] = "Production of the subscriber information and access logs of account x@mail.example.",
            ["purpose"] = "To identify the person who entered the network.",
            ["deadlineReasons"] = "The suspect's detention review is in a month.",
        },
        ["reference"] = "XA-MLA-2026-0007",
    };

    [Fact]
    [Trait("Article", "40")]
    public async Task Incomplete_ListsEveryMissingItemWithItsArticle_AndTheDutyOfficerMayNotSendIt()
    {
        var draft = Assistance();
        draft.Remove("contents");
        draft["purposes"] = new JsonArray();

        var incomplete = await Central("XA", "request", "submit", "--file", DraftFile(draft));
        Assert.Equal(2, incomplete.ExitCode);
        foreach (var field in new[] { "purposes", "contents.subjectOfProceedings", "contents.assistanceSought", "contents.purpose", "contents.deadlineReasons" })
        {
            Assert.Contains(field, incomplete.Out + incomplete.Error, StringComparison.Ordinal);
        }

        Assert.Contains("Art. 40(15)", incomplete.Out + incomplete.Error, StringComparison.Ordinal);

        var byDuty = await Duty("XA", "request", "submit", "--file", DraftFile(Assistance()));
        Assert.NotEqual(0, byDuty.ExitCode);
        Assert.Contains("request.wrong-channel", byDuty.Out + byDuty.Error, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Article", "40")]
    public async Task Lifecycle_ThroughTheVerbs_BothSidesShowTheSameHistory()
    {
        var submitted = await Central("XA", "request", "submit", "--file", DraftFile(Assistance()), "--json");
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        var id = (string)JsonNode.Parse(submitted.Out)!["header"]!["id"]!;
        await network.DeliverAsync("XA", Ct);
        await network.DeliverAsync("XB", Ct);

        async Task Step(string state, params string[] verb)
        {
            var result = await Central(state, ["request", .. verb]);
            Assert.True(result.ExitCode == 0, $"{string.Join(' ', verb)}: {result}");
            await network.DeliverAsync(state, Ct);
        }

        await Step("XB", "acknowledge", id);
        await Step("XB", "propose-conditions", id, "--terms", "Records used as intelligence only.", "--use-limitation", "intelligenceOnly");
        await Step("XA", "accept-conditions", id);
        await Step("XA", "inquire-status", id, "--question", "Has the provider been ordered?");
        await Step("XB", "answer-status", id, "--answer", "The order went out on 3 November.");
        await Step("XB", "postpone", id, "--days", "20", "--reasons", "A domestic search is planned.");
        await Step("XB", "execute-partially", id, "--text", "Subscriber information attached.");

        // The wrong side's verb is refused by the request's rule, with exit code 2.
        var wrongSide = await Central("XA", "request", "execute", id, "--text", "Done.");
        Assert.Equal(2, wrongSide.ExitCode);
        Assert.Contains("request.wrong-side", wrongSide.Out + wrongSide.Error, StringComparison.Ordinal);

        await Step("XB", "close", id, "--reason", "No further logs exist.");

        var onXa = JsonNode.Parse((await Central("XA", "request", "show", id, "--json")).Out)!;
        var onXb = JsonNode.Parse((await Central("XB", "request", "show", id, "--json")).Out)!;
        string[] expected =
        [
            "submitted", "received", "acknowledged", "conditionsProposed", "conditionsAccepted", "statusInquired", "statusAnswered", "postponed",
            "partiallyExecuted", "closed",
        ];
        Assert.Equal(expected, onXa["events"]!.AsArray().Select(e => (string?)e!["type"]));
        Assert.Equal(onXb["events"]!.AsArray().Select(e => (string?)e!["signature"]!["jws"]), onXa["events"]!.AsArray().Select(e => (string?)e!["signature"]!["jws"]));
        Assert.Equal("intelligenceOnly", (string?)onXa["conditions"]!["useLimitation"]);

        // The 24/7 desk does not see it.
        var dutyList = await Duty("XB", "request", "list", "--json");
        Assert.DoesNotContain(id, dutyList.Out, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Article", "40")]
    public async Task ProsecutorProposes_TheDrafterMayNotSend_CentralAuthoritySendsIt_AndTheProsecutorSeesItSent()
    {
        var proposed = await Prosecutor("XA", "request", "propose", "--file", DraftFile(Assistance()), "--json");
        Assert.Equal(0, proposed.ExitCode);
        var proposalId = JsonNode.Parse(proposed.Out)!["id"]!.GetValue<string>();

        var waiting = await Central("XA", "request", "proposals", "--status", "awaitingReview");
        Assert.Equal(0, waiting.ExitCode);
        Assert.Contains(proposalId, waiting.Out, StringComparison.Ordinal);
        Assert.Contains("awaiting review", waiting.Out, StringComparison.Ordinal);

        var byDrafter = await Prosecutor("XA", "request", "send-proposal", proposalId);
        Assert.NotEqual(0, byDrafter.ExitCode);
        Assert.Contains("central-authority-officer or supervisor", byDrafter.Out + byDrafter.Error, StringComparison.Ordinal);

        var sent = await Central("XA", "request", "send-proposal", proposalId);
        Assert.Equal(0, sent.ExitCode);
        Assert.Contains("Sent", sent.Out, StringComparison.Ordinal);

        var followed = await Prosecutor("XA", "request", "proposals", "--json");
        var row = Assert.Single(JsonNode.Parse(followed.Out)!["proposals"]!.AsArray());
        Assert.Equal(("sent", "submitted"), (row!["status"]!.GetValue<string>(), row["requestState"]!.GetValue<string>()));

        var returnWithoutReason = await Central("XA", "request", "return-proposal", proposalId);
        Assert.Equal(2, returnWithoutReason.ExitCode);
    }
}
