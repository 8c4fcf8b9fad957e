using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Comity.Domain.Legal;

namespace Comity.Node.Tests.Features.Treaty;

/// <summary>
/// Keeps <c>docs/legal/catalogue.md</c> (article → rule → test) in step with the code. When it fails,
/// rewrite the file with <c>COMITY_UPDATE_DOCS=1 dotnet test tests/Comity.Node.Tests --filter FullyQualifiedName~LegalCatalogueTests</c>
/// and commit it.
/// </summary>
public sealed partial class LegalCatalogueTests
{
    private const string UpdateVariable = "COMITY_UPDATE_DOCS";

    [Fact]
    public void Catalogue_MatchesTheCommittedFile()
    {
        var root = RepositoryRoot();
        var path = Path.Combine(root, "docs", "legal", "catalogue.md");
        var expected = Generate(root);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(
            committed == expected,
            $"docs/legal/catalogue.md is out of date. Run: {UpdateVariable}=1 dotnet test tests/Comity.Node.Tests --filter FullyQualifiedName~LegalCatalogueTests, then commit the file.");
    }

    [Fact]
    public void EveryRuleInTheCatalogue_HasATestCarryingItsArticle()
    {
        var tests = ArticleTests(RepositoryRoot());

        Assert.All(RuleCatalogue.All, rule => Assert.True(
            tests.ContainsKey(RuleCatalogue.TraitValue(rule.Basis)),
            $"No test carries [Trait(\"Article\", \"{RuleCatalogue.TraitValue(rule.Basis)}\")] for {rule.Code}."));
    }

    internal static string Generate(string root)
    {
        var tests = ArticleTests(root);
        var doubts = ArticleCatalogue.KnownDoubts;
        var references = RuleCatalogue.All.Select(r => r.Basis)
            .Concat(ConventionNumbers.All.Select(n => n.Basis))
            .Concat(doubts.Select(d => d.Reference))
            .Distinct()
            .OrderBy(r => r.Article).ThenBy(r => r.Paragraph ?? 0).ThenBy(r => r.Subparagraph, StringComparer.Ordinal)
            .ToList();

        var text = new StringBuilder();
        text.Append("# Legal catalogue: article → rule → test\n\n");
        text.Append("Generated from the domain (`RuleCatalogue`, `ConventionNumbers`, `ArticleCatalogue.KnownDoubts`) and the\n");
        text.Append("`[Trait(\"Article\", …)]` attributes of the tests under `tests/`. Do not edit by hand: a test\n");
        text.Append("(`tests/Comity.Node.Tests/Features/Treaty/LegalCatalogueTests.cs`) fails when this file is out of date;\n");
        text.Append($"rewrite it with `{UpdateVariable}=1 dotnet test tests/Comity.Node.Tests --filter FullyQualifiedName~LegalCatalogueTests`.\n\n");
        text.Append("Paragraph numbers marked UNVERIFIED have not been checked against the official text (A/RES/79/243);\n");
        text.Append("a legal officer corrects them in `src/Comity.Domain/Legal/`.\n");

        foreach (var reference in references)
        {
            var article = ArticleCatalogue.Get(reference.Article);
            var verified = ArticleCatalogue.IsVerified(reference) ? "verified" : "UNVERIFIED";
            text.Append(CultureInfo.InvariantCulture, $"\n## {reference} — {article.Title} ({verified})\n");

            var rules = RuleCatalogue.All.Where(r => r.Basis == reference).ToList();
            if (rules.Count > 0)
            {
                text.Append("\n| code | rule | implemented by |\n|---|---|---|\n");
                foreach (var rule in rules)
                {
                    text.Append(CultureInfo.InvariantCulture, $"| `{rule.Code}` | {Cell(rule.Description)} | `{rule.Implementation}` |\n");
                }
            }

            var numbers = ConventionNumbers.All.Where(n => n.Basis == reference).ToList();
            if (numbers.Count > 0)
            {
                text.Append("\nFixed numbers:\n\n");
                foreach (var number in numbers)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- **{number.Value}** {number.Meaning}\n");
                }
            }

            foreach (var (_, note) in doubts.Where(d => d.Reference == reference))
            {
                text.Append(CultureInfo.InvariantCulture, $"\nDoubt: {note}\n");
            }

            var covering = tests.GetValueOrDefault(RuleCatalogue.TraitValue(reference)) ?? [];
            text.Append(CultureInfo.InvariantCulture, $"\nTests ({covering.Count}):\n\n");
            if (covering.Count == 0)
            {
                text.Append("- none yet\n");
            }

            foreach (var test in covering)
            {
                text.Append(CultureInfo.InvariantCulture, $"- `{test}`\n");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Test methods by the article value of their <c>[Trait("Article", "…")]</c> attributes, read from
    /// the source files (the test projects cannot all reference each other). Each entry is
    /// <c>Project/Relative/File.cs: Method</c>, sorted ordinally.
    /// </summary>
    internal static SortedDictionary<string, List<string>> ArticleTests(string root)
    {
        var found = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var testsFolder = Path.Combine(root, "tests");
        var files = System.IO.Directory.EnumerateFiles(testsFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var source = File.ReadAllText(file);
            var relative = Path.GetRelativePath(testsFolder, file).Replace(Path.DirectorySeparatorChar, '/');
            foreach (Match trait in ArticleTrait().Matches(source))
            {
                var method = NextMethod().Match(source, trait.Index + trait.Length);
                if (method.Success)
                {
                    var set = found.TryGetValue(trait.Groups["article"].Value, out var s) ? s : found[trait.Groups["article"].Value] = new(StringComparer.Ordinal);
                    set.Add($"{relative}: {method.Groups["name"].Value}");
                }
            }
        }

        return new SortedDictionary<string, List<string>>(found.ToDictionary(p => p.Key, p => p.Value.ToList()), StringComparer.Ordinal);
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string RepositoryRoot()
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

    [GeneratedRegex("""\[Trait\("Article",\s*"(?<article>[^"]+)"\)\]""")]
    private static partial Regex ArticleTrait();

    [GeneratedRegex(@"(?:Task|void)\s+(?<name>\w+)\s*\(")]
    private static partial Regex NextMethod();
}
