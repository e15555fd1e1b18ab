using System.Net;
using LanceOrm.Protocol;
using LanceOrm.Transport;

namespace LanceOrm.Tests.Unit;

public sealed class ErrorMappingTests
{
    /// <summary>Bodies the emulator's engine (@lancedb/lancedb 0.37.1) answered, captured verbatim.</summary>
    private const string KMeansRefusal =
        "lance error: Unprocessable: KMeans cannot train 256 centroids with 2 vectors; choose a smaller K (< 2), /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-index-10.0.0/src/vector/kmeans.rs:1502:20  "
        + "Caused by: Unprocessable: KMeans cannot train 256 centroids with 2 vectors; choose a smaller K (< 2), /usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-index-10.0.0/src/vector/kmeans.rs:1502:20";

    private const string NoFullTextIndex =
        "Failed to execute query stream: GenericFailure, Invalid input, Cannot perform full text search unless an INVERTED index has been created on at least one column";

    private const string UnknownFilterColumn =
        "Failed to execute query stream: GenericFailure, Invalid input, Schema error: No field named nocol. Valid fields are id, text, vector, _rowid, _rowaddr, _row_last_updated_at_version, _row_created_at_version, _rowoffset.";

    private const string UnknownUpdateColumn =
        "Invalid input, Column 'nope' does not exist in dataset schema: Schema { fields: [Field { name: \"id\", id: 0, parent_id: -1, logical_type: LogicalType(\"double\"), metadata: {}, encoding: Some(Plain), nullable: true, children: [], dictionary: None }], metadata: {} }";

    private static ErrorContext Query(string? filter = null, bool fullText = false) => new(new CallInfo("query", "t"), Filter: filter, FullText: fullText);

    [Fact]
    public void Statuses_map_to_the_typed_hierarchy_with_status_message_and_request_id()
    {
        var notFound = ErrorMapper.Map(HttpStatusCode.NotFound, "table t not found", "rid-1", Query(), null);
        var found = Assert.IsType<TableNotFoundException>(notFound);
        Assert.Equal("t", found.TableName);
        Assert.Equal(HttpStatusCode.NotFound, found.Status);
        Assert.Equal("rid-1", found.RequestId);
        Assert.Equal("table t not found", found.ServerMessage);

        Assert.IsType<TableAlreadyExistsException>(ErrorMapper.Map(HttpStatusCode.BadRequest, "Table t already exists", null, new ErrorContext(new CallInfo("create_table", "t"), IsCreate: true), null));
        Assert.IsType<InvalidFilterException>(ErrorMapper.Map(HttpStatusCode.BadRequest, "parse error", null, Query("x = "), null));
        Assert.IsType<InvalidRequestException>(ErrorMapper.Map(HttpStatusCode.BadRequest, "bad", null, Query(), null));
        Assert.IsType<UnauthorizedException>(ErrorMapper.Map(HttpStatusCode.Unauthorized, "no", null, Query(), null));
        Assert.IsType<ThrottledException>(ErrorMapper.Map(HttpStatusCode.TooManyRequests, "slow down", null, Query(), null));
        Assert.IsType<ServerErrorException>(ErrorMapper.Map(HttpStatusCode.InternalServerError, "boom", null, Query(), null));
    }

    [Fact]
    public void Main_messages_say_what_failed_on_which_table_and_what_to_do_once()
    {
        Assert.Equal(
            "Query on table 't' failed: the table does not exist. Create it with CreateTableAsync, or check the name.",
            ErrorMapper.Map(HttpStatusCode.NotFound, "Table 't' was not found", null, Query(), null).Message);
        Assert.Equal(
            "Table 't' already exists. Open it with CreateMode.ExistOk, or replace it with CreateMode.Overwrite.",
            ErrorMapper.Map(HttpStatusCode.BadRequest, "Table 't' already exists", null, new ErrorContext(new CallInfo("create_table", "t"), IsCreate: true), null).Message);
        Assert.Equal(
            "Query on table 't' failed: the server rejected the filter `nocol > 1`: Invalid input, Schema error: No field named nocol. Valid fields are id, text, vector, _rowid, _rowaddr, _row_last_updated_at_version, _row_created_at_version, _rowoffset.",
            ErrorMapper.Map(HttpStatusCode.BadRequest, UnknownFilterColumn, null, Query("nocol > 1"), null).Message);
        Assert.Equal(
            "Query on table 't' was refused (HTTP 401): check the API key and the database name. The server said: Invalid API key.",
            ErrorMapper.Map(HttpStatusCode.Unauthorized, "{\"error\": \"Invalid API key\"}", null, Query(), null).Message);
        Assert.Equal(
            "Query on table 't' was throttled by the server (HTTP 429); it asked to wait 2 s. Try again later, or send fewer requests at once.",
            ErrorMapper.Map(HttpStatusCode.TooManyRequests, "rate limited", null, Query(), null, retryAfter: TimeSpan.FromSeconds(2)).Message);
        Assert.Equal(
            "Query on table 't' failed on the server (HTTP 503): upstream overloaded.",
            ErrorMapper.Map(HttpStatusCode.ServiceUnavailable, "{\"detail\": \"upstream overloaded\"}", null, Query(), null).Message);
    }

