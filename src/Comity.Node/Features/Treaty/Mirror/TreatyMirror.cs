using Comity.Domain.Legal;
using Comity.Domain.Treaty;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Treaty.Mirror;

/// <summary>
/// On a State node: keeps the treaty registry equal to what the Secretariat published in the Register it
/// holds. The depositary records instruments only on the Secretariat node (Art. 68); each Register carries every
/// participant's signature, consent and denunciation dates, and this turns them back into instruments, so the
/// treaty pages, the API and "in force between A and B" on a State node say what the depositary says, as of the
/// Register's serial. An instrument already held with the same participant, kind and date is kept as it is (with its
/// notification reference and source); the others are added with the Register as their source, and any the
/// Register no longer implies are removed. Runs in the caller's unit of work, with the Register's acceptance.
/// </summary>
/// <remarks>
/// The Register states a denunciation by the date it takes effect; the receipt is read back as one year earlier
/// (Art. 67(1)), which can fall a day early when the receipt was on 29 February. Depositary notification
/// references and declarations are not in the Register: a State node shows those it was seeded with.
/// </remarks>
internal static class TreatyMirror
{
    /// <summary>Source of the instruments a State node takes from the Register.</summary>
    public static string SourceOf(long serial) => $"Register serial {serial}";

    /// <summary>The instruments the Register implies.</summary>
    public static IReadOnlyList<Instrument> Implied(RegisterV1 register)
    {
        ArgumentNullException.ThrowIfNull(register);
        var implied = new List<Instrument>();
        foreach (var p in register.Participants)
        {
            if (!ParticipantCode.TryCreate(p.Code, out var code))
            {
                continue;
            }

            if (p.SignedOn is { } signed)
            {
                implied.Add(new Instrument(code, InstrumentKind.Signature, NodaTime.LocalDate.FromDateOnly(signed)));
            }

            if (p.ConsentDeposited is { } deposited && InstrumentKinds.TryParseKeyword(p.ConsentKind, out var consent) && consent.IsConsentToBeBound())
            {
                implied.Add(new Instrument(code, consent, NodaTime.LocalDate.FromDateOnly(deposited)));
            }

            if (p.DenunciationEffective is { } effective)
            {
                var received = NodaTime.LocalDate.FromDateOnly(effective).PlusYears(-ConventionNumbers.DenunciationTakesEffectAfterYears.Value);
                implied.Add(new Instrument(code, InstrumentKind.Denunciation, received));
            }
        }

        return implied;
    }

    /// <summary>Brings the stored instruments to what <paramref name="register"/> implies; returns how many were added and removed.</summary>
    public static async Task<(int Added, int Removed)> ReconcileAsync(ComityDbContext db, RegisterV1 register, DateTimeOffset now, Func<Guid> newId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(newId);
        var wanted = Implied(register).Select(i => (i.Participant.Value, i.Kind, i.Date.ToDateOnly())).ToHashSet();
        var held = await db.Instruments().ToListAsync(cancellationToken);
        var removed = held.Where(h => !wanted.Contains((h.Participant, h.Kind, h.Date))).ToList();
        db.Instruments().RemoveRange(removed);
        var kept = held.Except(removed).Select(h => (h.Participant, h.Kind, h.Date)).ToHashSet();
        var added = 0;
        foreach (var (participant, kind, date) in wanted.Where(w => !kept.Contains(w)))
        {
            db.Instruments().Add(new InstrumentRecord
            {
                Id = newId(),
                Participant = participant,
                Kind = kind,
                Date = date,
                Source = SourceOf(register.Serial),
                RecordedAt = now,
            });
            added++;
        }

        return (added, removed.Count);
    }
}
