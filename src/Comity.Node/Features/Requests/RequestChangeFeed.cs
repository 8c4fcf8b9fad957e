using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Comity.Node.Features.Requests;

/// <summary>The node's request change feed: every subscriber gets its own bounded channel (oldest dropped when full).</summary>
internal sealed class RequestChangeFeed : IRequestChangeFeed
{
    private const int Capacity = 256;

    private readonly Lock gate = new();
    private readonly List<Channel<RequestChange>> subscribers = [];

    public event Action<RequestChange>? Changed;

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

        Changed?.Invoke(change);
    }
}
