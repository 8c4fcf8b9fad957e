using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Comity.Node.Kernel;
using Comity.Node.Identity;

namespace Comity.Node.Tests.Features.Treaty;

/// <summary>The treaty pages, rendered by the node and read as HTML (SQLite).</summary>
public sealed class TreatyPagesTests(SecretariatNodes nodes) : IClassFixture<SecretariatNodes>
{
    [Fact]
    public async Task StatusPage_SignedIn_ShowsCountsChartAndSource()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var page = await GetPageAsync(client, "/treaty");

        Assert.Equal(["31", "0", "0"], page.QuerySelectorAll(".cards .stat-value").Select(e => e.TextContent.Trim()));
        var svg = page.QuerySelector("svg")!;
        Assert.NotNull(svg.QuerySelector("title"));
        Assert.NotNull(svg.QuerySelector("desc"));
        Assert.Contains("direction: ltr", svg.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal(2, page.QuerySelectorAll("progress[aria-valuemax]").Length);
        Assert.Contains("UN Treaty Collection, MTDSG XVIII-16", page.QuerySelector(".source")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("first 31 of 72 signatories", page.QuerySelector(".source")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusPage_InArabic_IsRightToLeftWithALeftToRightChart()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var page = await GetPageAsync(client, "/treaty?culture=ar");

        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("حالة المعاهدة", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("direction: ltr", page.QuerySelector("svg")!.GetAttribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusPage_Anonymous_IsNotShown()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = node.CreateClient();

        var response = await client.GetAsync("/treaty", TreatyApi.Ct);
        var body = await response.Content.ReadAsStringAsync(TreatyApi.Ct);

        Assert.DoesNotContain("<svg", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ParticipantsPage_InFrench_ListsAllWithLocalizedNamesAndFilters()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var client = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var all = await GetPageAsync(client, "/treaty/participants?culture=fr");
        var signatories = await GetPageAsync(client, "/treaty/participants?status=signatory&kind=memberState");

        Assert.Equal(196, all.QuerySelectorAll("table.data tbody tr").Length);
        Assert.Contains(all.QuerySelectorAll("table.data tbody td a"), a => a.TextContent == "Allemagne");
        Assert.Equal(30, signatories.QuerySelectorAll("table.data tbody tr").Length);
        Assert.All(signatories.QuerySelectorAll("table.data .chip"), chip => Assert.Equal("Signatory", chip.TextContent));
    }

    [Fact]
    public async Task ParticipantPage_ShowsRecordFormOnlyToSecretariatOfficers()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var officer = await node.CreateClientForAsync("sofia", Roles.SecretariatOfficer);
        using var duty = await node.CreateClientForAsync("olga", Roles.DutyOfficer);

        var forOfficer = await GetPageAsync(officer, "/treaty/participants/FR");
        var forDuty = await GetPageAsync(duty, "/treaty/participants/FR");

        Assert.NotNull(forOfficer.QuerySelector("form select[name='Instrument.Kind']"));
        Assert.NotNull(forOfficer.QuerySelector("form textarea[name='Statement.Text']"));
        Assert.Null(forDuty.QuerySelector("main form[method='post']"));
        Assert.Equal("France", forDuty.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(forDuty.QuerySelector(".note"));
    }

    [Fact]
    [Trait("Article", "64(2)")]
    public async Task ParticipantPage_PostImpossibleInstrument_ShowsArticleAndKeepsValues()
    {
        var node = await nodes.GetAsync(DatabaseProvider.Sqlite);
        using var officer = await node.CreateClientForAsync("sofia", Roles.SecretariatOfficer);
        var before = await officer.InstrumentCountAsync();

        var page = await PostFormAsync(officer, "/treaty/participants/DE", "record-instrument", new()
        {
            ["Instrument.Kind"] = "ratification",
            ["Instrument.Date"] = "2026-05-04",
            ["Instrument.DepositaryNotification"] = "C.N.9.2026.TREATIES-XVIII.16",
        });

        var problem = page.QuerySelector(".problem")!;
        Assert.Contains("Art. 64(2)", problem.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-05-04", page.QuerySelector("input[name='Instrument.Date']")!.GetAttribute("value"));
        Assert.Equal("C.N.9.2026.TREATIES-XVIII.16", page.QuerySelector("input[name='Instrument.DepositaryNotification']")!.GetAttribute("value"));
        Assert.Equal(before, await officer.InstrumentCountAsync());
    }

    [Fact]
    public async Task ParticipantPage_PostValidSignature_RecordsItAndListsIt()
    {
        // Its own node: the other tests of the class count the seeded signatories.
        await using var node = await TreatyNode.StartAsync(DatabaseProvider.Sqlite);
        using var officer = await node.Node.CreateClientForAsync("sofia", Roles.SecretariatOfficer);

        var page = await PostFormAsync(officer, "/treaty/participants/NO", "record-instrument", new()
        {
            ["Instrument.Kind"] = "signature",
            ["Instrument.Date"] = "2026-03-03",
        });
        var norway = await officer.GetJsonAsync("/api/v1/treaty/participants/NO");

        Assert.Null(page.QuerySelector(".problem"));
        Assert.Equal("2026-03-03", norway.GetProperty("signedOn").GetString());
        Assert.Equal("ui", norway.GetProperty("instruments")[0].GetProperty("source").GetString());
    }

    private static async Task<IDocument> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TreatyApi.Ct);
        var html = await response.Content.ReadAsStringAsync(TreatyApi.Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {html}");
        SaveForScreenshots(url, html);
        return await new HtmlParser().ParseDocumentAsync(html, TreatyApi.Ct);
    }

    /// <summary>
    /// Posts a page's form as a browser would: the form's hidden fields (antiforgery token, handler)
    /// plus the given values, with the antiforgery cookie the GET set (the test server keeps no cookies).
    /// </summary>
    private static async Task<IDocument> PostFormAsync(HttpClient client, string url, string formName, Dictionary<string, string> values)
    {
        var get = await client.GetAsync(url, TreatyApi.Ct);
        var document = await new HtmlParser().ParseDocumentAsync(await get.Content.ReadAsStringAsync(TreatyApi.Ct), TreatyApi.Ct);
        var form = document.QuerySelectorAll("form[method='post']")
            .Single(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null);
        var fields = form.QuerySelectorAll("input[type='hidden']")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        var cookies = get.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]) : [];
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        var response = await client.SendAsync(request, TreatyApi.Ct);
        var html = await response.Content.ReadAsStringAsync(TreatyApi.Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url}: {(int)response.StatusCode} {html}");
        SaveForScreenshots("post" + url, html);
        return await new HtmlParser().ParseDocumentAsync(html, TreatyApi.Ct);
    }

    /// <summary>With COMITY_SAVE_PAGES=folder, keeps the rendered HTML for looking at it in a browser.</summary>
    private static void SaveForScreenshots(string url, string html)
    {
        if (Environment.GetEnvironmentVariable("COMITY_SAVE_PAGES") is { Length: > 0 } folder)
        {
            System.IO.Directory.CreateDirectory(folder);
            var name = string.Concat(url.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')) + ".html";
            File.WriteAllText(Path.Combine(folder, name), html);
        }
    }
}
