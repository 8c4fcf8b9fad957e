namespace Comity.Domain.Legal;

// Stand-in until the treaty domain lands from its branch; removed at merge.
public sealed record RuleViolation(string Code, string Message, ArticleReference Basis);
