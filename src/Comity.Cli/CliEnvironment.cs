using Comity.Cli.Demo;
using Spectre.Console;

namespace Comity.Cli;

/// <summary>What a command may touch outside itself, injected at the composition root (<see cref="Program.Main"/>) or by a test.</summary>
internal sealed class CliEnvironment
{
    /// <summary>Standard output: results, and nothing else (machine output goes through <see cref="WriteMachineOutput"/>).</summary>
    public required IAnsiConsole Out { get; init; }

    /// <summary>Standard error: messages, warnings, progress.</summary>
    public required IAnsiConsole Error { get; init; }

    public required TimeProvider Time { get; init; }

    public required string WorkingDirectory { get; init; }

    /// <summary>Reads an environment variable (<c>COMITY_NODE</c>, <c>COMITY_TOKEN</c>).</summary>
    public required Func<string, string?> Variable { get; init; }

    /// <summary>Called once the demo's four nodes are up and the credentials file is written.</summary>
    public Action<DemoStarted>? DemoStarted { get; init; }

    /// <summary>Writes JSON or other machine output verbatim: no markup, no wrapping at the console width.</summary>
    public void WriteMachineOutput(string text)
    {
        var writer = Out.Profile.Out.Writer;
        writer.WriteLine(text);
        writer.Flush();
    }
}

/// <summary>Process exit codes (docs/operations/cli.md).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>A runtime or network failure: the node is unreachable, answered with an error, or failed to start.</summary>
    public const int Failure = 1;

    /// <summary>Invalid input (flags, files) or refused by a rule of the Convention.</summary>
    public const int Invalid = 2;
}
