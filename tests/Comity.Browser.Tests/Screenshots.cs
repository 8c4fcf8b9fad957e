using Microsoft.Playwright;

namespace Comity.Browser.Tests;

/// <summary>Saves screenshots of key pages under docs/screenshots/ in the repository.</summary>
internal static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = PathOf(name), FullPage = true });

    /// <summary>Where the screenshot called <paramref name="name"/> goes (for screenshots of one element).</summary>
    public static string PathOf(string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name + ".png");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Comity.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Comity.slnx not found above " + AppContext.BaseDirectory);
    }
}
