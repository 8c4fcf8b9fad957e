using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Comity.Node.Features.Directory.Manage;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Document;
using Comity.Node.Features.Requests.Transitions;
using Comity.Node.Features.Requests.Validate;
using Comity.Node.Identity;
using Comity.Node.Kernel;
using Comity.Protocol.V1;
using Comity.Testing.Databases;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Requests.Document;

/// <summary>
/// The formal document of a request between central authorities and of its answers (issue 12), checked by reading the
/// PDF's text back with <c>pdftotext</c> (Debian's poppler-utils), and who may have it.
/// </summary>
public sealed class FormalDocumentTests
{
    private static readonly string[] Languages = ["en", "fr", "es", "ru", "ar", "zh-Hans"];

    private static RequestDraftInput Assistance(string language, string text, RequestTextInput? translation = null) => new(
        "mutualLegalAssistance",
        "XB",
        "Central Authority",
        new LegalBasisInput("bilateralTreaty", "Treaty on Mutual Legal Assistance between XA and XB (2019)"),
        new RequestTextInput(language, text),
        translation,
        new RequestContentsDto
        {
            RequestingAuthority = "Ministry of Justice of XA, Central Authority",
            SubjectOfProceedings = "Criminal investigation of an intrusion into a hospital's network",
            ConductingAuthority = "Public Prosecutor's Office of XA, Cybercrime Unit",
            Offence = "Illegal access (Art. 7)",
            SummaryOfFacts = "On 1 November 2026 the hospital's network was entered from an account held with a provider in XB.",
            AssistanceSought = "Production of subscriber information and access logs of account x@mail.example.",
            Purpose = "To identify the person who entered the network.",
            DeadlineReasons = "The suspect's detention review is on 15 January 2027.",
        },
        new HandlingConditionsDto("confidential", "statedPurposeOnly"),
        "XA-MLA-2026-0099",
        ["originalsOrCopiesOfRecords"],
        RequestsTestKit.Now.AddDays(30));

    private static async Task<RequestsNetwork> StartAsync(DatabaseProvider provider, CancellationToken ct)
    {
        var network = await RequestsTestKit.StartAsync(provider, ct, "XA", "XB");
        foreach (var code in network.States.Keys)
        {
            await network.DesignateAsync(code, new DesignationInput(
                null, $"{code} Central Authority", "centralAuthority", [new ContactChannelV1("email", $"mla@{code.ToLowerInvariant()}.example")], Languages, "Europe/Paris",
                [new OfficeHoursV1([1, 2, 3, 4, 5], new TimeOnly(9, 0), new TimeOnly(17, 0))], false));
        }

        foreach (var node in network.States.Values)
        {
            await node.SyncRegisterAsync(ct);
        }

        return network;
    }

