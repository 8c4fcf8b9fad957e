using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Comity.Browser.Tests.Requests;

/// <summary>The duty officer's pages of the 24/7 channel, driven in Chromium against real XA and XB nodes.</summary>
public sealed class RequestPagesTests(BrowserFixture browser, RequestsNetworkFixture nodes) : IClassFixture<RequestsNetworkFixture>
{
    private Task<IBrowserContext> ContextAsync(string state, string locale = "en-US") =>
        browser.NewContextAsync(nodes[state].BaseAddress, nodes.DutyTokens[state], locale);

    private static ILocator Next(IPage page) => page.Locator("#step-next");

    [Fact]
    [Trait("Article", "42")]
    public async Task GuidedForm_IncompleteThenComplete_ShowsMissingItemsWithArticlesSendsNothingThenSendsToTheRequestedInbox()
    {
        const string reference = "XA-UI-FORM-1";
        await using var xa = await ContextAsync("XA");
        var page = await xa.NewPageAsync();

        await page.GotoAsync("/requests/new");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.Locator("input[name='Draft.Kind'][value='expeditedPreservation']").CheckAsync();
        await Next(page).ClickAsync();

        await page.Locator("#draft-requestedState").SelectOptionAsync("XB");
        await page.Locator("#draft-legalBasis-kind").SelectOptionAsync("convention");
        await Next(page).ClickAsync();

        // The Convention is not in force between XA and XB (Art. 65): Next stays on the step, and the warning offers another basis.
        await Assertions.Expect(page.Locator("#not-in-force")).ToContainTextAsync("Art. 65");
        await Assertions.Expect(page.Locator("[data-field-error='legalBasis.kind']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-stepper li[data-step='2']")).ToHaveAttributeAsync("aria-current", "step");
        await Assertions.Expect(page.Locator("#routing-office")).ToHaveTextAsync("XB Cybercrime 24/7 desk");
        await Assertions.Expect(page.Locator("#routing-officer")).ToHaveTextAsync("Officer XB");
        await page.Locator("#draft-legalBasis-kind").SelectOptionAsync("bilateralTreaty");
        await page.Locator("#draft-legalBasis-reference").FillAsync("Treaty on Mutual Legal Assistance between XA and XB (2019)");
        await page.Locator("#draft-reference").FillAsync(reference);
        await Next(page).ClickAsync();

        await Assertions.Expect(page.Locator("#accepted-languages")).ToContainTextAsync("en, fr");
        await page.Locator("#draft-contents-requestingAuthority").FillAsync("Public Prosecutor's Office, Cybercrime Unit");
        await page.Locator("#draft-contents-offence").FillAsync("Illegal access (Art. 7)");
        await page.Locator("#draft-contents-summaryOfFacts").FillAsync("Intrusion into a hospital's network on 1 November 2026.");
        await page.Locator("#draft-original-text").FillAsync("Please preserve the mailbox described below.");
        await Next(page).ClickAsync();
        await Next(page).ClickAsync();

        // What is asked: what Art. 42 requires and is missing, each with its article; Next stays until it is there.
        var problems = page.Locator("#step-problem");
        await Assertions.Expect(problems).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-stepper li[data-step='4']")).ToHaveAttributeAsync("aria-current", "step");
        foreach (var item in new[] { "dataToPreserve", "linkToOffence", "custodianOrLocation", "preservationNecessity", "intendedFollowUp" })
        {
            await Assertions.Expect(problems.Locator($"li[data-field='contents.{item}']")).ToContainTextAsync("Art. 42");
        }

        await Assertions.Expect(page.Locator("#send-request")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#completeness li[data-item='dataToPreserve']")).ToHaveAttributeAsync("data-present", "false");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "requests-form-missing-en");

        // Nothing was stored or sent.
        var inbox = await xa.NewPageAsync();
        await inbox.GotoAsync("/requests");
        await Assertions.Expect(inbox.Locator("[data-section='outgoing']")).Not.ToContainTextAsync(reference);

        // The missing items, filled in where the problems link to; the draft kept everything else.
        await page.Locator("#draft-contents-dataToPreserve").FillAsync("Mailbox contents and access logs of account x@mail.example");
        await page.Locator("#draft-contents-linkToOffence").FillAsync("The account received the exfiltrated data.");
        await page.Locator("#draft-contents-custodianOrLocation").FillAsync("Nimbus Mail SA, servers in XB");
        await page.Locator("#draft-contents-preservationNecessity").FillAsync("The provider deletes logs after 30 days.");
        await page.Locator("#draft-contents-intendedFollowUp").FillAsync("A request for search and disclosure of the mailbox.");
        await Next(page).ClickAsync();
        await Next(page).ClickAsync();
        await Assertions.Expect(page.Locator("#ready-to-send")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#review")).ToContainTextAsync("x@mail.example");
        await page.Locator("#send-request").ClickAsync();

        // The request's own page, reached once the node has recorded the request: its "sent" notice, then its address.
        await Assertions.Expect(page.Locator("#sent-notice")).ToContainTextAsync("Officer XB", new() { Timeout = BrowserFixture.NavigationTimeout });
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/requests/[0-9a-f-]{36}\\?sent=1$"));
        await Assertions.Expect(page.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "submitted");

        // Delivered, it is in XB's incoming box.
        await nodes.DeliverAsync("XA");
        await using var xb = await ContextAsync("XB");
        var xbPage = await xb.NewPageAsync();
        await xbPage.GotoAsync("/requests");
        var row = xbPage.Locator("[data-box='incoming'] tr").Filter(new() { HasText = reference });
        await Assertions.Expect(row).ToHaveAttributeAsync("data-state", "received");
        await Assertions.Expect(row.Locator("[data-awaiting-us]")).ToBeVisibleAsync();
    }

    [Fact]
    [Trait("Article", "41")]
    public async Task Inbox_NewRequestsArrive_AppearWithoutReloadMostUrgentFirstWithTickingCountdowns()
    {
        await using var xb = await ContextAsync("XB");
        var page = await xb.NewPageAsync();
        await page.Clock.InstallAsync();
        await page.GotoAsync("/requests");
        await Assertions.Expect(page.Locator("#live-status")).ToHaveAttributeAsync("data-state", "connected");
        var marker = await page.EvaluateAsync<double>("() => { window.__sameDocument = Math.random(); return window.__sameDocument; }");

        // XA sends technical advice (acknowledge within a day), then an emergency (within 15 minutes).
        var advice = await nodes.SubmitAsync("XA", RequestsNetworkFixture.Draft("technicalAdvice", "XA-UI-LIVE-ADVICE"));
        var emergency = await nodes.SubmitAsync("XA", RequestsNetworkFixture.Draft("emergencyDisclosure", "XA-UI-LIVE-EMERGENCY"));
        await nodes.DeliverAsync("XA");

        var rows = page.Locator("[data-box='incoming'] tbody tr");
        await Assertions.Expect(page.Locator($"tr[data-request='{emergency}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"tr[data-request='{advice}']")).ToBeVisibleAsync();
        Assert.Equal(marker, await page.EvaluateAsync<double>("() => window.__sameDocument"));
        Assert.True(int.Parse(await page.Locator("#live-status").GetAttributeAsync("data-updates") ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 1);

        var order = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.request)");
        Assert.True(Array.IndexOf(order, emergency.ToString()) < Array.IndexOf(order, advice.ToString()), string.Join(", ", order));

        // The emergency's acknowledgement clock: relative, then the absolute time in XA's zone and in ours (Tokyo).
        var countdown = page.Locator($"tr[data-request='{emergency}'] .countdown");
        await Assertions.Expect(countdown.Locator(".countdown-rel")).ToHaveTextAsync("in 15 min");
        await Assertions.Expect(countdown.Locator("time[data-zone='Europe/Paris']")).ToContainTextAsync("November 2, 2026 10:15 Europe/Paris");
        await Assertions.Expect(countdown.Locator("time[data-zone='Asia/Tokyo']")).ToContainTextAsync("November 2, 2026 18:15 Asia/Tokyo");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "requests-inbox-en");
        await page.Clock.RunForAsync((long)TimeSpan.FromMinutes(3).TotalMilliseconds);
        await Assertions.Expect(countdown.Locator(".countdown-rel")).ToHaveTextAsync(new Regex("^in 1[12] min$"));
        await page.Clock.RunForAsync((long)TimeSpan.FromMinutes(14).TotalMilliseconds);
        await Assertions.Expect(countdown.Locator(".countdown-rel")).ToHaveTextAsync(new Regex("^overdue by [12] min$"));
    }

    [Fact]
    [Trait("Article", "42")]
    public async Task RequestPage_RequestedSideAcknowledgesAndPreserves_TooShortIsRefusedBesideTheFormAndBothSidesShowTheSignedHistory()
    {
        var id = await nodes.SubmitAsync("XA", RequestsNetworkFixture.Draft("expeditedPreservation", "XA-UI-ACT-1"));
        await nodes.DeliverAsync("XA");
        await using var xb = await ContextAsync("XB");
        var page = await xb.NewPageAsync();
        await page.GotoAsync($"/requests/{id}");

        await Assertions.Expect(page.Locator("[data-action]")).ToHaveCountAsync(1);
        await page.Locator("#action-acknowledge button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#action-done")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "acknowledged");

        // 30 days is less than Art. 42's 60: refused beside the form, nothing recorded.
        await page.Locator("#preserve-days").FillAsync("30");
        await page.Locator("#action-preserve button[type=submit]").ClickAsync();
        var problem = page.Locator("[data-action-problem='preserve']");
        await Assertions.Expect(problem).ToContainTextAsync("60");
        await Assertions.Expect(problem).ToContainTextAsync("Art. 42");
        await Assertions.Expect(page.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "acknowledged");

        await page.Locator("#preserve-days").FillAsync("90");
        await page.Locator("#action-preserve button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "preserved");
        await Assertions.Expect(page.Locator("#preserved-until")).ToContainTextAsync("January 31, 2027");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // XA holds the same history, every event signed and verified, XB's events signed by XB.
        await nodes.DeliverAsync("XB");
        await using var xa = await ContextAsync("XA");
        var xaPage = await xa.NewPageAsync();
        await xaPage.GotoAsync($"/requests/{id}");
        var events = xaPage.Locator("#request-timeline li[data-event]");
        Assert.Equal(["preserved", "acknowledged", "received", "submitted"], await events.EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.event)"));
        await Assertions.Expect(xaPage.Locator("#request-timeline li[data-verified='false']")).ToHaveCountAsync(0);
        await Assertions.Expect(events.First.Locator(".signature")).ToContainTextAsync("XB");
        await Assertions.Expect(xaPage.Locator("#texts [data-text='original']")).ToContainTextAsync("Please act on the request");
        await Assertions.Expect(xaPage.Locator("[data-action='link-follow-up']")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(xaPage, "requests-request-en");
    }

    [Fact]
    [Trait("Article", "36")]
    public async Task RequestPage_EmergencyDisclosure_CanOnlyRaiseTheConditions_AndTheRaisedConditionsReachTheRequester()
    {
        var id = await nodes.SubmitAsync("XA", RequestsNetworkFixture.Draft("emergencyDisclosure", "XA-UI-DISC-1"));
        await nodes.DeliverAsync("XA");
        await using var xb = await ContextAsync("XB");
        var page = await xb.NewPageAsync();
        await page.GotoAsync($"/requests/{id}");
        await page.Locator("#action-acknowledge button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "acknowledged");

        // The request is confidential and for its stated purpose only: the form starts there and offers nothing lower.
        var confidentiality = page.Locator("#disclose-confidentiality");
        await Assertions.Expect(confidentiality).ToHaveValueAsync("confidential");
        await Assertions.Expect(confidentiality.Locator("option[value='none']")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#disclose-useLimitation option[value='none']")).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#disclose-useLimitation option[value='intelligenceOnly']")).ToBeEnabledAsync();

        // A retention limit that is not a whole number of days is refused beside the form, nothing recorded.
        await page.Locator("#disclose-text").FillAsync("Subscriber: J. Doe, registered 2024-03-01 from 198.51.100.7.");
        await page.Locator("#disclose-retentionDays").EvaluateAsync("e => { e.type = 'text'; e.value = 'soon'; }");
        await page.Locator("#action-disclose button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-action-problem='disclose']")).ToContainTextAsync("Retention limit");
        await Assertions.Expect(page.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "acknowledged");

        await page.Locator("#disclose-text").FillAsync("Subscriber: J. Doe, registered 2024-03-01 from 198.51.100.7.");
        await page.Locator("#disclose-confidentiality").SelectOptionAsync("doNotNotifyHolder");
        await page.Locator("#disclose-onwardTransfer").SelectOptionAsync("prohibited");
        await page.Locator("#disclose-retentionDays").FillAsync("30");
        await page.Locator("#disclose-dataProtection").FillAsync("Delete once the victim is safe.");
        await page.Locator("#action-disclose").ScrollIntoViewIfNeededAsync();
        await page.Locator("#action-disclose").ScreenshotAsync(new() { Path = Screenshots.PathOf("requests-disclose-conditions-en") });
        await page.Locator("#action-disclose button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "disclosed");
        var conditions = page.Locator("#conditions");
        await Assertions.Expect(conditions).ToContainTextAsync("do not notify the account holder");
        await Assertions.Expect(conditions).ToContainTextAsync("Only for the stated purpose");
        await Assertions.Expect(conditions).ToContainTextAsync("Prohibited");
        await Assertions.Expect(conditions).ToContainTextAsync("30");
        await Assertions.Expect(conditions).ToContainTextAsync("Delete once the victim is safe.");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // XA receives the disclosure, signed by XB, with the raised conditions.
        await nodes.DeliverAsync("XB");
        await using var xa = await ContextAsync("XA");
        var xaPage = await xa.NewPageAsync();
        await xaPage.GotoAsync($"/requests/{id}");
        await Assertions.Expect(xaPage.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "disclosed");
        await Assertions.Expect(xaPage.Locator("#request-timeline li[data-event='disclosed']")).ToContainTextAsync("198.51.100.7");
        await Assertions.Expect(xaPage.Locator("#request-timeline li[data-verified='false']")).ToHaveCountAsync(0);
        await Assertions.Expect(xaPage.Locator("#conditions")).ToContainTextAsync("do not notify the account holder");
        await Assertions.Expect(xaPage.Locator("#conditions")).ToContainTextAsync("Prohibited");
    }

    [Fact]
    [Trait("Article", "41(1)")]
    public async Task Inbox_HandoverNote_EmptyIsRefusedInTheReadersWords_ThenWrittenAboutAnOpenRequestAndListed()
    {
        var id = await nodes.SubmitAsync("XA", RequestsNetworkFixture.Draft("technicalAdvice", "XA-UI-HANDOVER-1"));
        await using var xa = await ContextAsync("XA");
        var page = await xa.NewPageAsync();
        await page.GotoAsync("/requests");
        var handover = page.Locator("#handover");

        await handover.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#handover-problem")).ToContainTextAsync("write something to hand over");
        await Assertions.Expect(page.Locator("#handover-text")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.Locator("#handover-text").FillAsync("The advice request to XB waits for its acknowledgement.");
        await handover.Locator($"input[name='Note.Requests'][value='{id}']").CheckAsync();
        await handover.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#handover-added")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#handover-problem")).ToHaveCountAsync(0);
        var note = handover.Locator(".handover-notes li").First;
        await Assertions.Expect(note).ToContainTextAsync("waits for its acknowledgement");
        await Assertions.Expect(note.Locator($"a.note-request[href='/requests/{id}']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#handover-text")).ToHaveValueAsync("");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    [Fact]
    public async Task RequestPage_RefusalWithoutReasons_IsRefusedBesideTheForm_ThenRecordedWithItsGroundOnBothSides()
    {
        var id = await nodes.SubmitAsync("XA", RequestsNetworkFixture.Draft("technicalAdvice", "XA-UI-REF-1"));
        await nodes.DeliverAsync("XA");
        await using var xb = await ContextAsync("XB");
        var page = await xb.NewPageAsync();
        await page.GotoAsync($"/requests/{id}");
        await page.Locator("#action-acknowledge button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "acknowledged");

        await page.Locator("#refuse-ground").SelectOptionAsync("essentialInterests");
        await page.Locator("#action-refuse button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-action-problem='refuse']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "acknowledged");

        await page.Locator("#refuse-ground").SelectOptionAsync("essentialInterests");
        await page.Locator("#refuse-reasons").FillAsync("The advice sought concerns a system of national security.");
        await page.Locator("#action-refuse button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "refused");
        await Assertions.Expect(page.Locator("#refusal")).ToContainTextAsync("essential interests");

        await nodes.DeliverAsync("XB");
        await using var xa = await ContextAsync("XA");
        var xaPage = await xa.NewPageAsync();
        await xaPage.GotoAsync($"/requests/{id}");
        await Assertions.Expect(xaPage.Locator("#refusal")).ToContainTextAsync("national security");
        await Assertions.Expect(xaPage.Locator("[data-action]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RequestPage_InFrench_ARefusalTooLong_IsWordedInFrenchWithItsLimit_AndNothingIsRecorded()
    {
        var id = await nodes.SubmitAsync("XA", RequestsNetworkFixture.Draft("legalInformation", "XA-UI-FR-1"));
        await nodes.DeliverAsync("XA");
        await using var xb = await ContextAsync("XB", "fr");
        var page = await xb.NewPageAsync();
        await page.GotoAsync($"/requests/{id}?culture=fr");
        await page.Locator("#action-acknowledge button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "acknowledged");

        await page.Locator("#refuse-ground").SelectOptionAsync("essentialInterests");
        await page.Locator("#refuse-reasons").FillAsync(new string('x', 8001));
        await page.Locator("#action-refuse button[type=submit]").ClickAsync();

        // The rule's bound, in French number format (a narrow no-break space groups thousands), and its article.
        var problem = page.Locator("[data-action-problem='refuse']");
        await Assertions.Expect(problem).ToContainTextAsync("Trop long : 8\u202f000 caractères au plus.");
        await Assertions.Expect(problem).ToContainTextAsync("Art. 41");
        await Assertions.Expect(page.Locator("#request-status [data-status]")).ToHaveAttributeAsync("data-status", "acknowledged");
    }

    [Fact]
    public async Task InboxAndRequestPage_InArabic_AreRightToLeftAndTranslated()
    {
        var id = await nodes.SubmitAsync("XA", RequestsNetworkFixture.Draft("locateSuspect", "XA-UI-AR-1"));
        await nodes.DeliverAsync("XA");
        await using var xb = await ContextAsync("XB", "ar");
        var page = await xb.NewPageAsync();

        await page.GotoAsync("/requests?culture=ar");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("طلبات 24/7");
        await Assertions.Expect(page.Locator($"tr[data-request='{id}']")).ToContainTextAsync("تحديد مكان مشتبه به");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await Screenshots.SaveAsync(page, "requests-inbox-ar");

        await page.GotoAsync($"/requests/{id}?culture=ar");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("#action-acknowledge button[type=submit]")).ToHaveTextAsync("الإقرار بالاستلام");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }
}
