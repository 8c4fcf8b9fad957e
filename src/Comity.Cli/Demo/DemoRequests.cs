using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Transitions;
using Comity.Node.Features.Requests.Validate;
using Spectre.Console;

namespace Comity.Cli.Demo;

/// <summary>
/// After the pings: sample 24/7 requests in several states, made by the demo duty officers through the
/// API as a person would, each event signed and carried between the nodes by federation:
/// XA→XB expedited preservation, acknowledged, preserved for 90 days, the follow-up MLA request linked;
/// XB→XC emergency disclosure just submitted (its 15-minute acknowledgement clock running);
/// XC→XA traffic-data disclosure refused on an enumerated ground with reasons;
/// XA→XC legal information awaiting the information XC asked for; XB→XA locate-suspect withdrawn.
/// Runs once: when XA already holds outgoing requests (a second start), nothing is sent. A failure is
/// reported and leaves the demo running.
/// </summary>
internal sealed class DemoRequests(CliEnvironment environment)
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(20);

    public async Task RunAsync(DemoCredentials credentials, CancellationToken cancellationToken)
    {
        var duty = credentials.Nodes.Where(n => n.Role == "state" && n.User("duty")?.Token is not null).ToDictionary(n => n.State!, StringComparer.Ordinal);
        if (!duty.ContainsKey("XA") || !duty.ContainsKey("XB") || !duty.ContainsKey("XC"))
        {
            return;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var api = new Api(http, duty);
        try
        {
            var existing = await api.SendAsync("XA", HttpMethod.Get, "api/v1/requests?box=outgoing&limit=1", null, cancellationToken);
            if (existing.Status == HttpStatusCode.OK && JsonDocument.Parse(existing.Body).RootElement.GetProperty("items").GetArrayLength() > 0)
            {
                environment.Error.MarkupLine("[green]requests[/] the sample 24/7 requests are already there (comity request list --as xa|xb|xc).");
                return;
            }

            // Each step waits until the other node holds the previous event, so that the demo never races its own envelopes.
            // XA → XB: expedited preservation, acknowledged, preserved 90 days, follow-up linked.
            var preservation = await SubmitAsync(api, "XA", "XB", Preservation(), cancellationToken);
            await StepAsync(api, "XB", "XA", preservation, new AcknowledgeInput("On it: Lion City Messaging contacted."), "acknowledged", cancellationToken);
            await StepAsync(api, "XB", "XA", preservation, new PreserveInput(Days: 90, Note: "Provider confirmed the mailbox and logs are frozen."), "preserved", cancellationToken);
            await StepAsync(api, "XA", "XB", preservation, new LinkFollowUpInput("MLA-XA-2026-0042 (search and disclosure of the mailbox)"), "followUpLinked", cancellationToken);
            Done("XA → XB expedited preservation (Art. 42): acknowledged, preserved for 90 days, follow-up MLA linked", preservation);

            // XB → XC: emergency disclosure, just submitted: XC's acknowledgement clock runs (15 minutes).
            var emergency = await SubmitAsync(api, "XB", "XC", Emergency(), cancellationToken);
            Done("XB → XC emergency disclosure (Art. 41(3)(e)): awaiting XC's acknowledgement, clock running", emergency);

            // XC → XA: traffic-data disclosure refused on an enumerated ground, with reasons.
            var traffic = await SubmitAsync(api, "XC", "XA", TrafficData(), cancellationToken);
            await StepAsync(api, "XA", "XC", traffic, new AcknowledgeInput(), "acknowledged", cancellationToken);
            await StepAsync(api, "XA", "XC", traffic, new RefuseInput("dataProtectionLaw",
                "The traffic data concern 40,000 subscribers of a public Wi-Fi network; XA's data-protection law allows disclosure only of data tied to a named suspect. "
                + "A narrower request naming the session of 3 November 21:14–21:20 UTC would be executed."), "refused", cancellationToken);
            Done("XC → XA traffic-data disclosure (Art. 43): refused on dataProtectionLaw (Art. 36(1)) with reasons", traffic);

            // XA → XC: legal information; XC asks for more information (Art. 40(16)).
            var legal = await SubmitAsync(api, "XA", "XC", LegalInformation(), cancellationToken);
            await StepAsync(api, "XC", "XA", legal, new AcknowledgeInput(), "acknowledged", cancellationToken);
            await StepAsync(api, "XC", "XA", legal, new RequestInformationInput("Is the provider a hosting company or an access provider? The rules differ (Ley 1273 de 2009)."), "informationRequested", cancellationToken);
            Done("XA → XC legal information (Art. 41(3)(c)): XC asked for more information (Art. 40(16))", legal);

            // XB → XA: locate a suspect, withdrawn by XB before XA acknowledged.
            var locate = await SubmitAsync(api, "XB", "XA", Locate(), cancellationToken);
            await StepAsync(api, "XB", "XA", locate, new WithdrawInput("The suspect was arrested in XB this morning."), "withdrawn", cancellationToken);
            Done("XB → XA locate a suspect (Art. 41(3)(d)): withdrawn", locate);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Warn("the sample requests stopped: " + e.Message);
        }
    }

    /// <summary>Submits from <paramref name="from"/> and waits until both nodes hold the <c>received</c> event.</summary>
    private async Task<Guid> SubmitAsync(Api api, string from, string to, RequestDraftInput draft, CancellationToken cancellationToken)
    {
        var (status, body) = await api.SendAsync(from, HttpMethod.Post, "api/v1/requests", draft, cancellationToken);
        var id = status == HttpStatusCode.Created
            ? JsonDocument.Parse(body).RootElement.GetProperty("header").GetProperty("id").GetGuid()
            : throw new InvalidOperationException($"{from} could not submit {draft.Kind} to {to} ({(int)status}): {Detail(body)}");
        await WaitForAsync(api, to, id, "received", cancellationToken);
        await WaitForAsync(api, from, id, "received", cancellationToken);
        return id;
    }

    /// <summary>Records a transition on <paramref name="state"/>'s node and waits until <paramref name="peer"/>'s node holds the event.</summary>
    private async Task StepAsync(Api api, string state, string peer, Guid id, TransitionInput input, string eventType, CancellationToken cancellationToken)
    {
        var (status, body) = await api.SendAsync(state, HttpMethod.Post, $"api/v1/requests/{id:D}/{input.Transition}", input, cancellationToken);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{state} could not {input.Transition} {id:D} ({(int)status}): {Detail(body)}");
        }

        await WaitForAsync(api, peer, id, eventType, cancellationToken);
    }

    /// <summary>Waits until <paramref name="state"/>'s node holds the request in <paramref name="expected"/> (or later), as federation delivers it.</summary>
    private async Task WaitForAsync(Api api, string state, Guid id, string expected, CancellationToken cancellationToken)
    {
        var deadline = environment.Time.GetUtcNow() + ArrivalTimeout;
        string? last = null;
        while (environment.Time.GetUtcNow() < deadline)
        {
            var (status, body) = await api.SendAsync(state, HttpMethod.Get, $"api/v1/requests/{id:D}", null, cancellationToken);
            if (status == HttpStatusCode.OK)
            {
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                last = root.GetProperty("header").GetProperty("state").GetString();
                if (last == expected || root.GetProperty("events").EnumerateArray().Any(e => e.GetProperty("type").GetString() == expected))
                {
                    return;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), environment.Time, cancellationToken);
        }

        throw new InvalidOperationException($"{state} did not see request {id:D} reach '{expected}' within {ArrivalTimeout.TotalSeconds} seconds (last seen: {last ?? "not arrived"}); see comity federation outbox.");
    }

    private void Done(string what, Guid id) =>
        environment.Error.MarkupLineInterpolated($"[green]requests[/] {what} [grey]({id:D})[/]");

    private void Warn(string message) => environment.Error.MarkupLineInterpolated($"[yellow]warning:[/] {message}");

    private static string Detail(string body) => Treaty.ProblemDocument.TryParse(body) is { } problem
        ? string.Join("; ", problem.Errors.Count > 0 ? problem.Errors.Select(e => $"{e.Code} {e.Field} {e.Article}") : [$"{problem.Code} {problem.Detail}"]).Trim()
        : (body.Length > 200 ? body[..200] : body);

    private static RequestDraftInput Preservation() => new(
        "expeditedPreservation", "XB", "XA National Cybercrime Directorate",
        new LegalBasisInput("bilateralTreaty", "Treaty on Mutual Legal Assistance in Criminal Matters between XA and XB (2019)"),
        new RequestTextInput("en", "XA requests the expedited preservation of the stored data described below, pending a request for mutual legal assistance."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = "XA National Cybercrime Directorate, on behalf of the Paris Public Prosecutor (J3 cyber section)",
            Offence = "Illegal access (Art. 7) and data interference (Art. 9): ransomware attack on a regional hospital",
            SummaryOfFacts = "On 1 November 2026 the hospital's systems were encrypted; the ransom note gave a Lion City Messaging account for negotiation.",
            DataToPreserve = "Subscriber data, connection logs and stored messages of the account lc:darkharbor77 from 15 October 2026",
            LinkToOffence = "The account was used to demand the ransom and to send samples of the exfiltrated patient files.",
            CustodianOrLocation = "Lion City Messaging Pte Ltd, XB (servers in XB)",
            PreservationNecessity = "The provider deletes connection logs after 30 days.",
            IntendedFollowUp = "A request for mutual legal assistance for the disclosure of the preserved data will follow within 30 days.",
        },
        new HandlingConditionsDto("doNotNotifyHolder", "statedPurposeOnly"),
        "XA-CYB-2026-0117");

    private static RequestDraftInput Emergency() => new(
        "emergencyDisclosure", "XC", "XB Cyber Crime Command",
        new LegalBasisInput("reciprocity", null),
        new RequestTextInput("en", "Emergency: credible threat to the life of a minor. XB asks XC to disclose the data below at once."),
        new RequestTextInput("es", "Emergencia: amenaza creíble para la vida de una menor. XB solicita a XC la divulgación inmediata de los datos indicados."),
        new RequestContentsDto
        {
            RequestingAuthority = "XB Cyber Crime Command, 24/7 desk",
            Offence = "Sexual extortion of a minor (Art. 15) with threats of self-harm",
            SummaryOfFacts = "A 14-year-old in XB received threats tonight from an account that connected through Cóndor Telecom in XC.",
            Emergency = "The victim said she would harm herself before 06:00 local time; the offender threatens to publish images.",
            DataSought = "Subscriber identity and the last known cell location of the line that held IP 181.51.0.23 on 2026-11-02 at 19:40 UTC",
            CustodianOrLocation = "Cóndor Telecom S.A.S., XC",
        },
        new HandlingConditionsDto("confidential", "statedPurposeOnly", RetentionDays: 365),
        "XB-C3-2026-2201");

    private static RequestDraftInput TrafficData() => new(
        "expeditedDisclosureOfTrafficData", "XA", "XC Centro Cibernético Policial",
        new LegalBasisInput("budapestConvention", "Convention on Cybercrime (ETS No. 185)"),
        new RequestTextInput("en", "XC asks XA to disclose the traffic data identifying the providers and path of the communication below."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = "XC Centro Cibernético Policial, on behalf of the Fiscalía General",
            Offence = "Computer-related fraud (Art. 11): phishing of bank customers",
            SummaryOfFacts = "Phishing pages hosted in XC were administered through connections relayed by a public Wi-Fi network in XA.",
            PreservationReference = "XC preservation request CC-2026-0441, executed by XA on 20 October 2026",
            TrafficDataSought = "All traffic data of the public Wi-Fi network 'Gare-Libre' from 1 to 5 November 2026",
        },
        null,
        "XC-CC-2026-0452");

    private static RequestDraftInput LegalInformation() => new(
        "legalInformation", "XC", "XA National Cybercrime Directorate",
        new LegalBasisInput("reciprocity", null),
        new RequestTextInput("en", "XA asks XC's 24/7 point of contact about the legal requirements for preserving data held by a provider in XC."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = "XA National Cybercrime Directorate",
            Offence = "Misuse of devices (Art. 10)",
            Question = "Which authority in XC may order a provider to preserve stored data, and within what time can it act?",
        },
        null,
        "XA-CYB-2026-0121");

    private static RequestDraftInput Locate() => new(
        "locateSuspect", "XA", "XB Cyber Crime Command",
        new LegalBasisInput("bilateralTreaty", "Treaty on Mutual Legal Assistance in Criminal Matters between XA and XB (2019)"),
        new RequestTextInput("en", "XB asks XA to help locate the suspect described below."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = "XB Cyber Crime Command",
            Offence = "Offences related to online child sexual abuse material (Art. 14)",
            SummaryOfFacts = "The suspect administered a forum from XB and is believed to have travelled to XA on 28 October 2026.",
            PersonSought = "Male, about 30, known online as 'harbourlight'; XB passport ending 4471",
        },
        null,
        "XB-C3-2026-2188");

    private sealed class Api(HttpClient http, IReadOnlyDictionary<string, DemoNodeCredentials> nodes)
    {
        public async Task<(HttpStatusCode Status, string Body)> SendAsync(string state, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
        {
            var node = nodes[state];
            using var request = new HttpRequestMessage(method, new Uri(new Uri(node.Url), path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", node.User("duty")!.Token);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, body.GetType(), options: Requests.RequestJson.Options);
            }

            using var response = await http.SendAsync(request, cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
    }
}
