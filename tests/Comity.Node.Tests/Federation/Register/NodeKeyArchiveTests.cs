using Comity.Node.Federation.Register;
using Comity.Node.Storage;
using Comity.Protocol.V1;
using Comity.Testing.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Comity.Node.Tests.Federation.Register;

/// <summary>Every node key of a verified Register is kept, so past signatures still verify after the key leaves the Register.</summary>
public sealed class NodeKeyArchiveTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AVerifiedRegister_IsArchived_AndAKeyDroppedLaterStillResolvesForItsValidity()
    {
        await using var network = await TestNetwork.StartAsync(Now, ["XA", "XB"], cancellationToken: Ct);
        await using var scope = network["XA"].Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComityDbContext>();
        var held = (await network["XA"].HeldRegisterAsync(Ct))!;
        var xb = held.Nodes.Single(n => n.State == "XB");
        var oldKey = xb.Keys.Single(k => k.Use == "sig");

        // The State node's sync archived every key of the Register it accepted, the Secretariat's publication too.
        var archived = await db.ArchivedNodeKeys().AsNoTracking().Where(k => k.State == "XB").ToListAsync(Ct);
        Assert.Equal(xb.Keys.Select(k => k.Kid).Order(StringComparer.Ordinal), archived.Select(k => k.Kid).Order(StringComparer.Ordinal));
        Assert.All(archived, k => Assert.Equal(held.Serial, k.LastSerial));
        await using (var secretariatScope = network.Secretariat.Services.CreateAsyncScope())
        {
            var secretariatDb = secretariatScope.ServiceProvider.GetRequiredService<ComityDbContext>();
            Assert.True(await secretariatDb.ArchivedNodeKeys().AnyAsync(k => k.State == "XB" && k.Kid == oldKey.Kid, Ct));
        }

        // A later Register lists only XB's new key: the old one stays resolvable for what it signed while valid.
        var newKey = oldKey with { Kid = "new-" + oldKey.Kid, NotBefore = Now.AddDays(30), NotAfter = Now.AddYears(2) };
        var later = held with { Serial = held.Serial + 1, Nodes = [.. held.Nodes.Select(n => n.State == "XB" ? n with { Keys = [newKey] } : n)] };
        await NodeKeyArchive.RecordAsync(db, later, Ct);
        await db.SaveChangesAsync(Ct);

        var signedThen = await NodeKeyArchive.FindSigningKeyAsync(db, "XB", oldKey.Kid, Now.AddDays(1), Ct);
        Assert.True(signedThen.Found, signedThen.Message);
        Assert.Equal(oldKey.Jwk.X, signedThen.Key!.Jwk.X);
        Assert.Equal(held.Serial, (await db.ArchivedNodeKeys().AsNoTracking().SingleAsync(k => k.Kid == oldKey.Kid, Ct)).LastSerial);

        var afterExpiry = await NodeKeyArchive.FindSigningKeyAsync(db, "XB", oldKey.Kid, oldKey.NotAfter.AddSeconds(1), Ct);
        Assert.Equal(NodeKeyProblem.Expired, afterExpiry.Problem);
        var beforeValid = await NodeKeyArchive.FindSigningKeyAsync(db, "XB", newKey.Kid, Now, Ct);
        Assert.Equal(NodeKeyProblem.NotYetValid, beforeValid.Problem);
        var unknown = await NodeKeyArchive.FindSigningKeyAsync(db, "XB", "no-such-kid", Now, Ct);
        Assert.Equal(NodeKeyProblem.UnknownKey, unknown.Problem);
        var encryption = xb.Keys.Single(k => k.Use == "enc");
        Assert.Equal(NodeKeyProblem.UnknownKey, (await NodeKeyArchive.FindSigningKeyAsync(db, "XB", encryption.Kid, Now, Ct)).Problem);

        // An older Register seen again (e.g. replayed) never overrides the latest word on a key.
        var shortened = later with { Serial = held.Serial + 2, Nodes = [.. later.Nodes.Select(n => n.State == "XB" ? n with { Keys = [newKey with { NotAfter = Now.AddDays(90) }] } : n)] };
        await NodeKeyArchive.RecordAsync(db, shortened, Ct);
        await NodeKeyArchive.RecordAsync(db, later, Ct);
        await db.SaveChangesAsync(Ct);
        Assert.Equal(Now.AddDays(90), (await db.ArchivedNodeKeys().AsNoTracking().SingleAsync(k => k.Kid == newKey.Kid, Ct)).NotAfter);
    }
}
