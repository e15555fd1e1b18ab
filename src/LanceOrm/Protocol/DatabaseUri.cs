namespace LanceOrm.Protocol;

/// <summary>A parsed <c>db://{database}[/{prefix}]</c> URI.</summary>
internal sealed record DatabaseUri(string Database, string? Prefix)
{
    public static DatabaseUri Parse(string uri)
    {
        if (string.IsNullOrWhiteSpace(uri) || !uri.StartsWith("db://", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The LanceDB URI '{uri}' is invalid: expected db://{{database}} or db://{{database}}/{{prefix}}.", nameof(uri));
        }

        var rest = uri["db://".Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var database = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? null : rest[(slash + 1)..].Trim('/');
        if (database.Length == 0)
        {
            throw new ArgumentException($"The LanceDB URI '{uri}' names no database.", nameof(uri));
        }

        return new DatabaseUri(database, string.IsNullOrEmpty(prefix) ? null : prefix);
    }
}
