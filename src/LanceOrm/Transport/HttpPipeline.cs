using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;

namespace LanceOrm.Transport;

/// <summary>
/// The one HTTP pipeline of a connection, with or without DI: fixed headers and request id → the retry engine
/// (<see cref="RetryStrategy"/> in a <see cref="ResilienceHandler"/>) → one attempt (<see cref="AttemptHandler"/>: read
/// timeout, body buffering — query answers stream instead) → the inner handler (a <see cref="SocketsHttpHandler"/>, or the chain an
/// <c>IHttpClientFactory</c> built for the named client, which then sees every attempt).
/// </summary>
internal static class HttpPipeline
{
    public static HttpMessageHandler Create(
        IReadOnlyList<KeyValuePair<string, string>> headers,
        string requestIdHeader,
        LanceRetryOptions retry,
        TimeSpan readTimeout,
        HttpMessageHandler inner,
        ILogger logger,
        TimeProvider time) =>
        new HeadersHandler(headers, requestIdHeader)
        {
            InnerHandler = new ResilienceHandler(RetryStrategy.CreatePipeline(retry, logger, time))
            {
                InnerHandler = new AttemptHandler(readTimeout, time) { InnerHandler = inner },
            },
        };

    /// <summary>The handler LanceOrm opens sockets with when none is given (connect timeout, gzip, pooled connections).</summary>
    public static SocketsHttpHandler CreateSocketsHandler(TimeSpan connectTimeout) => new()
    {
        ConnectTimeout = connectTimeout,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(300),
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.GZip,
    };
}
