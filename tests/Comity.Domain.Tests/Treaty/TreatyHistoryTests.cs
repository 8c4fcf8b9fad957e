using Comity.Domain.Treaty;
using NodaTime;
using static Comity.Domain.Tests.Treaty.TreatyBuilder;

namespace Comity.Domain.Tests.Treaty;

public sealed class TreatyHistoryTests
{
    [Theory]
    [Trait("Article", "65(1)")]
    [InlineData(39, null)]
    [InlineData(40, "2027-05-01")]
    [InlineData(41, "2027-05-01")]
    public void EntryIntoForce_NinetiethDayAfterFortieth(int count, string? expected)
    {
        // 39 accede on 2027-01-01; the 40th and 41st on 2027-01-31. 2027-01-31 + 90 days = 2027-05-01.
        var instruments = Accessions(Math.Min(count, 39), "2027-01-01").Concat(Accessions(count - Math.Min(count, 39), "2027-01-31", skip: 39));
        var history = Built(instruments);
        Assert.Equal(expected is null ? null : D(expected), history.EntryIntoForce);
    }

    [Fact]
    [Trait("Article", "65(1)")]
    public void EntryIntoForce_EuInstrumentNotCounted()
    {
        var instruments = new List<Instrument> { Sign("FR", "2025-10-25"), Sign("EU", "2025-10-25"), Ratify("FR", "2026-01-01"), new(P("EU"), InstrumentKind.Approval, D("2026-01-02")) };
        instruments.AddRange(Accessions(38, "2027-01-01"));
        var history = Built(instruments);
        Assert.Null(history.EntryIntoForce);

        var withFortieth = Built(instruments.Append(Accessions(1, "2027-02-01", skip: 38).Single()));
        Assert.Equal(D("2027-02-01").PlusDays(90), withFortieth.EntryIntoForce);
        Assert.Equal(withFortieth.EntryIntoForce, withFortieth.InForceFrom(P("EU")));
    }

    [Fact]
    [Trait("Article", "65(2)")]
    public void InForceFrom_LaterJoiner_ThirtyDaysOrGeneralDate()
    {
        var history = Built(Accessions(40, "2027-01-01")
            .Append(Accessions(1, "2027-01-15", skip: 40).Single())
            .Append(Accessions(1, "2027-06-01", skip: 41).Single()));
        var general = D("2027-04-01");
        Assert.Equal(general, history.EntryIntoForce);
        Assert.Equal(general, history.InForceFrom(NonEuStates[0]));
        Assert.Equal(general, history.InForceFrom(NonEuStates[39]));
        Assert.Equal(general, history.InForceFrom(NonEuStates[40]));  // 2027-01-15 + 30 is before the general date
        Assert.Equal(D("2027-07-01"), history.InForceFrom(NonEuStates[41]));
    }

    [Fact]
    [Trait("Article", "65(2)")]
    public void InForceFrom_SameDayAsFortiethButAfterIt_GetsGeneralDateAnyway()
    {
        var history = Built(Accessions(41, "2027-01-01"));
        Assert.Equal(NonEuStates[39], history.FortiethInstrument!.Participant);
        Assert.Equal(history.EntryIntoForce, history.InForceFrom(NonEuStates[40]));
    }

    [Theory]
    [Trait("Article", "67(1)")]
    [InlineData("2028-03-15", "2029-03-15")]
    [InlineData("2028-02-29", "2029-02-28")]
    public void DenunciationEffective_OneYearAfterReceipt(string received, string effective)
    {
        var history = Built(Accessions(40, "2027-01-01").Append(Denounce(NonEuStates[0].Value, received)));
        Assert.Equal(D(effective), history.DenunciationEffective(NonEuStates[0]));
        Assert.True(history.IsParty(NonEuStates[0], D(effective).PlusDays(-1)));
        Assert.False(history.IsParty(NonEuStates[0], D(effective)));
    }

    [Fact]
    [Trait("Article", "66(1)")]
    public void AmendmentProposalsFrom_FiveYearsAfterEntryIntoForce()
    {
        var history = Built(Accessions(40, "2027-12-01"));
        Assert.Equal(D("2028-02-29"), history.EntryIntoForce);
        Assert.Equal(D("2033-02-28"), history.AmendmentProposalsFrom);
        Assert.Null(TreatyHistory.Empty.AmendmentProposalsFrom);
    }

    [Fact]
    [Trait("Article", "62(1)")]
    public void ProtocolThresholdReached_SixtyStatesInForce()
    {
        var history = Built(Accessions(40, "2027-01-01").Concat(Accessions(19, "2027-06-01", skip: 40)));
        Assert.Null(history.ProtocolThresholdReached);

        var sixty = Built(history.Instruments.Append(Accessions(1, "2027-09-01", skip: 59).Single()));
        Assert.Equal(D("2027-10-01"), sixty.ProtocolThresholdReached);
    }

