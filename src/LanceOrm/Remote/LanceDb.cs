namespace LanceOrm;

/// <summary>The entry point: connects to a LanceDB database over the remote REST protocol.</summary>
public static class LanceDb
{
    /// <summary>
    /// Validates <paramref name="options"/> and builds a connection. Like the official clients, no request is sent until
    /// the first operation.
    /// </summary>
    /// <exception cref="ArgumentException">The URI, region or endpoint is invalid, or plain http to a non-loopback host was not allowed.</exception>
    public static Task<LanceDbConnection> ConnectAsync(LanceDbOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(new LanceDbConnection(options));
    }
}
