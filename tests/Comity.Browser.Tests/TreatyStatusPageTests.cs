using System.Globalization;
using Comity.Node.Kernel;
using Comity.Node.Identity;
using Comity.Testing.Nodes;
using Microsoft.Playwright;

namespace Comity.Browser.Tests;

/// <summary>A Secretariat demo node on loopback, shared by the treaty page tests.</summary>
public sealed class SecretariatNodeFixture : IAsyncLifetime
{
    public TestNode Node { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Node = await TestNode.StartAsync(new TestNodeOptions { Role = NodeRole.Secretariat, StateCode = null, Kestrel = true, Demo = true });
        await Node.CreateUserAsync("sofia", new TestUser { DisplayName = "Sofia Secretariat", Demo = true }, Roles.SecretariatOfficer);
        await Node.CreateUserAsync("olga", new TestUser { DisplayName = "Olga Duty", Demo = true }, Roles.DutyOfficer);
    }

    public async ValueTask DisposeAsync() => await Node.DisposeAsync();
}

public sealed class TreatyStatusPageTests(BrowserFixture browser, SecretariatNodeFixture secretariat) : IClassFixture<SecretariatNodeFixture>
{
    public static TheoryData<string, string> Languages() => new()
    {
        { "en", "ltr" },
        { "fr", "ltr" },
        { "es", "ltr" },
        { "ru", "ltr" },
        { "ar", "rtl" },
        { "zh-Hans", "ltr" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task StatusPage_InEachOfficialLanguage_ShowsCountsChartAndDirection(string culture, string direction)
    {
        await using var context = await browser.NewContextAsync(secretariat.Node.BaseAddress);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "olga");

        await page.GotoAsync("/treaty?culture=en");
        var englishHeading = (await page.Locator("h1").First.TextContentAsync())!.Trim();
        await page.GotoAsync("/treaty?culture=" + culture);

        var html = page.Locator("html");
        await Assertions.Expect(html).ToHaveAttributeAsync("lang", culture);
        await Assertions.Expect(html).ToHaveAttributeAsync("dir", direction);
        var signatories = (await page.Locator(".stat-value").First.TextContentAsync())!.Trim();
        Assert.Equal(31.ToString(CultureInfo.GetCultureInfo(culture)), signatories);
        var chart = page.Locator("svg").Filter(new() { Has = page.Locator("title") }).First;
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var heading = (await page.Locator("h1").First.TextContentAsync())!.Trim();
        Assert.Equal(culture == "en", heading == englishHeading);

        // The browser is set to American English, so it draws the date field as mm/dd/yyyy whatever the page's
        // language; the words beside it say the date picked in the page's language, as it is typed.
        await page.Locator("#as-of").FillAsync("2026-03-02");
        var words = page.Locator("#as-of-words");
        var march = culture == "zh-Hans" ? "2026年3月2日" : CultureInfo.GetCultureInfo(culture).DateTimeFormat.MonthGenitiveNames[2];
        await Assertions.Expect(words).ToContainTextAsync(march);
        await Assertions.Expect(words).ToContainTextAsync("2026");

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "treaty-status-" + culture);
    }

    [Fact]
    [Trait("Article", "64(2)")]
    public async Task ParticipantPage_SecretariatOfficerRecordsInstruments_RefusalNamesTheArticleAndSuccessShowsInStatus()
    {
        await using var context = await browser.NewContextAsync(secretariat.Node.BaseAddress);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "sofia");

        // Germany has not signed: a ratification needs a prior signature (Art. 64(2)).
        await page.GotoAsync("/treaty/participants/DE");
        await page.Locator("#instrument-kind").SelectOptionAsync("ratification");
        await page.Locator("#instrument-date").FillAsync("2026-03-02");
        await page.Locator("form[method=post]").Filter(new() { Has = page.Locator("#instrument-kind") }).Locator("button[type=submit]").ClickAsync();

        var problem = page.Locator(".problem");
        await Assertions.Expect(problem).ToBeVisibleAsync();
        await Assertions.Expect(problem).ToContainTextAsync("64(2)");
        await Assertions.Expect(page.Locator("#instrument-date")).ToHaveValueAsync("2026-03-02");
        await Assertions.Expect(page.Locator("#instrument-date-words")).ToHaveTextAsync("March 2, 2026");
        await Screenshots.SaveAsync(page, "treaty-participant-refusal-en");

        // Ghana signed on 25 October 2025: its ratification is recorded and counted.
        await page.GotoAsync("/treaty/participants/GH");
        await page.Locator("#instrument-kind").SelectOptionAsync("ratification");
        await page.Locator("#instrument-date").FillAsync("2026-03-02");
        await page.Locator("#instrument-notification").FillAsync("C.N.12.2026.TREATIES-XVIII.16");
        await page.Locator("form[method=post]").Filter(new() { Has = page.Locator("#instrument-kind") }).Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("table.data").First).ToContainTextAsync("C.N.12.2026.TREATIES-XVIII.16");

        await page.GotoAsync("/treaty?asOf=2026-06-01");
        var deposited = (await page.Locator(".stat-value").Nth(1).TextContentAsync())!.Trim();
        Assert.Equal("1", deposited);
    }

    [Fact]
    public async Task ParticipantPage_DutyOfficerSeesNoRecordForm()
    {
        await using var context = await browser.NewContextAsync(secretariat.Node.BaseAddress);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "olga");

        await page.GotoAsync("/treaty/participants/FR");

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("France");
        await Assertions.Expect(page.Locator("#instrument-kind")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ParticipantsPage_FilterByText_ShowsMatchingParticipantsAndPassesAxe()
    {
        await using var context = await browser.NewContextAsync(secretariat.Node.BaseAddress);
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, "olga");

        await page.GotoAsync("/treaty/participants?q=Jam");

        await Assertions.Expect(page.Locator("table.data tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("table.data tbody")).ToContainTextAsync("Jamaica");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "treaty-participants-en");
    }
}