    [Fact]
    public void Engine_source_paths_and_repeated_causes_stay_out_of_the_message_but_on_ServerMessage()
    {
        var error = ErrorMapper.Map(HttpStatusCode.BadRequest, KMeansRefusal, "rid", new ErrorContext(new CallInfo("create_index", "docs")), null);

        Assert.IsType<InvalidRequestException>(error);
        Assert.Equal(
            "Create index on table 'docs' was rejected by the server (HTTP 400): Unprocessable: KMeans cannot train 256 centroids with 2 vectors; choose a smaller K (< 2).",
            error.Message);
        Assert.Equal(KMeansRefusal, error.ServerMessage);
    }

    [Fact]
    public void A_cause_the_engine_repeats_at_the_end_is_said_once()
    {
        const string body = "Failed to execute merge insert: lance error: Query Execution error: Arrow error: Invalid argument error: Need at least 1 bytes, "
            + "/usr/local/cargo/registry/src/index.crates.io-1949cf8c6b5b557f/lance-10.0.0/src/dataset/write/merge_insert.rs:1720:30: "
            + "Query Execution error: Arrow error: Invalid argument error: Need at least 1 bytes";

        var error = ErrorMapper.Map(HttpStatusCode.BadRequest, body, null, new ErrorContext(new CallInfo("merge_insert", "t")), null);

        Assert.EndsWith(
            "(HTTP 400): Failed to execute merge insert: Query Execution error: Arrow error: Invalid argument error: Need at least 1 bytes.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_dumped_schema_and_a_rust_location_in_a_json_wrapper_are_cut_from_the_message()
    {
        var update = ErrorMapper.Map(HttpStatusCode.BadRequest, UnknownUpdateColumn, null, new ErrorContext(new CallInfo("update", "t"), Filter: "id = 1"), null);
        var wrapped = ErrorMapper.Map(HttpStatusCode.InternalServerError, "{\"error\":\"LanceError(IO): Execution error: disk full, /home/runner/work/lance/lance/rust/lance-table/src/io/commit.rs:123:45\"}", null, Query(), null);

        Assert.Equal("Update on table 't' failed: the server rejected the filter `id = 1`: Invalid input, Column 'nope' does not exist in dataset schema.", update.Message);
        Assert.Equal("Query on table 't' failed on the server (HTTP 500): LanceError(IO): Execution error: disk full.", wrapped.Message);
        Assert.Contains("commit.rs:123:45", wrapped.ServerMessage);
    }

    [Fact]
    public void The_engines_missing_full_text_index_refusal_is_an_IndexNotFoundException_naming_the_call()
    {
        var error = ErrorMapper.Map(HttpStatusCode.BadRequest, NoFullTextIndex, "rid", Query(filter: "year > 1", fullText: true), null);

        var missing = Assert.IsType<IndexNotFoundException>(error);
        Assert.Equal("t", missing.TableName);
        Assert.Contains("CreateDeclaredIndicesAsync()", missing.Message);
        Assert.Contains("[FullTextIndex]", missing.Message);
        Assert.Equal(NoFullTextIndex, missing.ServerMessage);
        Assert.IsType<InvalidRequestException>(ErrorMapper.Map(HttpStatusCode.BadRequest, NoFullTextIndex, "rid", Query(), null)); // not a full-text query: no guess
    }

    [Fact]
    public void An_exhausted_retryable_status_becomes_the_retry_limit_form_wrapping_the_typed_error()
    {
        var error = ErrorMapper.Map(HttpStatusCode.TooManyRequests, "slow down", "rid", Query(), null, attempts: 3, retryableStatus: true);

        var limit = Assert.IsType<RetryLimitExceededException>(error);
        Assert.Equal(3, limit.Attempts);
        Assert.IsType<ThrottledException>(limit.InnerException);
        Assert.IsAssignableFrom<ServerErrorException>(limit);
    }

    [Fact]
    public void The_retry_limit_message_does_not_repeat_the_last_error()
    {
        var error = ErrorMapper.Map(HttpStatusCode.ServiceUnavailable, "upstream overloaded", "rid", Query(), null, attempts: 3, retryableStatus: true);

        Assert.Equal("Query on table 't' gave up after 3 attempt(s), the retry limit; the last one got HTTP 503 (see the inner exception).", error.Message);
        Assert.Equal("Query on table 't' failed on the server (HTTP 503): upstream overloaded.", error.InnerException!.Message);
        Assert.Equal("upstream overloaded", error.ServerMessage);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(error.ToString(), "upstream overloaded"));
    }

    [Fact]
    public void A_server_message_echoing_the_api_key_is_redacted()
    {
        const string key = "sk-abc-SECRET";
        var error = ErrorMapper.Map(HttpStatusCode.Unauthorized, $"invalid key {key}", "rid", Query(), key);

        Assert.DoesNotContain(key, error.Message);
        Assert.DoesNotContain(key, error.ServerMessage);
        Assert.DoesNotContain(key, error.ToString());
    }
}
