using System.Reflection;

namespace Comity.Testing.Processes;

/// <summary>
/// Where the built <c>comity</c> executable is: <c>src/Comity.Cli/bin/&lt;Configuration&gt;/net10.0/comity.dll</c>
/// of this repository, in the configuration this assembly was built in (so <c>scripts/test.sh</c>, which
/// builds Release, runs the Release CLI), or the file named by <c>COMITY_CLI_DLL</c>.
/// </summary>
public static class ComityExecutable
{
    /// <summary>Environment variable naming another <c>comity.dll</c> to run.</summary>
    public const string OverrideVariable = "COMITY_CLI_DLL";

    /// <summary>The configuration this assembly was built in (Debug or Release).</summary>
    public static string Configuration { get; } =
        typeof(ComityExecutable).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The full path of <c>comity.dll</c>; throws with what to build when it is missing.</summary>
    public static string DllPath()
    {
        if (Environment.GetEnvironmentVariable(OverrideVariable) is { Length: > 0 } overridden)
        {
            return File.Exists(overridden)
                ? Path.GetFullPath(overridden)
                : throw new FileNotFoundException($"{OverrideVariable} names {overridden}, which does not exist.");
        }

        var path = Path.Combine(RepositoryRoot(), "src", "Comity.Cli", "bin", Configuration, "net10.0", "comity.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"The comity executable is not built: {path} is missing. Run: dotnet build src/Comity.Cli -c {Configuration}");
    }

    /// <summary>The folder holding <c>Comity.slnx</c>, searched upwards from this assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Comity.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Comity.slnx not found above " + AppContext.BaseDirectory);
    }
}
