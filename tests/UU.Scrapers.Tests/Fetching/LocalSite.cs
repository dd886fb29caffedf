using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace UU.Scrapers.Tests.Fetching;

/// <summary>A real HTTP server on 127.0.0.1 that answers each request with the test's handler and logs what came in.</summary>
public sealed class LocalSite : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handler;
    private readonly CancellationTokenSource _stop = new();

    public LocalSite(Func<HttpListenerContext, Task> handler)
    {
        _handler = handler;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri Url(string path) => new($"http://127.0.0.1:{Port}{path}");

    public ConcurrentQueue<(string Path, DateTimeOffset At, string? UserAgent, string? IfNoneMatch)> Requests { get; } = new();

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            Requests.Enqueue((context.Request.Url!.PathAndQuery, DateTimeOffset.UtcNow, context.Request.UserAgent, context.Request.Headers["If-None-Match"]));
            _ = Task.Run(async () =>
            {
                try
                {
                    await _handler(context);
                }
                catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException)
                {
                    // The client gave up (a timeout test); nothing to answer.
                }
                finally
                {
                    try { context.Response.Close(); } catch (ObjectDisposedException) { } catch (HttpListenerException) { }
                }
            });
        }
    }

    public static async Task WriteAsync(HttpListenerContext context, int status, string body, string contentType = "text/html; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _listener.Close();
        _stop.Dispose();
    }
}
