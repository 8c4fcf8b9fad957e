using Spectre.Console;

namespace Comity.Cli.Tests.Register;

/// <summary>The committed Register test vector (docs/protocol/vectors/register-v1/), and a runner with a fixed clock.</summary>
internal static class RegisterVectorFiles
{
    /// <summary>Inside the vector's validity: serial 42 was issued 2026-07-01T00:00Z, next update 2026-07-08T00:00Z.</summary>
    public static readonly DateTimeOffset During = new(2026, 7, 2, 12, 0, 0, TimeSpan.Zero);

    public static string Folder { get; } = FindFolder();

    public static string JwsFile => Path.Combine(Folder, "register.jws.json");

    public static string PublicKeyFile => Path.Combine(Folder, "secretariat-key.jwk.json");

    public static string PrivateKeyFile => Path.Combine(Folder, "secretariat-key.private.jwk.json");

    private static string FindFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Comity.slnx")))
            {
                return Path.Combine(folder.FullName, "docs", "protocol", "vectors", "register-v1");
            }
        }

        throw new InvalidOperationException($"No Comity.slnx above {AppContext.BaseDirectory}: the tests use the committed test vector.");
    }

    /// <summary>Runs <c>comity</c> in process like <see cref="CliRunner"/>, with the clock at <paramref name="now"/>.</summary>
    public static async Task<CliResult> RunAsync(DateTimeOffset now, IReadOnlyDictionary<string, string?>? variables, string workingDirectory, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new CliEnvironment
        {
            Out = Console(output),
            Error = Console(error),
            Time = new FixedTime(now),
            WorkingDirectory = workingDirectory,
            Variable = name => variables is not null && variables.TryGetValue(name, out var value) ? value : null,
        };
        var exitCode = await Program.RunAsync(args, environment);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(During, null, Directory.GetCurrentDirectory(), args);

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

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
