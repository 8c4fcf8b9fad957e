using Comity.Domain.Treaty;
using static Comity.Domain.Tests.Treaty.TreatyBuilder;

namespace Comity.Domain.Tests.Treaty.Rules;

public sealed class TreatyRulesTests
{
    private static IReadOnlyList<string> Codes(TreatyHistory history, Instrument candidate) =>
        TreatyHistory.TryRecord(history, candidate).Violations.Select(v => v.Code).ToArray();

    [Theory]
    [Trait("Article", "64(1)")]
    [InlineData("2025-10-25", true)]
    [InlineData("2025-10-26", true)]
    [InlineData("2025-10-27", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2025-10-24", false)]
    [InlineData("2027-01-01", false)]
    public void SignatureOnlyWhileOpen_Window(string date, bool allowed)
    {
        var result = TreatyHistory.TryRecord(TreatyHistory.Empty, Sign("FR", date));
        Assert.Equal(allowed, result.IsRecorded);
        if (!allowed)
        {
            var violation = Assert.Single(result.Violations);
            Assert.Equal("treaty.signature-closed", violation.Code);
            Assert.Equal("Art. 64(1)", violation.Basis.ToString());
            Assert.Contains("accession", violation.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Article", "64(1)")]
    public void InstrumentsMustNotPrecedeOpening_AccessionBefore_Violates() =>
        Assert.Equal(["treaty.before-opening"], Codes(TreatyHistory.Empty, Accede("FR", "2025-10-24")));

    [Fact]
    [Trait("Article", "64(1)")]
    public void ParticipantMustBeEligible_UnknownCode_Violates() =>
        Assert.Equal(["treaty.unknown-participant"], Codes(TreatyHistory.Empty, Sign("XK", "2025-10-25")));

    [Fact]
    [Trait("Article", "64(1)")]
    public void OneSignaturePerParticipant_SecondSignature_Violates()
    {
        var history = Built([Sign("FR", "2025-10-25")]);
        Assert.Equal(["treaty.already-signed"], Codes(history, Sign("FR", "2025-11-01")));
    }

    [Theory]
    [Trait("Article", "64(2)")]
    [InlineData("2025-10-25", true)]
    [InlineData("2026-01-01", true)]
    [InlineData("2025-10-24", false)]
    public void ConsentRequiresPriorSignature_RatificationOnOrAfterSignature(string ratified, bool allowed)
    {
        var history = Built([Sign("FR", "2025-10-25")]);
        var candidate = Ratify("FR", ratified);
        var codes = Codes(history, candidate);
        Assert.Equal(allowed, !codes.Contains("treaty.consent-requires-signature"));
    }

    [Fact]
    [Trait("Article", "64(2)")]
    public void ConsentRequiresPriorSignature_NoSignature_ViolatesButAccessionIsFine()
    {
        Assert.Equal(["treaty.consent-requires-signature"], Codes(TreatyHistory.Empty, Ratify("FR", "2026-01-01")));
        Assert.Equal(["treaty.consent-requires-signature"], Codes(TreatyHistory.Empty, new Instrument(P("FR"), InstrumentKind.Approval, D("2026-01-01"))));
        Assert.Empty(Codes(TreatyHistory.Empty, Accede("FR", "2027-06-01")));
    }

    [Fact]
    [Trait("Article", "64(2)")]
    public void OneConsentInstrumentPerParticipant_Second_Violates()
    {
        var history = Built([Sign("FR", "2025-10-25"), Ratify("FR", "2026-01-01")]);
        Assert.Equal(["treaty.already-bound"], Codes(history, Accede("FR", "2027-06-01")));
    }

    [Fact]
    [Trait("Article", "64(2)")]
    public void ReioActsOnlyAfterAMemberState_EuSignsFirst_Violates()
    {
        var violations = TreatyHistory.TryRecord(TreatyHistory.Empty, Sign("EU", "2025-10-25")).Violations;
        Assert.Equal("treaty.reio-before-member-state", Assert.Single(violations).Code);
    }

    [Fact]
    [Trait("Article", "64(2)")]
    public void ReioActsOnlyAfterAMemberState_SameDayAsMember_IsFine()
    {
        var result = TreatyHistory.Build([Sign("EU", "2025-10-25"), Sign("FR", "2025-10-25")]);
        Assert.True(result.IsBuilt);
    }

    [Fact]
    [Trait("Article", "64(2)")]
    public void ReioActsOnlyAfterAMemberState_FormerMemberDoesNotCount()
    {
        var history = Built([Sign("GB", "2025-10-25")]);
        Assert.Equal(["treaty.reio-before-member-state"], Codes(history, Sign("EU", "2025-10-26")));
    }

    [Fact]
    [Trait("Article", "64(3)")]
    public void ReioActsOnlyAfterAMemberState_DepositBeforeAnyMember_Violates()
    {
        var history = Built([Sign("FR", "2025-10-25"), Sign("EU", "2025-10-25")]);
        var result = TreatyHistory.TryRecord(history, new Instrument(P("EU"), InstrumentKind.Approval, D("2026-02-01")));
        var violation = Assert.Single(result.Violations);
        Assert.Equal("treaty.reio-before-member-state", violation.Code);
        Assert.Equal("Art. 64(3)", violation.Basis.ToString());

        var afterMember = Built([Sign("FR", "2025-10-25"), Sign("EU", "2025-10-25"), Ratify("FR", "2026-01-01")]);
        Assert.Empty(Codes(afterMember, new Instrument(P("EU"), InstrumentKind.Approval, D("2026-02-01"))));
    }

    [Fact]
    [Trait("Article", "67(1)")]
    public void DenunciationRequiresBeingParty_NotBound_Violates()
    {
        var history = Built([Sign("FR", "2025-10-25")]);
        Assert.Equal(["treaty.denunciation-not-party"], Codes(history, Denounce("FR", "2026-01-01")));
        Assert.Equal(["treaty.denunciation-not-party"], Codes(TreatyHistory.Empty, Denounce("DE", "2026-01-01")));
    }

    [Fact]
    [Trait("Article", "67(1)")]
    public void OneDenunciationPerParticipant_Second_Violates()
    {
        var history = Built([Accede("FR", "2027-02-01"), Denounce("FR", "2028-01-01")]);
        Assert.Equal(["treaty.already-denounced"], Codes(history, Denounce("FR", "2028-06-01")));
    }

    [Fact]
    [Trait("Article", "64(1)")]
    public void TryRecord_SeveralProblems_ReportsEvery()
    {
        var history = Built([Sign("FR", "2025-10-25")]);
        var codes = Codes(history, Sign("FR", "2027-01-01"));
        Assert.Equal(["treaty.signature-closed", "treaty.already-signed"], codes);
    }

    [Fact]
    public void Build_FirstFailure_IsReportedWithItsInstrument()
    {
        var result = TreatyHistory.Build([Ratify("DE", "2026-03-01"), Sign("FR", "2025-10-25")]);
        Assert.False(result.IsBuilt);
        Assert.Equal(Ratify("DE", "2026-03-01"), result.FailedInstrument);
        Assert.Equal("treaty.consent-requires-signature", Assert.Single(result.Violations).Code);
    }
}
