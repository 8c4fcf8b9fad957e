using System.Text.RegularExpressions;

namespace Comity.Architecture.Tests.NodeAreas;

/// <summary>A source file: its path from the repository root ('/' separators) and its text.</summary>
public sealed record SourceFile(string Path, string Text);

/// <summary>
/// Reads the node's .cs and .razor files as text and works out which areas each one uses, without the
/// compiler: an independent check next to <see cref="CompiledAreaRules"/>, and the source of the area graph
/// in docs/architecture.md.
/// </summary>
/// <remarks>
/// <para>A file belongs to the area of its folder. It uses an area when its code names a namespace or type of
/// that area: in a <c>using</c> directive (static, alias and global ones too), a Razor <c>@using</c>,
/// <c>@inject</c>, <c>@inherits</c>, <c>@implements</c> or <c>@attribute</c>, or anywhere in code, fully
/// qualified (<c>Comity.Node.Kernel.X</c>, <c>global::Comity.Node.Kernel.X</c>) or partly
/// (<c>Kernel.X</c> from inside <c>Comity.Node.Storage</c>, <c>Treaty.Contracts.X</c> from inside
/// <c>Comity.Node.Features.Requests</c>): a partly qualified name is resolved the way the compiler does,
/// through the enclosing namespaces from the innermost out. Comments and string literals are not read.</para>
/// <para>A simple name is also looked up through the enclosing namespaces, and that can only reach another
/// area through a namespace that holds no area: the node's root namespace and the group namespaces
/// <c>Comity.Node.Features</c> and <c>Comity.Node.Federation</c> (every other enclosing namespace of a file is
/// its own area's). Code there is visible unqualified to every area beneath, so
/// <see cref="AreaRules.EveryFileInAnArea"/> rejects it; until it moves, the uses of its types by simple name
/// are counted too.</para>
/// <para>A global using and a Razor _Imports.razor reach further than their own file: a global using counts
/// as a use by every area, an _Imports.razor as a use by every area with a Razor file beneath it.</para>
/// <para>Heuristics, not a compiler: a local or member that has the name of a namespace is not told apart
/// from it, so a partly qualified name is only counted when it reaches a type that the node declares there;
/// text in Razor markup is read as code, because quoted attribute values of components are C#.</para>
/// </remarks>
public static partial class SourceAreaChecker
{
    public const string NodeFolder = "src/Comity.Node";
    public const string RootNamespace = "Comity.Node";

    /// <summary>The node's .cs and .razor files under <paramref name="repositoryRoot"/>, bin/ and obj/ left out.</summary>
    public static IReadOnlyList<SourceFile> ReadNode(string repositoryRoot) =>
        System.IO.Directory.EnumerateFiles(Path.Combine(repositoryRoot, NodeFolder), "*.*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(repositoryRoot, f).Replace('\\', '/'))
            .Where(IsNodeSource)
            .Order(StringComparer.Ordinal)
            .Select(p => new SourceFile(p, File.ReadAllText(Path.Combine(repositoryRoot, p))))
            .ToList();

    public static AreaGraph Check(IEnumerable<SourceFile> files)
    {
        var sources = files.Where(f => IsNodeSource(f.Path)).Select(Parse).OrderBy(s => s.Path, StringComparer.Ordinal).ToList();
        var resolver = new Resolver(sources);
        var references = new HashSet<(string From, string Target, string File)>();
        var violations = new List<AreaViolation>();
        foreach (var source in sources)
        {
            if (!AreaRules.IsArea(source.Area))
            {
                violations.Add(new(AreaRules.EveryFileInAnArea, $"{AreaRules.Display(source.Area)}: {source.Path}"));
            }

            if (source.DeclaredNamespace is { } declared && declared != source.FolderNamespace)
            {
                violations.Add(new(AreaRules.NamespacesMatchFolders, $"{source.Path} declares {declared}, its folder is {source.FolderNamespace}"));
            }

            foreach (var (target, global) in resolver.Uses(source))
            {
                var users = global ? sources.Select(s => s.Area)
                    : source.IsImports ? sources.Where(s => s.IsRazor && IsWithin(s.Folder, source.Folder)).Select(s => s.Area)
                    : [source.Area];
                foreach (var from in users.Distinct())
                {
                    if (AreaRules.AreaOf(target) != from)
                    {
                        references.Add((from, target, source.Path));
                    }
                }
            }
        }

        var broken = references
            .Select(r => (r.From, To: AreaRules.AreaOf(r.Target), r.File, Rule: AreaRules.BrokenBy(r.From, r.Target)))
            .Where(r => r.Rule is not null)
            .Distinct()
            .ToList();
        violations.AddRange(broken.Select(r => new AreaViolation(r.Rule!, $"{AreaRules.Display(r.From)} -> {AreaRules.Display(r.To)}: {r.File}")));

        var edges = references
            .GroupBy(r => (r.From, To: AreaRules.AreaOf(r.Target)))
            .Select(g => new AreaEdge(
                g.Key.From,
                g.Key.To,
                [.. g.Select(r => r.File).Distinct().Order(StringComparer.Ordinal)],
                ThroughContractsOnly: g.All(r => AreaRules.Matches("Features.*.Contracts", r.Target)),
                Allowed: !broken.Any(b => b.From == g.Key.From && b.To == g.Key.To)))
            .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)
            .ToList();
        var sizes = sources
            .GroupBy(s => s.Area)
            .Select(g => new AreaSize(g.Key, g.Count(), g.Sum(s => s.Lines)))
            .OrderBy(a => a.Area, StringComparer.Ordinal)
            .ToList();

        return new AreaGraph(
            sizes,
            edges,
            [.. violations.OrderBy(v => v.Rule, StringComparer.Ordinal).ThenBy(v => v.Message, StringComparer.Ordinal)],
            AreaCycles.Find(edges));
    }

