namespace LanceOrm.Protocol;

/// <summary>
/// Where a connection's requests go and the headers every one of them carries, from <see cref="LanceDbOptions"/>:
/// <c>https://{database}.{region}.api.lancedb.com</c> or the host override (which adds <c>x-lancedb-database</c>),
/// <c>x-api-key</c> (only there), <c>x-lancedb-database-prefix</c> and the <c>User-Agent</c>.
/// </summary>
internal sealed record Endpoint(string Database, string? Prefix, Uri BaseAddress, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public static Endpoint From(LanceDbOptions options, string userAgent)
    {
        var uri = DatabaseUri.Parse(options.Uri);
        var baseAddress = BaseAddressOf(options, uri.Database);
        var headers = new List<KeyValuePair<string, string>>();
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            headers.Add(new(Wire.ApiKeyHeader, options.ApiKey));
        }

        if (options.HostOverride is not null)
        {
            headers.Add(new(Wire.DatabaseHeader, uri.Database));
        }

        if (!string.IsNullOrEmpty(uri.Prefix))
        {
            headers.Add(new(Wire.DatabasePrefixHeader, uri.Prefix));
        }

        headers.Add(new(Wire.UserAgentHeader, userAgent));
        return new Endpoint(uri.Database, uri.Prefix, baseAddress, headers);
    }

    /// <summary>The problem with the endpoint <paramref name="options"/> describe, or null when they form a valid one.</summary>
    public static string? Problem(LanceDbOptions options)
    {
        try
        {
            BaseAddressOf(options, DatabaseUri.Parse(options.Uri).Database);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"Endpoint {{ Database = {Database}, BaseAddress = {BaseAddress} }}";

    private static Uri BaseAddressOf(LanceDbOptions options, string database)
    {
        Uri endpoint;
        if (options.HostOverride is { } host)
        {
            if (!host.IsAbsoluteUri || (host.Scheme != Uri.UriSchemeHttp && host.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"HostOverride '{host}' must be an absolute http(s) URL.", nameof(options));
            }

            endpoint = host;
        }
        else
        {
            if (string.IsNullOrWhiteSpace(options.Region))
            {
                throw new ArgumentException("A region is required when no HostOverride is set.", nameof(options));
            }

            var name = $"{database}.{options.Region}.api.lancedb.com";
            if (Uri.CheckHostName(name) != UriHostNameType.Dns || name.Length > 253 || name.Split('.').Any(l => l.Length is 0 or > 63))
            {
                throw new ArgumentException($"Database '{database}' and region '{options.Region}' do not form a valid host name.", nameof(options));
            }

            endpoint = new Uri($"https://{name}");
        }

        if (endpoint.Scheme == Uri.UriSchemeHttp && !endpoint.IsLoopback && !options.AllowInsecureHttp)
        {
            throw new ArgumentException(
                $"Refusing plain http:// to the non-loopback host '{endpoint.Host}': the API key would travel unencrypted. Use https, or set LanceDbOptions.AllowInsecureHttp.",
                nameof(options));
        }

        return endpoint;
    }
}
