namespace LanceOrm.Protocol;

/// <summary>
/// Every literal of the LanceDB remote REST protocol that is not a JSON key of a typed body: paths (with the trailing
/// slash the official client sends), query parameters and values, headers. The only place that names them.
/// </summary>
internal static class Wire
{
    public const string ListTablesPath = "/v1/table/";

    public const string ApiKeyHeader = "x-api-key";
    public const string DatabaseHeader = "x-lancedb-database";
    public const string DatabasePrefixHeader = "x-lancedb-database-prefix";
    public const string RequestIdHeader = "x-request-id";
    public const string UserAgentHeader = "User-Agent";
    public const string ServerVersionHeader = "phalanx-version";
    public const string TableVersionHeader = "x-lancedb-version";
    public const string MinVersionHeader = "x-lancedb-min-version";
    public const string MinReadVersionHeader = "x-lancedb-min-read-version";

    public const string JsonContentType = "application/json";

    /// <summary>Columns the server adds to query results: vector distance, full-text score (BM25), row id.</summary>
    public const string DistanceColumn = "_distance";

    /// <inheritdoc cref="DistanceColumn"/>
    public const string ScoreColumn = "_score";

    /// <inheritdoc cref="DistanceColumn"/>
    public const string RowIdColumn = "_rowid";

    /// <summary>
    /// The path of a table route: <c>/v1/table/{table}/{action}/</c>. <paramref name="table"/> is a table identifier
    /// (<c>ns1$ns2$table</c>, protocol §1): each part is escaped, the <c>$</c> between them goes as is, as the official
    /// client sends it.
    /// </summary>
    public static string TablePath(string table, string action) => $"/v1/table/{EscapeIdentifier(table)}/{action}/";

    /// <summary>The path of an index route: <c>/v1/table/{table}/index/{index}/{action}/</c>.</summary>
    public static string IndexPath(string table, string index, string action) =>
        $"/v1/table/{EscapeIdentifier(table)}/index/{Uri.EscapeDataString(index)}/{action}/";

    /// <summary>
    /// The path of a namespace route: <c>/v1/namespace/{ns}/{action}</c> (no trailing slash, as the official client),
    /// <paramref name="identifier"/> being <c>ns1$ns2</c> or <c>$</c> for the root.
    /// </summary>
    public static string NamespacePath(string identifier, string action) => $"/v1/namespace/{EscapeIdentifier(identifier)}/{action}";

    private static string EscapeIdentifier(string identifier) =>
        string.Join(Protocol.NamespacePath.Delimiter, identifier.Split(Protocol.NamespacePath.Delimiter).Select(Uri.EscapeDataString));

    public static class NamespaceActions
    {
        public const string Create = "create";
        public const string Drop = "drop";
        public const string Describe = "describe";
        public const string List = "list";
        public const string ListTables = "table/list";
    }

