using System.Net;

namespace LanceOrm.Remote.Http;

/// <summary>
/// Copies a request (method, URI, version, headers, options; the body shared through a non-owning wrapper) so it can be
/// sent again: HttpClient refuses to send one message twice.
/// </summary>
internal static class RequestCloner
{
    public static HttpRequestMessage Clone(HttpRequestMessage request)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Content = request.Content is null ? null : new ReplayContent(request.Content),
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            clone.Options.Set(new HttpRequestOptionsKey<object?>(option.Key), option.Value);
        }

        return clone;
    }

    /// <summary>Sends the buffered body of the original request again, with its headers.</summary>
    private sealed class ReplayContent : HttpContent
    {
        private readonly HttpContent _original;

        public ReplayContent(HttpContent original)
        {
            _original = original;
            foreach (var header in original.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => _original.CopyToAsync(stream, context);

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
            _original.CopyToAsync(stream, context, cancellationToken);

        protected override bool TryComputeLength(out long length)
        {
            length = _original.Headers.ContentLength ?? -1;
            return length >= 0;
        }

        // The original content belongs to the caller's request: never dispose it here.
        protected override void Dispose(bool disposing)
        {
        }
    }
}
