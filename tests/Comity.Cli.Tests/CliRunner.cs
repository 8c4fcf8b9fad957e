using Comity.Cli.Demo;
using Spectre.Console;

namespace Comity.Cli.Tests;

/// <summary>Runs <c>comity</c> in process with captured standard output and error.</summary>
internal sealed class CliRunner
{
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    public IReadOnlyDictionary<string, string?> Variables { get; init; } = new Dictionary<string, string?>();

    public Action<DemoStarted>? DemoStarted { get; init; }

    public async Task<CliResult> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment
        {
            Out = Console(output),
            Error = Console(error),
            Time = TimeProvider.System,
            WorkingDirectory = WorkingDirectory,
            Variable = name => Variables.TryGetValue(name, out var value) ? value : null,
            DemoStarted = DemoStarted,
        };
        var exitCode = await Program.RunAsync(args, environment, cancellationToken);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => new CliRunner().RunAsync(args);

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

internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}
