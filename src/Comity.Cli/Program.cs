using System.Runtime.InteropServices;
using Spectre.Console;

namespace Comity.Cli;

/// <summary>The <c>comity</c> executable: <c>serve</c>, <c>demo</c> and the client verbs.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        var environment = new CliEnvironment
        {
            Out = AnsiConsole.Console,
            Error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }),
            Time = TimeProvider.System,
            WorkingDirectory = Environment.CurrentDirectory,
            Variable = Environment.GetEnvironmentVariable,
        };
        // Redirected output goes to files and pipes: do not wrap it at a made-up 80 columns.
        if (Console.IsOutputRedirected)
        {
            environment.Out.Profile.Width = 160;
        }

        if (Console.IsErrorRedirected)
        {
            environment.Error.Profile.Width = 1000;
        }

        return await RunAsync(args, environment, stop.Token);
    }

    /// <summary>Runs one command line; the seam the tests use (consoles, clock, directory, variables, cancellation).</summary>
    public static Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default) =>
        CliApp.Create(environment).RunAsync(args, cancellationToken);
}
