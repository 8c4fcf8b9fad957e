using Comity.Domain.Cooperation;

namespace Comity.Domain.Tests.Cooperation;

/// <summary>
/// Keeps <c>docs/cooperation/workflows.md</c> in step with the transition tables. When it fails, rewrite
/// the file with <c>COMITY_UPDATE_DOCS=1 dotnet test tests/Comity.Domain.Tests --filter FullyQualifiedName~CooperationDiagramsTests</c>
/// and commit it.
/// </summary>
public sealed class CooperationDiagramsTests
{
    [Fact]
    public void Workflows_MatchTheCommittedFile()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "cooperation", "workflows.md");
        var expected = CooperationDiagrams.Markdown(CooperationClockSettings.Default);
        if (Environment.GetEnvironmentVariable("COMITY_UPDATE_DOCS") == "1")
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(
            committed == expected,
            "docs/cooperation/workflows.md is out of date. Run: COMITY_UPDATE_DOCS=1 dotnet test tests/Comity.Domain.Tests --filter FullyQualifiedName~CooperationDiagramsTests, then commit the file.");
    }

    [Fact]
    public void Diagram_HasOneArrowPerTransition_AndEndsEveryFinalState()
    {
        var markdown = CooperationDiagrams.Markdown(CooperationClockSettings.Default);
        var sections = markdown.Split("\n## ", StringSplitOptions.None)[1..];

        Assert.Equal(RequestKindProfiles.All.Count, sections.Length);
        foreach (var (profile, section) in RequestKindProfiles.All.Zip(sections))
        {
            Assert.Contains($"(`{profile.Kind.Wire()}`), {profile.Basis}", section, StringComparison.Ordinal);
            var arrows = section.Split('\n').Where(l => l.Contains(" --> ", StringComparison.Ordinal) && l.Contains(" : ", StringComparison.Ordinal)).ToList();
            Assert.Equal(profile.Transitions.Transitions.Count, arrows.Count);
            foreach (var t in profile.Transitions.Transitions)
            {
                var from = t.From == RequestState.New ? "[*]" : t.From.ToString();
                Assert.Contains($"    {from} --> {t.To} : {t.On.Wire()} ({t.On.Owner().Wire()})", arrows);
            }

            Assert.All(profile.Transitions.States.Where(s => s.IsFinal()), s => Assert.Contains($"    {s} --> [*]\n", section, StringComparison.Ordinal));
        }
    }

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
}
