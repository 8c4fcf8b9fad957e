using Comity.Cli.Admin;
using Comity.Cli.Demo;
using Comity.Cli.Federation;
using Comity.Cli.Keys;
using Comity.Cli.Log;
using Comity.Cli.Register;
using Comity.Cli.Requests;
using Comity.Cli.Directories;
using Comity.Cli.Serve;
using Comity.Cli.Treaty;
using Comity.Node.Features.Requests;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Comity.Cli;

internal static class CliApp
{
    public static CommandApp Create(CliEnvironment environment)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("comity");
            config.Settings.Console = environment.Out;
            config.Settings.StrictParsing = true;
            config.Settings.Registrar.RegisterInstance(environment);
            config.SetExceptionHandler((exception, _) => HandleException(exception, environment.Error));

            config.AddCommand<ServeCommand>("serve")
                .WithDescription("Run one node from configuration (appsettings.json, Comity__ environment variables, these flags).")
                .WithExample("serve", "--role", "secretariat", "--url", "http://127.0.0.1:5080");
            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Start a Secretariat node and three State nodes (XA, XB, XC) on loopback with demo users.")
                .WithExample("demo")
                .WithExample("demo", "--base-port", "6080");
            config.AddBranch("admin", admin =>
            {
                admin.SetDescription("Operator tasks run on the node's host, against its data folder and database (no API).");
                admin.AddCommand<AdminTokenCommand>("token")
                    .WithDescription("Issue a personal access token offline for automation; prints the token alone on standard output.")
                    .WithExample("admin", "token", "--data", "/var/lib/comity", "--state", "XA", "--grant", "node-admin");
            });
            config.AddBranch("keys", keys =>
            {
                keys.SetDescription("This node's signing (Ed25519) and encryption (X25519) keys.");
                keys.AddCommand<KeysShowCommand>("show")
                    .WithDescription("Show the node's public keys: kid, fingerprint, validity, status (node administrators).")
                    .WithExample("keys", "show", "--node-name", "xa");
                keys.AddCommand<KeysRotateCommand>("rotate")
                    .WithDescription("Rotate the node's keys; the old ones stay published for the overlap (node administrators).")
                    .WithExample("keys", "rotate", "--overlap-days", "7");
            });
            config.AddBranch("directory", directory =>
            {
                directory.SetDescription("Who to contact in each State: designated offices, 24/7 points, service providers.");
                directory.AddCommand<DirectorySearchCommand>("search")
                    .WithDescription("Search the directory of the node's current Register.")
                    .WithExample("directory", "search", "--state", "XB", "--role", "pointOfContact247", "--language", "en", "--available-now");
            });
            config.AddBranch("federation", federation =>
            {
                federation.SetDescription("Signed envelopes between nodes: pings with receipts, delivery health per peer, the outbox.");
                federation.AddCommand<FederationPingCommand>("ping")
                    .WithDescription("Send a ping envelope to another node; with --wait, show its signed receipt (node administrators, duty officers).")
                    .WithExample("federation", "ping", "--to", "XB", "--message", "hello", "--wait");
                federation.AddCommand<FederationPeersCommand>("peers")
                    .WithDescription("Delivery health per peer: circuit, last delivery, backlog, failures, last error.")
                    .WithExample("federation", "peers", "--node-name", "xa");
                federation.AddCommand<FederationOutboxCommand>("outbox")
                    .WithDescription("Envelopes this node sent, newest first, with status and attempts.")
                    .WithExample("federation", "outbox", "--status", "pending");
                federation.AddCommand<FederationRetryCommand>("retry")
                    .WithDescription("Apply again a received envelope that its handler refused when its turn came (a successor-refused alert), and those waiting after it (node administrators).")
                    .WithExample("federation", "retry", "0193a2f4-5b6c-7d8e-9f00-112233445566", "--node-name", "xb");
            });
            config.AddBranch("treaty", treaty =>
            {
                treaty.SetDescription("The Convention's status: signatures, instruments, entry into force.");
                treaty.AddCommand<TreatyStatusCommand>("status")
                    .WithDescription("Show the Convention's status from a node.")
                    .WithExample("treaty", "status", "--as-of", "2027-01-01");
                treaty.AddCommand<TreatyRecordCommand>("record")
                    .WithDescription("Record a signature, instrument or denunciation on the Secretariat node.")
                    .WithExample("treaty", "record", "--participant", "FR", "--kind", "ratification", "--date", "2026-03-01");
                treaty.AddCommand<TreatySimulateCommand>("simulate")
                    .WithDescription("Offline what-if: apply the final clauses to a scenario CSV (participant,kind,date).")
                    .WithExample("treaty", "simulate", "scenario.csv", "--json");
            });
            config.AddBranch("log", log =>
            {
                log.SetDescription("A node's transparency log: verify it end to end, or print and check proofs (node administrators and auditors).");
                log.AddCommand<LogVerifyCommand>("verify")
                    .WithDescription("Fetch every entry, recompute every leaf and root, check every checkpoint's signature, consistency between successive checkpoints and the cosignatures. Exit 0 ok, 2 on any mismatch.")
                    .WithExample("log", "verify", "--node", "http://127.0.0.1:5081", "--token", "cmt_…");
                log.AddBranch("proof", proof =>
                {
                    proof.SetDescription("Fetch, print and check RFC 9162 proofs against the node's signed checkpoints.");
                    proof.AddCommand<LogInclusionCommand>("inclusion")
                        .WithDescription("Inclusion proof of leaf --index in the checkpoint of size --size (default the latest).")
                        .WithExample("log", "proof", "inclusion", "--index", "3", "--size", "10");
                    proof.AddCommand<LogConsistencyCommand>("consistency")
                        .WithDescription("Consistency proof between the checkpoints of sizes --first and --second (default the latest).")
                        .WithExample("log", "proof", "consistency", "--first", "4", "--second", "10");
                });
            });
            config.AddBranch("request", request =>
            {
                request.SetDescription("Requests on the 24/7 channel (Arts. 41–43, duty officers) and between central authorities (Arts. 40, 44–46, central-authority officers): draft, submit, follow and answer them (supervisors both; auditors read). With the demo, --as xa|xb|xc acts as that node's duty officer, --as xa/central as its central-authority officer.");
                request.AddCommand<RequestKindsCommand>("kinds")
                    .WithDescription("Each kind: required contents with their articles, refusal grounds, clocks.")
                    .WithExample("request", "kinds");
                request.AddCommand<RequestValidateCommand>("validate")
                    .WithDescription("Check a draft without sending it: every problem with field, code and article, the routing. Exit 2 when invalid.")
                    .WithExample("request", "validate", "--file", "draft.json");
                request.AddCommand<RequestSubmitCommand>("submit")
                    .WithDescription("Sign and send a request to the requested State's 24/7 point of contact. A refused draft lists every problem and sends nothing (exit 2).")
                    .WithExample("request", "submit", "--file", "draft.json")
                    .WithExample("request", "submit", "--file", "draft.json", "--to", "XC", "--reference", "XA-2026-118");
                request.AddCommand<RequestProposeCommand>("propose")
                    .WithDescription("A prosecutor's draft of a central-authority request (Art. 40), checked as a submission is and kept for a central-authority officer to send or return (four eyes).")
                    .WithExample("request", "propose", "--file", "mla.json", "--as", "xa/prosecutor");
                request.AddCommand<RequestProposalsCommand>("proposals")
                    .WithDescription("Drafts awaiting review and what became of the others (a prosecutor sees their own).")
                    .WithExample("request", "proposals", "--as", "xa/central", "--status", "awaitingReview");
                request.AddCommand<RequestSendProposalCommand>("send-proposal")
                    .WithDescription("A central-authority officer signs and sends a prosecutor's draft (never their own, unless the node allows it).")
                    .WithExample("request", "send-proposal", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xa/central");
                request.AddCommand<RequestReturnProposalCommand>("return-proposal")
                    .WithDescription("A central-authority officer returns a draft to its prosecutor with reasons.")
                    .WithExample("request", "return-proposal", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xa/central", "--reason", "Name the provider.");
                request.AddCommand<RequestListCommand>("list")
                    .WithDescription("Incoming and outgoing requests, most urgent first, with countdowns.")
                    .WithExample("request", "list", "--as", "xb", "--box", "incoming");
                request.AddCommand<RequestShowCommand>("show")
                    .WithDescription("One request: header, contents, conditions, clocks and the signed history (who, when, signer kid, signature verified).")
                    .WithExample("request", "show", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11");
                request.AddCommand<RequestDocumentCommand>("document")
                    .WithDescription("Download the formal document (PDF) of a request between central authorities, or of an answer (--answer INDEX): in the request's language, with the SHA-256 of the signed submission and a QR code.")
                    .WithExample("request", "document", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xa/central");
                request.AddCommand<RequestVerifyDocumentCommand>("verify-document")
                    .WithDescription("Check a formal document (PDF) against the node's signed history: the request id and SHA-256 digests it carries, and the node's verification of the signatures. Exit 0 when it matches, 1 when not, 2 for a file that is not a Comity formal document.")
                    .WithExample("request", "verify-document", "request-0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11.pdf", "--as", "xa/central");
                request.AddCommand<RequestTransitionCommand<AcknowledgeSettings>>(RequestTransitions.Acknowledge)
                    .WithDescription("Requested side: the request is in hand (stops the acknowledgement clock).")
                    .WithExample("request", "acknowledge", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xb");
                request.AddCommand<RequestTransitionCommand<PreserveSettings>>(RequestTransitions.Preserve)
                    .WithDescription("Requested side: the data are preserved, at least 60 days (Art. 42).")
                    .WithExample("request", "preserve", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--days", "90");
                request.AddCommand<RequestTransitionCommand<ExtendSettings>>(RequestTransitions.Extend)
                    .WithDescription("Requested side: extend the preservation (--days after the current end, or --until).")
                    .WithExample("request", "extend", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--days", "60");
                request.AddCommand<RequestTransitionCommand<DiscloseSettings>>(RequestTransitions.Disclose)
                    .WithDescription("Requested side: the data were disclosed (Art. 43; Art. 41(3)(e)), with conditions (Art. 36).")
                    .WithExample("request", "disclose", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--text", "Subscriber and IP logs sent by secure channel", "--use-limitation", "statedPurposeOnly");
                request.AddCommand<RequestTransitionCommand<AnswerSettings>>(RequestTransitions.Answer)
                    .WithDescription("Requested side: the answer (a location, advice, legal information), with conditions (Art. 36).")
                    .WithExample("request", "answer", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--text", "Preservation orders are issued by the prosecutor within 24 hours.");
                request.AddCommand<RequestTransitionCommand<RefuseSettings>>(RequestTransitions.Refuse)
                    .WithDescription("Requested side: refuse on an enumerated ground, with reasons (Art. 40(21)–(23); Arts. 42–43).")
                    .WithExample("request", "refuse", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--ground", "essentialInterests", "--reasons", "…");
                request.AddCommand<RequestTransitionCommand<RequestInformationSettings>>(RequestTransitions.RequestInformation)
                    .WithDescription("Requested side: ask the requester for more information (Art. 40(16)).")
                    .WithExample("request", "request-information", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--question", "Which account?");
                request.AddCommand<RequestTransitionCommand<ProvideInformationSettings>>(RequestTransitions.ProvideInformation)
                    .WithDescription("Requesting side: answer the requested side's question.")
                    .WithExample("request", "provide-information", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--answer", "…");
                request.AddCommand<RequestTransitionCommand<RequestExtensionSettings>>(RequestTransitions.RequestExtension)
                    .WithDescription("Requesting side: ask for the preservation to be extended (Art. 42).")
                    .WithExample("request", "request-extension", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--reason", "The MLA request is with the court.");
                request.AddCommand<RequestTransitionCommand<LinkFollowUpSettings>>(RequestTransitions.LinkFollowUp)
                    .WithDescription("Requesting side: link the mutual legal assistance request that follows the preservation (Art. 42).")
                    .WithExample("request", "link-follow-up", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--reference", "MLA-XA-2026-0042");
                request.AddCommand<RequestTransitionCommand<WithdrawSettings>>(RequestTransitions.Withdraw)
                    .WithDescription("Requesting side: the assistance is no longer needed; every clock stops.")
                    .WithExample("request", "withdraw", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--reason", "Suspect identified domestically.");
                request.AddCommand<RequestTransitionCommand<CloseSettings>>(RequestTransitions.Close)
                    .WithDescription("Requested side: end a preservation, or a partial execution that goes no further.")
                    .WithExample("request", "close", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11");
                request.AddCommand<RequestTransitionCommand<InquireStatusSettings>>(RequestTransitions.InquireStatus)
                    .WithDescription("Requesting side: ask where the request stands (Art. 40).")
                    .WithExample("request", RequestTransitions.InquireStatus, "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xa/central", "--question", "Has the provider been ordered?");
                request.AddCommand<RequestTransitionCommand<AnswerStatusSettings>>(RequestTransitions.AnswerStatus)
                    .WithDescription("Requested side: answer the open status inquiry (Art. 40).")
                    .WithExample("request", RequestTransitions.AnswerStatus, "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xb/central", "--answer", "The provider was ordered on 3 December.");
                request.AddCommand<RequestTransitionCommand<ProposeConditionsSettings>>(RequestTransitions.ProposeConditions)
                    .WithDescription("Requested side: before refusing or postponing, propose conditions (Art. 40).")
                    .WithExample("request", RequestTransitions.ProposeConditions, "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xb/central", "--terms", "Records used as intelligence only.", "--use-limitation", "intelligenceOnly");
                request.AddCommand<RequestTransitionCommand<AcceptConditionsSettings>>(RequestTransitions.AcceptConditions)
                    .WithDescription("Requesting side: accept the proposed conditions; they bind from now on (Art. 40).")
                    .WithExample("request", RequestTransitions.AcceptConditions, "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xa/central");
                request.AddCommand<RequestTransitionCommand<DeclineConditionsSettings>>(RequestTransitions.DeclineConditions)
                    .WithDescription("Requesting side: decline the proposed conditions.")
                    .WithExample("request", RequestTransitions.DeclineConditions, "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xa/central", "--reason", "The records are needed as evidence.");
                request.AddCommand<RequestTransitionCommand<PostponeSettings>>(RequestTransitions.Postpone)
                    .WithDescription("Requested side: postpone execution, with reasons and an end (Art. 40).")
                    .WithExample("request", RequestTransitions.Postpone, "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xb/central", "--days", "30", "--reasons", "A domestic search is planned.");
                request.AddCommand<RequestTransitionCommand<ExecutePartiallySettings>>(RequestTransitions.ExecutePartially)
                    .WithDescription("Requested side: send part of the result, with conditions (Art. 36); more may follow.")
                    .WithExample("request", RequestTransitions.ExecutePartially, "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xb/central", "--text", "Subscriber information attached; logs follow.");
                request.AddCommand<RequestTransitionCommand<ExecuteSettings>>(RequestTransitions.Execute)
                    .WithDescription("Requested side: the request is executed, with conditions (Art. 36).")
                    .WithExample("request", RequestTransitions.Execute, "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xb/central", "--text", "Records sent by secure channel.");
                request.AddCommand<RequestTransitionCommand<RaiseCostsSettings>>(RequestTransitions.RaiseCosts)
                    .WithDescription("Requested side: consult on extraordinary costs (Art. 40).")
                    .WithExample("request", RequestTransitions.RaiseCosts, "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xb/central", "--estimate", "Forensic imaging of 40 TB: about EUR 30,000.");
                request.AddCommand<RequestTransitionCommand<AgreeCostsSettings>>(RequestTransitions.AgreeCosts)
                    .WithDescription("Requesting side: agree the terms of the costs.")
                    .WithExample("request", RequestTransitions.AgreeCosts, "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11", "--as", "xa/central", "--terms", "Shared equally.");
                request.AddCommand<SendAgainCommand>("send-again")
                    .WithDescription("Send again what the other node refused (same signed events, same order), once the cause is fixed: this node's key in the Register, its clock set right.")
                    .WithExample("request", "send-again", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11");
                request.AddCommand<RequestAlertsCommand>("alerts")
                    .WithDescription("Reminders and escalations the clocks raised, newest first.")
                    .WithExample("request", "alerts", "--audience", "supervisor");
                request.AddBranch<RequestNotesSettings>("notes", notes =>
                {
                    notes.SetDescription("Handover notes from one shift to the next: list them, or add one.");
                    notes.SetDefaultCommand<RequestNotesCommand>();
                    notes.AddCommand<RequestNotesAddCommand>("add")
                        .WithDescription("Keep a note for the next shift, optionally about some requests.")
                        .WithExample("request", "notes", "add", "XB emergency: call their desk if not acknowledged by 04:00Z", "--request", "0193f0c2-5b7e-7a31-9f0e-2b4c6d8e0f11");
                });
            });
            config.AddBranch("register", register =>
            {
                register.SetDescription("The signed Register: verify a saved copy offline, or fetch, verify and show a node's.");
                register.AddCommand<RegisterVerifyCommand>("verify")
                    .WithDescription("Verify a saved Register against the Secretariat key (offline). Exit 0 accepted, 3 stale, 2 refused.")
                    .WithExample("register", "verify", "register.jws.json", "--key", "secretariat-key.jwk.json", "--min-serial", "41");
                register.AddCommand<RegisterShowCommand>("show")
                    .WithDescription("Fetch GET /federation/v1/register from a node, verify it and show nodes, keys and designations.")
                    .WithExample("register", "show", "--node", "http://127.0.0.1:5080", "--key", "secretariat-key.jwk.json");
            });
        });
        return app;
    }

    private static int HandleException(Exception exception, IAnsiConsole error)
    {
        switch (exception)
        {
            // Parsing and validation: unknown flags, bad values, missing arguments.
            case CommandAppException invalid:
                error.MarkupLineInterpolated($"[red]error:[/] {invalid.Message}");
                error.MarkupLine("Run [bold]comity --help[/] (or [bold]comity <command> --help[/]) for the flags.");
                return ExitCodes.Invalid;
            default:
                error.MarkupLineInterpolated($"[red]error:[/] {exception.GetType().Name}: {exception.Message}");
                return ExitCodes.Failure;
        }
    }
}
