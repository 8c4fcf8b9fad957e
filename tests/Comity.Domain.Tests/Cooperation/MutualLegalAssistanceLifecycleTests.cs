using Comity.Domain.Cooperation;
using Comity.Domain.Legal;
using NodaTime;

namespace Comity.Domain.Tests.Cooperation;

/// <summary>The central authorities' lifecycle (Art. 40): status inquiries, consultation on conditions, postponement, partial execution, costs, and their clocks.</summary>
[Trait("Article", "40")]
public sealed class MutualLegalAssistanceLifecycleTests
{
    private static readonly Instant T0 = RequestBuilder.Start;

    private static RequestHistory Acknowledged(Instant? deadline = null)
    {
        var submitted = RequestHistory.Start(RequestKind.MutualLegalAssistance)
            .Append(new RequestSubmitted(Side.Requesting, T0, HandlingConditions.None, deadline));
        Assert.True(submitted.IsValid, string.Join("; ", submitted.Problems));
        return submitted.History!
            .Then(RequestEventType.Received, T0)
            .Then(RequestEventType.Acknowledged, T0.Plus(Duration.FromHours(2)));
    }

    private static RuleViolation Refused(RequestHistory history, RequestEvent next)
    {
        var result = history.Append(next);
        Assert.False(result.IsValid);
        return Assert.Single(result.Problems);
    }

    [Fact]
    [Trait("Article", "40(24)")]
    public void StatusInquiry_StartsTheAnswerClock_TheAnswerStopsIt_AndAnAnswerWithoutInquiryIsRefused()
    {
        var history = Acknowledged();
        var at = T0.Plus(Duration.FromDays(3));

        var noInquiry = Refused(history, new StatusAnswered(Side.Requested, at, "Executing."));
        Assert.Equal(("status.no-open-inquiry", "type", AssistanceProvisions.ExecutionAndStatus), (noInquiry.Code, noInquiry.Field, noInquiry.Basis));

        var inquired = history.Then(RequestEventType.StatusInquired, at);
        Assert.Equal(RequestState.Acknowledged, inquired.State);
        var status = inquired.StatusAt(at, CooperationClockSettings.Default);
        var clock = Assert.Single(status.Deadlines, d => d.Kind == DeadlineKind.StatusAnswer);
        Assert.Equal(at.Plus(Duration.FromDays(10)), clock.Due);
        Assert.Equal(AssistanceProvisions.ExecutionAndStatus, clock.Basis);

        // A second inquiry while the first is open does not restart the clock.
        var again = inquired.Append(new StatusInquired(Side.Requesting, at.Plus(Duration.FromDays(2)))).History!;
        Assert.Equal(at, again.Current.StatusInquiredAt);

        var blank = Refused(again, new StatusAnswered(Side.Requested, at.Plus(Duration.FromDays(3)), " "));
        Assert.Equal(("status.no-open-inquiry", "answer"), (blank.Code, blank.Field));

        var answered = again.Then(RequestEventType.StatusAnswered, at.Plus(Duration.FromDays(3)));
        Assert.Null(answered.Current.StatusInquiredAt);
        Assert.DoesNotContain(answered.StatusAt(at.Plus(Duration.FromDays(3)), CooperationClockSettings.Default).Deadlines, d => d.Kind == DeadlineKind.StatusAnswer);
    }

    [Fact]
    [Trait("Article", "40(26)")]
    public void AcceptedConditions_BindTheRequester_DeclinedOnesDoNot_AndTermsAreRequired()
    {
        var history = Acknowledged();
        var at = T0.Plus(Duration.FromDays(1));
        var strict = new HandlingConditions { UseLimitation = UseLimitation.StatedPurposeOnly, OnwardTransfer = OnwardTransfer.Prohibited };

        var noTerms = Refused(history, new ConditionsProposed(Side.Requested, at, strict, ""));
        Assert.Equal(("consultation.terms-missing", "terms", AssistanceProvisions.ConsultationBeforeRefusal), (noTerms.Code, noTerms.Field, noTerms.Basis));

        var proposed = history.Append(new ConditionsProposed(Side.Requested, at, strict, "Only in the proceedings named.")).History!;
        Assert.Equal(RequestState.InConsultation, proposed.State);
        Assert.Equal(strict, proposed.Current.ProposedConditions);
        Assert.Equal(HandlingConditions.None, proposed.Current.Conditions);

        var accepted = proposed.Then(RequestEventType.ConditionsAccepted, at.Plus(Duration.FromHours(1)));
        Assert.Equal(RequestState.Acknowledged, accepted.State);
        Assert.Equal(strict, accepted.Current.Conditions);
        Assert.Null(accepted.Current.ProposedConditions);

        var declined = proposed.Then(RequestEventType.ConditionsDeclined, at.Plus(Duration.FromHours(1)));
        Assert.Equal(HandlingConditions.None, declined.Current.Conditions);
        Assert.Equal(RequestState.Refused, declined.Then(RequestEventType.Refused, at.Plus(Duration.FromHours(2))).State);
    }

