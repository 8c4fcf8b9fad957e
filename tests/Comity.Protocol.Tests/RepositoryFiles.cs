namespace Comity.Protocol.Tests;

/// <summary>Files of the repository the tests check (docs, committed test vectors), found from the test binary upwards.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string RegisterVectorFolder => Path("docs", "protocol", "vectors", "register-v1");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Comity.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Comity.slnx above {AppContext.BaseDirectory}: the tests read docs/ from the repository.");
    }
}
