namespace Comity.Domain.Legal;

/// <summary>
/// A legal rule that a proposed act would break: a stable <c>area.kebab-case</c> code, a message for people, the
/// provision that sets the rule and, where the act is a form or a request, the field it concerns. The one rule
/// violation of the domain: the treaty registry, drafts, transitions and handling conditions all report these,
/// and the node maps them to RFC 9457 problem documents.
/// </summary>
public sealed record RuleViolation(string Code, string Message, ArticleReference Basis)
{
    /// <summary>The field at fault as its JSON path (<c>contents.dataToPreserve</c>, <c>until</c>), when there is one.</summary>
    public string? Field { get; init; }

    /// <summary>The rule that found it (a type name of the domain), for the legal catalogue; null when the code says it all.</summary>
    public string? Rule { get; init; }

    public override string ToString() => Field is null ? $"{Code} ({Basis}): {Message}" : $"{Code} [{Field}] ({Basis}): {Message}";
}

/// <summary>The outcome of checking rules: valid when there are no violations.</summary>
public sealed record RuleCheck(IReadOnlyList<RuleViolation> Violations)
{
    public static RuleCheck Valid { get; } = new(Array.Empty<RuleViolation>());

    public bool IsValid => Violations.Count == 0;
}
