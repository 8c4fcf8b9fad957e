using System.Globalization;
using Comity.Domain.Legal;
using NodaTime;
using NodaTime.Text;

namespace Comity.Domain.Cooperation;

/// <summary>
/// A constraint on recording an event in a request's history, named as the constraint and holding
/// its legal basis as data. Returns every problem it finds and never throws.
/// </summary>
public interface ITransitionRule
{
    string Code { get; }

    /// <summary>The provision listed in the legal catalogue. Problems may cite a more precise one (the kind's article, the ground's paragraph).</summary>
    ArticleReference Basis { get; }

    string Description { get; }

    IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate);
}

/// <summary>Every rule checked when an event is appended, in the order they run.</summary>
public static class TransitionRules
{
    public static IReadOnlyList<ITransitionRule> All { get; } =
    [
        new EachSideRecordsOnlyItsOwnEvents(),
        new EventsMustNotPredateTheHistory(),
        new EventsMustFollowTheTransitionTable(),
        new PreservationMustLastAtLeastSixtyDays(),
        new ExtensionMustMoveTheExpiryLater(),
        new RefusalMayNotRestOnFiscalMatters(),
        new RefusalMayNotRestOnBankSecrecy(),
        new RefusalGroundMustBeOpenToTheKind(),
        new RefusalMustGiveReasons(),
        new FollowUpMustNameTheRequest(),
        new InformationRequestMustSayWhatIsNeeded(),
        new ConditionsMustBeKnown(),
        new DeadlineMustBeAfterSubmission(),
        new StatusAnswerMustAnswerAnOpenInquiry(),
        new ConsultationMustStateItsTerms(),
        new PostponementMustGiveReasonsAndALaterEnd(),
        new CostsConsultationMustStateTheCosts(),
    ];

    internal static string Iso(Instant instant) => InstantPattern.General.Format(instant);

    internal static RuleViolation Problem(ITransitionRule rule, string field, string message, ArticleReference basis) =>
        new(rule.Code, message, basis) { Field = field, Rule = rule.GetType().Name };
}

/// <summary>The requester submits, answers, asks for extensions, links the follow-up and withdraws; the requested side does the rest (DESIGN.md §6).</summary>
public sealed class EachSideRecordsOnlyItsOwnEvents : ITransitionRule
{
    public string Code => "request.wrong-side";

    public ArticleReference Basis => Convention.Art(41);

    public string Description => "Each side records only its own transitions; the other side's are refused (cites the kind's article).";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        if (candidate.By != candidate.Type.Owner())
        {
            var by = Enum.IsDefined(candidate.By) ? $"the {candidate.By.Wire()} side" : "an unknown side";
            yield return TransitionRules.Problem(this, "by", $"Only the {candidate.Type.Owner().Wire()} side records '{candidate.Type.Wire()}'; {by} cannot.", current.Kind.Basis());
        }
    }
}

/// <summary>A history is a sequence in time: nothing is recorded before the last event.</summary>
public sealed class EventsMustNotPredateTheHistory : ITransitionRule
{
    public string Code => "request.out-of-order";

    public ArticleReference Basis => Convention.Art(41);

    public string Description => "An event cannot be dated before the last event of the history (cites the kind's article).";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        if (current.LastMovedAt is Instant last && candidate.At < last)
        {
            yield return TransitionRules.Problem(this, "at", $"'{candidate.Type.Wire()}' is dated {TransitionRules.Iso(candidate.At)}, before the last event ({TransitionRules.Iso(last)}).", current.Kind.Basis());
        }
    }
}

/// <summary>Only the kind's transition table decides what may follow what; final states accept nothing.</summary>
public sealed class EventsMustFollowTheTransitionTable : ITransitionRule
{
    public string Code => "request.transition-not-allowed";

    public ArticleReference Basis => Convention.Art(41);

    public string Description => "An event must be allowed in the current state by the kind's transition table; final states accept none (cites the kind's article).";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        var table = current.Kind.Profile().Transitions;
        if (table.Next(current.State, candidate.Type) is null)
        {
            var allowed = table.AllowedIn(current.State);
            var message = current.State.IsFinal()
                ? $"The request is {current.State.Wire()}: nothing more can be recorded."
                : $"'{candidate.Type.Wire()}' is not possible when the {current.Kind.Wire()} request is {current.State.Wire()}; possible: {string.Join(", ", allowed.Select(a => a.Wire()))}.";
            yield return TransitionRules.Problem(this, "type", message, current.Kind.Basis());
        }
    }
}

