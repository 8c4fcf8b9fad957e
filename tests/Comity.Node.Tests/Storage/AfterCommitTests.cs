using Comity.Node.Kernel;
using Comity.Node.Storage;
using Comity.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Tests.Storage;

/// <summary>Work registered for after a commit runs once on commit, never on rollback, and at once outside a transaction.</summary>
public sealed class AfterCommitTests
{
    [Theory]
    [MemberData(nameof(DatabaseProviders.All), MemberType = typeof(DatabaseProviders))]
    public async Task Actions_RunOnceAfterCommit_NeverAfterRollback_AndAtOnceWithoutATransaction(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider, ct);
        var options = new DbContextOptionsBuilder<ComityDbContext>();
        StorageRegistration.Configure(options, provider, database.ConnectionString);
        await using var db = new ComityDbContext(options.Options);
        var runs = new List<string>();

        AfterCommit.Run(db, () => runs.Add("no transaction"));
        Assert.Equal(["no transaction"], runs);

        await using (var rolledBack = await db.Database.BeginTransactionAsync(ct))
        {
            AfterCommit.Run(db, () => runs.Add("rolled back"));
            await rolledBack.RollbackAsync(ct);
        }

        var wakes = new Wakes();
        await using (var committed = await db.Database.BeginTransactionAsync(ct))
        {
            AfterCommit.Run(db, () => runs.Add("committed"));
            AfterCommit.Run(db, wakes.Wake);
            AfterCommit.Run(db, wakes.Wake);
            Assert.Equal(["no transaction"], runs);
            Assert.Equal(0, wakes.Count);
            await committed.CommitAsync(ct);
        }

        Assert.Equal(["no transaction", "committed"], runs);
        Assert.Equal(1, wakes.Count);

        // The next transaction starts with nothing pending: the committed action does not run twice.
        await using (var next = await db.Database.BeginTransactionAsync(ct))
        {
            await next.CommitAsync(ct);
        }

        Assert.Equal(["no transaction", "committed"], runs);
    }

    private sealed class Wakes
    {
        public int Count { get; private set; }

        public void Wake() => Count++;
    }
}
