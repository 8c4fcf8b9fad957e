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
/// Then, between the demo central-authority officers (Art. 40): XA→XB mutual legal assistance following
/// the preservation, awaiting XB's answer to a status inquiry; XB→XC mutual legal assistance postponed;
/// XC→XA access to stored data (Art. 44) partly executed; XA→XC mutual legal assistance refused for lack
/// of dual criminality, with reasons.
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

            // Between central authorities (Art. 40). XA → XB: the MLA request the preservation announced; XA asks where it stands.
            const string central = "central";
            var followUp = await SubmitAsync(api, "XA", "XB", FollowUp(environment.Time.GetUtcNow()), cancellationToken, central);
            await StepAsync(api, "XB", "XA", followUp, new AcknowledgeInput("Assigned to the International Affairs Division."), "acknowledged", cancellationToken, central);
            await StepAsync(api, "XA", "XB", followUp, new InquireStatusInput("The preservation ends in February: has the production order been sought?"), "statusInquired", cancellationToken, central);
            Done("XA → XB mutual legal assistance (Art. 40), following the preservation: awaiting XB's answer to a status inquiry", followUp);

            // XB → XC: postponed, because executing now would interfere with XC's own prosecution.
            var postponed = await SubmitAsync(api, "XB", "XC", Testimony(), cancellationToken, central);
            await StepAsync(api, "XC", "XB", postponed, new AcknowledgeInput(), "acknowledged", cancellationToken, central);
            await StepAsync(api, "XC", "XB", postponed, new PostponeInput(Days: 45,
                Reasons: "The witness is also a witness in an XC prosecution; hearing her before the XC trial on 10 January would interfere with it."), "postponed", cancellationToken, central);
            Done("XB → XC mutual legal assistance (Art. 40): postponed for 45 days with reasons", postponed);

            // XC → XA: access to stored data (Art. 44), partly executed with the first records.
            var stored = await SubmitAsync(api, "XC", "XA", StoredData(), cancellationToken, central);
            await StepAsync(api, "XA", "XC", stored, new AcknowledgeInput(), "acknowledged", cancellationToken, central);
            await StepAsync(api, "XA", "XC", stored, new ExecutePartiallyInput(
                "Subscriber records of the two accounts (document XA-JUS-2026-311, 4 pages) sent by the central authorities' secure channel; the server image follows.",
                new HandlingConditionsDto("confidential", "statedPurposeOnly", "withWrittenAuthorization")), "partiallyExecuted", cancellationToken, central);
            Done("XC → XA access to stored data (Art. 44): partly executed, a document sent under conditions", stored);

            // XA → XC: refused for lack of dual criminality (Art. 40(9)), with reasons.
            var refused = await SubmitAsync(api, "XA", "XC", Records(), cancellationToken, central);
            await StepAsync(api, "XC", "XA", refused, new AcknowledgeInput(), "acknowledged", cancellationToken, central);
            await StepAsync(api, "XC", "XA", refused, new RefuseInput("lackOfDualCriminality",
                "Operating an unlicensed online betting site is not an offence in XC, and XC's law allows the court order the bank records need only for offences."), "refused", cancellationToken, central);
            Done("XA → XC mutual legal assistance (Art. 40): refused for lack of dual criminality, with reasons", refused);

            // XB: a prosecutor's draft to XA, awaiting XB's central authority (four eyes).
            var (proposedStatus, proposedBody) = await api.SendAsync("XB", HttpMethod.Post, "api/v1/requests/proposals", Proposal(environment.Time.GetUtcNow()), cancellationToken, "prosecutor");
            if (proposedStatus != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"XB's prosecutor could not propose a request ({(int)proposedStatus}): {Detail(proposedBody)}");
            }

            environment.Error.MarkupLine("[green]requests[/] XB prosecutor's draft to XA awaits XB's central authority (four eyes): comity request proposals --as xb/central");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Warn("the sample requests stopped: " + e.Message);
        }
    }

    /// <summary>Submits from <paramref name="from"/> and waits until both nodes hold the <c>received</c> event.</summary>
    private async Task<Guid> SubmitAsync(Api api, string from, string to, RequestDraftInput draft, CancellationToken cancellationToken, string user = "duty")
    {
        var (status, body) = await api.SendAsync(from, HttpMethod.Post, "api/v1/requests", draft, cancellationToken, user);
        var id = status == HttpStatusCode.Created
            ? JsonDocument.Parse(body).RootElement.GetProperty("header").GetProperty("id").GetGuid()
            : throw new InvalidOperationException($"{from} could not submit {draft.Kind} to {to} ({(int)status}): {Detail(body)}");
        await WaitForAsync(api, to, id, "received", cancellationToken, user);
        await WaitForAsync(api, from, id, "received", cancellationToken, user);
        return id;
    }

    /// <summary>Records a transition on <paramref name="state"/>'s node and waits until <paramref name="peer"/>'s node holds the event.</summary>
    private async Task StepAsync(Api api, string state, string peer, Guid id, TransitionInput input, string eventType, CancellationToken cancellationToken, string user = "duty")
    {
        var (status, body) = await api.SendAsync(state, HttpMethod.Post, $"api/v1/requests/{id:D}/{input.Transition}", input, cancellationToken, user);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{state} could not {input.Transition} {id:D} ({(int)status}): {Detail(body)}");
        }

        await WaitForAsync(api, peer, id, eventType, cancellationToken, user);
    }

    /// <summary>Waits until <paramref name="state"/>'s node holds the request in <paramref name="expected"/> (or later), as federation delivers it.</summary>
    private async Task WaitForAsync(Api api, string state, Guid id, string expected, CancellationToken cancellationToken, string user = "duty")
    {
        var deadline = environment.Time.GetUtcNow() + ArrivalTimeout;
        string? last = null;
        while (environment.Time.GetUtcNow() < deadline)
        {
            var (status, body) = await api.SendAsync(state, HttpMethod.Get, $"api/v1/requests/{id:D}", null, cancellationToken, user);
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

    private static RequestDraftInput FollowUp(DateTimeOffset now) => new(
        "mutualLegalAssistance", "XB", "XA Ministry of Justice — Bureau of International Mutual Legal Assistance",
        new LegalBasisInput("bilateralTreaty", "Treaty on Mutual Legal Assistance in Criminal Matters between XA and XB (2019)"),
        new RequestTextInput("en", "XA requests the production of the data XB preserved at XA's request XA-CYB-2026-0117."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = "XA Ministry of Justice, Bureau of International Mutual Legal Assistance",
            SubjectOfProceedings = "Judicial investigation of a ransomware attack on a regional hospital (data interference, extortion)",
            ConductingAuthority = "Paris Public Prosecutor, J3 cyber section, with an investigating judge of the Paris court",
            Offence = "Illegal access (Art. 7) and data interference (Art. 9)",
            SummaryOfFacts = "On 1 November 2026 the hospital's systems were encrypted; the ransom was demanded from the Lion City Messaging account lc:darkharbor77.",
            AssistanceSought = "An order to Lion City Messaging Pte Ltd to produce the subscriber data, connection logs and stored messages of lc:darkharbor77 preserved at XA's request.",
            PersonsConcerned = "Unknown holder of lc:darkharbor77",
            ItemsOrAccounts = "Account lc:darkharbor77 at Lion City Messaging Pte Ltd, XB",
            Purpose = "To identify the offenders and to use the messages as evidence at trial.",
            DeadlineReasons = "The preservation in XB ends 90 days after it began; the data must be produced before.",
        },
        new HandlingConditionsDto("doNotNotifyHolder", "statedPurposeOnly"),
        "MLA-XA-2026-0042",
        ["originalsOrCopiesOfRecords", "accessingStoredData"],
        now.AddDays(80),
        "XA-PC-323-3");

    private static RequestDraftInput Testimony() => new(
        "mutualLegalAssistance", "XC", "XB Attorney-General's Chambers — International Affairs Division",
        new LegalBasisInput("reciprocity", null),
        new RequestTextInput("en", "XB asks XC to take the statement of the witness described below by video conference."),
        new RequestTextInput("es", "XB solicita a XC que tome declaración por videoconferencia a la testigo descrita."),
        new RequestContentsDto
        {
            RequestingAuthority = "XB Attorney-General's Chambers, International Affairs Division",
            SubjectOfProceedings = "Prosecution of a card-fraud ring operating through compromised payment terminals",
            ConductingAuthority = "Deputy Public Prosecutor, Financial Crime Unit, XB",
            Offence = "Computer-related fraud (Art. 13)",
            SummaryOfFacts = "Payment terminals in XB shops were compromised with malware written by a developer the witness employed in XC.",
            AssistanceSought = "Taking the statement of the witness by video conference, with an XB prosecutor asking questions.",
            ParticularProcedure = "Video conference with simultaneous interpretation; the statement signed before an XC judge.",
            PersonsConcerned = "M. Restrepo, XC national, Medellín",
            Purpose = "Evidence at the trial in XB.",
        },
        new HandlingConditionsDto("confidential", "statedPurposeOnly"),
        "XB-AGC-2026-0931",
        ["takingEvidenceOrStatements"]);

    private static RequestDraftInput StoredData() => new(
        "storedDataAccess", "XA", "XC Fiscalía General — Dirección de Asuntos Internacionales",
        new LegalBasisInput("budapestConvention", "Convention on Cybercrime (ETS No. 185)"),
        new RequestTextInput("es", "XC solicita a XA el acceso a los datos almacenados descritos y su divulgación."),
        new RequestTextInput("en", "XC asks XA for access to, and disclosure of, the stored data described below."),
        new RequestContentsDto
        {
            RequestingAuthority = "XC Fiscalía General de la Nación, Dirección de Asuntos Internacionales",
            SubjectOfProceedings = "Investigation of phishing attacks on customers of XC banks",
            ConductingAuthority = "Fiscal 14 Especializado, Unidad de Delitos Informáticos",
            Offence = "Computer-related fraud (Art. 13)",
            SummaryOfFacts = "The phishing pages were administered from two accounts of a hosting company in XA.",
            AssistanceSought = "Search of the two hosting accounts, seizure of a copy of the server, disclosure of the subscriber records.",
            StoredDataSought = "Subscriber records and a disk image of accounts h-2291 and h-2292 at NordHost SARL",
            CustodianOrLocation = "NordHost SARL, Lyon, XA",
            Purpose = "To identify the administrators and prove the phishing campaign.",
        },
        new HandlingConditionsDto("confidential", "statedPurposeOnly"),
        "XC-FGN-2026-7720");

    private static RequestDraftInput Proposal(DateTimeOffset now) => new(
        "mutualLegalAssistance", "XA", "XB Attorney-General's Chambers — International Affairs Division",
        new LegalBasisInput("reciprocity", null),
        new RequestTextInput("en", "XB requests the records of the Nimbus Mail account described below."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = "XB Attorney-General's Chambers, International Affairs Division",
            SubjectOfProceedings = "Prosecution of an online investment fraud against XB residents",
            ConductingAuthority = "XB Attorney-General's Chambers, Financial and Technology Crime Division",
            Offence = "Cheating (XB Penal Code s. 420), committed through an ICT system (Art. 13)",
            SummaryOfFacts = "Between March and September 2026, 214 XB residents paid into a fake trading platform whose operators wrote from a Nimbus Mail account.",
            AssistanceSought = "Subscriber information and login records of the account support@fx-prime.example held by Nimbus Mail SA.",
            ItemsOrAccounts = "support@fx-prime.example at Nimbus Mail SA, XA",
            Purpose = "To identify the operators for the prosecution.",
            DeadlineReasons = "The accused's trial opens in March 2027.",
        },
        new HandlingConditionsDto("confidential", "statedPurposeOnly"),
        "XB-AGC-MLA-2026-0311",
        ["originalsOrCopiesOfRecords"],
        now.AddDays(60),
        "XB-PC-420");

    private static RequestDraftInput Records() => new(
        "mutualLegalAssistance", "XC", "XA Ministry of Justice — Bureau of International Mutual Legal Assistance",
        new LegalBasisInput("reciprocity", null),
        new RequestTextInput("en", "XA requests the bank records described below."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = "XA Ministry of Justice, Bureau of International Mutual Legal Assistance",
            SubjectOfProceedings = "Investigation of an unlicensed online betting site",
            ConductingAuthority = "Lyon Public Prosecutor, economic crime section",
            Offence = "Operating an unlicensed gambling site (XA Code of internal security, L. 324-1)",
            SummaryOfFacts = "The site took bets from XA residents; the stakes were paid into an account at Banco Andino in XC.",
            AssistanceSought = "Certified copies of the statements of the Banco Andino account ending 7781, January to October 2026.",
            Purpose = "To establish the site's turnover and its operators.",
        },
        null,
        "MLA-XA-2026-0051",
        ["originalsOrCopiesOfRecords"],
        OffenceCode: "XA-GAM-56");

    private sealed class Api(HttpClient http, IReadOnlyDictionary<string, DemoNodeCredentials> nodes)
    {
        public async Task<(HttpStatusCode Status, string Body)> SendAsync(string state, HttpMethod method, string path, object? body, CancellationToken cancellationToken, string user = "duty")
        {
            var node = nodes[state];
            using var request = new HttpRequestMessage(method, new Uri(new Uri(node.Url), path));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (node.User(user) ?? throw new KeyNotFoundException($"The demo node {state} has no user '{user}'.")).Token);
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
