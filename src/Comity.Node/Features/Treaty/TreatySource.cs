namespace Comity.Node.Features.Treaty;

/// <summary>
/// Where the seeded treaty data comes from. The one place that names the source, its date and its
/// address; the API, the pages and the seeder all read it from here.
/// </summary>
public static class TreatySource
{
    /// <summary>The embedded seed file; also stored as the <c>Source</c> of every seeded instrument.</summary>
    public const string SeedFileName = "untc-signatures-2025-11.csv";

    public const string Name = "UN Treaty Collection, MTDSG XVIII-16";

    public static readonly DateOnly StatusDate = new(2025, 11, 16);

    public const string Url = "https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/XVIII-16.en.xml";

    /// <summary>Only the first rows of the status table could be read (REFERENCE.md §7).</summary>
    public const string Note = "first 31 of 72 signatories";

    /// <summary>"UN Treaty Collection, MTDSG XVIII-16, status as of 16 November 2025: first 31 of 72 signatories".</summary>
    public static string Citation =>
        $"{Name}, status as of {StatusDate.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)}: {Note}";
}
