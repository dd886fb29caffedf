using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace UU.Web.Tests.Infrastructure;

/// <summary>
/// A TCP forwarder on 127.0.0.1 in front of a real server (the test PostgreSQL), that a test can cut (every open
/// connection is reset and new ones are closed at once, as when the database restarts) and restore.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<TcpClient, TcpClient> _open = new();
    private readonly Task _loop;
    private volatile bool _cut;

    public TcpProxy(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        _listener.Start();
        _loop = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The database goes away: open connections break, new ones are refused.</summary>
    public void Cut()
    {
        _cut = true;
        foreach (var (client, server) in _open)
        {
            Reset(client);
            Reset(server);
        }
    }

    public void Restore() => _cut = false;

    private static void Reset(TcpClient client)
    {
        try
        {
            if (client.Client is { } socket) // null once the other direction's copy loop has closed it
            {
                socket.LingerState = new LingerOption(true, 0); // RST, not a polite FIN
            }
            client.Close();
        }
        catch (ObjectDisposedException)
        {
            // Already closed by the other direction's copy loop.
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            if (_cut)
            {
                Reset(client);
                continue;
            }
            _ = Task.Run(() => ForwardAsync(client));
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_targetHost, _targetPort, _stop.Token);
            _open[client] = server;
            if (_cut)
            {
                return; // cut while this connection was being made: it must not outlive the cut (closed below)
            }
            var clientStream = client.GetStream();
            var serverStream = server.GetStream();
            await Task.WhenAny(CopyAsync(clientStream, serverStream), CopyAsync(serverStream, clientStream));
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ends; both sides are closed below.
        }
        finally
        {
            _open.TryRemove(client, out _);
            client.Dispose();
            server.Dispose();
        }
    }

    private async Task CopyAsync(NetworkStream from, NetworkStream to)
    {
        try
        {
            await from.CopyToAsync(to, _stop.Token);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // A cut or a closed peer: the forwarding of this connection is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _loop;
        _stop.Dispose();
    }
}
