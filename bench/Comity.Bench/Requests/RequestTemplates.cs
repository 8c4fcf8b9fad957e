using System.Globalization;
using Comity.Node.Features.Requests;
using Comity.Node.Features.Requests.Transitions;
using Comity.Node.Features.Requests.Validate;
using Comity.Testing.Processes;

namespace Comity.Bench.Requests;

/// <summary>
/// The requests the list benchmark submits through the public API between XA and XB before it replicates them: the
/// 24/7 network's kinds and the central authorities' (Art. 40), in both directions, walked to open and final states
/// as duty and central-authority officers would (the histories of the <c>comity demo</c> samples).
/// </summary>
internal static class RequestTemplates
{
    /// <summary>A transition recorded by one side: by the requested State's node, or by the requesting State's.</summary>
    public sealed record Step(bool ByRequested, TransitionInput Input, string EventType);

    public sealed record Scenario(string Name, Func<string, string, int, RequestDraftInput> Draft, IReadOnlyList<Step> Steps);

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("expedited preservation, preserved, follow-up linked", Preservation,
        [
            new(true, new AcknowledgeInput("On it: the provider was contacted."), "acknowledged"),
            new(true, new PreserveInput(Days: 90, Note: "The provider confirmed the mailbox and logs are frozen."), "preserved"),
            new(false, new LinkFollowUpInput("MLA request for disclosure of the preserved data"), "followUpLinked"),
        ]),
        new("emergency disclosure, awaiting acknowledgement", Emergency, []),
        new("emergency disclosure, acknowledged", Emergency, [new(true, new AcknowledgeInput(), "acknowledged")]),
        new("traffic data, refused with reasons", TrafficData,
        [
            new(true, new AcknowledgeInput(), "acknowledged"),
            new(true, new RefuseInput("dataProtectionLaw", "The traffic data concern thousands of subscribers of a public network; disclosure is allowed only for data tied to a named suspect."), "refused"),
        ]),
        new("legal information, more information asked", LegalInformation,
        [
            new(true, new AcknowledgeInput(), "acknowledged"),
            new(true, new RequestInformationInput("Is the provider a hosting company or an access provider? The rules differ."), "informationRequested"),
        ]),
        new("locate a suspect, withdrawn", Locate, [new(false, new WithdrawInput("The suspect was arrested this morning."), "withdrawn")]),
        new("mutual legal assistance, status inquired", MutualLegalAssistance,
        [
            new(true, new AcknowledgeInput("Assigned to the International Affairs Division."), "acknowledged"),
            new(false, new InquireStatusInput("The preservation ends soon: has the production order been sought?"), "statusInquired"),
        ]),
        new("mutual legal assistance, postponed", Testimony,
        [
            new(true, new AcknowledgeInput(), "acknowledged"),
            new(true, new PostponeInput(Days: 45, Reasons: "Hearing the witness now would interfere with a domestic prosecution."), "postponed"),
        ]),
        new("access to stored data, partly executed", StoredData,
        [
            new(true, new AcknowledgeInput(), "acknowledged"),
            new(true, new ExecutePartiallyInput("Subscriber records of the two accounts sent by the central authorities' secure channel; the server image follows.",
                new HandlingConditionsDto("confidential", "statedPurposeOnly", "withWrittenAuthorization")), "partiallyExecuted"),
        ]),
        new("mutual legal assistance, refused for lack of dual criminality", Records,
        [
            new(true, new AcknowledgeInput(), "acknowledged"),
            new(true, new RefuseInput("lackOfDualCriminality", "The conduct is not an offence in the requested State, whose law allows the court order the records need only for offences."), "refused"),
        ]),
        new("mutual legal assistance, awaiting acknowledgement", MutualLegalAssistance, []),
    ];

    private static string Ref(string from, string series, int index) => string.Create(CultureInfo.InvariantCulture, $"{from}-{series}-2026-{index:0000}");

    private static RequestDraftInput Preservation(string from, string to, int index) => new(
        "expeditedPreservation", to, $"{from} National Cybercrime Directorate",
        new LegalBasisInput("bilateralTreaty", $"Treaty on Mutual Legal Assistance in Criminal Matters between {from} and {to} (2019)"),
        new RequestTextInput("en", "The requesting State asks for the expedited preservation of the stored data described below, pending a request for mutual legal assistance."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = $"{from} National Cybercrime Directorate, on behalf of the public prosecutor (cyber section)",
            Offence = "Illegal access (Art. 7) and data interference (Art. 9): ransomware attack on a regional hospital",
            SummaryOfFacts = "The hospital's systems were encrypted; the ransom note gave a messaging account for negotiation.",
            DataToPreserve = $"Subscriber data, connection logs and stored messages of the account lc:harbour{index}",
            LinkToOffence = "The account was used to demand the ransom and to send samples of the exfiltrated patient files.",
            CustodianOrLocation = $"Lion City Messaging, {to}",
            PreservationNecessity = "The provider deletes connection logs after 30 days.",
            IntendedFollowUp = "A request for mutual legal assistance for the disclosure of the preserved data will follow within 30 days.",
        },
        new HandlingConditionsDto("doNotNotifyHolder", "statedPurposeOnly"),
        Ref(from, "CYB", index));

    private static RequestDraftInput Emergency(string from, string to, int index) => new(
        "emergencyDisclosure", to, $"{from} Cyber Crime Command",
        new LegalBasisInput("reciprocity", null),
        new RequestTextInput("en", "Emergency: credible threat to the life of a minor. The requesting State asks for the data below at once."),
        new RequestTextInput("es", "Emergencia: amenaza creíble para la vida de una menor. Se solicita la divulgación inmediata de los datos indicados."),
        new RequestContentsDto
        {
            RequestingAuthority = $"{from} Cyber Crime Command, 24/7 desk",
            Offence = "Sexual extortion of a minor (Art. 15) with threats of self-harm",
            SummaryOfFacts = "A 14-year-old received threats tonight from an account that connected through a provider in the requested State.",
            Emergency = "The victim said she would harm herself before 06:00 local time; the offender threatens to publish images.",
            DataSought = $"Subscriber identity and the last known cell location of line {index}",
            CustodianOrLocation = $"Cóndor Telecom, {to}",
        },
        new HandlingConditionsDto("confidential", "statedPurposeOnly", RetentionDays: 365),
        Ref(from, "C3", index));

    private static RequestDraftInput TrafficData(string from, string to, int index) => new(
        "expeditedDisclosureOfTrafficData", to, $"{from} Cyber Police Centre",
        new LegalBasisInput("budapestConvention", "Convention on Cybercrime (ETS No. 185)"),
        new RequestTextInput("en", "The requesting State asks for the traffic data identifying the providers and path of the communication below."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = $"{from} Cyber Police Centre, on behalf of the prosecutor general",
            Offence = "Computer-related fraud (Art. 11): phishing of bank customers",
            SummaryOfFacts = "Phishing pages were administered through connections relayed by a public Wi-Fi network in the requested State.",
            PreservationReference = $"Preservation request {Ref(from, "CC", index)}",
            TrafficDataSought = "All traffic data of the public Wi-Fi network 'Gare-Libre' from 1 to 5 November 2026",
        },
        null,
        Ref(from, "CC", index));

    private static RequestDraftInput LegalInformation(string from, string to, int index) => new(
        "legalInformation", to, $"{from} National Cybercrime Directorate",
        new LegalBasisInput("reciprocity", null),
        new RequestTextInput("en", "The requesting State asks about the legal requirements for preserving data held by a provider in the requested State."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = $"{from} National Cybercrime Directorate",
            Offence = "Misuse of devices (Art. 10)",
            Question = "Which authority may order a provider to preserve stored data, and within what time can it act?",
        },
        null,
        Ref(from, "CYB", index));

    private static RequestDraftInput Locate(string from, string to, int index) => new(
        "locateSuspect", to, $"{from} Cyber Crime Command",
        new LegalBasisInput("bilateralTreaty", $"Treaty on Mutual Legal Assistance in Criminal Matters between {from} and {to} (2019)"),
        new RequestTextInput("en", "The requesting State asks for help to locate the suspect described below."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = $"{from} Cyber Crime Command",
            Offence = "Offences related to online child sexual abuse material (Art. 14)",
            SummaryOfFacts = "The suspect administered a forum and is believed to have travelled to the requested State.",
            PersonSought = "Male, about 30, known online as 'harbourlight'",
        },
        null,
        Ref(from, "C3", index));

    private static RequestDraftInput MutualLegalAssistance(string from, string to, int index) => new(
        "mutualLegalAssistance", to, $"{from} Ministry of Justice, Bureau of International Mutual Legal Assistance",
        new LegalBasisInput("bilateralTreaty", $"Treaty on Mutual Legal Assistance in Criminal Matters between {from} and {to} (2019)"),
        new RequestTextInput("en", "The requesting State asks for the production of the data preserved at its request."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = $"{from} Ministry of Justice, Bureau of International Mutual Legal Assistance",
            SubjectOfProceedings = "Judicial investigation of a ransomware attack on a regional hospital (data interference, extortion)",
            ConductingAuthority = "Public prosecutor, cyber section, with an investigating judge",
            Offence = "Illegal access (Art. 7) and data interference (Art. 9)",
            SummaryOfFacts = "The hospital's systems were encrypted; the ransom was demanded from a messaging account.",
            AssistanceSought = $"An order to the provider to produce the subscriber data, connection logs and stored messages of lc:harbour{index}.",
            PersonsConcerned = $"Unknown holder of lc:harbour{index}",
            ItemsOrAccounts = $"Account lc:harbour{index}",
            Purpose = "To identify the offenders and to use the messages as evidence at trial.",
            DeadlineReasons = "The preservation ends 90 days after it began; the data must be produced before.",
        },
        new HandlingConditionsDto("doNotNotifyHolder", "statedPurposeOnly"),
        Ref(from, "MLA", index),
        ["originalsOrCopiesOfRecords", "accessingStoredData"],
        DateTimeOffset.UtcNow.AddDays(80));

    private static RequestDraftInput Testimony(string from, string to, int index) => new(
        "mutualLegalAssistance", to, $"{from} Attorney-General's Chambers, International Affairs Division",
        new LegalBasisInput("reciprocity", null),
        new RequestTextInput("en", "The requesting State asks for the statement of the witness described below by video conference."),
        new RequestTextInput("es", "Se solicita tomar declaración por videoconferencia a la testigo descrita."),
        new RequestContentsDto
        {
            RequestingAuthority = $"{from} Attorney-General's Chambers, International Affairs Division",
            SubjectOfProceedings = "Prosecution of a card-fraud ring operating through compromised payment terminals",
            ConductingAuthority = "Deputy Public Prosecutor, Financial Crime Unit",
            Offence = "Computer-related fraud (Art. 13)",
            SummaryOfFacts = "Payment terminals were compromised with malware written by a developer the witness employed.",
            AssistanceSought = "Taking the statement of the witness by video conference, with a prosecutor of the requesting State asking questions.",
            ParticularProcedure = "Video conference with simultaneous interpretation; the statement signed before a judge.",
            PersonsConcerned = $"Witness {index}",
            Purpose = "Evidence at the trial.",
        },
        new HandlingConditionsDto("confidential", "statedPurposeOnly"),
        Ref(from, "AGC", index),
        ["takingEvidenceOrStatements"]);

    private static RequestDraftInput StoredData(string from, string to, int index) => new(
        "storedDataAccess", to, $"{from} Prosecutor General, International Affairs",
        new LegalBasisInput("budapestConvention", "Convention on Cybercrime (ETS No. 185)"),
        new RequestTextInput("es", "Se solicita el acceso a los datos almacenados descritos y su divulgación."),
        new RequestTextInput("en", "The requesting State asks for access to, and disclosure of, the stored data described below."),
        new RequestContentsDto
        {
            RequestingAuthority = $"{from} Prosecutor General, International Affairs",
            SubjectOfProceedings = "Investigation of phishing attacks on bank customers",
            ConductingAuthority = "Specialised prosecutor, computer crime unit",
            Offence = "Computer-related fraud (Art. 13)",
            SummaryOfFacts = "The phishing pages were administered from two accounts of a hosting company in the requested State.",
            AssistanceSought = "Search of the two hosting accounts, seizure of a copy of the server, disclosure of the subscriber records.",
            StoredDataSought = $"Subscriber records and a disk image of accounts h-{index} and h-{index + 1}",
            CustodianOrLocation = $"NordHost, {to}",
            Purpose = "To identify the administrators and prove the phishing campaign.",
        },
        new HandlingConditionsDto("confidential", "statedPurposeOnly"),
        Ref(from, "FGN", index));

    private static RequestDraftInput Records(string from, string to, int index) => new(
        "mutualLegalAssistance", to, $"{from} Ministry of Justice, Bureau of International Mutual Legal Assistance",
        new LegalBasisInput("reciprocity", null),
        new RequestTextInput("en", "The requesting State asks for the bank records described below."),
        null,
        new RequestContentsDto
        {
            RequestingAuthority = $"{from} Ministry of Justice, Bureau of International Mutual Legal Assistance",
            SubjectOfProceedings = "Investigation of an unlicensed online betting site",
            ConductingAuthority = "Public prosecutor, economic crime section",
            Offence = "Operating an unlicensed gambling site",
            SummaryOfFacts = "The site took bets; the stakes were paid into a bank account in the requested State.",
            AssistanceSought = $"Certified copies of the statements of account {index}, January to October 2026.",
            Purpose = "To establish the site's turnover and its operators.",
        },
        null,
        Ref(from, "MLA", index),
        ["originalsOrCopiesOfRecords"]);

    /// <summary>Submits on the requesting node, waits until both nodes hold each event, and walks the steps; returns the request id.</summary>
    public static async Task<Guid> RunAsync(Scenario scenario, int index, (string Code, NodeApi Api) requesting, (string Code, NodeApi Api) requested, CancellationToken ct)
    {
        var submitted = await requesting.Api.PostAsync("api/v1/requests", scenario.Draft(requesting.Code, requested.Code, index), ct);
        if (submitted.Status != 201)
        {
            throw new InvalidOperationException($"{requesting.Code} could not submit '{scenario.Name}': {submitted}");
        }

        var id = submitted.Json.GetProperty("header").GetProperty("id").GetGuid();
        await WaitForAsync(requested.Api, id, "received", ct);
        await WaitForAsync(requesting.Api, id, "received", ct);
        foreach (var step in scenario.Steps)
        {
            var (actor, peer) = step.ByRequested ? (requested, requesting) : (requesting, requested);
            var answer = await actor.Api.PostAsync($"api/v1/requests/{id:D}/{step.Input.Transition}", step.Input, ct);
            if (answer.Status != 200)
            {
                throw new InvalidOperationException($"{actor.Code} could not {step.Input.Transition} '{scenario.Name}' {id:D}: {answer}");
            }

            await WaitForAsync(peer.Api, id, step.EventType, ct);
        }

        return id;
    }

    private static async Task WaitForAsync(NodeApi api, Guid id, string eventType, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var answer = await api.GetAsync($"api/v1/requests/{id:D}", ct);
            if (answer.Status == 200 && answer.Json.GetProperty("events").EnumerateArray().Any(e => e.GetProperty("type").GetString() == eventType))
            {
                return;
            }

            await Task.Delay(50, ct);
        }

        throw new InvalidOperationException($"{api.BaseAddress} did not hold '{eventType}' of request {id:D} within 60 s.");
    }
}
