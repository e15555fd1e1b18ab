using System.Text.Json.Nodes;
using Refit;

namespace LanceOrm.Remote.Http;

/// <summary>
/// The LanceDB remote REST protocol (paths with trailing slashes, as the official client sends them). Every method
/// returns the raw response: <see cref="LanceDbTransport"/> maps statuses to typed errors and reads JSON or Arrow bodies.
/// Headers (<c>x-api-key</c>, <c>x-lancedb-database</c>, <c>User-Agent</c>, <c>x-request-id</c>) are added by
/// <see cref="LanceHeadersHandler"/>; retries by <see cref="LanceRetryHandler"/>.
/// </summary>
internal interface ILanceDbApi
{
    [Get("/v1/table/")]
    Task<HttpResponseMessage> ListTables([Query] int? limit, [Query][AliasAs("page_token")] string? pageToken, CancellationToken cancellationToken);

    [Post("/v1/table/{table}/create/")]
    Task<HttpResponseMessage> CreateTable(string table, [Query] string mode, [Body] HttpContent arrowStream, [Property(LanceRequestOptions.RetryableKey)] bool retryable, CancellationToken cancellationToken);

    [Post("/v1/table/{table}/describe/")]
    Task<HttpResponseMessage> DescribeTable(string table, CancellationToken cancellationToken);

    [Post("/v1/table/{table}/drop/")]
    Task<HttpResponseMessage> DropTable(string table, [Property(LanceRequestOptions.RetryableKey)] bool retryable, CancellationToken cancellationToken);

    [Post("/v1/table/{table}/insert/")]
    Task<HttpResponseMessage> Insert(string table, [Body] HttpContent arrowStream, [Property(LanceRequestOptions.RetryableKey)] bool retryable, CancellationToken cancellationToken);

    [Post("/v1/table/{table}/merge_insert/")]
    Task<HttpResponseMessage> MergeInsert(
        string table,
        [Query] string on,
        [Query][AliasAs("when_matched_update_all")] string whenMatchedUpdateAll,
        [Query][AliasAs("when_not_matched_insert_all")] string whenNotMatchedInsertAll,
        [Query][AliasAs("when_not_matched_by_source_delete")] string whenNotMatchedBySourceDelete,
        [Body] HttpContent arrowStream,
        [Property(LanceRequestOptions.RetryableKey)] bool retryable,
        CancellationToken cancellationToken);

    [Post("/v1/table/{table}/query/")]
    Task<HttpResponseMessage> Query(string table, [Body] JsonObject body, CancellationToken cancellationToken);

    [Post("/v1/table/{table}/count_rows/")]
    Task<HttpResponseMessage> CountRows(string table, [Body] JsonObject body, CancellationToken cancellationToken);

    [Post("/v1/table/{table}/update/")]
    Task<HttpResponseMessage> Update(string table, [Body] JsonObject body, CancellationToken cancellationToken);

    [Post("/v1/table/{table}/delete/")]
    Task<HttpResponseMessage> Delete(string table, [Body] JsonObject body, CancellationToken cancellationToken);

    [Post("/v1/table/{table}/create_index/")]
    Task<HttpResponseMessage> CreateIndex(string table, [Body] JsonObject body, CancellationToken cancellationToken);

    [Post("/v1/table/{table}/index/list/")]
    Task<HttpResponseMessage> ListIndices(string table, [Body] JsonObject body, CancellationToken cancellationToken);

    [Post("/v1/table/{table}/index/{index}/drop/")]
    Task<HttpResponseMessage> DropIndex(string table, string index, CancellationToken cancellationToken);
}