    private static bool IsNodeSource(string path) =>
        path.StartsWith(NodeFolder + "/", StringComparison.Ordinal)
        && (path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal))
        && !path.Split('/').Any(segment => segment is "bin" or "obj");

    private static bool IsWithin(string folder, string ancestor) =>
        ancestor == "" || folder == ancestor || folder.StartsWith(ancestor + ".", StringComparison.Ordinal);

    private static Source Parse(SourceFile file)
    {
        var isRazor = file.Path.EndsWith(".razor", StringComparison.Ordinal);
        var code = isRazor ? CodeText.OfRazor(file.Text) : CodeText.OfCSharp(file.Text);
        var segments = file.Path[(NodeFolder.Length + 1)..].Split('/');
        var folder = string.Join('.', segments[..^1]);
        var name = Path.GetFileNameWithoutExtension(segments[^1]);
        var declared = NamespaceDeclaration().Match(code) is { Success: true } m ? m.Groups[1].Value : null;
        var isImports = isRazor && name == "_Imports";
        string[] types = isRazor ? (isImports ? [] : [name]) : [.. TypeDeclaration().Matches(code).Select(t => t.Groups["name"].Value)];
        return new Source(
            file.Path,
            folder,
            AreaRules.AreaOf(folder),
            isRazor,
            isImports,
            code,
            file.Text.Split('\n').Count(line => !string.IsNullOrWhiteSpace(line)),
            declared,
            types);
    }

    private sealed record Source(string Path, string Folder, string Area, bool IsRazor, bool IsImports, string Code, int Lines, string? DeclaredNamespace, string[] Types)
    {
        public string FolderNamespace => Folder == "" ? RootNamespace : RootNamespace + "." + Folder;

        public string Namespace => DeclaredNamespace ?? FolderNamespace;
    }

    /// <summary>Resolves names the way the compiler looks them up, against the namespaces and types the node's files declare.</summary>
    private sealed class Resolver
    {
        private readonly HashSet<string> namespaces = ["Comity", RootNamespace];
        private readonly Dictionary<string, HashSet<string>> types = [];

        public Resolver(IEnumerable<Source> sources)
        {
            foreach (var source in sources)
            {
                for (var ns = source.FolderNamespace; ns.Length > RootNamespace.Length; ns = ns[..ns.LastIndexOf('.')])
                {
                    namespaces.Add(ns);
                }

                namespaces.Add(source.Namespace);
                if (!types.TryGetValue(source.Namespace, out var declared))
                {
                    types[source.Namespace] = declared = [];
                }

                declared.UnionWith(source.Types);
            }
        }

        /// <summary>The namespaces (relative to the root) of the node that <paramref name="source"/> uses, and whether through a global using.</summary>
        public IEnumerable<(string Target, bool Global)> Uses(Source source)
        {
            var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (Match directive in UsingDirective().Matches(source.Code))
            {
                var chain = directive.Groups["name"].Value;
                if (Resolve(source.Namespace, chain, inUsing: true) is not { } resolved)
                {
                    continue;
                }

                if (directive.Groups["alias"].Success)
                {
                    aliases[directive.Groups["alias"].Value] = resolved.Full;
                }

                yield return (resolved.Target, directive.Groups["global"].Success);
            }

            foreach (Match name in QualifiedName().Matches(source.Code))
            {
                var chain = name.Groups["name"].Value;
                var first = chain.Split('.')[0];
                if (!name.Groups["global"].Success && aliases.TryGetValue(first, out var aliased))
                {
                    chain = "global::" + aliased + chain[first.Length..];
                }
                else if (name.Groups["global"].Success)
                {
                    chain = "global::" + chain;
                }

                if (Resolve(source.Namespace, chain, inUsing: false) is { } resolved)
                {
                    yield return (resolved.Target, false);
                }
            }
        }

        /// <summary>
        /// The node namespace a name reaches (relative to the root), with the name in full; null when it is
        /// not the node's. The first enclosing namespace that has a namespace or type of the name's first
        /// segment wins, as in the compiler. Unless it is fully qualified or in a using directive, a name
        /// counts only when it reaches a type the node declares, so a member named like a namespace
        /// (<c>Directory.RegisterAsync</c> in a page that injects <c>Directory</c>) is no reference.
        /// </summary>
        private (string Target, string Full)? Resolve(string fromNamespace, string chain, bool inUsing)
        {
            var fullyQualified = chain.StartsWith("global::", StringComparison.Ordinal);
            var segments = (fullyQualified ? chain["global::".Length..] : chain).Split('.');
            string[] scopes = fullyQualified ? [""] : [.. Ancestors(fromNamespace)];
            var scope = scopes.FirstOrDefault(s => namespaces.Contains(Join(s, segments[0])) || Declares(s, segments[0]));
            if (scope is null)
            {
                return null;
            }

            var full = Join(scope, string.Join('.', segments));
            if (Ancestors(full).FirstOrDefault(namespaces.Contains) is not { } known)
            {
                return null;
            }

            var next = full.Length > known.Length ? full[(known.Length + 1)..].Split('.')[0] : null;
            var reachesType = next is not null && Declares(known, next);
            var counts = known == RootNamespace || !known.StartsWith(RootNamespace + ".", StringComparison.Ordinal)
                ? known == RootNamespace && reachesType
                : reachesType || scope == "" || (inUsing && next is null);
            return counts ? (known == RootNamespace ? "" : known[(RootNamespace.Length + 1)..], full) : null;
        }

        private bool Declares(string ns, string type) => types.TryGetValue(ns, out var declared) && declared.Contains(type);

        private static string Join(string scope, string name) => scope == "" ? name : scope + "." + name;

        private static IEnumerable<string> Ancestors(string ns)
        {
            for (var current = ns; current != ""; current = current.Contains('.', StringComparison.Ordinal) ? current[..current.LastIndexOf('.')] : "")
            {
                yield return current;
            }

            yield return "";
        }
    }

    [GeneratedRegex(@"(?<![\w.])@?namespace\s+([\w.]+)")]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)\s+(?:(?:class|struct)\s+)?(?<name>[A-Za-z_]\w*)|\bdelegate\s+(?:[\w<>\[\],.?]+\s+)+?(?<name>[A-Za-z_]\w*)\s*[<(]")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"(?m)^[ \t]*(?<global>global[ \t]+)?@?using[ \t]+(?:static[ \t]+)?(?:(?<alias>[A-Za-z_]\w*)[ \t]*=[ \t]*)?(?<name>(?:global::)?[A-Za-z_][\w.]*)")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?<![\w.:])(?<global>global::)?(?<name>[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)")]
    private static partial Regex QualifiedName();
}
