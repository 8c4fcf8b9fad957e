using Comity.Domain.Cooperation;
using Comity.Domain.Directory;
using Comity.Domain.Legal;
using NodaTime;

namespace Comity.Domain.Tests.Cooperation;

public sealed class RequestKindProfilesTests
{
    [Fact]
    [Trait("Article", "42")]
    public void ExpeditedPreservation_RequiresExactlyTheItemsOfArticle42()
    {
        var profile = RequestKindProfiles.For(RequestKind.ExpeditedPreservation);

        Assert.Equal(Convention.Art(42), profile.Basis);
        Assert.Equal(
            [
                ContentItem.RequestingAuthority, ContentItem.Offence, ContentItem.SummaryOfFacts, ContentItem.DataToPreserve,
                ContentItem.LinkToOffence, ContentItem.CustodianOrLocation, ContentItem.PreservationNecessity, ContentItem.IntendedFollowUp,
            ],
            profile.RequiredContents.Select(r => r.Item));
        Assert.All(profile.RequiredContents, r => Assert.Equal(Convention.Art(42), r.Basis));
    }

    [Fact]
    [Trait("Article", "41(3)(e)")]
    [Trait("Article", "40")]
    [Trait("Article", "44")]
    [Trait("Article", "45")]
    [Trait("Article", "46")]
    public void Kinds_HaveTheirArticles_AndTheirChannel_TheFirstSixThe247PointOfContact_TheOthersTheCentralAuthority()
    {
        Assert.Equal(
            ["Art. 42", "Art. 43", "Art. 41(3)(e)", "Art. 41(3)(d)", "Art. 41(3)(a)", "Art. 41(3)(c)", "Art. 40", "Art. 44", "Art. 45", "Art. 46", "Art. 40(4)"],
            RequestKindProfiles.All.Select(p => p.Basis.ToString()));
        Assert.Equal(RequestKinds.All, RequestKindProfiles.All.Select(p => p.Kind));
        Assert.Equal(
            [.. Enumerable.Repeat(DesignationRole.PointOfContact247, 6), .. Enumerable.Repeat(DesignationRole.CentralAuthority, 5)],
            RequestKindProfiles.All.Select(p => p.Channel));
        Assert.All(RequestKindProfiles.All, p => Assert.Same(p, p.Kind.Profile()));
        Assert.Null(RequestChannels.Shared);
        Assert.Equal([DesignationRole.PointOfContact247, DesignationRole.CentralAuthority], RequestChannels.All);
    }

    [Fact]
    [Trait("Article", "40(15)")]
    public void MutualLegalAssistance_StatesTheItemsOfArticle40_PersonsAndItemsWherePossible_FactsUnlessOnlyServiceOfDocuments()
    {
        var profile = RequestKindProfiles.MutualLegalAssistance;

        Assert.Equal(
            [
                ContentItem.RequestingAuthority, ContentItem.SubjectOfProceedings, ContentItem.ConductingAuthority, ContentItem.Offence,
                ContentItem.SummaryOfFacts, ContentItem.AssistanceSought, ContentItem.ParticularProcedure, ContentItem.PersonsConcerned,
                ContentItem.ItemsOrAccounts, ContentItem.Purpose,
            ],
            profile.RequiredContents.Select(r => r.Item));
        Assert.All(profile.RequiredContents, r => Assert.Equal(AssistanceProvisions.RequestContents, r.Basis));
        Assert.Equal(
            [ContentItem.ParticularProcedure, ContentItem.PersonsConcerned, ContentItem.ItemsOrAccounts],
            profile.RequiredContents.Where(r => r.Necessity == ContentNecessity.WherePossible).Select(r => r.Item));
        var facts = profile.RequiredContents.Single(r => r.Item == ContentItem.SummaryOfFacts);
        Assert.False(facts.IsRequiredFor([AssistancePurposes.All.Single(p => p.Code == "serviceOfDocuments")]));
        Assert.True(facts.IsRequiredFor([.. AssistancePurposes.All.Where(p => p.Code is "serviceOfDocuments" or "takingEvidenceOrStatements")]));
        Assert.True(facts.IsRequiredFor([]));
        Assert.Contains(RefusalGround.LackOfDualCriminality, profile.RefusalGrounds);
        Assert.True(RequestKind.MutualLegalAssistance.NamesPurposes());
        Assert.All(RequestKinds.All.Where(k => k != RequestKind.MutualLegalAssistance), k => Assert.False(k.NamesPurposes()));
    }

