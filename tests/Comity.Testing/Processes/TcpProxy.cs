using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Comity.Testing.Processes;

/// <summary>
/// A TCP proxy on loopback between two nodes: everything sent to <see cref="Port"/> is forwarded to
/// the target port, byte for byte. <see cref="Cut"/> resets every open connection at once and, for a
/// while, resets every new one as soon as it is accepted — a network partition as the sender sees it
/// (connection reset, nothing more arrives), without touching either node.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly int targetPort;
    private readonly ConcurrentDictionary<long, Connection> open = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task acceptLoop;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long nextId;
    private long refuseUntilTicks;
    private long forwarded;
    private long refused;
    private long reset;

    private TcpProxy(TcpListener listener, int targetPort)
    {
        this.listener = listener;
        this.targetPort = targetPort;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The port the proxy listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The proxy's address, to publish as the target node's endpoint.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>How many times <see cref="Cut"/> was called.</summary>
    public int Cuts { get; private set; }

    /// <summary>Connections forwarded to the target, refused while cut, and reset by a cut.</summary>
    public (long Forwarded, long Refused, long Reset) Counters => (Interlocked.Read(ref forwarded), Interlocked.Read(ref refused), Interlocked.Read(ref reset));

    /// <summary>Whether new connections are being refused now.</summary>
    public bool IsCut => clock.ElapsedTicks < Interlocked.Read(ref refuseUntilTicks);

    /// <summary>Starts a proxy on <paramref name="port"/> (0: any free port) forwarding to 127.0.0.1:<paramref name="targetPort"/>.</summary>
    public static TcpProxy Start(int targetPort, int port = 0)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start(512);
        return new TcpProxy(listener, targetPort);
    }

    /// <summary>Resets every open connection now and refuses new ones for <paramref name="refuseFor"/>.</summary>
    public void Cut(TimeSpan refuseFor)
    {
        Cuts++;
        var until = clock.ElapsedTicks + (long)(refuseFor.TotalSeconds * Stopwatch.Frequency);
        Interlocked.Exchange(ref refuseUntilTicks, until);
        foreach (var connection in open.Values)
        {
            if (connection.Abort())
            {
                Interlocked.Increment(ref reset);
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            if (IsCut)
            {
                Interlocked.Increment(ref refused);
                Reset(client);
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var id = Interlocked.Increment(ref nextId);
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        var connection = new Connection(client, upstream);
        open[id] = connection;
        try
        {
            await upstream.ConnectAsync(new IPEndPoint(IPAddress.Loopback, targetPort), stop.Token);
            Interlocked.Increment(ref forwarded);
            using var done = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            var up = PumpAsync(client, upstream, done.Token);
            var down = PumpAsync(upstream, client, done.Token);
            await Task.WhenAny(up, down);

            // One side closed: pass the close on, let the other direction finish what it was sending.
            await Task.WhenAll(up, down).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The target is down (connection refused) or the proxy stops: the client sees a reset.
        }
        finally
        {
            open.TryRemove(id, out _);
            connection.Close();
        }
    }

    private static async Task PumpAsync(Socket from, Socket to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                var sent = 0;
                while (sent < read)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Reset by a cut, by either peer, or the proxy stops.
        }
    }

    /// <summary>Closes with RST (linger 0): the peer sees "connection reset", as after a network failure.</summary>
    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        foreach (var connection in open.Values)
        {
            connection.Abort();
        }

        await acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stop.Dispose();
    }

    private sealed class Connection(Socket client, Socket upstream)
    {
        private int aborted;

        /// <summary>Resets both sides; true the first time.</summary>
        public bool Abort()
        {
            if (Interlocked.Exchange(ref aborted, 1) != 0)
            {
                return false;
            }

            Reset(client);
            Reset(upstream);
            return true;
        }

        /// <summary>Closes both sides gracefully (FIN after any data still queued) unless already aborted.</summary>
        public void Close()
        {
            if (Interlocked.Exchange(ref aborted, 1) != 0)
            {
                return;
            }

            client.Dispose();
            upstream.Dispose();
        }
    }
}