    [Fact]
    [Trait("Article", "40(25)")]
    public void Postponement_NeedsReasonsAndALaterEnd_RunsItsOwnClock_AndIsNeverStale()
    {
        var history = Acknowledged();
        var at = T0.Plus(Duration.FromDays(1));

        var result = history.Append(new ExecutionPostponed(Side.Requested, at, at, ""));
        Assert.Equal(["reasons", "until"], result.Problems.Select(p => p.Field));
        Assert.All(result.Problems, p => Assert.Equal(("postponement.invalid", AssistanceProvisions.Postponement), (p.Code, p.Basis)));

        var until = at.Plus(Duration.FromDays(90));
        var postponed = history.Append(new ExecutionPostponed(Side.Requested, at, until, "A domestic search is planned for next month.")).History!;
        var deadlines = postponed.StatusAt(at, CooperationClockSettings.Default).Deadlines;
        Assert.Equal([DeadlineKind.PostponementEnd], deadlines.Select(d => d.Kind));
        Assert.Equal(until, deadlines[0].Due);

        var partly = postponed.Then(RequestEventType.PartiallyExecuted, until);
        Assert.Equal(RequestState.PartiallyExecuted, partly.State);
        Assert.Null(partly.Current.PostponedUntil);
        Assert.Equal(RequestState.Closed, partly.Then(RequestEventType.Closed, until.Plus(Duration.FromDays(1))).State);
    }

    [Fact]
    [Trait("Article", "40(24)")]
    public void RequesterDeadline_IsAClockUntilTheRequestEnds_AndMustFollowTheSubmission()
    {
        var deadline = T0.Plus(Duration.FromDays(45));
        var history = Acknowledged(deadline);

        var clock = Assert.Single(history.StatusAt(T0, CooperationClockSettings.Default).Deadlines, d => d.Kind == DeadlineKind.RequesterDeadline);
        Assert.Equal((deadline, AssistanceProvisions.ExecutionAndStatus), (clock.Due, clock.Basis));
        Assert.Empty(history.Then(RequestEventType.Executed, T0.Plus(Duration.FromDays(2))).StatusAt(T0, CooperationClockSettings.Default).Deadlines);

        var past = RequestHistory.Start(RequestKind.MutualLegalAssistance).Append(new RequestSubmitted(Side.Requesting, T0, HandlingConditions.None, T0));
        Assert.Equal(("request.deadline-past", "deadline"), (Assert.Single(past.Problems).Code, past.Problems[0].Field));
    }

    [Fact]
    [Trait("Article", "40(24)")]
    public void Acknowledgement_BetweenCentralAuthorities_RestsOnExecutionAsSoonAsPossible_NotOnThe247Network()
    {
        var submitted = RequestHistory.Start(RequestKind.StoredDataAccess).Then(RequestEventType.Submitted, T0);
        var ack = Assert.Single(submitted.StatusAt(T0, CooperationClockSettings.Default).Deadlines, d => d.Kind == DeadlineKind.Acknowledgement);

        Assert.Equal((T0.Plus(Duration.FromDays(2)), AssistanceProvisions.ExecutionAndStatus), (ack.Due, ack.Basis));
        Assert.Equal(Convention.Art(41), DeadlineKind.Acknowledgement.Basis(RequestKind.ExpeditedPreservation));
    }

    [Fact]
    [Trait("Article", "40(28)")]
    public void Costs_AreStated_AndAgreedOnlyWhileTheConsultationIsOpen()
    {
        var history = Acknowledged();
        var at = T0.Plus(Duration.FromDays(1));

        var agreed = Refused(history, new CostsAgreed(Side.Requesting, at));
        Assert.Equal(("costs.invalid", "type", AssistanceProvisions.Costs), (agreed.Code, agreed.Field, agreed.Basis));
        Assert.Equal("estimate", Refused(history, new CostsRaised(Side.Requested, at, "")).Field);

        var raised = history.Then(RequestEventType.CostsRaised, at);
        Assert.True(raised.Current.CostsUnderConsultation);
        Assert.False(raised.Then(RequestEventType.CostsAgreed, at.Plus(Duration.FromHours(3))).Current.CostsUnderConsultation);
    }

