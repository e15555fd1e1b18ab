namespace LanceOrm.Protocol;

/// <summary>Versions, time travel, tags and the index lifecycle (protocol §5.9, §5.10).</summary>
internal sealed partial class RemoteTable
{
    /// <summary>A client of the same table that reads <paramref name="version"/> (not validated; see <see cref="CheckoutAsync"/>).</summary>
    public RemoteTable AtVersion(long version) => new(_database, Name) { Version = version };

    /// <summary>
    /// Checks that <paramref name="version"/> exists, as the official client's <c>checkout</c>: describe
    /// <c>{"version": v}</c> without freshness headers; returns a client pinned to it.
    /// </summary>
    /// <exception cref="VersionNotFoundException">The table has no such version.</exception>
    public async Task<RemoteTable> CheckoutAsync(long version, CancellationToken cancellationToken)
    {
        var pinned = AtVersion(version);
        _ = await pinned.CurrentVersionAsync(cancellationToken).ConfigureAwait(false);
        return pinned;
    }

    /// <summary>
    /// Checks out the version a tag points at: <c>tags/version</c> without freshness headers and nothing more, as the
    /// official client (the tag's existence is the check).
    /// </summary>
    /// <exception cref="TagNotFoundException">The table has no such tag.</exception>
    public async Task<RemoteTable> CheckoutTagAsync(string tag, CancellationToken cancellationToken) =>
        AtVersion(await TagVersionAsync(tag, fresh: false, cancellationToken).ConfigureAwait(false));

    /// <summary>The version this client reads: describe <c>{"version": <see cref="Version"/>}</c> (the latest when unpinned).</summary>
    public async Task<long> CurrentVersionAsync(CancellationToken cancellationToken)
    {
        using var request = Read(Wire.Actions.Describe, RemoteDatabase.Json(new VersionRequest { Version = Version }, ProtocolJsonContext.Default.VersionRequest));
        using var response = await _database.SendAsync(request, new ErrorContext(Call("describe_table"), Version: Version), cancellationToken).ConfigureAwait(false);
        var description = await _database.ReadJsonAsync(response, ProtocolJsonContext.Default.DescribeTableResponse, cancellationToken).ConfigureAwait(false);
        return description?.Version ?? throw NoField(response, "describe", "version");
    }

    /// <summary>Every version of the table, oldest first (<c>version/list</c>, no body).</summary>
    public async Task<IReadOnlyList<VersionEntry>> ListVersionsAsync(CancellationToken cancellationToken)
    {
        using var request = Read(Wire.Actions.ListVersions, null);
        using var response = await _database.SendAsync(request, new ErrorContext(Call("list_versions")), cancellationToken).ConfigureAwait(false);
        var result = await _database.ReadJsonAsync(response, ProtocolJsonContext.Default.ListVersionsResponse, cancellationToken).ConfigureAwait(false);
        return result?.Versions ?? [];
    }

    /// <summary>Makes <paramref name="version"/> the latest (a new version with its contents): <c>restore</c> <c>{"version": v}</c>.</summary>
    /// <returns>The new latest version, or 0 when the server does not say.</returns>
    /// <exception cref="VersionNotFoundException">The table has no such version.</exception>
    public async Task<long> RestoreAsync(long version, CancellationToken cancellationToken)
    {
        using var request = Write(Wire.Actions.Restore, RemoteDatabase.Json(new VersionRequest { Version = version }, ProtocolJsonContext.Default.VersionRequest));
        using var response = await _database.SendAsync(request, new ErrorContext(Call("restore"), Version: version), cancellationToken).ConfigureAwait(false);
        return await WroteAsync(response, cancellationToken).ConfigureAwait(false) ?? 0;
    }

    /// <summary>The table's tags (<c>tags/list</c>, no body).</summary>
    public async Task<IReadOnlyDictionary<string, TagContentsResponse>> ListTagsAsync(CancellationToken cancellationToken)
    {
        using var request = Read(Wire.Actions.ListTags, null);
        using var response = await _database.SendAsync(request, new ErrorContext(Call("list_tags")), cancellationToken).ConfigureAwait(false);
        var result = await _database.ReadJsonAsync(response, ProtocolJsonContext.Default.DictionaryStringTagContentsResponse, cancellationToken).ConfigureAwait(false);
        return result ?? [];
    }

