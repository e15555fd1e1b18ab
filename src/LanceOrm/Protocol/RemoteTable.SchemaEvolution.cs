namespace LanceOrm.Protocol;

/// <summary>Schema evolution (protocol §5.11): add columns from SQL expressions, alter columns, drop columns. All retried, as the official client.</summary>
internal sealed partial class RemoteTable
{
    /// <summary>Adds columns whose values are SQL expressions over each existing row; returns the new table version (0 when the server does not say).</summary>
    public Task<long> AddColumnsAsync(IReadOnlyList<NewColumnBody> columns, CancellationToken cancellationToken) =>
        ChangeSchemaAsync(Wire.Actions.AddColumns, RemoteDatabase.Json(new AddColumnsRequest(columns), ProtocolJsonContext.Default.AddColumnsRequest), "add_columns", cancellationToken);

    /// <summary>Renames columns, relaxes their nullability or casts them to another type; returns the new table version.</summary>
    public Task<long> AlterColumnsAsync(IReadOnlyList<ColumnAlterationBody> alterations, CancellationToken cancellationToken) =>
        ChangeSchemaAsync(Wire.Actions.AlterColumns, RemoteDatabase.Json(new AlterColumnsRequest(alterations), ProtocolJsonContext.Default.AlterColumnsRequest), "alter_columns", cancellationToken);

    /// <summary>Drops columns (metadata only on the server); returns the new table version.</summary>
    public Task<long> DropColumnsAsync(IReadOnlyList<string> columns, CancellationToken cancellationToken) =>
        ChangeSchemaAsync(Wire.Actions.DropColumns, RemoteDatabase.Json(new DropColumnsRequest(columns), ProtocolJsonContext.Default.DropColumnsRequest), "drop_columns", cancellationToken);

    private async Task<long> ChangeSchemaAsync(string action, HttpContent content, string operation, CancellationToken cancellationToken)
    {
        using var request = Write(action, content);
        using var response = await _database.SendAsync(request, new ErrorContext(Call(operation)), cancellationToken).ConfigureAwait(false);
        return await WroteAsync(response, cancellationToken).ConfigureAwait(false) ?? 0;
    }
}