    [Fact]
    [Trait("Article", "62(1)")]
    public void ProtocolThresholdReached_EuDoesNotCount()
    {
        var instruments = new List<Instrument> { Sign("FR", "2025-10-25"), Sign("EU", "2025-10-25"), Ratify("FR", "2026-01-01"), new(P("EU"), InstrumentKind.Approval, D("2026-01-02")) };
        instruments.AddRange(Accessions(58, "2027-01-01"));
        var history = Built(instruments);
        Assert.Null(history.ProtocolThresholdReached);
    }

    [Fact]
    [Trait("Article", "62(1)")]
    public void ProtocolThresholdReached_DenunciationEffectiveBeforeSixtieth_Delays()
    {
        var instruments = Accessions(59, "2027-01-01").Append(Denounce(NonEuStates[0].Value, "2027-02-01")).ToList();
        instruments.Add(Accessions(1, "2028-06-01", skip: 59).Single());
        var history = Built(instruments);
        // The denunciation takes effect on 2028-02-01, so the 60th State (in force 2028-07-01) makes 59.
        Assert.Null(history.ProtocolThresholdReached);

        var more = Built(instruments.Append(Accessions(1, "2028-09-01", skip: 60).Single()));
        Assert.Equal(D("2028-10-01"), more.ProtocolThresholdReached);
    }

    [Fact]
    [Trait("Article", "65(1)")]
    public void IsInForceBetween_Edges()
    {
        var a = NonEuStates[0];
        var b = NonEuStates[1];
        var history = Built(Accessions(40, "2027-01-01").Append(Denounce(b.Value, "2028-01-10")));
        Assert.False(history.IsInForceBetween(a, b, D("2027-03-31")));
        Assert.True(history.IsInForceBetween(a, b, D("2027-04-01")));
        Assert.True(history.IsInForceBetween(a, b, D("2029-01-09")));
        Assert.False(history.IsInForceBetween(a, b, D("2029-01-10")));
        Assert.False(history.IsInForceBetween(a, a, D("2027-04-01")));
        Assert.False(history.IsInForceBetween(a, P("FR"), D("2027-04-01")));
    }

    [Fact]
    [Trait("Article", "64(2)")]
    public void IsParty_EuMemberNotMadePartyByEuInstrument()
    {
        var instruments = new List<Instrument> { Sign("FR", "2025-10-25"), Sign("DE", "2025-10-25"), Sign("EU", "2025-10-25"), Ratify("FR", "2026-01-01"), new(P("EU"), InstrumentKind.Approval, D("2026-01-02")) };
        instruments.AddRange(Accessions(39, "2027-01-01"));
        var history = Built(instruments);
        Assert.True(history.IsParty(P("EU"), D("2027-04-01")));
        Assert.False(history.IsParty(P("DE"), D("2027-04-01")));
    }

    [Fact]
    [Trait("Article", "65(1)")]
    public void Status_BeforeFortieth_NoEntryIntoForce_AfterwardsProjected()
    {
        var history = Built(Accessions(39, "2027-01-01").Append(Accessions(1, "2027-03-01", skip: 39).Single()).Prepend(Sign("FR", "2025-10-25")));
        var before = history.Status(D("2027-02-01"));
        Assert.Null(before.EntryIntoForce);
        Assert.Equal(39, before.InstrumentsCountedForEntryIntoForce);
        Assert.Equal(1, before.Signatories);
        Assert.Equal(0, before.PartiesInForce);

        var deposited = history.Status(D("2027-03-01"));
        Assert.Equal(D("2027-05-30"), deposited.EntryIntoForce);
        Assert.Equal(0, deposited.PartiesInForce);
        Assert.Equal(1.0, deposited.ProgressTowardEntryIntoForce);

        var inForce = history.Status(D("2027-05-30"));
        Assert.Equal(40, inForce.PartiesInForce);
        Assert.Equal(40, inForce.StatesInForce);
        Assert.True(inForce.IsInForceBetween(NonEuStates[0], NonEuStates[1]));
        Assert.Equal(D("2027-05-30"), inForce.Of(NonEuStates[0])!.InForceFrom);
        Assert.Equal(InstrumentKind.Accession, inForce.Of(NonEuStates[0])!.ConsentKind);
        Assert.Equal(new LocalDate(2025, 10, 25), inForce.Of(P("FR"))!.SignedOn);
    }
}
