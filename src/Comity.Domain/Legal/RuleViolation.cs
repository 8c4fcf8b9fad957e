namespace Comity.Domain.Legal;

/// <summary>
/// A legal rule that a proposed act would break: a stable <c>area.kebab-case</c> code, a message
/// for people, and the provision that sets the rule.
/// </summary>
public sealed record RuleViolation(string Code, string Message, ArticleReference Basis)
{
    public override string ToString() => $"{Code} ({Basis}): {Message}";
}

/// <summary>The outcome of checking rules: valid when there are no violations.</summary>
public sealed record RuleCheck(IReadOnlyList<RuleViolation> Violations)
{
    public static RuleCheck Valid { get; } = new(Array.Empty<RuleViolation>());

    public bool IsValid => Violations.Count == 0;
}