    public static TheoryData<string, string, string?> Texts() => new()
    {
        { "en", "Request for the production of subscriber and access records of the account described below.", null },
        { "fr", "Demande de production des données relatives aux abonnés et des journaux d’accès du compte décrit ci-dessous.", null },
        { "ru", "Просьба о предоставлении сведений об абоненте и журналов доступа к описанной ниже учётной записи.", null },
        { "zh-Hans", "请求提供下述账户的用户信息和访问日志。", "Request for the subscriber information and access logs of the account described below." },
        { "ar", "طلب تقديم معلومات المشترك وسجلات الدخول إلى الحساب الموصوف أدناه وفقا للمادة 40 من الاتفاقية.", "Request for the subscriber information and access logs of the account described below." },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    [Trait("Article", "40")]
    public async Task RequestDocument_InTheRequestsLanguage_ReadsBackIdDigestArticlesOfficerAndText(string language, string text, string? translation)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await StartAsync(DatabaseProvider.Sqlite, ct);
        using var central = await network["XA"].CreateClientForAsync("central", Roles.CentralAuthorityOfficer);
        var submitted = await central.PostAsync("/api/v1/requests", Assistance(language, text, translation is null ? null : new RequestTextInput("en", translation))).OkAsync(HttpStatusCode.Created);
        var id = submitted.GetProperty("header").GetProperty("id").GetGuid();
        var submission = submitted.GetProperty("events")[0];
        var digest = FormalDocumentMark.Sha256(submission.GetProperty("signature").GetProperty("jws").GetString()!);

        using var response = await central.GetAsync($"/api/v1/requests/{id}/document.pdf", ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(ct);
        var read = await PdfText.ReadAsync(pdf, ct);

        Assert.Contains(id.ToString("D"), read, StringComparison.Ordinal);
        Assert.Contains(digest, read, StringComparison.Ordinal);
        PdfText.AssertHolds($"comity:request:{id:D}:sha256:{digest}", read);
        foreach (var article in new[] { "Art. 40(15)", "Art. 36", "Art. 35(1)", "XA-MLA-2026-0099", "x@mail.example" })
        {
            Assert.Contains(article, read, StringComparison.Ordinal);
        }

        Assert.Contains(submission.GetProperty("actor").GetString()!, read, StringComparison.Ordinal);
        PdfText.AssertHolds(text, read);
        if (translation is not null)
        {
            PdfText.AssertHolds(translation, read);
        }

        // The labels are in the request's language.
        var culture = GetFormalDocumentHandler.CultureOf(language);
        var labels = new System.Resources.ResourceManager(typeof(DocumentText).FullName!, typeof(DocumentText).Assembly);
        PdfText.AssertHolds(labels.GetString("Sha256Submission", culture)!, read);

        // The mark travels as a document property too: what verify-document reads.
        using var stream = new MemoryStream(pdf);
        Assert.Equal(new FormalDocumentMark(id, digest), FormalDocumentMark.Read(stream));
    }

    [Fact]
    [Trait("Article", "40")]
    public async Task AnswerDocument_PartialExecution_CarriesBothDigestsTextAndConditions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await StartAsync(DatabaseProvider.Sqlite, ct);
        var (xa, xb) = (network["XA"], network["XB"]);
        using var xaCentral = await xa.CreateClientForAsync("central", Roles.CentralAuthorityOfficer);
        using var xbCentral = await xb.CreateClientForAsync("central", Roles.CentralAuthorityOfficer);
        var submitted = await xaCentral.PostAsync("/api/v1/requests", Assistance("en", "Request for the production of records.")).OkAsync(HttpStatusCode.Created);
        var id = submitted.GetProperty("header").GetProperty("id").GetGuid();
        await xa.DeliverAsync(ct);
        await xb.DeliverAsync(ct);
        await xbCentral.PostAsync($"/api/v1/requests/{id}/acknowledge", new AcknowledgeInput()).OkAsync();
        var executed = await xbCentral.PostAsync($"/api/v1/requests/{id}/execute-partially",
            new ExecutePartiallyInput("Subscriber information of x@mail.example attached; access logs follow.", new HandlingConditionsDto("confidential", "intelligenceOnly", RetentionDays: 90))).OkAsync();
        await xb.DeliverAsync(ct);

        var events = executed.GetProperty("events").EnumerateArray().ToList();
        var answer = events.Single(e => e.GetProperty("type").GetString() == "partiallyExecuted");
        var index = answer.GetProperty("index").GetInt32();
        string Digest(JsonElement e) => FormalDocumentMark.Sha256(e.GetProperty("signature").GetProperty("jws").GetString()!);

        // Both sides print the same answer with the same digests.
        foreach (var client in new[] { xaCentral, xbCentral })
        {
            using var response = await client.GetAsync($"/api/v1/requests/{id}/answers/{index}/document.pdf", ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var pdf = await response.Content.ReadAsByteArrayAsync(ct);
            var read = await PdfText.ReadAsync(pdf, ct);
            Assert.Contains(Digest(events[0]), read, StringComparison.Ordinal);
            Assert.Contains(Digest(answer), read, StringComparison.Ordinal);
            PdfText.AssertHolds("Subscriber information of x@mail.example attached; access logs follow.", read);
            PdfText.AssertHolds("Intelligence only", read);
            Assert.Contains("90", read, StringComparison.Ordinal);
            Assert.Contains(answer.GetProperty("actor").GetString()!, read, StringComparison.Ordinal);
            using var stream = new MemoryStream(pdf);
            Assert.Equal(new FormalDocumentMark(id, Digest(events[0]), index, Digest(answer)), FormalDocumentMark.Read(stream));
        }

        // An event that is not an answer has no document: a problem naming the field.
        var (notAnswer, problem) = await GetProblemAsync(xaCentral, $"/api/v1/requests/{id}/answers/0/document.pdf");
        Assert.Equal(HttpStatusCode.NotFound, notAnswer);
        Assert.Equal(GetFormalDocumentHandler.NotAnAnswer, problem.GetProperty("code").GetString());
        Assert.Equal("eventIndex", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    [Trait("Article", "40")]
    public async Task Document_ReadersOfTheRequestOnly_OtherChannelAndRolesRefused(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await StartAsync(provider, ct);
        var (xa, xb) = (network["XA"], network["XB"]);
        using var central = await xa.CreateClientForAsync("central", Roles.CentralAuthorityOfficer);
        var id = (await central.PostAsync("/api/v1/requests", Assistance("en", "Request for the production of records.")).OkAsync(HttpStatusCode.Created)).GetProperty("header").GetProperty("id").GetGuid();
        await xa.DeliverAsync(ct);
        var path = $"/api/v1/requests/{id}/document.pdf";

        using var auditor = await xa.CreateClientForAsync("auditor", Roles.Auditor);
        using var supervisor = await xa.CreateClientForAsync("supervisor", Roles.Supervisor);
        using var duty = await xa.DutyAsync();
        using var prosecutor = await xa.CreateClientForAsync("prosecutor", Roles.Prosecutor);
        using var anonymous = xa.CreateClient();
        using var xbDuty = await xb.DutyAsync();
        using var xbCentral = await xb.CreateClientForAsync("central", Roles.CentralAuthorityOfficer);

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync(path, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync(path, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await xbCentral.GetAsync(path, ct)).StatusCode);

        // The 24/7 desk does not see the central authorities' requests: "not found", as for the request itself.
        var (byDuty, dutyProblem) = await GetProblemAsync(duty, path);
        Assert.Equal(HttpStatusCode.NotFound, byDuty);
        Assert.Equal(RequestCodes.NotFound, dutyProblem.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await GetProblemAsync(xbDuty, path)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await prosecutor.GetAsync(path, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GetProblemAsync(central, $"/api/v1/requests/{Guid.NewGuid()}/document.pdf")).Status);

        // A request of the 24/7 network has no formal document, even for a supervisor who reads both channels.
        using var xaDuty = await xa.DutyAsync();
        var preservation = (await xaDuty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB")).OkAsync(HttpStatusCode.Created)).GetProperty("header").GetProperty("id").GetGuid();
        var (noDocument, problem) = await GetProblemAsync(supervisor, $"/api/v1/requests/{preservation}/document.pdf");
        Assert.Equal(HttpStatusCode.NotFound, noDocument);
        Assert.Equal(GetFormalDocumentHandler.NoDocumentForKind, problem.GetProperty("code").GetString());
    }

    [Fact]
    [Trait("Article", "40")]
    public async Task Pages_RequestLinksItsDocument_VerifyPageChecksAnUpload()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var network = await StartAsync(DatabaseProvider.Sqlite, ct);
        var xa = network["XA"];
        using var central = await xa.CreateClientForAsync("central", Roles.CentralAuthorityOfficer);
        var id = (await central.PostAsync("/api/v1/requests", Assistance("en", "Request for the production of records.")).OkAsync(HttpStatusCode.Created)).GetProperty("header").GetProperty("id").GetGuid();
        using var browser = new Ui.Browser(xa);
        browser.Client.DefaultRequestHeaders.Authorization = new("Bearer", await xa.CreateUserWithTokenAsync("central-page", Roles.CentralAuthorityOfficer));

        var page = await browser.GetDocumentAsync($"/requests/{id}");
        var link = page.QuerySelector("#formal-document a[href$='document.pdf']")?.GetAttribute("href");
        Assert.Equal($"/api/v1/requests/{id:D}/document.pdf", link);
        var pdf = await browser.Client.GetByteArrayAsync(link, ct);

        var matched = await UploadAsync(browser, pdf, "request.pdf");
        Assert.Equal("true", matched.QuerySelector("#verify-result")?.GetAttribute("data-matches"));
        Assert.NotNull(matched.QuerySelector("#verify-result li[data-finding='document.signature-verified']"));
        Assert.Contains("The document matches the signed history this node holds.", matched.QuerySelector("#verify-result")!.TextContent, StringComparison.Ordinal);

        using var stream = new MemoryStream(pdf);
        var digest = FormalDocumentMark.Read(stream)!.SubmissionSha256;
        var forged = Encoding.ASCII.GetBytes((digest[0] == '0' ? "1" : "0") + digest[1..]);
        var tampered = (byte[])pdf.Clone();
        for (var i = tampered.AsSpan().IndexOf(Encoding.ASCII.GetBytes(digest)); i >= 0; i = tampered.AsSpan().IndexOf(Encoding.ASCII.GetBytes(digest)))
        {
            forged.CopyTo(tampered, i);
        }

        var mismatched = await UploadAsync(browser, tampered, "tampered.pdf");
        Assert.Equal("false", mismatched.QuerySelector("#verify-result")?.GetAttribute("data-matches"));
        Assert.NotNull(mismatched.QuerySelector("#verify-result li[data-finding='document.submission-differs']"));

        var other = await UploadAsync(browser, Encoding.ASCII.GetBytes("%PDF-1.4 not a document"), "letter.pdf");
        Assert.Null(other.QuerySelector("#verify-result"));
        Assert.Contains("not a Comity formal document", other.QuerySelector("#verify-problem")!.TextContent, StringComparison.Ordinal);

        // A 24/7 request's page offers no formal document.
        using var duty = await xa.DutyAsync();
        var preservation = (await duty.PostAsync("/api/v1/requests", RequestsTestKit.Preservation("XB")).OkAsync(HttpStatusCode.Created)).GetProperty("header").GetProperty("id").GetGuid();
        using var dutyBrowser = new Ui.Browser(xa);
        dutyBrowser.Client.DefaultRequestHeaders.Authorization = new("Bearer", await xa.CreateUserWithTokenAsync("duty-page", Roles.DutyOfficer));
        Assert.Null((await dutyBrowser.GetDocumentAsync($"/requests/{preservation}")).QuerySelector("#formal-document"));
    }

    /// <summary>Submits the verify page's form with <paramref name="file"/> as a browser does (multipart, with the form's hidden fields).</summary>
    private static async Task<AngleSharp.Dom.IDocument> UploadAsync(Ui.Browser browser, byte[] file, string name)
    {
        var page = await browser.GetDocumentAsync("/requests/verify-document");
        var form = Ui.Browser.FindForm(page, "verify-document");
        using var content = new MultipartFormDataContent();
        foreach (var input in form.QuerySelectorAll("input[type=hidden][name]"))
        {
            content.Add(new StringContent(input.GetAttribute("value") ?? ""), input.GetAttribute("name")!);
        }

        var bytes = new ByteArrayContent(file);
        bytes.Headers.ContentType = new("application/pdf");
        content.Add(bytes, "document", name);
        using var response = await browser.Client.PostAsync("/requests/verify-document", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Ui.Browser.ParseAsync(response);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Problem)> GetProblemAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }
}

/// <summary>
/// The text of a PDF as <c>pdftotext</c> (Debian's poppler-utils; scripts/test.sh installs it) reads it back, and how a
/// test compares it with what was drawn.
/// </summary>
internal static class PdfText
{
    public static async Task<string> ReadAsync(byte[] pdf, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), "comity-document-" + Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(file, pdf, cancellationToken);

        // COMITY_KEEP_DOCUMENTS=folder keeps each PDF read, to look at.
        if (Environment.GetEnvironmentVariable("COMITY_KEEP_DOCUMENTS") is { Length: > 0 } keep)
        {
            System.IO.Directory.CreateDirectory(keep);
            File.Copy(file, Path.Combine(keep, Path.GetFileName(file)));
        }
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-enc", "UTF-8", file, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            }) ?? throw new InvalidOperationException("pdftotext did not start (apt-get install poppler-utils).");
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            Assert.True(process.ExitCode == 0, $"pdftotext failed: {error}");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Whether the read-back text holds <paramref name="expected"/>, compared after NFKC normalization (the PDF draws
    /// Arabic as presentation forms, which normalize back to the base letters) and without whitespace (lines are wrapped,
    /// and Chinese is broken between any two characters) or directional marks. Arabic words are drawn in visual order, and pdftotext may give
    /// them back in that order or in logical order: each Arabic word must come back, in either order of its letters; the
    /// order of the words is not checked for Arabic.
    /// </summary>
    public static void AssertHolds(string expected, string read)
    {
        var text = Compact(read);
        if (!expected.Any(ArabicText.IsArabic))
        {
            Assert.Contains(Compact(expected), text, StringComparison.Ordinal);
            return;
        }

        foreach (var word in expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => Compact(w.Trim('.', '،'))))
        {
            var reversed = new string(word.Reverse().ToArray());
            Assert.True(text.Contains(word, StringComparison.Ordinal) || text.Contains(reversed, StringComparison.Ordinal), $"'{word}' is not in the PDF's text:\n{read}");
        }
    }

    /// <summary>NFKC, without whitespace and without the directional marks (U+202A–U+202E) pdftotext puts around right-to-left lines.</summary>
    private static string Compact(string text) =>
        new([.. text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.Format)]);
}
