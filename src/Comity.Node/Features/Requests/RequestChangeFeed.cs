using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Comity.Node.Storage;
using Microsoft.EntityFrameworkCore;

namespace Comity.Node.Features.Requests;

/// <summary>
/// The live feed of request changes on this node (singleton): a new request, an event recorded here or received from
/// the other side, an alert raised. Published after the change is committed. Every subscriber gets its own bounded
/// channel: a slow subscriber loses the oldest changes, never blocks a writer; re-read the list when in doubt.
/// </summary>
internal sealed class RequestChangeFeed
{
    private const int Capacity = 256;

    private readonly Lock gate = new();
    private readonly List<Channel<RequestChange>> subscribers = [];

    /// <summary>Changes from now on, until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async IAsyncEnumerable<RequestChange> SubscribeAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<RequestChange>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (gate)
        {
            subscribers.Add(channel);
        }

        try
        {
            await foreach (var change in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return change;
            }
        }
        finally
        {
            lock (gate)
            {
                subscribers.Remove(channel);
            }
        }
    }

    /// <summary>Whether any page is subscribed now: publishers skip work done only for the feed when nobody watches.</summary>
    public bool HasSubscribers
    {
        get
        {
            lock (gate)
            {
                return subscribers.Count > 0;
            }
        }
    }

    public void Publish(RequestChange change)
    {
        Channel<RequestChange>[] targets;
        lock (gate)
        {
            targets = [.. subscribers];
        }

        foreach (var target in targets)
        {
            target.Writer.TryWrite(change);
        }
    }

    /// <summary>Publishes <paramref name="change"/> once <paramref name="db"/> saves (the inbox's transaction), and never if the save fails.</summary>
    public void PublishOnSave(ComityDbContext db, RequestChange change)
    {
        ArgumentNullException.ThrowIfNull(db);

        void OnSaved(object? sender, SavedChangesEventArgs e)
        {
            db.SavedChanges -= OnSaved;
            db.SaveChangesFailed -= OnFailed;
            Publish(change);
        }

        void OnFailed(object? sender, SaveChangesFailedEventArgs e)
        {
            db.SavedChanges -= OnSaved;
            db.SaveChangesFailed -= OnFailed;
        }

        db.SavedChanges += OnSaved;
        db.SaveChangesFailed += OnFailed;
    }
}
