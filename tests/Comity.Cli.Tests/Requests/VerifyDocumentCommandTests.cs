using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Comity.Cli.Tests.Requests;

/// <summary>
/// <c>comity request document</c> and <c>comity request verify-document</c> on real XA and XB nodes: the formal documents of a request between central
/// authorities and of its answer match the signed history on both sides; a tampered document, the document of a
/// request the node does not hold, and a file that is not a Comity document do not.
/// </summary>
public sealed class VerifyDocumentCommandTests : IAsyncLifetime
{
    private RequestNetwork network = null!;
    private string folder = null!;

    public async ValueTask InitializeAsync()
    {
        network = await RequestNetwork.StartAsync(TestContext.Current.CancellationToken, "XA", "XB");
        await network.DesignateCentralAuthoritiesAsync(TestContext.Current.CancellationToken);
        folder = Path.Combine(Path.GetTempPath(), "comity-document-cli-" + Guid.NewGuid().ToString("N"));
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

    private Task<CliResult> Duty(string state, params string[] args) =>
        new ClockedCliRunner(folder, network[state].Time).RunAsync([.. args, .. network.As(state)], Ct);

    private async Task<string> SubmitAsync(string reference)
    {
        var draft = new JsonObject
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
            ["reference"] = reference,
        };
        var file = Path.Combine(folder, reference + ".json");
        await File.WriteAllTextAsync(file, draft.ToJsonString(), Ct);
        var submitted = await Central("XA", "request", "submit", "--file", file, "--json");
        Assert.True(submitted.ExitCode == 0, submitted.ToString());
        return (string)JsonNode.Parse(submitted.Out)!["header"]!["id"]!;
    }

    /// <summary>Downloads a formal document as <paramref name="state"/>'s central-authority officer, into the test's folder.</summary>
    private async Task<string> DownloadAsync(string state, string path, string name)
    {
        var flags = network.AsCentral(state);
        using var client = new HttpClient { BaseAddress = new Uri(flags[1]) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", flags[3]);
        using var response = await client.GetAsync(path, Ct);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {path}: {await response.Content.ReadAsStringAsync(Ct)}");
        var file = Path.Combine(folder, name);
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync(Ct), Ct);
        return file;
    }

    [Fact]
    [Trait("Article", "40")]
    public async Task VerifyDocument_RequestAndAnswer_MatchOnBothSides_TamperedForeignAndOtherFilesDoNot()
    {
        var id = await SubmitAsync("XA-MLA-2026-0101");
        await network.DeliverAsync("XA", Ct);
        Assert.Equal(0, (await Central("XB", "request", "acknowledge", id)).ExitCode);
        Assert.Equal(0, (await Central("XB", "request", "execute-partially", id, "--text", "Subscriber information attached.")).ExitCode);
        await network.DeliverAsync("XB", Ct);

        // comity request document downloads the PDFs: the request's from XA, the answer's from XB.
        var downloaded = await Central("XA", "request", "document", id, "--json");
        Assert.True(downloaded.ExitCode == 0, downloaded.ToString());
        var requestPdf = (string)JsonNode.Parse(downloaded.Out)!["file"]!;
        Assert.Equal(Path.Combine(folder, $"request-{id}.pdf"), requestPdf);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await File.ReadAllBytesAsync(requestPdf, Ct), 0, 5), StringComparison.Ordinal);
        var shown = JsonNode.Parse((await Central("XA", "request", "show", id, "--json")).Out)!;
        var answerIndex = shown["events"]!.AsArray().Single(e => (string?)e!["type"] == "partiallyExecuted")!["index"]!.GetValue<int>();
        var answerPdf = Path.Combine(folder, "answer.pdf");
        Assert.Equal(0, (await Central("XB", "request", "document", id, "--answer", answerIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", "answer.pdf")).ExitCode);
        var notAnswer = await Central("XB", "request", "document", id, "--answer", "0");
        Assert.Equal(1, notAnswer.ExitCode);
        Assert.Contains("document.not-an-answer", notAnswer.Error, StringComparison.Ordinal);

        // The request's document matches on both sides, and so does the answer's, whichever node printed it.
        foreach (var (state, file) in new[] { ("XA", requestPdf), ("XB", requestPdf), ("XA", answerPdf), ("XB", answerPdf) })
        {
            var verified = await Central(state, "request", "verify-document", file, "--json");
            Assert.True(verified.ExitCode == 0, $"{state} {file}: {verified}");
            var output = JsonNode.Parse(verified.Out)!;
            Assert.True((bool)output["matches"]!);
            Assert.Equal(id, (string?)output["requestId"]);
            Assert.Contains("document.signature-verified", verified.Out, StringComparison.Ordinal);
        }

        var table = await Central("XA", "request", "verify-document", answerPdf);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("Match", table.Out, StringComparison.Ordinal);
        Assert.Contains("document.answer-matches", table.Out, StringComparison.Ordinal);

        // Tampered: one hex digit of the submission's digest changed in the document's properties.
        var bytes = await File.ReadAllBytesAsync(requestPdf, Ct);
        var digest = (string)JsonNode.Parse((await Central("XA", "request", "verify-document", requestPdf, "--json")).Out)!["mark"]!;
        var original = digest[^64..];
        var forged = (original[0] == '0' ? "1" : "0") + original[1..];
        var tampered = Path.Combine(folder, "tampered.pdf");
        await File.WriteAllBytesAsync(tampered, Replace(bytes, original, forged), Ct);
        var mismatch = await Central("XA", "request", "verify-document", tampered);
        Assert.Equal(1, mismatch.ExitCode);
        Assert.Contains("Mismatch", mismatch.Out, StringComparison.Ordinal);
        Assert.Contains("document.submission-differs", mismatch.Out, StringComparison.Ordinal);

        // Foreign: the document of a request XB's node never received.
        var other = await SubmitAsync("XA-MLA-2026-0102");
        var foreign = await DownloadAsync("XA", $"api/v1/requests/{other}/document.pdf", "foreign.pdf");
        var unknown = await Central("XB", "request", "verify-document", foreign);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains(other, unknown.Error, StringComparison.Ordinal);

        // The 24/7 desk does not read the central authorities' requests: nothing to check against.
        Assert.Equal(1, (await Duty("XA", "request", "verify-document", requestPdf)).ExitCode);

        // Not a Comity document.
        var text = Path.Combine(folder, "letter.pdf");
        await File.WriteAllTextAsync(text, "%PDF-1.4 not really", Ct);
        var notComity = await Central("XA", "request", "verify-document", text);
        Assert.Equal(2, notComity.ExitCode);
        Assert.Contains("not a Comity formal document", notComity.Error, StringComparison.Ordinal);
    }

    /// <summary>The bytes with every occurrence of the ASCII <paramref name="from"/> replaced by <paramref name="to"/> (same length, so the PDF's offsets stay right).</summary>
    private static byte[] Replace(byte[] bytes, string from, string to)
    {
        var (needle, replacement) = (Encoding.ASCII.GetBytes(from), Encoding.ASCII.GetBytes(to));
        var copy = (byte[])bytes.Clone();
        var replaced = 0;
        for (var i = copy.AsSpan().IndexOf(needle); i >= 0; i = copy.AsSpan().IndexOf(needle))
        {
            replacement.CopyTo(copy, i);
            replaced++;
        }

        Assert.True(replaced > 0, "The digest is not in the PDF's bytes as plain text.");
        return copy;
    }
}