    [Fact]
    [Trait("Article", "45")]
    [Trait("Article", "46")]
    public void Collection_StatesTheItemsOfArticle45_AndInterceptionAddsWhyContentIsNeeded()
    {
        ContentItem[] article45 =
        [
            ContentItem.RequestingAuthority, ContentItem.Offence, ContentItem.SummaryOfFacts, ContentItem.DataToCollect, ContentItem.LinkToOffence,
            ContentItem.OwnerOrUser, ContentItem.Justification, ContentItem.CollectionPeriod,
        ];

        Assert.Equal(article45, RequestKindProfiles.RealTimeTrafficDataCollection.RequiredContents.Select(r => r.Item));
        Assert.All(RequestKindProfiles.RealTimeTrafficDataCollection.RequiredContents, r => Assert.Equal(Convention.Art(45), r.Basis));
        Assert.Equal([.. article45, ContentItem.ContentNeed], RequestKindProfiles.ContentDataInterception.RequiredContents.Select(r => r.Item));
        Assert.All(RequestKindProfiles.ContentDataInterception.RequiredContents, r => Assert.Equal(Convention.Art(46), r.Basis));
        Assert.Contains(RequestKindProfiles.StoredDataAccess.RequiredContents, r => r.Item == ContentItem.StoredDataSought && r.Basis == Convention.Art(44));
    }

    [Fact]
    [Trait("Article", "40(4)")]
    public void SpontaneousInformation_CannotBeRefusedOrWithdrawn_ItIsTakenInAndClosed()
    {
        var profile = RequestKindProfiles.SpontaneousInformation;

        Assert.Empty(profile.RefusalGrounds);
        Assert.DoesNotContain(RequestState.Refused, profile.Transitions.States);
        Assert.DoesNotContain(RequestState.Withdrawn, profile.Transitions.States);
        Assert.Equal([RequestEventType.InformationRequested, RequestEventType.Closed], profile.Transitions.AllowedIn(RequestState.Acknowledged));
        Assert.Equal(
            [ContentItem.RequestingAuthority, ContentItem.Information],
            profile.RequiredContents.Where(r => r.Necessity == ContentNecessity.Required).Select(r => r.Item));
    }

    [Fact]
    [Trait("Article", "40(9)")]
    public void LackOfDualCriminality_IsAGroundBetweenCentralAuthorities_NeverOnThe247Network()
    {
        Assert.All(RequestKindProfiles.All, p => Assert.Equal(
            p.Channel == DesignationRole.CentralAuthority && p.Kind != RequestKind.SpontaneousInformation,
            p.RefusalGrounds.Contains(RefusalGround.LackOfDualCriminality)));
        Assert.Equal(AssistanceProvisions.DualCriminality, RefusalGround.LackOfDualCriminality.Basis());
    }

    [Fact]
    [Trait("Article", "41(1)")]
    public void EveryKind_NamesTheRequestingAuthorityAndTheOffence()
    {
        Assert.All(RequestKindProfiles.All, p =>
        {
            Assert.Contains(p.RequiredContents, r => r.Item == ContentItem.RequestingAuthority);
            Assert.Contains(p.RequiredContents, r => r.Item == ContentItem.Offence);
            Assert.Equal(p.RequiredContents.Count, p.RequiredContents.Select(r => r.Item).Distinct().Count());
        });
    }

    [Fact]
    [Trait("Article", "43")]
    public void TrafficDataDisclosure_NamesThePreservationAndTheCommunication()
    {
        var items = RequestKindProfiles.ExpeditedDisclosureOfTrafficData.RequiredContents.Select(r => r.Item).ToList();
        Assert.Contains(ContentItem.PreservationReference, items);
        Assert.Contains(ContentItem.TrafficDataSought, items);
        Assert.DoesNotContain(RefusalGround.DomesticLawProhibition, RequestKindProfiles.ExpeditedDisclosureOfTrafficData.RefusalGrounds);
    }

    [Fact]
    [Trait("Article", "42")]
    public void RefusalGrounds_AreLimitedForPreservation_AndNeverFiscalOrBankSecrecy()
    {
        Assert.Equal(
            [RefusalGround.EssentialInterests, RefusalGround.Discrimination, RefusalGround.DualCriminalityReservation],
            RequestKindProfiles.ExpeditedPreservation.RefusalGrounds);
        Assert.All(RequestKindProfiles.All, p => Assert.All(p.RefusalGrounds, g => Assert.True(g.IsAdmissible())));
        Assert.False(RefusalGround.FiscalMatter.IsAdmissible());
        Assert.False(RefusalGround.BankSecrecy.IsAdmissible());
    }

