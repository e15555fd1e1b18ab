using System.Collections.Concurrent;
using System.Net;
using LanceOrm.Embeddings.TestSupport;

namespace LanceOrm.Embeddings.Tests;

/// <summary>
/// A minimal Hugging Face style file server on 127.0.0.1: GET /{repo}/resolve/{revision}/{path} answers the bytes
/// registered for that path, anything else 404. Counts requests per path.
/// </summary>
internal sealed class LoopbackHub : LoopbackHttpServer
{
    private readonly IReadOnlyDictionary<string, byte[]> _files;

    public LoopbackHub(IReadOnlyDictionary<string, byte[]> filesByUrlPath)
    {
        _files = filesByUrlPath;
        Start();
    }

    public ConcurrentDictionary<string, int> Requests { get; } = new();

    protected override async Task AnswerAsync(HttpListenerContext context)
    {
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        Requests.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (_files.TryGetValue(path, out var bytes))
        {
            context.Response.StatusCode = 200;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
        }
        else
        {
            context.Response.StatusCode = 404;
        }

        context.Response.Close();
    }
}