    [Theory]
    [InlineData(RefusalGround.FiscalMatter, "refusal.fiscal-matter")]
    [InlineData(RefusalGround.BankSecrecy, "refusal.bank-secrecy")]
    public void Refusal_OnAGroundTheConventionRulesOut_IsRefused(RefusalGround ground, string code)
    {
        var problem = Refused(Acknowledged(), new RequestRefused(Side.Requested, T0.Plus(Duration.FromDays(1)), ground, "Tax matter."));

        Assert.Equal((code, ground.Basis()), (problem.Code, problem.Basis));
    }

    [Fact]
    [Trait("Article", "36")]
    public void PartialExecutions_NeverLowerTheConditions()
    {
        var strict = new HandlingConditions { Confidentiality = Confidentiality.Confidential, UseLimitation = UseLimitation.IntelligenceOnly };
        var history = Acknowledged()
            .Then(RequestEventType.PartiallyExecuted, T0.Plus(Duration.FromDays(1)), conditions: strict)
            .Then(RequestEventType.PartiallyExecuted, T0.Plus(Duration.FromDays(2)), conditions: HandlingConditions.None)
            .Then(RequestEventType.Executed, T0.Plus(Duration.FromDays(3)), conditions: HandlingConditions.None);

        Assert.Equal(RequestState.Executed, history.State);
        Assert.Equal(strict, history.Current.Conditions);
    }

    [Fact]
    public void DraftValidation_MutualLegalAssistance_NeedsKnownPurposes_FactsUnlessOnlyService_AndReasonsForItsDeadline()
    {
        var complete = RequestBuilder.Draft(RequestKind.MutualLegalAssistance);

        var noPurpose = RequestDraftValidator.Validate(complete with { Purposes = [] });
        Assert.Equal(("request.purpose-missing", "purposes"), (Assert.Single(noPurpose.Problems).Code, noPurpose.Problems[0].Field));

        var unknown = RequestDraftValidator.Validate(complete with { Purposes = ["takingEvidenceOrStatements", "extradition"] });
        Assert.Equal(("request.purpose-unknown", "purposes[1]"), (Assert.Single(unknown.Problems).Code, unknown.Problems[0].Field));

        var serviceOnly = complete with { Purposes = ["serviceOfDocuments"], Contents = complete.Contents with { SummaryOfFacts = null } };
        Assert.True(RequestDraftValidator.Validate(serviceOnly).IsValid);
        var evidence = RequestDraftValidator.Validate(serviceOnly with { Purposes = ["serviceOfDocuments", "takingEvidenceOrStatements"] });
        Assert.Equal("contents.summaryOfFacts", Assert.Single(evidence.Problems).Field);

        var deadline = RequestDraftValidator.Validate(complete with { Deadline = T0 });
        Assert.Equal(("request.missing-content", "contents.deadlineReasons", AssistanceProvisions.ExecutionAndStatus), (Assert.Single(deadline.Problems).Code, deadline.Problems[0].Field, deadline.Problems[0].Basis));
        var valid = RequestDraftValidator.Validate(complete with { Deadline = T0, Contents = complete.Contents with { DeadlineReasons = "Trial opens on 1 March." } });
        Assert.Equal((T0, "takingEvidenceOrStatements"), (valid.Request!.Deadline, Assert.Single(valid.Request.Purposes).Code));

        var misplaced = RequestDraftValidator.Validate(RequestBuilder.Draft(RequestKind.ExpeditedPreservation) with { Purposes = ["serviceOfDocuments"], Deadline = T0 });
        Assert.Equal(["purposes", "deadline"], misplaced.Problems.Select(p => p.Field));
        Assert.All(misplaced.Problems, p => Assert.Equal("request.not-applicable", p.Code));
    }

    [Fact]
    public void DraftValidation_AnEmptyMutualLegalAssistanceRequest_ListsEveryMissingItemWithItsArticle()
    {
        var result = RequestDraftValidator.Validate(RequestBuilder.Draft(RequestKind.MutualLegalAssistance) with { Contents = RequestContents.Empty });

        Assert.Equal(
            ["contents.requestingAuthority", "contents.subjectOfProceedings", "contents.conductingAuthority", "contents.offence",
             "contents.summaryOfFacts", "contents.assistanceSought", "contents.purpose"],
            result.Problems.Select(p => p.Field));
        Assert.All(result.Problems, p => Assert.Equal((RequestDraftValidator.MissingContent, AssistanceProvisions.RequestContents), (p.Code, p.Basis)));
        Assert.Null(result.Request);
    }
}
