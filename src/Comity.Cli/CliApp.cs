using Comity.Cli.Admin;
using Comity.Cli.Demo;
using Comity.Cli.Federation;
using Comity.Cli.Keys;
using Comity.Cli.Log;
using Comity.Cli.Register;
using Comity.Cli.Directories;
using Comity.Cli.Serve;
using Comity.Cli.Treaty;
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
