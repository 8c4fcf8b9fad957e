using Comity.Domain.Cooperation;
using Comity.Domain.Legal;
using CsCheck;
using NodaTime;

namespace Comity.Domain.Tests.Cooperation;

public sealed class TransitionRulesTests
{
    private static readonly Instant T = RequestBuilder.Start;

    private static RequestHistory Acknowledged(RequestKind kind) =>
        RequestHistory.Start(kind)
            .Then(RequestEventType.Submitted, T)
            .Then(RequestEventType.Received, T.Plus(Duration.FromMinutes(1)))
            .Then(RequestEventType.Acknowledged, T.Plus(Duration.FromMinutes(10)));

    private static RequestHistory Preserved(int days = 90) =>
        Acknowledged(RequestKind.ExpeditedPreservation).Then(RequestEventType.Preserved, T.Plus(Duration.FromHours(1)), days);

    [Fact]
    [Trait("Article", "42")]
    public void Preserved_UntilLessThanSixtyDaysAhead_IsRefused()
    {
        var history = Acknowledged(RequestKind.ExpeditedPreservation);
        var at = T.Plus(Duration.FromHours(1));

        var result = history.Append(new DataPreserved(Side.Requested, at, at.Plus(Duration.FromDays(60)).Minus(Duration.FromSeconds(1))));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("preservation.period-too-short", "until", nameof(PreservationMustLastAtLeastSixtyDays)), (problem.Code, problem.Field, problem.Rule));
        Assert.Equal(ConventionNumbers.MinimumPreservationDays.Basis, problem.Basis);
        Assert.Contains("60 days", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.History);
    }

    [Fact]
    [Trait("Article", "42")]
    public void Preserved_ExactlySixtyDays_IsAccepted()
    {
        var at = T.Plus(Duration.FromHours(1));
        var result = Acknowledged(RequestKind.ExpeditedPreservation).Append(new DataPreserved(Side.Requested, at, PreservationMustLastAtLeastSixtyDays.MinimumUntil(at)));

        Assert.True(result.IsValid);
        Assert.Equal(at.Plus(Duration.FromDays(60)), result.History!.Current.PreservedUntil);
    }

    [Fact]
    [Trait("Article", "42")]
    public void PreservationExtended_NotLater_IsRefused_AndLaterClearsThePendingRequest()
    {
        var history = Preserved().Then(RequestEventType.ExtensionRequested, T.Plus(Duration.FromDays(50)));
        Assert.True(history.Current.ExtensionPending);
        var until = history.Current.PreservedUntil!.Value;

        var same = history.Append(new PreservationExtended(Side.Requested, T.Plus(Duration.FromDays(51)), until));
        Assert.Equal("preservation.extension-not-later", Assert.Single(same.Problems).Code);

        var later = history.Append(new PreservationExtended(Side.Requested, T.Plus(Duration.FromDays(51)), until.Plus(Duration.FromDays(30))));
        Assert.False(later.History!.Current.ExtensionPending);
        Assert.Equal(until.Plus(Duration.FromDays(30)), later.History.Current.PreservedUntil);
    }

    [Fact]
    [Trait("Article", "40(22)")]
    public void Refused_OnFiscalMatters_IsRefused()
    {
        var result = Acknowledged(RequestKind.LegalInformation).Append(new RequestRefused(Side.Requested, T.Plus(Duration.FromHours(1)), RefusalGround.FiscalMatter, "Tax offence."));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("refusal.fiscal-matter", "ground"), (problem.Code, problem.Field));
        Assert.Equal(Convention.Art(40, 22), problem.Basis);
    }

    [Fact]
    [Trait("Article", "40(8)")]
    public void Refused_OnBankSecrecy_IsRefused()
    {
        var result = Acknowledged(RequestKind.ExpeditedPreservation).Append(new RequestRefused(Side.Requested, T.Plus(Duration.FromHours(1)), RefusalGround.BankSecrecy, "Bank records."));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("refusal.bank-secrecy", "ground"), (problem.Code, problem.Field));
        Assert.Equal(Convention.Art(40, 8), problem.Basis);
    }

    [Fact]
    [Trait("Article", "40(23)")]
    public void Refused_WithoutReasons_IsRefused_AndAllProblemsAreListed()
    {
        var result = Acknowledged(RequestKind.LocateSuspect).Append(new RequestRefused(Side.Requesting, T.Plus(Duration.FromHours(1)), RefusalGround.BankSecrecy, " "));

        Assert.Equal(["request.wrong-side", "refusal.bank-secrecy", "refusal.reasons-required"], result.Problems.Select(p => p.Code));
        Assert.Equal(Convention.Art(40, 23), result.Problems[2].Basis);
    }

    [Fact]
    [Trait("Article", "42")]
    public void Refused_PreservationOnDomesticLaw_IsNotOpen_ButLocatingASuspectIs()
    {
        var reasons = "Our law forbids this measure in a similar domestic case.";
        var preservation = Acknowledged(RequestKind.ExpeditedPreservation).Append(new RequestRefused(Side.Requested, T.Plus(Duration.FromHours(1)), RefusalGround.DomesticLawProhibition, reasons));
        var locate = Acknowledged(RequestKind.LocateSuspect).Append(new RequestRefused(Side.Requested, T.Plus(Duration.FromHours(1)), RefusalGround.DomesticLawProhibition, reasons));

        var problem = Assert.Single(preservation.Problems);
        Assert.Equal(("refusal.ground-not-open", Convention.Art(42)), (problem.Code, problem.Basis));
        Assert.True(locate.IsValid);
        Assert.Equal(new Refusal(RefusalGround.DomesticLawProhibition, reasons), locate.History!.Current.Refusal);
    }

    [Fact]
    [Trait("Article", "42")]
    public void Preservation_MayBeRefusedUnderADualCriminalityReservation()
    {
        var result = Acknowledged(RequestKind.ExpeditedPreservation).Append(new RequestRefused(Side.Requested, T.Plus(Duration.FromHours(1)), RefusalGround.DualCriminalityReservation, "Not an offence here; reservation made at ratification."));
        Assert.Equal(RequestState.Refused, result.History!.State);
    }

    [Fact]
    [Trait("Article", "42")]
    public void FollowUpLinked_WithoutReference_IsRefused_AndReferencesAccumulate()
    {
        var history = Preserved();
        var blank = history.Append(new FollowUpLinked(Side.Requesting, T.Plus(Duration.FromDays(2)), ""));
        Assert.Equal(("followup.reference-missing", "mutualLegalAssistanceReference"), (Assert.Single(blank.Problems).Code, blank.Problems[0].Field));

        var linked = history.Append(new FollowUpLinked(Side.Requesting, T.Plus(Duration.FromDays(2)), " MLA-1 ")).History!
            .Append(new FollowUpLinked(Side.Requesting, T.Plus(Duration.FromDays(3)), "MLA-2")).History!;
        Assert.Equal(["MLA-1", "MLA-2"], linked.Current.FollowUpReferences);
        Assert.Equal(RequestState.Preserved, linked.State);
    }

    [Fact]
    [Trait("Article", "40(16)")]
    public void InformationRequestedAndProvided_MustStateTheText()
    {
        var history = Acknowledged(RequestKind.TechnicalAdvice);
        Assert.Equal("question", Assert.Single(history.Append(new InformationRequested(Side.Requested, T.Plus(Duration.FromHours(1)), "")).Problems).Field);

        var asked = history.Then(RequestEventType.InformationRequested, T.Plus(Duration.FromHours(1)));
        Assert.Equal(RequestState.AwaitingInformation, asked.State);
        Assert.Equal("Which account identifier?", asked.Current.OpenQuestion);
        Assert.Equal("answer", Assert.Single(asked.Append(new InformationProvided(Side.Requesting, T.Plus(Duration.FromHours(2)), " ")).Problems).Field);

        var answered = asked.Then(RequestEventType.InformationProvided, T.Plus(Duration.FromHours(2)));
        Assert.Equal(RequestState.Acknowledged, answered.State);
        Assert.Null(answered.Current.OpenQuestion);
    }

    [Fact]
    [Trait("Article", "41")]
    public void Append_EventBeforeTheLastOne_IsOutOfOrder()
    {
        var history = Acknowledged(RequestKind.EmergencyDisclosure);
        var result = history.Append(new DataDisclosed(Side.Requested, T, HandlingConditions.None));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("request.out-of-order", "at"), (problem.Code, problem.Field));
        Assert.Equal(Convention.Art(41, 3, "e"), problem.Basis);
    }

    [Fact]
    [Trait("Article", "41")]
    public void Replay_StopsAtTheFirstBadEvent_AndRebuildsAGoodHistory()
    {
        var good = Preserved().Then(RequestEventType.FollowUpLinked, T.Plus(Duration.FromDays(10)));

        var replayed = RequestHistory.Replay(good.Kind, good.Events);
        Assert.True(replayed.IsValid);
        Assert.Equal(good.Current, replayed.History!.Current);

        var bad = RequestHistory.Replay(RequestKind.ExpeditedPreservation, [.. good.Events.Take(2), new RequestReceived(Side.Requested, T.Plus(Duration.FromDays(1)))]);
        Assert.Equal("request.transition-not-allowed", Assert.Single(bad.Problems).Code);
    }

    [Theory]
    [Trait("Article", "40(21)")]
    [Trait("Article", "41(3)(a)")]
    [InlineData(RefusalGround.NonConformity)]
    [InlineData(RefusalGround.EssentialInterests)]
    [InlineData(RefusalGround.DomesticLawProhibition)]
    [InlineData(RefusalGround.ContraryToLegalSystem)]
    public void Refused_TechnicalAdvice_OnEachGroundOfArticle40_21_IsAccepted(RefusalGround ground)
    {
        var result = Acknowledged(RequestKind.TechnicalAdvice).Append(new RequestRefused(Side.Requested, T.Plus(Duration.FromHours(1)), ground, "Reasons given in full."));

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(Convention.Art(40, 21), Convention.Art(ground.Basis().Article, ground.Basis().Paragraph));
    }

    [Fact]
    [Trait("Article", "40")]
    public void Refused_PreservationOnDiscriminationGrounds_IsAccepted()
    {
        var result = Acknowledged(RequestKind.ExpeditedPreservation).Append(new RequestRefused(Side.Requested, T.Plus(Duration.FromHours(1)), RefusalGround.Discrimination, "Substantial grounds that the person is sought for political opinions."));

        Assert.Equal(RequestState.Refused, result.History!.State);
        Assert.Equal(Convention.Art(40), RefusalGround.Discrimination.Basis());
    }

    [Fact]
    [Trait("Article", "41(3)(c)")]
    public void LegalInformation_Answered_IsFinal_AndCarriesTheAnswerersConditions()
    {
        var conditions = new HandlingConditions { UseLimitation = UseLimitation.IntelligenceOnly };
        var answered = Acknowledged(RequestKind.LegalInformation).Then(RequestEventType.Answered, T.Plus(Duration.FromHours(3)), conditions: conditions);

        Assert.Equal(RequestState.Answered, answered.State);
        Assert.Equal(UseLimitation.IntelligenceOnly, answered.Current.Conditions.UseLimitation);
        Assert.Empty(answered.Kind.Profile().Transitions.AllowedIn(answered.State));
    }

    [Fact]
    [Trait("Article", "36")]
    public void Submitted_WithUnknownConditionValues_IsRefused()
    {
        var conditions = new HandlingConditions { Confidentiality = (Confidentiality)7, OnwardTransfer = (OnwardTransfer)9, RetentionDays = -1 };

        var result = RequestHistory.Start(RequestKind.ExpeditedPreservation).Append(new RequestSubmitted(Side.Requesting, T, conditions));

        Assert.Equal(
            [("conditions.value-invalid", "conditions.confidentiality"), ("conditions.value-invalid", "conditions.onwardTransfer"), ("conditions.retention-invalid", "conditions.retentionDays")],
            result.Problems.Select(p => (p.Code, p.Field)));
    }

    [Fact]
    public void Append_AnyEventWhatsoever_NeverThrows_AndChangesNothingWhenRefused()
    {
        var text = Gen.OneOf<string?>(null, "", " ", "MLA-7", "reasons");
        var side = Gen.Int[0, 2].Select(i => (Side)i);
        var instant = Gen.Int[-30 * 24, 400 * 24].Select(h => T.Plus(Duration.FromHours(h)));
        var conditions = Gen.Select(Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[-1, 30], (c, u, o, r) =>
            new HandlingConditions { Confidentiality = (Confidentiality)c, UseLimitation = (UseLimitation)u, OnwardTransfer = (OnwardTransfer)o, RetentionDays = r == 0 ? null : r });
        var events = Gen.Select(Gen.Int[0, 13], side, instant, instant, text, Gen.Int[0, 10], conditions, (type, by, at, until, words, ground, c) => (RequestEvent)(type switch
        {
            0 => new RequestSubmitted(by, at, c),
            1 => new RequestReceived(by, at),
            2 => new RequestAcknowledged(by, at, words),
            3 => new InformationRequested(by, at, words!),
            4 => new InformationProvided(by, at, words!),
            5 => new DataPreserved(by, at, until),
            6 => new ExtensionRequested(by, at, words),
            7 => new PreservationExtended(by, at, until),
            8 => new FollowUpLinked(by, at, words!),
            9 => new DataDisclosed(by, at, c),
            10 => new RequestAnswered(by, at, c),
            11 => new RequestRefused(by, at, (RefusalGround)ground, words!),
            12 => new RequestWithdrawn(by, at, words),
            _ => new RequestClosed(by, at, words),
        }));

        Gen.Select(RequestBuilder.Histories, events.Array[1, 6]).Sample((history, candidates) =>
        {
            foreach (var candidate in candidates)
            {
                var result = history.Append(candidate);
                Assert.Equal(result.Problems.Count == 0, result.IsValid);
                if (result.History is { } next)
                {
                    Assert.Equal(history.Events.Count + 1, next.Events.Count);
                    history = next;
                }

                _ = history.StatusAt(candidate.At, CooperationClockSettings.Default);
            }
        });
    }
}
