using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Apache.Arrow;
using LanceOrm.Transport;

namespace LanceOrm.Protocol;

/// <summary>
/// The table routes of the remote REST protocol for one table: typed requests in, typed responses out. Keeps the
/// official client's read-your-writes: the highest version a write returned goes out as <c>x-lancedb-min-version</c>, and
/// the highest version a read reported (<c>x-lancedb-version</c>) as <c>x-lancedb-min-read-version</c>, on later reads.
/// Thread-safe.
/// </summary>
internal sealed partial class RemoteTable
{
    private readonly RemoteDatabase _database;
    private long _minVersion;
    private long _minReadVersion;

    internal RemoteTable(RemoteDatabase database, string name)
    {
        _database = database;
        Name = name;
    }

    public string Name { get; }

    /// <summary>
    /// The version this client reads (<see cref="AtVersion"/>), or <c>null</c> for the latest. Every read body carries it
    /// as <c>"version"</c>; a pinned client sends no freshness headers and refuses writes (protocol §5.10).
    /// </summary>
    public long? Version { get; private init; }

    /// <summary>The server version, for request shapes that depend on it.</summary>
    public Version ServerVersion => _database.ServerVersion;

    /// <summary>The highest table version a write through this connection returned (0 before any).</summary>
    public long WriteVersion => Interlocked.Read(ref _minVersion);

    /// <summary>The highest table version a read through this connection reported (0 before any).</summary>
    public long ReadVersion => Interlocked.Read(ref _minReadVersion);