    [Fact]
    [Trait("Article", "41")]
    public void DefaultClocks_EmergencyIsTheTightest_AndRemindersComeAt14And3Days()
    {
        var settings = CooperationClockSettings.Default;
        var emergency = settings.For(RequestKind.EmergencyDisclosure).AcknowledgeWithin;

        Assert.All(RequestKinds.All.Where(k => k != RequestKind.EmergencyDisclosure), k => Assert.True(settings.For(k).AcknowledgeWithin > emergency, k.Wire()));
        Assert.Equal([Duration.FromDays(14), Duration.FromDays(3)], settings.PreservationRemindersBeforeExpiry);
        Assert.Empty(settings.Problems());
    }

    [Fact]
    public void ClockSettings_MissingKindFallsBackToDefault_AndNonPositiveDurationsAreProblems()
    {
        var settings = new CooperationClockSettings
        {
            Kinds = new Dictionary<RequestKind, KindClocks> { [RequestKind.LocateSuspect] = new(Duration.Zero, Duration.FromDays(-1)) },
            PreservationRemindersBeforeExpiry = [Duration.Zero],
        };

        Assert.Equal(CooperationClockSettings.Default.For(RequestKind.TechnicalAdvice), settings.For(RequestKind.TechnicalAdvice));
        Assert.Equal(3, settings.Problems().Count);
        Assert.Single((CooperationClockSettings.Default with { StatusAnswerWithin = Duration.Zero }).Problems());
    }

    [Fact]
    public void WireNames_RoundTrip()
    {
        Assert.All(RequestKinds.All, k => Assert.True(RequestKinds.TryParse(k.Wire(), out var parsed) && parsed == k));
        Assert.All(RequestEventTypes.All, t => Assert.True(RequestEventTypes.TryParse(t.Wire(), out var parsed) && parsed == t));
        Assert.All(RefusalGrounds.All, g => Assert.True(RefusalGrounds.TryParse(g.Wire(), out var parsed) && parsed == g));
        Assert.All(RequestStates.All, x => Assert.True(RequestStates.TryParse(x.Wire(), out var parsed) && parsed == x));
        Assert.All(Enum.GetValues<Side>(), x => Assert.True(Sides.TryParse(x.Wire(), out var parsed) && parsed == x));
        Assert.All(Enum.GetValues<LegalBasisKind>(), x => Assert.True(LegalBasisKinds.TryParse(x.Wire(), out var parsed) && parsed == x));
        Assert.All(Enum.GetValues<Confidentiality>(), x => Assert.True(ConditionNames.TryParse(x.Wire(), out Confidentiality parsed) && parsed == x));
        Assert.All(Enum.GetValues<UseLimitation>(), x => Assert.True(ConditionNames.TryParse(x.Wire(), out UseLimitation parsed) && parsed == x));
        Assert.All(Enum.GetValues<OnwardTransfer>(), x => Assert.True(ConditionNames.TryParse(x.Wire(), out OnwardTransfer parsed) && parsed == x));
        Assert.True(RequestKinds.TryParse(" EmergencyDisclosure ", out var spaced) && spaced == RequestKind.EmergencyDisclosure);
        Assert.False(RequestKinds.TryParse("extradition", out _));
        Assert.False(RequestEventTypes.TryParse(null, out _));
        Assert.Equal(ContentItems.All.Count, ContentItems.All.Select(i => i.FieldPath()).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(RequestStates.All.Count, RequestStates.All.Select(s => s.Wire()).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void EventOwners_RequesterSubmitsAnswersExtendsLinksWithdrawsInquiresAndAnswersConsultations()
    {
        Assert.Equal(
            [
                RequestEventType.Submitted, RequestEventType.InformationProvided, RequestEventType.ExtensionRequested, RequestEventType.FollowUpLinked,
                RequestEventType.Withdrawn, RequestEventType.StatusInquired, RequestEventType.ConditionsAccepted, RequestEventType.ConditionsDeclined,
                RequestEventType.CostsAgreed,
            ],
            RequestEventTypes.All.Where(t => t.Owner() == Side.Requesting));
        Assert.Equal(Side.Requested, Side.Requesting.Other());
    }
}
