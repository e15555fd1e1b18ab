using System.Text.Json.Serialization;

namespace LanceOrm.Protocol;

/// <summary><c>insert</c> and <c>multipart_write/complete</c>: <c>{"version"}</c> (an empty body or <c>{}</c> ⇒ 0, legacy servers).</summary>
internal sealed record InsertResponse([property: JsonPropertyName("version")] long? Version);

/// <summary><c>multipart_write/create</c>: <c>{"upload_id"}</c>.</summary>
internal sealed record MultipartCreateResponse([property: JsonPropertyName("upload_id")] string? UploadId);
