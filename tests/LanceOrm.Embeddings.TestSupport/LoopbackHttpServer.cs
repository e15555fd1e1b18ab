using System.Net;
using System.Net.Sockets;

namespace LanceOrm.Embeddings.TestSupport;

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port (HttpListener) for tests that stand in for a remote service: it accepts
/// requests one after another and hands each to <see cref="AnswerAsync"/>; a client that goes away mid-answer is ignored.
/// </summary>
public abstract class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private Task? _loop;

    protected LoopbackHttpServer()
    {
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(BaseUrl.AbsoluteUri);
    }

    /// <summary>The server's root address.</summary>
    public Uri BaseUrl { get; }

    /// <summary>A TCP port on 127.0.0.1 that nothing listens on (at the time of the call).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop?.Wait(TimeSpan.FromSeconds(5));
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts listening; a derived constructor calls it once its own state is set.</summary>
    protected void Start()
    {
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Answers one request (and closes its response).</summary>
    protected abstract Task AnswerAsync(HttpListenerContext context);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await AnswerAsync(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                // The client went away.
            }
        }
    }
}