    /// <summary>Creates the table from a schema-only Arrow stream (not retried, as the official client).</summary>
    public async Task CreateAsync(Schema schema, CreateMode mode, CancellationToken cancellationToken)
    {
        using var content = await ArrowIpc.ToStreamContentAsync(schema, [], cancellationToken).ConfigureAwait(false);
        await CreateAsync(content, mode, rows: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the <c>create</c> request with an Arrow stream body; an overwrite forgets the versions seen before.</summary>
    private async Task CreateAsync(HttpContent content, CreateMode mode, int? rows, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Wire.TablePath(Name, Wire.Actions.Create) + Wire.CreateQuery(mode)) { Content = content };
        using var _ = await _database.SendAsync(request, new ErrorContext(Call("create_table", retryable: false, rows: rows), IsCreate: true), cancellationToken).ConfigureAwait(false);
        if (mode == CreateMode.Overwrite)
        {
            Interlocked.Exchange(ref _minVersion, 0);
            Interlocked.Exchange(ref _minReadVersion, 0);
        }
    }

    /// <summary>Describes the table (a read: no body, as the official client's open-table).</summary>
    public async Task<DescribeTableResponse> DescribeAsync(CancellationToken cancellationToken)
    {
        using var request = Read(Wire.Actions.Describe, null);
        using var response = await _database.SendAsync(request, new ErrorContext(Call("describe_table")), cancellationToken).ConfigureAwait(false);
        return await _database.ReadJsonAsync(response, ProtocolJsonContext.Default.DescribeTableResponse, cancellationToken).ConfigureAwait(false)
               ?? new DescribeTableResponse(null, null);
    }

    /// <summary>
    /// Sends one idempotent <c>merge_insert</c> batch (an LZ4 Arrow IPC stream in <paramref name="body"/>, keyed on
    /// <paramref name="on"/>), doing what <paramref name="mode"/> says with matched and unmatched rows.
    /// </summary>
    public async Task<MergeInsertResponse> MergeInsertAsync(MemoryStream body, string on, MergeInsertMode mode, int rows, CancellationToken cancellationToken)
    {
        EnsureWritable();
        using var content = ArrowIpc.StreamContent(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, Wire.TablePath(Name, Wire.Actions.MergeInsert) + Wire.MergeInsertQuery(on, mode)) { Content = content };
        using var response = await _database.SendAsync(request, new ErrorContext(Call(mode.Operation, rows: rows) with { IdempotentWrite = true }), cancellationToken).ConfigureAwait(false);
        var result = await _database.ReadJsonAsync(response, ProtocolJsonContext.Default.MergeInsertResponse, cancellationToken).ConfigureAwait(false)
                     ?? new MergeInsertResponse(0, 0, 0, 0);
        Wrote(result.Version);
        return result;
    }

    /// <summary>
    /// Runs a query and reads its Arrow IPC answer batch by batch as it arrives (the caller disposes each batch; leaving
    /// early disposes the response). Retries end when the response headers arrive: a body that breaks, stalls past the read
    /// timeout or ends early is a <see cref="ServerErrorException"/> saying how many rows came before it, never a shorter
    /// answer.
    /// </summary>
    public async IAsyncEnumerable<RecordBatch> QueryAsync(QueryRequest query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var request = Read(Wire.Actions.Query, RemoteDatabase.Json((query with { Version = Version }).ToUtf8Json()));
        request.Options.Set(RequestOptionKeys.StreamResponse, true);
        using var response = await _database.SendAsync(request, new ErrorContext(Call("query"), Filter: query.Filter, FullText: query.FullTextQuery is not null), cancellationToken).ConfigureAwait(false);
        Observed(response);
        var rows = 0L;
        await using var batches = ArrowResponseReader.ReadBatchesAsync(response.Content, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await batches.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (Exception ex) when (ex is not LanceDbException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw new ServerErrorException(
                    $"The answer to a query on table '{Name}' broke off after {rows} row(s): {Redaction.Redact(ex.Message, _database.ApiKey)} "
                    + "The rows already returned are only part of it; run the query again.",
                    response.StatusCode,
                    null,
                    RequestOptionKeys.RequestIdOf(request),
                    ex);
            }

            rows += batches.Current.Length;
            yield return batches.Current;
        }
    }

    /// <summary>Counts rows, optionally those matching <paramref name="predicate"/>.</summary>
    public async Task<long> CountRowsAsync(string? predicate, CancellationToken cancellationToken)
    {
        using var request = Read(Wire.Actions.CountRows, RemoteDatabase.Json(new CountRowsRequest(predicate) { Version = Version }, ProtocolJsonContext.Default.CountRowsRequest));
        using var response = await _database.SendAsync(request, new ErrorContext(Call("count_rows"), Filter: predicate), cancellationToken).ConfigureAwait(false);
        Observed(response);
        return await _database.ReadJsonAsync(response, ProtocolJsonContext.Default.NullableInt64, cancellationToken).ConfigureAwait(false)
               ?? throw new LanceDbException($"Count rows on table '{Name}' returned no number.", response.StatusCode, null, RequestOptionKeys.RequestIdOf(response.RequestMessage));
    }

    /// <summary>Updates the rows matching <paramref name="predicate"/> with <paramref name="assignments"/> (column, SQL).</summary>
    public async Task<UpdateResponse> UpdateAsync(IReadOnlyList<(string Column, string Sql)> assignments, string predicate, CancellationToken cancellationToken)
    {
        var updates = assignments.Select(a => (IReadOnlyList<string>)[a.Column, a.Sql]).ToArray();
        using var request = Write(Wire.Actions.Update, RemoteDatabase.Json(new UpdateRequest(updates, predicate), ProtocolJsonContext.Default.UpdateRequest));
        using var response = await _database.SendAsync(request, new ErrorContext(Call("update"), Filter: predicate), cancellationToken).ConfigureAwait(false);
        var result = await _database.ReadJsonAsync(response, ProtocolJsonContext.Default.UpdateResponse, cancellationToken).ConfigureAwait(false) ?? new UpdateResponse(0, 0);
        Wrote(result.Version);
        return result;
    }

    /// <summary>Deletes the rows matching <paramref name="predicate"/>.</summary>
    public async Task<DeleteResponse> DeleteAsync(string predicate, CancellationToken cancellationToken)
    {
        using var request = Write(Wire.Actions.Delete, RemoteDatabase.Json(new DeleteRequest(predicate), ProtocolJsonContext.Default.DeleteRequest));
        using var response = await _database.SendAsync(request, new ErrorContext(Call("delete"), Filter: predicate), cancellationToken).ConfigureAwait(false);
        var result = await _database.ReadJsonAsync(response, ProtocolJsonContext.Default.DeleteResponse, cancellationToken).ConfigureAwait(false) ?? new DeleteResponse(0, 0);
        Wrote(result.Version);
        return result;
    }

    /// <summary>Creates an index.</summary>
    public async Task CreateIndexAsync(CreateIndexRequest index, CancellationToken cancellationToken)
    {
        using var request = Write(Wire.Actions.CreateIndex, RemoteDatabase.Json(index, ProtocolJsonContext.Default.CreateIndexRequest));
        using var _ = await _database.SendAsync(request, new ErrorContext(Call("create_index")), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Lists the table's indices.</summary>
    public async Task<IReadOnlyList<IndexDescription>> ListIndicesAsync(CancellationToken cancellationToken)
    {
        using var request = Read(Wire.Actions.ListIndices, RemoteDatabase.Json(new VersionRequest { Version = Version }, ProtocolJsonContext.Default.VersionRequest));
        using var response = await _database.SendAsync(request, new ErrorContext(Call("list_indices")), cancellationToken).ConfigureAwait(false);
        var result = await _database.ReadJsonAsync(response, ProtocolJsonContext.Default.ListIndicesResponse, cancellationToken).ConfigureAwait(false);
        return result?.Indexes ?? [];
    }

    /// <summary>The statistics of one index, or <c>null</c> when the table has no index of that name (404, as the official client).</summary>
    public async Task<IndexStatsResponse?> IndexStatsAsync(string indexName, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Wire.IndexPath(Name, indexName, Wire.Actions.IndexStats))
        {
            Content = RemoteDatabase.Json(new VersionRequest { Version = Version }, ProtocolJsonContext.Default.VersionRequest),
        };
        using var response = await _database.SendOrAbsentAsync(request, new ErrorContext(Call("index_stats")), cancellationToken).ConfigureAwait(false);
        return response is null
            ? null
            : await _database.ReadJsonAsync(response, ProtocolJsonContext.Default.IndexStatsResponse, cancellationToken).ConfigureAwait(false);
    }

    private CallInfo Call(string operation, bool retryable = true, int? rows = null) => new(operation, Name, retryable, rows);

    private HttpRequestMessage Write(string action, HttpContent? content)
    {
        EnsureWritable();
        return new(HttpMethod.Post, Wire.TablePath(Name, action)) { Content = content };
    }

    private void EnsureWritable()
    {
        if (Version is { } version)
        {
            throw new InvalidOperationException($"Table '{Name}' is open read-only at version {version}; write through the repository, which writes the latest version.");
        }
    }

    /// <summary>
    /// A read carries the versions this connection wrote and saw, so it never answers from an older version; a read at a
    /// pinned <see cref="Version"/> carries none (the body names the version).
    /// </summary>
    private HttpRequestMessage Read(string action, HttpContent? content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Wire.TablePath(Name, action)) { Content = content };
        if (Version is not null)
        {
            return request;
        }

        if (WriteVersion is > 0 and var written)
        {
            request.Headers.TryAddWithoutValidation(Wire.MinVersionHeader, written.ToString(CultureInfo.InvariantCulture));
        }

        if (ReadVersion is > 0 and var read)
        {
            request.Headers.TryAddWithoutValidation(Wire.MinReadVersionHeader, read.ToString(CultureInfo.InvariantCulture));
        }

        return request;
    }

    private void Wrote(long version) => RaiseTo(ref _minVersion, version);

    /// <summary>Reads the <c>{"version"}</c> answer of a write and remembers it for read-your-writes; null when the server did not say.</summary>
    private async Task<long?> WroteAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var version = (await _database.ReadJsonAsync(response, ProtocolJsonContext.Default.VersionResponse, cancellationToken).ConfigureAwait(false))?.Version;
        if (version is { } written)
        {
            Wrote(written);
        }

        return version;
    }

    private void Observed(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues(Wire.TableVersionHeader, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            RaiseTo(ref _minReadVersion, version);
        }
    }

    private static void RaiseTo(ref long target, long value)
    {
        var current = Interlocked.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
