using System.Text.RegularExpressions;
using Comity.Node.Identity;
using Microsoft.Playwright;

namespace Comity.Browser.Tests.Requests;

/// <summary>
/// Nothing typed is lost (drafts kept on the node, restored in a new session, listed on the dashboard; no page reloads
/// itself) and the guided form's signals are current (a step cannot be passed while incomplete; warnings follow the
/// input). Each test signs in as an officer of its own, so no draft of another test is restored.
/// </summary>
public sealed class DraftsAndFormSignalsTests(BrowserFixture browser, RequestsNetworkFixture nodes) : IClassFixture<RequestsNetworkFixture>
{
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = BrowserFixture.NavigationTimeout };

    /// <summary>A new duty officer of <paramref name="state"/> and their personal access token: a browser context with it is a session of theirs.</summary>
    private Task<string> OfficerAsync(string state, string name) => nodes[state].CreateUserWithTokenAsync(name, Roles.DutyOfficer);

    private Task<IBrowserContext> SessionAsync(string state, string token) => browser.NewContextAsync(nodes[state].BaseAddress, token);

    private static ILocator Step(IPage page, int step) => page.Locator($"#draft-stepper li[data-step='{step}']");

    [Fact]
    public async Task GuidedForm_Draft_SurvivesAClosedTabAndANewSession_IsListedOnTheDashboard_AndBackRestoresIt()
    {
        var token = await OfficerAsync("XA", "drafts-keeper");
        await using (var first = await SessionAsync("XA", token))
        {
            var page = await first.NewPageAsync();
            await page.GotoAsync("/requests/new");
            await page.Locator("input[name='Draft.Kind'][value='expeditedPreservation']").CheckAsync();
            await page.Locator("#step-next").ClickAsync();
            await Assertions.Expect(Step(page, 2)).ToHaveAttributeAsync("aria-current", "step", new() { Timeout = BrowserFixture.NavigationTimeout });

            // Typed, never posted: the page's script saves it on the node.
            await page.Locator("#draft-requestedState").SelectOptionAsync("XB");
            await page.Locator("#draft-legalBasis-kind").SelectOptionAsync("bilateralTreaty");
            await page.Locator("#draft-legalBasis-reference").FillAsync("Treaty on Mutual Legal Assistance between XA and XB (2019)");
            await page.Locator("#draft-reference").FillAsync("XA-DRAFT-1");
            await Assertions.Expect(page.Locator("#draft-form[data-draft-state='saved']")).ToBeVisibleAsync(Slow);
            await page.CloseAsync();
        }

        // A new session (no cookie, no storage of the first): the dashboard lists the draft and its link restores it.
        await using var second = await SessionAsync("XA", token);
        var again = await second.NewPageAsync();
        await again.GotoAsync("/");
        var listed = again.Locator("#drafts-card li[data-draft='request-new'] a");
        await Assertions.Expect(listed).ToBeVisibleAsync(Slow);
        await Assertions.Expect(listed).ToContainTextAsync("XB");
        await listed.ClickAsync();

        await Assertions.Expect(again.Locator("#draft-restored")).ToBeVisibleAsync(Slow);
        await Assertions.Expect(Step(again, 2)).ToHaveAttributeAsync("aria-current", "step");
        await Assertions.Expect(again.Locator("#draft-reference")).ToHaveValueAsync("XA-DRAFT-1");
        await Assertions.Expect(again.Locator("#draft-legalBasis-kind")).ToHaveValueAsync("bilateralTreaty");
        await Assertions.Expect(again.Locator("input[name='Draft.Kind']")).ToHaveValueAsync("expeditedPreservation");
        await Accessibility.AssertNoSeriousViolationsAsync(again);

        // Each step is a page of its own: Back is a plain GET (no "Confirm Form Resubmission") that restores the draft.
        await again.Locator("#step-next").ClickAsync();
        await Assertions.Expect(Step(again, 3)).ToHaveAttributeAsync("aria-current", "step", new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(again).ToHaveURLAsync(new Regex("/requests/new\\?step=3$"));
        await again.GoBackAsync();
        await Assertions.Expect(again.Locator("#draft-form")).ToBeVisibleAsync(Slow);
        await Assertions.Expect(again.Locator("input[name='Draft.Reference']")).ToHaveValueAsync("XA-DRAFT-1");
        await Assertions.Expect(again.Locator("input[name='Draft.RequestedState'], #draft-requestedState")).ToHaveValueAsync("XB");
    }

    [Fact]
    public async Task GuidedForm_NextWithoutAKind_StaysOnStepOne_ShowsTheProblem_AndDoesNotTickTheStep()
    {
        await using var session = await SessionAsync("XA", await OfficerAsync("XA", "drafts-no-kind"));
        var page = await session.NewPageAsync();
        await page.GotoAsync("/requests/new");

        await page.Locator("#step-next").ClickAsync();

        await Assertions.Expect(page.Locator("#step-problem li[data-field='kind']")).ToBeVisibleAsync(Slow);
        await Assertions.Expect(Step(page, 1)).ToHaveAttributeAsync("aria-current", "step");
        await Assertions.Expect(Step(page, 1)).Not.ToHaveClassAsync(new Regex("done"));
        await Assertions.Expect(page.Locator("input[name='Draft.Kind']").First).ToBeVisibleAsync();

        // An address naming a later step shows the first step still incomplete.
        await page.GotoAsync("/requests/new?step=4");
        await Assertions.Expect(Step(page, 1)).ToHaveAttributeAsync("aria-current", "step");
    }

    [Fact]
    public async Task GuidedForm_NotInForceWarning_AppearsForTheConvention_AndGoesAwayOnceABilateralTreatyIsNamed()
    {
        await using var session = await SessionAsync("XA", await OfficerAsync("XA", "drafts-basis"));
        var page = await session.NewPageAsync();
        await page.GotoAsync("/requests/new");
        await page.Locator("input[name='Draft.Kind'][value='expeditedPreservation']").CheckAsync();
        await page.Locator("#step-next").ClickAsync();

        // Choosing the requested State updates the warning without a post: the Convention is not in force with XB (Art. 65).
        await page.Locator("#draft-requestedState").SelectOptionAsync("XB");
        await Assertions.Expect(page.Locator("#not-in-force")).ToContainTextAsync("Art. 65", new() { Timeout = BrowserFixture.NavigationTimeout });

        await page.Locator("#draft-legalBasis-kind").SelectOptionAsync("bilateralTreaty");
        await Assertions.Expect(page.Locator("#not-in-force")).ToBeHiddenAsync();
        await page.Locator("#draft-legalBasis-reference").FillAsync("Treaty on Mutual Legal Assistance between XA and XB (2019)");
        await Assertions.Expect(page.Locator("#draft-form[data-draft-state='saved']")).ToBeVisibleAsync(Slow);

        // The server agrees: the step rendered again from the draft has no warning.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#draft-legalBasis-kind")).ToHaveValueAsync("bilateralTreaty", new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(page.Locator("#not-in-force")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#routing [data-in-force]")).ToHaveAttributeAsync("data-in-force", "false");
    }

    [Fact]
    public async Task GuidedForm_AChoiceMadeBeforeTheDraftScriptRuns_IsSavedAndTheWarningFollowsIt()
    {
        await using var session = await SessionAsync("XA", await OfficerAsync("XA", "drafts-early"));
        var page = await session.NewPageAsync();
        await page.GotoAsync("/requests/new");
        await page.Locator("input[name='Draft.Kind'][value='expeditedPreservation']").CheckAsync();

        // The draft script is held back while the officer chooses the requested State, as on a slow phone.
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(new Regex(@"/js/drafts(\.[^/]*)?\.js"), async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.Locator("#step-next").ClickAsync();
        await page.Locator("#draft-requestedState").SelectOptionAsync("XB");
        Assert.Null(await page.Locator("#draft-form").GetAttributeAsync("data-draft-ready"));
        release.SetResult();

        await Assertions.Expect(page.Locator("#draft-form[data-draft-state='saved']")).ToBeVisibleAsync(Slow);
        await Assertions.Expect(page.Locator("#not-in-force")).ToContainTextAsync("Art. 65", new() { Timeout = BrowserFixture.NavigationTimeout });
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#draft-requestedState")).ToHaveValueAsync("XB", new() { Timeout = BrowserFixture.NavigationTimeout });
    }

    [Fact]
    public async Task RequestPage_AnActionFormsDraft_IsFilledInAgainInANewSession_AndListedOnTheDashboard()
    {
        var id = await nodes.SubmitAsync("XA", RequestsNetworkFixture.Draft("technicalAdvice", "XA-DRAFT-ACT"));
        await nodes.DeliverAsync("XA");
        var token = await OfficerAsync("XB", "drafts-acting");
        await using (var first = await SessionAsync("XB", token))
        {
            var page = await first.NewPageAsync();
            await page.GotoAsync($"/requests/{id}");
            await page.Locator("#acknowledge-note").FillAsync("Half-written note for the requesting State.");
            await Assertions.Expect(page.Locator("#action-acknowledge[data-draft-state='saved']")).ToBeVisibleAsync(Slow);
        }

        await using var second = await SessionAsync("XB", token);
        var again = await second.NewPageAsync();
        await again.GotoAsync("/");
        await Assertions.Expect(again.Locator($"#drafts-card li[data-draft='request-{id:D}-acknowledge']")).ToBeVisibleAsync(Slow);
        await again.GotoAsync($"/requests/{id}");
        await Assertions.Expect(again.Locator("#acknowledge-note")).ToHaveValueAsync("Half-written note for the requesting State.", new() { Timeout = BrowserFixture.NavigationTimeout });

        // Sent, the draft is gone.
        await again.Locator("#action-acknowledge button[type=submit]").ClickAsync();
        await Assertions.Expect(again.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "acknowledged", new() { Timeout = BrowserFixture.NavigationTimeout });
        await again.GotoAsync("/");
        await Assertions.Expect(again.Locator("main h1").First).ToBeVisibleAsync(Slow);
        await Assertions.Expect(again.Locator($"li[data-draft='request-{id:D}-acknowledge']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task FederationPage_HasNoMetaRefresh_AndKeepsAHalfTypedPingWhileItsRegionsRefresh()
    {
        await using var session = await SessionAsync("XA", nodes.DutyTokens["XA"]);
        var page = await session.NewPageAsync();
        await page.GotoAsync("/federation");
        await Assertions.Expect(page.Locator("#federation-peers")).ToBeVisibleAsync(Slow);
        await Assertions.Expect(page.Locator("meta[http-equiv='refresh']")).ToHaveCountAsync(0);

        await page.Locator("#ping-message").FillAsync("half-typed");

        // The script's first turn comes after 15 s: the regions are replaced, the form is not.
        await Assertions.Expect(page.Locator("[data-refresh-regions][data-refreshed]")).ToHaveCountAsync(1, new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(page.Locator("#ping-message")).ToHaveValueAsync("half-typed");
        await Assertions.Expect(page.Locator("#federation-peers tr[data-peer='XB']")).ToBeVisibleAsync();
    }
}
