using Comity.Node.Features.Directory.Manage;
using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Comity.Node.Features.Directory.Demo;

/// <summary>
/// On a demo State node's first start (<c>comity demo</c> sets Comity:Demo): fictional directory entries entered through the same handler
/// an administrator uses — a central authority with office hours, a 24/7 point with four weeks of
/// roster (XC's with one deliberate gap, so the dashboard flag shows), an authority under Art. 37 or
/// 53, two service providers, and offences of its law mapped to the Convention's for dual criminality (Art. 35).
/// Never touches entries that exist already (offences are added to a demo folder made before they existed).
/// </summary>
internal sealed class DemoDirectorySeeder(ComityDbContext db, ManageDirectoryHandler directory, IOptions<NodeOptions> node, TimeProvider time) : IStartupSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!node.Value.Demo || node.Value.Role != NodeRole.State || node.Value.StateCode is not { } state || DemoDirectory.For(state) is not { } data)
        {
            return;
        }

        if (!await db.Set<DirectoryOffence>().AnyAsync(cancellationToken))
        {
            Accepted(await directory.SetOffencesAsync(new OffenceListInput(data.Offences), cancellationToken), "offences");
        }

        if (await db.Set<DirectoryDesignation>().AnyAsync(cancellationToken))
        {
            return;
        }

        foreach (var designation in data.Designations)
        {
            var created = Accepted(await directory.SaveDesignationAsync(null, designation, cancellationToken), "directory entry");
            if (designation.Always == true)
            {
                Accepted(await directory.SetRosterAsync(Guid.Parse(created.Id), new RosterInput(DemoDirectory.Roster(state, time.GetUtcNow())), cancellationToken), "roster");
            }
        }

        foreach (var provider in data.Providers)
        {
            Accepted(await directory.SaveProviderAsync(null, provider, cancellationToken), "provider");
        }
    }

    /// <summary>The demo's data is part of the build: a refusal is a bug.</summary>
    private static T Accepted<T>(Result<T> result, string what) =>
        result.Succeeded ? result.Value : throw new InvalidOperationException($"Demo {what} refused: {result.Error}");
}

/// <summary>The fictional directory of the demo States XA (Europe/Paris), XB (Asia/Singapore) and XC (America/Bogota).</summary>
internal static class DemoDirectory
{
    public sealed record Data(IReadOnlyList<DesignationInput> Designations, IReadOnlyList<ServiceProviderInput> Providers, IReadOnlyList<OffenceInput> Offences);

    private static readonly int[] Weekdays = [1, 2, 3, 4, 5];

