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
    public void Kinds_HaveTheirArticles_AndAllGoToThe247PointOfContact()
    {
        Assert.Equal(
            ["Art. 42", "Art. 43", "Art. 41(3)(e)", "Art. 41(3)(d)", "Art. 41(3)(a)", "Art. 41(3)(c)"],
            RequestKindProfiles.All.Select(p => p.Basis.ToString()));
        Assert.Equal(RequestKinds.All, RequestKindProfiles.All.Select(p => p.Kind));
        Assert.All(RequestKindProfiles.All, p => Assert.Equal(DesignationRole.PointOfContact247, p.Channel));
        Assert.All(RequestKindProfiles.All, p => Assert.Same(p, p.Kind.Profile()));
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
    public void EventOwners_RequesterSubmitsAnswersExtendsLinksWithdraws()
    {
        Assert.Equal(
            [RequestEventType.Submitted, RequestEventType.InformationProvided, RequestEventType.ExtensionRequested, RequestEventType.FollowUpLinked, RequestEventType.Withdrawn],
            RequestEventTypes.All.Where(t => t.Owner() == Side.Requesting));
        Assert.Equal(Side.Requested, Side.Requesting.Other());
    }
}