/// <summary>Preservation lasts not less than 60 days, so that the follow-up request can be submitted (Art. 42).</summary>
public sealed class PreservationMustLastAtLeastSixtyDays : ITransitionRule
{
    public string Code => "preservation.period-too-short";

    public ArticleReference Basis => ConventionNumbers.MinimumPreservationDays.Basis;

    public string Description => "Data are preserved until at least 60 days after the preservation.";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        if (candidate is DataPreserved preserved)
        {
            var earliest = MinimumUntil(preserved.At);
            if (preserved.Until < earliest)
            {
                yield return TransitionRules.Problem(
                    this,
                    "until",
                    string.Create(CultureInfo.InvariantCulture, $"Preserved until {TransitionRules.Iso(preserved.Until)}: it must be at least {ConventionNumbers.MinimumPreservationDays.Value} days, until {TransitionRules.Iso(earliest)} or later."),
                    Basis);
            }
        }
    }

    /// <summary>The earliest end of a preservation made at <paramref name="preservedAt"/>.</summary>
    public static Instant MinimumUntil(Instant preservedAt) =>
        preservedAt.Plus(Duration.FromDays(ConventionNumbers.MinimumPreservationDays.Value));
}

/// <summary>An extension moves the end of the preservation later; shortening is closing, not extending.</summary>
public sealed class ExtensionMustMoveTheExpiryLater : ITransitionRule
{
    public string Code => "preservation.extension-not-later";

    public ArticleReference Basis => Convention.Art(42);

    public string Description => "An extension must end after the current end of the preservation.";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        if (candidate is PreservationExtended extended && current.PreservedUntil is Instant until && extended.Until <= until)
        {
            yield return TransitionRules.Problem(this, "until", $"The extension ends {TransitionRules.Iso(extended.Until)}, not after the current end {TransitionRules.Iso(until)}.", Basis);
        }
    }
}

/// <summary>A request may not be refused on the sole ground that the offence involves fiscal matters (Art. 40(22)).</summary>
public sealed class RefusalMayNotRestOnFiscalMatters : ITransitionRule
{
    public string Code => "refusal.fiscal-matter";

    public ArticleReference Basis => RefusalGround.FiscalMatter.Basis();

    public string Description => "Refusing because the offence involves fiscal matters is not allowed.";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        if (candidate is RequestRefused { Ground: RefusalGround.FiscalMatter })
        {
            yield return TransitionRules.Problem(this, "ground", "A request cannot be refused on the sole ground that the offence involves fiscal matters.", Basis);
        }
    }
}

/// <summary>A request may not be refused on the ground of bank secrecy (Art. 40(8)).</summary>
public sealed class RefusalMayNotRestOnBankSecrecy : ITransitionRule
{
    public string Code => "refusal.bank-secrecy";

    public ArticleReference Basis => RefusalGround.BankSecrecy.Basis();

    public string Description => "Refusing on the ground of bank secrecy is not allowed.";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        if (candidate is RequestRefused { Ground: RefusalGround.BankSecrecy })
        {
            yield return TransitionRules.Problem(this, "ground", "A request cannot be refused on the ground of bank secrecy.", Basis);
        }
    }
}

/// <summary>
/// Each kind may be refused only on its grounds: preservation and traffic-data disclosure only on the
/// limited grounds (Arts. 42 and 43), the other 24/7 kinds on the grounds of Art. 40 and Art. 36(1).
/// </summary>
public sealed class RefusalGroundMustBeOpenToTheKind : ITransitionRule
{
    public string Code => "refusal.ground-not-open";

    public ArticleReference Basis => Convention.Art(42);

    public string Description => "The refusal ground must be one the kind allows: preservation and traffic-data disclosure only on limited grounds (cites the kind's article).";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        var profile = current.Kind.Profile();
        if (candidate is RequestRefused { Ground: var unknown } && !Enum.IsDefined(unknown))
        {
            yield return TransitionRules.Problem(this, "ground", $"Give one of the grounds: {string.Join(", ", profile.RefusalGrounds.Select(g => g.Wire()))}.", profile.Basis);
        }
        else if (candidate is RequestRefused refused && refused.Ground.IsAdmissible() && !profile.RefusalGrounds.Contains(refused.Ground))
        {
            yield return TransitionRules.Problem(
                this,
                "ground",
                $"A {current.Kind.Wire()} request cannot be refused on '{refused.Ground.Wire()}'; its grounds are: {string.Join(", ", profile.RefusalGrounds.Select(g => g.Wire()))}.",
                profile.Basis);
        }
    }
}

