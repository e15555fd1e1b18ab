using System.Text.Json.Serialization;

namespace LanceOrm.Protocol;

/// <summary><c>multipart_write/create</c>: <c>{"upload_id"}</c>.</summary>
internal sealed record MultipartCreateResponse([property: JsonPropertyName("upload_id")] string? UploadId);
