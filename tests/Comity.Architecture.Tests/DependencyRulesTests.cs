using System.Reflection;
using NetArchTest.Rules;

namespace Comity.Architecture.Tests;

/// <summary>Project boundaries exist where the compiler should enforce a rule (STYLE.md section 2).</summary>
public sealed class DependencyRulesTests
{
    private static readonly Assembly Domain = typeof(Comity.Domain.Legal.ArticleReference).Assembly;
    private static readonly Assembly Protocol = typeof(Comity.Protocol.ProtocolVersion).Assembly;

    [Fact]
    public void Domain_DoesNotDependOnInfrastructure()
    {
        var result = Types.InAssembly(Domain).ShouldNot()
            .HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "System.Net.Http", "Comity.Node", "Comity.Protocol", "Comity.Cli")
            .GetResult();

        Assert.True(result.IsSuccessful, "Domain types with forbidden dependencies: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Protocol_DependsOnNeitherDomainNorNode()
    {
        var result = Types.InAssembly(Protocol).ShouldNot()
            .HaveDependencyOnAny("Comity.Domain", "Comity.Node", "Comity.Cli", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore")
            .GetResult();

        Assert.True(result.IsSuccessful, "Protocol types with forbidden dependencies: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Domain_ReferencesOnlyTheBaseLibraryAndNodaTime()
    {
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).Order(StringComparer.Ordinal).ToList();

        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "NodaTime",
            $"Comity.Domain references {name}"));
    }

    [Fact]
    public void Protocol_ReferencesOnlyTheBaseLibraryAndCryptography()
    {
        var references = Protocol.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name.StartsWith("System", StringComparison.Ordinal) || name is "netstandard" or "NSec.Cryptography",
            $"Comity.Protocol references {name}"));
    }

    [Theory]
    [InlineData("src/Comity.Domain")]
    [InlineData("src/Comity.Protocol")]
    [InlineData("src/Comity.Node")]
    [InlineData("src/Comity.Cli")]
    public void Sources_DoNotReadTheWallClockOrMakeRandomGuids(string folder)
    {
        // The banned-API analyzer enforces this at build time for fully qualified calls too; this scan
        // also catches the ban being switched off for a project.
        string[] forbidden = ["DateTime.Now", "DateTime.UtcNow", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "Guid.NewGuid()", "SystemClock.Instance"];
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), folder), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .ToList();

        var offenders = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, line, i)))
            .Where(x => forbidden.Any(b => x.line.Contains(b, StringComparison.Ordinal)))
            .Select(x => $"{Path.GetRelativePath(RepositoryRoot(), x.f)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(offenders.Count == 0, "Inject TimeProvider / IIdGenerator instead:\n" + string.Join("\n", offenders));
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Comity.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Comity.slnx not found");
    }
}
