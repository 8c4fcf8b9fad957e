using Comity.Domain.Legal;

namespace Comity.Domain.Cooperation;

/// <summary>
/// One thing wrong with a draft, a transition or a set of handling conditions: a stable
/// <c>area.kebab-case</c> code, the field it concerns (<c>contents.dataToPreserve</c>, <c>until</c>),
/// the rule that found it, a message for people and the provision that sets the rule. The node maps
/// these to RFC 9457 problem documents (422 for drafts, 409 for transitions).
/// </summary>
public sealed record RequestProblem(string Code, string Field, string Rule, string Message, ArticleReference Basis)
{
    public override string ToString() => $"{Code} [{Field}] ({Basis}): {Message}";
}
