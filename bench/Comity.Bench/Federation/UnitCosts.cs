using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Comity.Protocol.Jose;
using Comity.Protocol.V1;
using Microsoft.Data.Sqlite;
using NSec.Cryptography;

namespace Comity.Bench.Federation;

/// <summary>What one envelope costs, part by part, measured in this process on this machine.</summary>
public sealed record UnitCostReport(
    double SignEnvelopeUs,
    double VerifyEnvelopeUs,
    double SignReceiptUs,
    double VerifyReceiptUs,
    double RawSignUs,
    double RawVerifyUs,
    double CommitFullMs,
    double CommitNormalMs,
    string Synchronous);

/// <summary>
/// The parts of one delivery that do not need a network: signing and verifying a 1 KiB ping envelope and
/// its receipt with the protocol library the node uses, and one durable SQLite commit (WAL, 1 KiB row)
/// with the library's default <c>synchronous</c> and with <c>NORMAL</c> (no fsync at commit), on the disk
/// the nodes use.
/// </summary>
public static class UnitCosts
{
    public static UnitCostReport Measure(string folder, string message)
    {
        using var senderKey = Key.Create(SignatureAlgorithm.Ed25519);
        using var receiverKey = Key.Create(SignatureAlgorithm.Ed25519);
        var senderJwk = Public(senderKey);
        var receiverJwk = Public(receiverKey);
        var now = DateTimeOffset.UtcNow;
        var register = new RegisterV1(
            Version: 1,
            Serial: 1,
            IssuedAt: now.AddHours(-1),
            NextUpdate: now.AddDays(1),
            Treaty: new RegisterTreatyV1(null, null, null),
            Participants: [],
            Nodes:
            [
                new RegisterNodeV1("XA", "XA", new Uri("http://127.0.0.1:1/"), [new RegisterKeyV1(senderJwk.Kid!, "sig", senderJwk, now.AddDays(-1), now.AddDays(30))]),
                new RegisterNodeV1("XB", "XB", new Uri("http://127.0.0.1:2/"), [new RegisterKeyV1(receiverJwk.Kid!, "sig", receiverJwk, now.AddDays(-1), now.AddDays(30))]),
            ],
            Designations: [],
            ServiceProviders: []);
        var body = JsonSerializer.SerializeToElement(new Dictionary<string, string?> { ["message"] = message });
        var envelope = new EnvelopeV1(1, "0197cb1e-9c00-7a5e-8f00-00000000e001", "XA", "XB", "0197cb1e-9b00-7c0f-9e00-00000000c001", 1, "ping/v1", now, body);
        var jws = EnvelopeSigner.Sign(envelope, senderKey, senderJwk.Kid!);
        var bytes = Encoding.UTF8.GetBytes(jws);
        var receipt = ReceiptSigner.Sign(ReceiptSigner.For(envelope.Id, bytes, now, "XB", null), receiverKey, receiverJwk.Kid!);
        if (!EnvelopeVerifier.Verify(jws, register, "XB", now, EnvelopeVerifier.DefaultClockSkew, EnvelopeVerifier.DefaultMaxBytes).IsAccepted
            || !ReceiptVerifier.Verify(receipt, bytes, register, "XB").IsAccepted)
        {
            throw new InvalidOperationException("The unit-cost envelope or receipt does not verify.");
        }

        var sign = Micro(() => EnvelopeSigner.Sign(envelope with { Seq = 2 }, senderKey, senderJwk.Kid!));
        var verify = Micro(() => EnvelopeVerifier.Verify(jws, register, "XB", now, EnvelopeVerifier.DefaultClockSkew, EnvelopeVerifier.DefaultMaxBytes));
        var signReceipt = Micro(() => ReceiptSigner.Sign(ReceiptSigner.For(envelope.Id, bytes, now, "XB", null), receiverKey, receiverJwk.Kid!));
        var verifyReceipt = Micro(() => ReceiptVerifier.Verify(receipt, bytes, register, "XB"));

        // The Ed25519 operations alone (NSec over libsodium, the envelope's bytes as the message): what any
        // implementation that signs and verifies each envelope and each receipt must spend, four times.
        var signature = SignatureAlgorithm.Ed25519.Sign(senderKey, bytes);
        var rawSign = Micro(() => SignatureAlgorithm.Ed25519.Sign(senderKey, bytes));
        var rawVerify = Micro(() => SignatureAlgorithm.Ed25519.Verify(senderKey.PublicKey, bytes, signature));

        var (full, synchronous) = Commit(Path.Combine(folder, "unit-cost-full.db"), null, bytes);
        var (normal, _) = Commit(Path.Combine(folder, "unit-cost-normal.db"), "NORMAL", bytes);
        return new UnitCostReport(sign, verify, signReceipt, verifyReceipt, rawSign, rawVerify, full, normal, synchronous);
    }

    private static Jwk Public(Key key)
    {
        var jwk = JwkKeys.ToPublicJwk(key.PublicKey, use: "sig");
        return jwk with { Kid = JwkKeys.Thumbprint(jwk) };
    }

    /// <summary>Mean microseconds per call over 2,000 calls after 200 warm-up calls.</summary>
    private static double Micro(Func<object> action)
    {
        for (var i = 0; i < 200; i++)
        {
            action();
        }

        const int n = 2000;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            action();
        }

        return clock.Elapsed.TotalMicroseconds / n;
    }

    /// <summary>
    /// Mean milliseconds per autocommit insert of the envelope bytes, and the synchronous level in force.
    /// The warm-up runs past SQLite's first automatic checkpoint (1,000 WAL pages), so the measured commits
    /// overwrite a WAL file that no longer grows, as on a node that has run for a while.
    /// </summary>
    private static (double Ms, string Synchronous) Commit(string file, string? synchronous, byte[] row)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body BLOB NOT NULL);"
            + (synchronous is null ? "" : $"PRAGMA synchronous={synchronous};");
        command.ExecuteNonQuery();
        command.CommandText = "PRAGMA synchronous;";
        var level = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) switch { "0" => "OFF", "1" => "NORMAL", "2" => "FULL", "3" => "EXTRA", var other => other ?? "?" };
        command.CommandText = "INSERT INTO t (body) VALUES ($body);";
        command.Parameters.AddWithValue("$body", row);
        for (var i = 0; i < 1500; i++)
        {
            command.ExecuteNonQuery();
        }

        const int n = 1000;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            command.ExecuteNonQuery();
        }

        return (clock.Elapsed.TotalMilliseconds / n, level);
    }
}
