using System.Diagnostics.CodeAnalysis;
using Comity.Domain.Cooperation;
using Comity.Domain.Legal;

namespace Comity.Node.Features.Law.Articles;

/// <summary>One line of the list of articles: the article and how many of the node's rules cite it.</summary>
public sealed record ArticleSummaryLine(ArticleEntry Entry, int Rules);

/// <summary>A request kind that rests on the article, or whose required contents it sets.</summary>
public sealed record ArticleKindUse(RequestKind Kind, ArticleReference? Basis, IReadOnlyList<ContentRequirement> Requirements);

/// <summary>A refusal ground the article allows, or, when not <c>Admissible</c>, rules out.</summary>
public sealed record ArticleGroundUse(RefusalGround Ground, ArticleReference Basis, bool Admissible);

/// <summary>A clock that rests on the article; <c>ForKind</c> when only that kind's clock does.</summary>
public sealed record ArticleClockUse(DeadlineKind Clock, RequestKind? ForKind, ArticleReference Basis);

/// <summary>A citation of the article the code uses while knowing it is doubtful, and why.</summary>
public sealed record ArticleDoubt(ArticleReference Reference, string Note);

/// <summary>Everything the node knows of one article and everything in it that rests on the article.</summary>
public sealed record ArticleDetails(
    ArticleEntry Entry,
    IReadOnlyList<ArticleReference> VerifiedParagraphs,
    IReadOnlyList<ArticleDoubt> Doubts,
    IReadOnlyList<CitedNumber> Numbers,
    IReadOnlyList<RuleDescriptor> Rules,
    IReadOnlyList<ArticleKindUse> Kinds,
    IReadOnlyList<ArticleGroundUse> Grounds,
    IReadOnlyList<ArticleClockUse> Clocks)
{
    /// <summary>Whether anything in the node rests on the article.</summary>
    public bool IsUsed => Numbers.Count + Rules.Count + Kinds.Count + Grounds.Count + Clocks.Count > 0;
}

/// <summary>Lists the Convention's articles from the domain's legal catalogue.</summary>
[SuppressMessage("Performance", "CA1822", Justification = "Resolved per scope like every handler; the catalogue is static data today.")]
internal sealed class ListArticlesHandler
{
    public Task<IReadOnlyList<ArticleSummaryLine>> HandleAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ArticleSummaryLine>>(
            [.. ArticleCatalogue.Articles.Select(a => new ArticleSummaryLine(a, RuleCatalogue.All.Count(r => r.Basis.Article == a.Number)))]);
}

/// <summary>
/// One article and what rests on it: the rules of the legal catalogue, the fixed numbers, the request kinds, refusal
/// grounds and clocks of the 24/7 channel (each carries its basis as an <see cref="ArticleReference"/>), and the doubts.
/// </summary>
[SuppressMessage("Performance", "CA1822", Justification = "Resolved per scope like every handler; the catalogue is static data today.")]
internal sealed class GetArticleHandler
{
    /// <summary>The article, or null when the Convention has no article by that number.</summary>
    public Task<ArticleDetails?> HandleAsync(int number, CancellationToken cancellationToken) =>
        Task.FromResult(number is >= 1 and <= Convention.ArticleCount ? Describe(number) : null);

    internal static ArticleDetails Describe(int number)
    {
        bool Cites(ArticleReference reference) => reference.Article == number;

        var kinds = RequestKindProfiles.All
            .Select(p => new ArticleKindUse(
                p.Kind,
                Cites(p.Basis) ? p.Basis : null,
                [.. p.RequiredContents.Where(c => Cites(c.Basis))]))
            .Where(k => k.Basis is not null || k.Requirements.Count > 0)
            .ToList();

        var clocks = new List<ArticleClockUse>();
        foreach (var clock in DeadlineKinds.All)
        {
            var bases = RequestKinds.All.Select(k => (Kind: k, Basis: clock.Basis(k))).ToList();
            if (bases.Select(b => b.Basis).Distinct().Count() == 1)
            {
                if (Cites(bases[0].Basis))
                {
                    clocks.Add(new ArticleClockUse(clock, null, bases[0].Basis));
                }
            }
            else
            {
                clocks.AddRange(bases.Where(b => Cites(b.Basis)).Select(b => new ArticleClockUse(clock, b.Kind, b.Basis)));
            }
        }

        return new ArticleDetails(
            ArticleCatalogue.Get(number),
            [.. ArticleCatalogue.VerifiedParagraphs.Where(Cites)],
            [.. ArticleCatalogue.DoubtsAbout(number).Select(d => new ArticleDoubt(d.Reference, d.Note))],
            [.. ConventionNumbers.All.Where(n => Cites(n.Basis))],
            [.. RuleCatalogue.All.Where(r => Cites(r.Basis))],
            kinds,
            [.. RefusalGrounds.All.Where(g => Cites(g.Basis())).Select(g => new ArticleGroundUse(g, g.Basis(), g.IsAdmissible()))],
            clocks);
    }
}
