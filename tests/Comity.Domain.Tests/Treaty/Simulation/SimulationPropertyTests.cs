using Comity.Domain.Treaty;
using CsCheck;
using NodaTime;
using static Comity.Domain.Tests.Treaty.TreatyBuilder;

namespace Comity.Domain.Tests.Treaty.Simulation;

public sealed class SimulationPropertyTests
{
    private static readonly LocalDate Opening = new(2025, 10, 25);

    // A valid scenario by construction: n distinct States (EU members included), each signs within the
    // window and ratifies later, or accedes; some denounce after their consent.
    private static readonly Gen<Instrument[]> Scenarios =
        Gen.Select(Gen.Int[0, 70], Gen.Int.Array[200], (n, seeds) =>
        {
            var states = ParticipantCatalogue.All.Where(p => p.IsState).Select(p => p.Code).ToArray();
            var instruments = new List<Instrument>();
            for (var i = 0; i < n; i++)
            {
                var code = states[(int)((uint)seeds[i] % (uint)states.Length)];
                if (instruments.Any(x => x.Participant == code))
                {
                    continue;
                }

                var s = (uint)seeds[i + 100];
                var signOffset = (int)(s % 400);
                var consent = Opening.PlusDays(signOffset + (int)(s / 400 % 900));
                if (s % 3 == 0)
                {
                    instruments.Add(new Instrument(code, InstrumentKind.Accession, consent));
                }
                else
                {
                    instruments.Add(new Instrument(code, InstrumentKind.Signature, Opening.PlusDays(signOffset)));
                    instruments.Add(new Instrument(code, InstrumentKind.Ratification, consent));
                }

                if (s % 7 == 0)
                {
                    instruments.Add(new Instrument(code, InstrumentKind.Denunciation, consent.PlusDays((int)(s % 500))));
                }
            }

            return instruments.ToArray();
        });

    [Fact]
    [Trait("Article", "65(1)")]
    public void AddingEuInstruments_NeverChangesGeneralEntryIntoForce() =>
        Scenarios.Sample(instruments =>
        {
            var history = Built(instruments);
            var members = ParticipantCatalogue.MembersOf(ParticipantCatalogue.EuropeanUnion, Opening);
            var memberSignature = instruments.Where(i => i.Kind == InstrumentKind.Signature && members.Contains(i.Participant)).MinBy(i => i.Date);
            var memberConsent = instruments.Where(i => i.Kind.IsConsentToBeBound() && members.Contains(i.Participant)).MinBy(i => i.Date);
            if (memberSignature is null || memberConsent is null)
            {
                return;
            }

            var withEu = Built(instruments
                .Append(new Instrument(ParticipantCatalogue.EuropeanUnion, InstrumentKind.Signature, memberSignature.Date))
                .Append(new Instrument(ParticipantCatalogue.EuropeanUnion, InstrumentKind.Approval, LocalDate.Max(memberConsent.Date, memberSignature.Date))));
            Assert.Equal(history.EntryIntoForce, withEu.EntryIntoForce);
        }, iter: 100);

    [Fact]
    [Trait("Article", "65(2)")]
    public void InForceDates_NeverBeforeGeneralDate_AndLaterJoinersAfterThirtyDays() =>
        Scenarios.Sample(instruments =>
        {
            var history = Built(instruments);
            foreach (var consent in history.Instruments.Where(i => i.Kind.IsConsentToBeBound()))
            {
                var from = history.InForceFrom(consent.Participant);
                Assert.Equal(history.EntryIntoForce is null, from is null);
                if (from is { } f)
                {
                    Assert.True(f >= history.EntryIntoForce);
                    if (TreatyHistory.DepositOrder.Compare(consent, history.FortiethInstrument!) > 0)
                    {
                        Assert.True(f >= consent.Date.PlusDays(30));
                    }
                }
            }
        }, iter: 100);

    [Fact]
    [Trait("Article", "65(1)")]
    public void RowOrder_NeverChangesResult() =>
        Gen.Select(Scenarios, Gen.Int).Sample((instruments, seed) =>
        {
            var shuffled = instruments.OrderBy(_ => 0).ToArray();
            new Random(seed).Shuffle(shuffled);
            var csv = (Instrument[] xs) => "participant,kind,date\n" + string.Join('\n', xs.Select(i => $"{i.Participant},{i.Kind.ToKeyword()},{Iso(i.Date)}"));
            var original = Comity.Domain.Treaty.Simulation.Simulation.Run(csv(instruments));
            var reordered = Comity.Domain.Treaty.Simulation.Simulation.Run(csv(shuffled));
            Assert.True(original.Succeeded, string.Join("; ", original.Errors));
            Assert.Equal(original.Result!.ToJson(), reordered.Result!.ToJson());
        }, iter: 100);
}
