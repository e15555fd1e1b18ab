using System.Text.Json;

namespace LanceOrm.Interop.Tests.Support;

/// <summary>
/// The official LanceDB TypeScript client (<c>@lancedb/lancedb</c> 0.37.1) in remote mode against the emulator,
/// embedding with LanceDB's own <c>huggingface</c> function on the same all-MiniLM-L6-v2 (a transformers.js model
/// root), driven through <c>tests/interop/official-client.mjs</c>.
/// </summary>
public sealed class OfficialClientPeer(Uri emulatorUrl, string apiKey, string modelRoot)
{
    /// <summary>Top-<paramref name="k"/> ids per query: the client embeds each query with the function the table's metadata names.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> SearchAsync(string database, string table, IReadOnlyList<string> queries, int k, string distance, CancellationToken cancellationToken)
    {
        using var output = await RunAsync("search", database, table, cancellationToken,
            "--queries", JsonSerializer.Serialize(queries), "--k", k.ToString(System.Globalization.CultureInfo.InvariantCulture), "--distance", distance);
        return output.RootElement.GetProperty("results").EnumerateArray()
            .Select(ids => (IReadOnlyList<string>)ids.EnumerateArray().Select(id => id.GetString()!).ToArray())
            .ToArray();
    }

    /// <summary>Creates <paramref name="table"/> with the client's <c>huggingface</c> function and adds the corpus (it embeds the rows); returns the row count.</summary>
    public async Task<long> CreateAsync(string database, string table, string corpusFile, int limit, CancellationToken cancellationToken)
    {
        using var output = await RunAsync("create", database, table, cancellationToken,
            "--corpus", corpusFile, "--limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return output.RootElement.GetProperty("rows").GetInt64();
    }

    /// <summary>Appends rows (text only: the client computes the vectors); returns the table's row count afterwards.</summary>
    public async Task<long> AddAsync(string database, string table, object rows, CancellationToken cancellationToken)
    {
        using var output = await RunAsync("add", database, table, cancellationToken, "--rows", JsonSerializer.Serialize(rows));
        return output.RootElement.GetProperty("rows").GetInt64();
    }

    /// <summary>The embedding functions the client parsed from the table's schema metadata.</summary>
    public async Task<IReadOnlyList<(string Name, string? SourceColumn, string? VectorColumn)>> DescribeAsync(string database, string table, CancellationToken cancellationToken)
    {
        using var output = await RunAsync("describe", database, table, cancellationToken);
        return output.RootElement.GetProperty("embeddingFunctions").EnumerateArray()
            .Select(f => (f.GetProperty("name").GetString()!, f.GetProperty("sourceColumn").GetString(), f.GetProperty("vectorColumn").GetString()))
            .ToArray();
    }

    /// <summary>
    /// The official client opens the table, counts its rows, lists its schema metadata keys and searches
    /// <paramref name="column"/> with <paramref name="vector"/> (cosine, no embedding function involved).
    /// </summary>
    public async Task<(long Rows, IReadOnlyList<string> MetadataKeys, IReadOnlyList<string> Ids)> VectorSearchAsync(
        string database, string table, string column, ReadOnlyMemory<float> vector, int k, CancellationToken cancellationToken)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(vector.ToArray());
        using var output = await RunAsync("vector-search", database, table, cancellationToken, "--column", column, "--vector", json, "--k", k.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var root = output.RootElement;
        return (
            root.GetProperty("rows").GetInt64(),
            root.GetProperty("metadataKeys").EnumerateArray().Select(e => e.GetString()!).ToArray(),
            root.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToArray());
    }

    private async Task<JsonDocument> RunAsync(string command, string database, string table, CancellationToken cancellationToken, params string[] extra)
    {
        string[] arguments =
        [
            RepositoryFiles.PeerScript, command,
            "--url", emulatorUrl.ToString().TrimEnd('/'),
            "--api-key", apiKey,
            "--database", database,
            "--table", table,
            "--models", modelRoot,
            .. extra,
        ];
        var stdout = await NodeProcess.RunAsync("node", RepositoryFiles.PeerDirectory, arguments, cancellationToken);
        var lastLine = stdout.Trim().Split('\n')[^1];
        return JsonDocument.Parse(lastLine);
    }
}