    /// <summary>The version a tag points at (<c>tags/version</c> <c>{"tag"}</c>); a read with freshness headers unless <paramref name="fresh"/> is false (checkout).</summary>
    /// <exception cref="TagNotFoundException">The table has no such tag.</exception>
    public async Task<long> TagVersionAsync(string tag, bool fresh, CancellationToken cancellationToken)
    {
        var content = RemoteDatabase.Json(new TagRequest(tag), ProtocolJsonContext.Default.TagRequest);
        using var request = fresh ? Read(Wire.Actions.TagVersion, content) : Post(Wire.Actions.TagVersion, content);
        using var response = await _database.SendAsync(request, new ErrorContext(Call("get_tag_version"), Tag: tag), cancellationToken).ConfigureAwait(false);
        var result = await _database.ReadJsonAsync(response, ProtocolJsonContext.Default.VersionResponse, cancellationToken).ConfigureAwait(false);
        return result?.Version ?? throw NoField(response, "tags/version", "version");
    }

    /// <summary>Tags <paramref name="version"/> (<c>tags/create</c>).</summary>
    /// <exception cref="TagAlreadyExistsException">The tag exists.</exception>
    /// <exception cref="VersionNotFoundException">The table has no such version.</exception>
    public Task CreateTagAsync(string tag, long version, CancellationToken cancellationToken) =>
        SendTagAsync(Wire.Actions.CreateTag, "create_tag", tag, version, cancellationToken);

    /// <summary>Moves a tag to <paramref name="version"/> (<c>tags/update</c>).</summary>
    /// <exception cref="TagNotFoundException">The table has no such tag.</exception>
    /// <exception cref="VersionNotFoundException">The table has no such version.</exception>
    public Task UpdateTagAsync(string tag, long version, CancellationToken cancellationToken) =>
        SendTagAsync(Wire.Actions.UpdateTag, "update_tag", tag, version, cancellationToken);

    /// <summary>Deletes a tag (<c>tags/delete</c>); the version it pointed at stays.</summary>
    /// <exception cref="TagNotFoundException">The table has no such tag.</exception>
    public async Task DeleteTagAsync(string tag, CancellationToken cancellationToken)
    {
        using var request = Post(Wire.Actions.DeleteTag, RemoteDatabase.Json(new TagRequest(tag), ProtocolJsonContext.Default.TagRequest));
        using var _ = await _database.SendAsync(request, new ErrorContext(Call("delete_tag"), Tag: tag), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops an index (<c>index/{name}/drop/</c>, no body).</summary>
    /// <exception cref="IndexNotFoundException">The table has no index of that name (404, as the official client).</exception>
    public async Task DropIndexAsync(string indexName, CancellationToken cancellationToken)
    {
        EnsureWritable();
        using var request = new HttpRequestMessage(HttpMethod.Post, Wire.IndexPath(Name, indexName, Wire.Actions.DropIndex));
        using var _ = await _database.SendOrAbsentAsync(request, new ErrorContext(Call("drop_index")), cancellationToken).ConfigureAwait(false)
            ?? throw new IndexNotFoundException(Name, [], $"Drop index on table '{Name}' failed: the table has no index named '{indexName}'. ListIndicesAsync lists the names.", System.Net.HttpStatusCode.NotFound) { IndexName = indexName };
    }

    private async Task SendTagAsync(string action, string operation, string tag, long version, CancellationToken cancellationToken)
    {
        using var request = Post(action, RemoteDatabase.Json(new TagVersionRequest(tag, version), ProtocolJsonContext.Default.TagVersionRequest));
        using var _ = await _database.SendAsync(request, new ErrorContext(Call(operation), Tag: tag, Version: version), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A request without freshness headers that changes no rows (tags, checkout).</summary>
    private HttpRequestMessage Post(string action, HttpContent content) =>
        new(HttpMethod.Post, Wire.TablePath(Name, action)) { Content = content };

    private LanceDbException NoField(HttpResponseMessage response, string route, string field) =>
        new($"The answer to {route} on table '{Name}' has no \"{field}\".", response.StatusCode, null, Transport.RequestOptionKeys.RequestIdOf(response.RequestMessage));
}
