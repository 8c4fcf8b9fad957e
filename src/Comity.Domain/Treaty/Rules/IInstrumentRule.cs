using Comity.Domain.Legal;

namespace Comity.Domain.Treaty.Rules;

/// <summary>
/// A constraint on recording an instrument, named as the constraint and holding its legal basis as
/// data. Returns every violation it finds and never throws.
/// </summary>
public interface IInstrumentRule
{
    string Code { get; }

    ArticleReference Basis { get; }

    string Description { get; }

    IEnumerable<RuleViolation> Check(TreatyHistory history, Instrument candidate);
}