/// <summary>Reasons must be given for any refusal (Art. 40(23)).</summary>
public sealed class RefusalMustGiveReasons : ITransitionRule
{
    public string Code => "refusal.reasons-required";

    public ArticleReference Basis => Convention.Art(40, 23);

    public string Description => "A refusal states its reasons.";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        if (candidate is RequestRefused refused && string.IsNullOrWhiteSpace(refused.Reasons))
        {
            yield return TransitionRules.Problem(this, "reasons", "Give the reasons for the refusal.", Basis);
        }
    }
}

/// <summary>The follow-up is the mutual legal assistance request announced in the preservation request (Art. 42): it must be named.</summary>
public sealed class FollowUpMustNameTheRequest : ITransitionRule
{
    public string Code => "followup.reference-missing";

    public ArticleReference Basis => Convention.Art(42);

    public string Description => "Linking the follow-up names the mutual legal assistance request.";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        if (candidate is FollowUpLinked linked && string.IsNullOrWhiteSpace(linked.MutualLegalAssistanceReference))
        {
            yield return TransitionRules.Problem(this, "mutualLegalAssistanceReference", "Give the reference of the mutual legal assistance request.", Basis);
        }
    }
}

/// <summary>The requested side may ask for information it needs to execute (Art. 40(16)); the question and the answer must be stated.</summary>
public sealed class InformationRequestMustSayWhatIsNeeded : ITransitionRule
{
    public string Code => "information.text-missing";

    public ArticleReference Basis => Convention.Art(40, 16);

    public string Description => "A request for information states the question; the answer states the information.";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        switch (candidate)
        {
            case InformationRequested { Question: var q } when string.IsNullOrWhiteSpace(q):
                yield return TransitionRules.Problem(this, "question", "Say what information is needed.", Basis);
                break;
            case InformationProvided { Answer: var a } when string.IsNullOrWhiteSpace(a):
                yield return TransitionRules.Problem(this, "answer", "Give the information asked for.", Basis);
                break;
        }
    }
}

/// <summary>Conditions carried by a request or an answer hold only known values, so that the most restrictive can be taken (Art. 36).</summary>
public sealed class ConditionsMustBeKnown : ITransitionRule
{
    public string Code => RequestDraftValidator.ConditionInvalid;

    public ArticleReference Basis => Convention.Art(36);

    public string Description => "Handling conditions (of a request, an answer, an execution or a proposal) hold only the known confidentiality, use-limitation and onward-transfer values and a positive retention.";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        var conditions = candidate switch
        {
            RequestSubmitted e => e.Conditions,
            DataDisclosed e => e.Conditions,
            RequestAnswered e => e.Conditions,
            ConditionsProposed e => e.Conditions,
            PartiallyExecuted e => e.Conditions,
            RequestExecuted e => e.Conditions,
            _ => null,
        };
        return conditions is null ? [] : Problems(conditions, "conditions", GetType().Name);
    }

    /// <summary>The problems of a set of conditions, with field paths under <paramref name="prefix"/>; shared with the draft validator.</summary>
    internal static IEnumerable<RuleViolation> Problems(HandlingConditions conditions, string prefix, string rule)
    {
        const string code = RequestDraftValidator.ConditionInvalid;
        var basis = Convention.Art(36);
        if (!Enum.IsDefined(conditions.Confidentiality))
        {
            yield return new(code, "Unknown confidentiality.", basis) { Field = prefix + ".confidentiality", Rule = rule };
        }

        if (!Enum.IsDefined(conditions.UseLimitation))
        {
            yield return new(code, "Unknown use limitation.", basis) { Field = prefix + ".useLimitation", Rule = rule };
        }

        if (!Enum.IsDefined(conditions.OnwardTransfer))
        {
            yield return new(code, "Unknown onward-transfer condition.", Convention.Art(36, 3)) { Field = prefix + ".onwardTransfer", Rule = rule };
        }

        if (conditions.RetentionDays is <= 0)
        {
            yield return new(RequestDraftValidator.RetentionInvalid, "A retention limit is a positive number of days.", Convention.Art(36, 1)) { Field = prefix + ".retentionDays", Rule = rule };
        }
    }
}

