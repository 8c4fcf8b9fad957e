using Spectre.Console;

namespace Comity.Cli.Tests.Requests;

/// <summary>
/// Runs <c>comity</c> in process like <see cref="CliRunner"/>, but on the nodes' fake clock, so that the
/// countdowns the verbs print ("due in 60 min", "OVERDUE 5 min") are computed at the nodes' time.
/// </summary>
internal sealed class ClockedCliRunner(string workingDirectory, TimeProvider time)
{
    public async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment
        {
            Out = Console(output),
            Error = Console(error),
            Time = time,
            WorkingDirectory = workingDirectory,
            Variable = _ => null,
        };
        var exitCode = await Program.RunAsync(args, environment, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 1000;
        return console;
    }
}
