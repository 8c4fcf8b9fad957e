using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Comity.Node.Identity;
using Comity.Testing.Nodes;

namespace Comity.Node.Tests.Features.Directory;

/// <summary>The directory pages as a person uses them: manage and submit, review and approve, search; the dashboard's roster flag.</summary>
public sealed class DirectoryPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    [Trait("Article", "41(1)")]
    public async Task ManageSubmitReviewSearch_ThroughThePages()
    {
        await using var federation = await DirectoryFederation.StartAsync();
        using var admin = await federation.State.AdminAsync();
        using var officer = await federation.Secretariat.OfficerAsync();
        using var duty = await federation.State.CreateClientForAsync("duty", Roles.DutyOfficer);
        var stateKid = await federation.State.SigningKidAsync(Ct);

        var before = await GetPageAsync(duty, "/");
        Assert.Equal("none", before.QuerySelector("[data-roster-gaps]")!.GetAttribute("data-roster-gaps"));

        // The State admin adds a 24/7 point through the form, gives it a roster with a gap, and submits.
        var added = await PostFormAsync(admin, "/directory/manage", "designation", new()
        {
            ["DesignationForm.Office"] = "National Cybercrime Unit 24/7 desk",
            ["DesignationForm.Role"] = "pointOfContact247",
            ["DesignationForm.TimeZone"] = "Europe/Paris",
            ["DesignationForm.Languages"] = "en, fr",
            ["DesignationForm.Channels"] = "phone +33 1 40 97 00 00\nemail cyber247@police.xa.example",
            ["DesignationForm.Always"] = "true",
        });
        var card = added.QuerySelector("article[data-designation]")!;
        var id = card.GetAttribute("data-designation")!;
        var rostered = await PostFormAsync(admin, "/directory/manage", "roster-" + id, new()
        {
            ["RosterForm.Lines"] = "2026-11-02T00:00Z 2026-11-09T00:00Z Insp. Camille Martin\n2026-11-10T00:00Z 2026-11-20T00:00Z Insp. Karim Benali",
        });
        Assert.Empty(rostered.QuerySelectorAll(".problem"));
        Assert.Contains("November 9, 2026 00:00 UTC – November 10, 2026 00:00 UTC", rostered.QuerySelector("#gaps-title + ul")!.TextContent, StringComparison.Ordinal);

        var home = await GetPageAsync(duty, "/");
        Assert.Equal("1", home.QuerySelector("[data-roster-gaps]")!.GetAttribute("data-roster-gaps"));

        var submitted = await PostFormAsync(admin, "/directory/manage", "submit", []);
        Assert.Equal("pending", submitted.QuerySelector("[data-status]")!.GetAttribute("data-status"));
        Assert.Contains(stateKid, submitted.QuerySelector("#status-title")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // The Secretariat officer sees the first registration with the fingerprint to confirm, and approves.
        var queue = await GetPageAsync(officer, "/directory/notifications");
        var link = queue.QuerySelector("tbody a")!.GetAttribute("href")!;
        var detail = await GetPageAsync(officer, link);
        Assert.Contains(stateKid, detail.QuerySelector(".note")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, detail.QuerySelectorAll("tr[data-change='added']").Length - 1);
        var approved = await PostFormAsync(officer, link, "approve", []);
        Assert.Equal("approved", approved.QuerySelector("[data-status]")!.GetAttribute("data-status"));

        // A duty officer of XA finds the point, in French, with hours in both zones and who is on call.
        Assert.Equal(Comity.Node.Federation.Register.RegisterPollOutcome.Updated, await federation.SyncRegisterAsync());
        var search = await GetPageAsync(duty, "/directory?state=XA&language=en&availableNow=true&culture=fr");
        Assert.Equal("Annuaire", search.QuerySelector("h1")!.TextContent.Trim());
        var found = Assert.Single(search.QuerySelectorAll(".directory-cards > li"));
        Assert.Contains("Insp. Camille Martin", found.TextContent, StringComparison.Ordinal);
        Assert.Contains("Point de contact 24/7", found.TextContent, StringComparison.Ordinal);
        Assert.Contains(stateKid, found.TextContent, StringComparison.Ordinal);

        var state = await GetPageAsync(duty, "/directory/states/XA?culture=ar");
        Assert.Equal("rtl", state.DocumentElement.GetAttribute("dir"));
        Assert.Single(state.QuerySelectorAll(".directory-cards > li"));
    }

    [Fact]
    public async Task ManagePage_DutyOfficer_IsNotAllowed()
    {
        await using var federation = await DirectoryFederation.StartAsync();
        using var duty = await federation.State.CreateClientForAsync("duty", Roles.DutyOfficer);
        var response = await duty.GetAsync("/directory/manage", Ct);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        var review = await duty.GetAsync("/directory/notifications", Ct);
        Assert.NotEqual(HttpStatusCode.OK, review.StatusCode);
    }

    private static async Task<IDocument> GetPageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {html}");
        return await new HtmlParser().ParseDocumentAsync(html, Ct);
    }

    private static async Task<IDocument> PostFormAsync(HttpClient client, string url, string formName, Dictionary<string, string> values)
    {
        var get = await client.GetAsync(url, Ct);
        var document = await new HtmlParser().ParseDocumentAsync(await get.Content.ReadAsStringAsync(Ct), Ct);
        var form = document.QuerySelectorAll("form[method='post']")
            .Single(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null);
        var fields = form.QuerySelectorAll("input[type='hidden']")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        // On the in-memory server the test carries the antiforgery cookie; on loopback the client's cookie container does.
        if (get.Headers.TryGetValues("Set-Cookie", out var set))
        {
            request.Headers.Add("Cookie", string.Join("; ", set.Select(c => c.Split(';')[0])));
        }
        var response = await client.SendAsync(request, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url}: {(int)response.StatusCode} {html}");
        return await new HtmlParser().ParseDocumentAsync(html, Ct);
    }
}