/// <summary>The requester's deadline is a date it needs the assistance by: after the request is sent (Art. 40).</summary>
public sealed class DeadlineMustBeAfterSubmission : ITransitionRule
{
    public string Code => "request.deadline-past";

    public ArticleReference Basis => AssistanceProvisions.ExecutionAndStatus;

    public string Description => "The requester's deadline falls after the submission.";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        if (candidate is RequestSubmitted { Deadline: Instant deadline } submitted && deadline <= submitted.At)
        {
            yield return TransitionRules.Problem(this, "deadline", $"The deadline {TransitionRules.Iso(deadline)} is not after the submission ({TransitionRules.Iso(submitted.At)}).", Basis);
        }
    }
}

/// <summary>Reasonable inquiries on status and progress are answered (Art. 40): an answer needs an open inquiry and says something.</summary>
public sealed class StatusAnswerMustAnswerAnOpenInquiry : ITransitionRule
{
    public string Code => "status.no-open-inquiry";

    public ArticleReference Basis => AssistanceProvisions.ExecutionAndStatus;

    public string Description => "A status answer answers an open status inquiry, and states where the request stands.";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        if (candidate is not StatusAnswered answered)
        {
            yield break;
        }

        if (current.StatusInquiredAt is null)
        {
            yield return TransitionRules.Problem(this, "type", "There is no open status inquiry to answer.", Basis);
        }

        if (string.IsNullOrWhiteSpace(answered.Answer))
        {
            yield return TransitionRules.Problem(this, "answer", "Say where the request stands.", Basis);
        }
    }
}

/// <summary>Before refusing or postponing, the requested side consults on granting under conditions (Art. 40): the proposal states them.</summary>
public sealed class ConsultationMustStateItsTerms : ITransitionRule
{
    public string Code => "consultation.terms-missing";

    public ArticleReference Basis => AssistanceProvisions.ConsultationBeforeRefusal;

    public string Description => "A proposal of conditions states the terms on which the request could be granted.";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        if (candidate is ConditionsProposed { Terms: var terms } && string.IsNullOrWhiteSpace(terms))
        {
            yield return TransitionRules.Problem(this, "terms", "State the conditions on which the request could be granted.", Basis);
        }
    }
}

/// <summary>Execution may be postponed where it would interfere with an ongoing investigation, prosecution or proceeding (Art. 40): with reasons and an end.</summary>
public sealed class PostponementMustGiveReasonsAndALaterEnd : ITransitionRule
{
    public string Code => "postponement.invalid";

    public ArticleReference Basis => AssistanceProvisions.Postponement;

    public string Description => "A postponement gives its reasons and ends after it is recorded.";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        if (candidate is not ExecutionPostponed postponed)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(postponed.Reasons))
        {
            yield return TransitionRules.Problem(this, "reasons", "Give the reasons for the postponement: the investigation, prosecution or proceeding it would interfere with.", Basis);
        }

        if (postponed.Until <= postponed.At)
        {
            yield return TransitionRules.Problem(this, "until", $"The postponement ends {TransitionRules.Iso(postponed.Until)}, not after it is recorded ({TransitionRules.Iso(postponed.At)}).", Basis);
        }
    }
}

/// <summary>The States consult on substantial or extraordinary expenses (Art. 40): the costs are stated, and agreed only while the consultation is open.</summary>
public sealed class CostsConsultationMustStateTheCosts : ITransitionRule
{
    public string Code => "costs.invalid";

    public ArticleReference Basis => AssistanceProvisions.Costs;

    public string Description => "A costs consultation states the expected expenses; costs are agreed only while one is open.";

    public IEnumerable<RuleViolation> Check(RequestSnapshot current, RequestEvent candidate)
    {
        switch (candidate)
        {
            case CostsRaised { Estimate: var estimate } when string.IsNullOrWhiteSpace(estimate):
                yield return TransitionRules.Problem(this, "estimate", "State the substantial or extraordinary expenses expected.", Basis);
                break;
            case CostsAgreed when !current.CostsUnderConsultation:
                yield return TransitionRules.Problem(this, "type", "There is no open consultation on costs to agree to.", Basis);
                break;
        }
    }
}
