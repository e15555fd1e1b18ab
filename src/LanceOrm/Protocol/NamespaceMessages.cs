using System.Text.Json.Serialization;

namespace LanceOrm.Protocol;

/// <summary>
/// <c>POST /v1/namespace/{ns}/create</c> (lance-namespace CreateNamespaceRequest): <c>{"mode"?, "properties"?}</c>, each
/// only when set. The mode is the spec's PascalCase name (<c>ExistOk</c>, <c>Overwrite</c>); see
/// <see cref="Wire.Name(NamespaceCreateMode)"/>.
/// </summary>
internal sealed record CreateNamespaceRequest(
    [property: JsonPropertyName("mode")] string? Mode,
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string>? Properties);

/// <summary><c>POST /v1/namespace/{ns}/drop</c> (lance-namespace DropNamespaceRequest): <c>{"mode"?, "behavior"?}</c>, each only when set.</summary>
internal sealed record DropNamespaceRequest(
    [property: JsonPropertyName("mode")] string? Mode,
    [property: JsonPropertyName("behavior")] string? Behavior);

/// <summary><c>POST /v1/namespace/{ns}/describe</c>: <c>{}</c>, as the official client sends it.</summary>
internal sealed record DescribeNamespaceRequest;

/// <summary>The answer to create and describe: <c>{"properties"?: {str: str}}</c>.</summary>
internal sealed record NamespacePropertiesResponse(
    [property: JsonPropertyName("properties")] IReadOnlyDictionary<string, string>? Properties);

/// <summary><c>GET /v1/namespace/{ns}/list</c>: one page of child namespace names and the next page's token.</summary>
internal sealed record ListNamespacesResponse(
    [property: JsonPropertyName("namespaces")] IReadOnlyList<string>? Namespaces,
    [property: JsonPropertyName("page_token")] string? PageToken);
