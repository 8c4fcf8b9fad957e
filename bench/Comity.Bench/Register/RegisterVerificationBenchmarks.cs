using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using NSec.Cryptography;

namespace Comity.Bench.Register;

/// <summary>
/// What every node pays to accept a Register: verifying the Secretariat's Ed25519 signature and
/// reading the payload, on a synthetic Register at world scale (200 States × 20 offices = 4,000
/// designations, 200 nodes with two keys each, 196 participants). Baseline: only parsing the same
/// JWS document as JSON, the least any reader must do.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RegisterVerificationBenchmarks
{
    private string jws = "";
    private Jwk trusted = null!;
    private readonly DateTimeOffset now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [GlobalSetup]
    public void Setup()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        trusted = JwkKeys.ToPublicJwk(key.PublicKey);
        trusted = trusted with { Kid = JwkKeys.Thumbprint(trusted) };
        var register = Synthetic(now);
        jws = RegisterSigner.Sign(register, key, trusted.Kid!);
    }

    [Benchmark(Baseline = true, Description = "parse the JWS document as JSON (baseline)")]
    public int ParseOnly()
    {
        using var document = JsonDocument.Parse(jws);
        return document.RootElement.GetProperty("payload").GetString()!.Length;
    }

    [Benchmark(Description = "verify signature, key, serial and freshness, and read the payload")]
    public bool Verify() =>
        RegisterVerifier.Verify(jws, trusted, lastAcceptedSerial: 41, now, TimeSpan.FromHours(1)).Register is not null;

    /// <summary>The size of the signed document, reported with the figures.</summary>
    public int DocumentBytes => jws.Length;

    internal static RegisterV1 Synthetic(DateTimeOffset issuedAt)
    {
        var states = Enumerable.Range(0, 200).Select(i => $"{(char)('A' + (i / 26))}{(char)('A' + (i % 26))}").ToList();
        var nodes = states.Select(s => new RegisterNodeV1(s, "Node " + s, new Uri($"https://comity.{s.ToLowerInvariant()}.example/"),
        [
            new RegisterKeyV1("sig-" + s, "sig", new Jwk(Jwk.OctetKeyPair, Jwk.Ed25519, Base64Url.Encode(new byte[32])), issuedAt.AddDays(-30), issuedAt.AddDays(335)),
            new RegisterKeyV1("enc-" + s, "enc", new Jwk(Jwk.OctetKeyPair, Jwk.X25519, Base64Url.Encode(new byte[32])), issuedAt.AddDays(-30), issuedAt.AddDays(335)),
        ])).ToList();
        var designations = states.SelectMany(s => Enumerable.Range(0, 20).Select(o => new DesignationV1(
            $"{s}-{o}", s, $"Office {o} of {s}", o == 0 ? "pointOfContact247" : o == 1 ? "centralAuthority" : "preventionAuthority",
            o == 0 ? "Art. 41(1)" : o == 1 ? "Art. 40(13)" : "Art. 53",
            [new ContactChannelV1("phone", "+1555" + o.ToString("D6", CultureInfo.InvariantCulture)), new ContactChannelV1("email", $"office{o}@{s.ToLowerInvariant()}.example")],
            ["en", "fr"], "Europe/Paris", [new OfficeHoursV1([1, 2, 3, 4, 5], new TimeOnly(9, 0), new TimeOnly(17, 0))], o == 0,
            o == 0 ? [new RosterShiftV1(issuedAt, issuedAt.AddHours(12), "Officer", [])] : []))).ToList();
        var participants = Enumerable.Range(0, 196).Select(i => new RegisterParticipantV1(
            $"{(char)('A' + (i / 26))}{(char)('A' + (i % 26))}", "Participant " + i, "memberState", new DateOnly(2025, 10, 25), null, null, null, null)).ToList();
        return new RegisterV1(RegisterV1.CurrentVersion, 42, issuedAt, issuedAt.AddDays(1), new RegisterTreatyV1(null, null, null), participants, nodes, designations, []);
    }
}