    /// <summary>A create mode as the lance-namespace spec names it (PascalCase); <c>null</c> for the default, <c>Create</c>, which is not sent.</summary>
    public static string? Name(NamespaceCreateMode mode) => mode switch
    {
        NamespaceCreateMode.Create => null,
        NamespaceCreateMode.ExistOk => "ExistOk",
        NamespaceCreateMode.Overwrite => "Overwrite",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>A drop behavior as the spec names it; <c>null</c> for the default, <c>Restrict</c>, which is not sent.</summary>
    public static string? Name(NamespaceDropBehavior behavior) => behavior switch
    {
        NamespaceDropBehavior.Restrict => null,
        NamespaceDropBehavior.Cascade => "Cascade",
        _ => throw new ArgumentOutOfRangeException(nameof(behavior), behavior, null),
    };

    /// <summary>A drop mode as the spec names it; <c>null</c> for the default, <c>Fail</c>, which is not sent.</summary>
    public static string? Name(NamespaceDropMode mode) => mode switch
    {
        NamespaceDropMode.Fail => null,
        NamespaceDropMode.Skip => "Skip",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>The path of a multipart-insert step, without the trailing slash (as the official client): <c>/v1/table/{table}/multipart_write/{step}</c>.</summary>
    public static string MultipartPath(string table, string step) => $"/v1/table/{Uri.EscapeDataString(table)}/multipart_write/{step}";

    /// <summary>The steps of a multipart insert around its parts (protocol §5.6).</summary>
    public static class MultipartSteps
    {
        public const string Create = "create";
        public const string Complete = "complete";
        public const string Abort = "abort";
    }

    /// <summary>The query string naming an upload: <c>?upload_id=…</c> (complete, abort).</summary>
    public static string UploadQuery(string uploadId) => "?upload_id=" + Uri.EscapeDataString(uploadId);

    /// <summary>The query string of one part of an upload: <c>?upload_id=…&amp;upload_part_id=…</c>.</summary>
    public static string UploadPartQuery(string uploadId, string partId) => UploadQuery(uploadId) + "&upload_part_id=" + Uri.EscapeDataString(partId);

    public static class Actions
    {
        public const string Create = "create";
        public const string Insert = "insert";
        public const string Describe = "describe";
        public const string Drop = "drop";
        public const string MergeInsert = "merge_insert";
        public const string Query = "query";
        public const string CountRows = "count_rows";
        public const string Update = "update";
        public const string Delete = "delete";
        public const string CreateIndex = "create_index";
        public const string ListIndices = "index/list";
        public const string IndexStats = "stats";
        public const string DropIndex = "drop";
        public const string ListVersions = "version/list";
        public const string Restore = "restore";
        public const string ListTags = "tags/list";
        public const string TagVersion = "tags/version";
        public const string CreateTag = "tags/create";
        public const string UpdateTag = "tags/update";
        public const string DeleteTag = "tags/delete";
        public const string AddColumns = "add_columns";
        public const string AlterColumns = "alter_columns";
        public const string DropColumns = "drop_columns";
    }

    /// <summary>The query string of a table or namespace list page: <c>?limit=&amp;page_token=</c>, each only when set.</summary>
    public static string ListTablesQuery(int? limit, string? pageToken)
    {
        var parts = new List<string>(2);
        if (limit is { } l)
        {
            parts.Add("limit=" + l.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (pageToken is not null)
        {
            parts.Add("page_token=" + Uri.EscapeDataString(pageToken));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>The query string of a create: <c>?mode=create|exist_ok|overwrite</c>.</summary>
    public static string CreateQuery(CreateMode mode) => "?mode=" + mode switch
    {
        CreateMode.Create => "create",
        CreateMode.ExistOk => "exist_ok",
        CreateMode.Overwrite => "overwrite",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>The query string of a <c>merge_insert</c> keyed on <paramref name="on"/>: update matches (upsert) or not (insert-if-absent).</summary>
    public static string MergeInsertQuery(string on, MergeInsertMode mode) =>
        $"?on={Uri.EscapeDataString(on)}&when_matched_update_all={Bool(mode.UpdateMatched)}"
        + (mode.MatchedFilter is { } filter ? $"&when_matched_update_all_filt={Uri.EscapeDataString(filter)}" : "")
        + $"&when_not_matched_insert_all={Bool(mode.InsertNotMatched)}&when_not_matched_by_source_delete=false";

    private static string Bool(bool value) => value ? "true" : "false";

    public static string Name(DistanceType distance) => distance switch
    {
        DistanceType.Cosine => "cosine",
        DistanceType.Dot => "dot",
        DistanceType.Hamming => "hamming",
        _ => "l2",
    };

    public static string Name(VectorIndexType type) => type switch
    {
        VectorIndexType.IvfFlat => "IVF_FLAT",
        VectorIndexType.IvfSq => "IVF_SQ",
        VectorIndexType.IvfHnswSq => "IVF_HNSW_SQ",
        VectorIndexType.IvfHnswPq => "IVF_HNSW_PQ",
        _ => "IVF_PQ",
    };

    public static string Name(ScalarIndexType type) => type switch
    {
        ScalarIndexType.Bitmap => "BITMAP",
        ScalarIndexType.LabelList => "LABEL_LIST",
        _ => "BTREE",
    };

    public const string FullTextIndexType = "FTS";

    /// <summary>The first server version that takes a structured full-text query (protocol §3).</summary>
    public static readonly Version StructuredFullTextSince = new(0, 3, 0);

    /// <summary>The <c>operator</c> of a <c>match</c> query when none is chosen.</summary>
    public const string FullTextOperatorOr = "Or";

    public static string Name(FullTextOperator op) => op == FullTextOperator.And ? "And" : FullTextOperatorOr;

    /// <summary>The family of a listed index type (<c>IVF_*</c>, <c>BTREE</c>/<c>BITMAP</c>/…, <c>FTS</c>/<c>INVERTED</c>), or null when unknown.</summary>
    public static IndexFamily? FamilyOf(string? indexType) => indexType?.ToUpperInvariant() switch
    {
        null => null,
        FullTextIndexType or "INVERTED" => IndexFamily.FullText,
        "BTREE" or "BITMAP" or "LABEL_LIST" or "NGRAM" or "ZONEMAP" => IndexFamily.Scalar,
        var t when t.StartsWith("IVF_", StringComparison.Ordinal) => IndexFamily.Vector,
        _ => null,
    };
}

/// <summary>What an index serves: vector search, scalar filters or full-text search.</summary>
internal enum IndexFamily
{
    Vector,
    Scalar,
    FullText,
}