    public static Data? For(string state) => state switch
    {
        "XA" => new Data(
            [
                new(null, "XA Ministry of Justice — Bureau of International Mutual Legal Assistance", "centralAuthority",
                    [new("email", "entraide@justice.xa.example"), new("phone", "+33 1 44 77 60 60"), new("platform", "https://comity.justice.xa.example/")],
                    ["fr", "en"], "Europe/Paris",
                    [new(Weekdays, new TimeOnly(9, 0), new TimeOnly(12, 30)), new(Weekdays, new TimeOnly(14, 0), new TimeOnly(18, 0))], false),
                new(null, "XA National Cybercrime Directorate — 24/7 desk", "pointOfContact247",
                    [new("phone", "+33 1 40 97 00 00"), new("email", "cyber247@police.xa.example")], ["en", "fr"], "Europe/Paris", [], true),
                new(null, "XA Ministry of Justice — Extradition Section", "extraditionAuthority",
                    [new("email", "extradition@justice.xa.example")], ["fr"], "Europe/Paris", [new(Weekdays, new TimeOnly(9, 30), new TimeOnly(17, 30))], false),
            ],
            [
                new(null, "Nimbus Mail SA", ["webmail", "calendar"], "XA", ["XA", "XB"], new("portal", "https://le.nimbus.example/"), new("email", "emergency@nimbus.example"), ["preservation", "emergencyDisclosure", "subscriberInformation"]),
                new(null, "Helios Cloud SAS", ["cloud storage", "virtual servers"], "XA", ["XA"], new("email", "lawenforcement@helios.example"), new("phone", "+33 1 70 00 00 99"), ["preservation"]),
            ],
            [
                new("XA-PC-323-1", "Unauthorised access to an automated data processing system", 36, ["illegalAccess"]),
                new("XA-PC-323-3", "Fraudulent introduction, alteration or deletion of data", 60, ["interferenceWithElectronicData", "interferenceWithIctSystem"]),
                new("XA-PC-312-1", "Extortion", 84, []),
                new("XA-GAM-56", "Operating an unlicensed online betting site", 36, []),
            ]),
        "XB" => new Data(
            [
                new(null, "XB Attorney-General's Chambers — International Affairs Division", "centralAuthority",
                    [new("email", "mla@agc.xb.example"), new("phone", "+65 6908 9000")], ["en", "zh-Hans", "ms"], "Asia/Singapore",
                    [new(Weekdays, new TimeOnly(8, 30), new TimeOnly(17, 30))], false),
                new(null, "XB Cyber Crime Command — 24/7 point of contact", "pointOfContact247",
                    [new("phone", "+65 6123 4567"), new("email", "c3-247@police.xb.example")], ["en", "zh-Hans", "ms", "ta"], "Asia/Singapore", [], true),
                new(null, "XB Cyber Security Agency — Prevention Office", "preventionAuthority",
                    [new("email", "prevention@csa.xb.example")], ["en"], "Asia/Singapore", [new(Weekdays, new TimeOnly(9, 0), new TimeOnly(18, 0))], false),
            ],
            [
                new(null, "Lion City Messaging Pte Ltd", ["instant messaging", "voice calls"], "XB", ["XB", "XC"], new("portal", "https://lawful.lioncity.example/"), new("email", "urgent@lioncity.example"), ["preservation", "emergencyDisclosure"]),
                new(null, "Straits Data Centres Pte Ltd", ["colocation", "cloud storage"], "XB", ["XB"], new("email", "legal@straitsdc.example"), null, ["preservation", "subscriberInformation"]),
            ],
            [
                new("XB-CMA-3", "Unauthorised access to computer material", 24, ["illegalAccess"]),
                new("XB-CMA-5", "Unauthorised modification of computer material", 120, ["interferenceWithElectronicData", "interferenceWithIctSystem"]),
                new("XB-PC-420", "Cheating and dishonestly inducing a delivery of property", 120, ["ictSystemRelatedTheftOrFraud"]),
            ]),
        "XC" => new Data(
            [
                new(null, "XC Fiscalía General — Dirección de Asuntos Internacionales", "centralAuthority",
                    [new("email", "cooperacion@fiscalia.xc.example"), new("phone", "+57 601 570 2000")], ["es", "en"], "America/Bogota",
                    [new(Weekdays, new TimeOnly(8, 0), new TimeOnly(17, 0))], false),
                new(null, "XC Policía Nacional — Centro Cibernético 24/7", "pointOfContact247",
                    [new("phone", "+57 601 515 9111"), new("email", "cc247@policia.xc.example")], ["es", "en"], "America/Bogota", [], true),
            ],
            [
                new(null, "Cóndor Telecom S.A.S.", ["mobile telephony", "internet access"], "XC", ["XC"], new("email", "requerimientos@condor.example"), new("phone", "+57 601 444 0000"), ["preservation", "trafficData"]),
                new(null, "Andes Hosting S.A.S.", ["web hosting"], "XC", ["XC", "XA"], new("portal", "https://judicial.andeshosting.example/"), null, ["preservation"]),
            ],
            [
                new("XC-CP-269A", "Acceso abusivo a un sistema informático", 96, ["illegalAccess"]),
                new("XC-CP-269D", "Daño informático", 96, ["interferenceWithElectronicData", "interferenceWithIctSystem"]),
                new("XC-CP-269J", "Transferencia no consentida de activos", 120, ["ictSystemRelatedTheftOrFraud"]),
            ]),
        _ => null,
    };

    /// <summary>Twelve-hour shifts for four weeks from the last full hour; XC leaves a six-hour hole on day five (the dashboard flag).</summary>
    public static IReadOnlyList<RosterShiftV1> Roster(string state, DateTimeOffset now)
    {
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        var officers = state switch
        {
            "XA" => new[] { "Insp. Camille Martin", "Insp. Karim Benali", "Insp. Léa Dubois" },
            "XB" => ["Sgt. Tan Wei Ling", "Sgt. Arjun Pillai", "Sgt. Nur Aisyah"],
            _ => ["Subintendente Laura Gómez", "Patrullero Andrés Rojas", "Intendente Diana Castro"],
        };
        var shifts = new List<RosterShiftV1>();
        for (var i = 0; i < 56; i++)
        {
            var from = start.AddHours(12 * i);
            var to = from.AddHours(12);
            if (state == "XC" && i == 9)
            {
                from = from.AddHours(6);
            }

            shifts.Add(new RosterShiftV1(from, to, officers[i % officers.Length], []));
        }

        return shifts;
    }
}
