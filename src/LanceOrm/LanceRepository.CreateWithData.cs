using System.Runtime.ExceptionServices;
using LanceOrm.Writing;

namespace LanceOrm;

public abstract partial class LanceRepository<T, TKey>
{
    /// <summary>
    /// Creates the table with rows in it, as the official client's <c>createTable(name, rows)</c>: the schema and the rows
    /// travel in the one <c>create</c> request (not retried), their vectors embedded locally as for any write.
    /// </summary>
    /// <remarks>
    /// <para>When the rows are more than one request may hold (<see cref="LanceDbOptions.WriteBatchSize"/> rows,
    /// <see cref="LanceDbOptions.MaxRequestBodyBytes"/> bytes, or what the server accepts: a 413 splits the request), the
    /// table is created with the first of them and the rest are added as <see cref="AddAsync(IEnumerable{T}, IProgress{WriteProgress}?, CancellationToken)"/>
    /// does (idempotent insert-if-absent <c>merge_insert</c>s). If that part fails, the table exists with the rows before
    /// <see cref="WriteFailedException.ResumePosition"/>: finish with <c>AddAsync(rows.Skip(position))</c>.</para>
    /// <para>No rows: a schema-only create, as <see cref="CreateTableAsync(CreateMode, CancellationToken)"/>.
    /// <see cref="CreateMode.ExistOk"/> is refused: on an existing table the server would keep its rows and drop these
    /// silently; create with <see cref="CreateMode.ExistOk"/> and then call <c>AddAsync</c> instead.</para>
    /// </remarks>
    /// <param name="rows">The rows (an in-memory collection is checked before anything is sent).</param>
    /// <param name="mode"><see cref="CreateMode.Create"/> (fail if the table exists) or <see cref="CreateMode.Overwrite"/> (replace it).</param>
    /// <param name="progress">Told after each acknowledged request.</param>
    /// <param name="cancellationToken">Stops the call.</param>
    /// <returns>The totals: rows, inserts, and where each vector came from.</returns>
    /// <exception cref="ArgumentException"><paramref name="mode"/> is <see cref="CreateMode.ExistOk"/> or not a mode.</exception>
    /// <exception cref="InvalidRowException">A row of an in-memory collection cannot be written; nothing was sent.</exception>
    /// <exception cref="TableAlreadyExistsException">The table exists and <paramref name="mode"/> is <see cref="CreateMode.Create"/>.</exception>
    /// <exception cref="WriteFailedException">The table was created, but adding the rows after the first request stopped part-way.</exception>
    public async Task<WriteResult> CreateTableAsync(IEnumerable<T> rows, CreateMode mode = CreateMode.Create, IProgress<WriteProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!Enum.IsDefined(mode))
        {
            throw new ArgumentOutOfRangeException(nameof(mode), mode, null);
        }

        if (mode == CreateMode.ExistOk)
        {
            throw new ArgumentException("CreateMode.ExistOk cannot create a table with rows: on an existing table the server would keep its rows and ignore these. Call CreateTableAsync(CreateMode.ExistOk) and then AddAsync(rows).", nameof(mode));
        }

        var inMemory = CheckIfInMemory(rows);
        var sink = new CreateTableSink(_table, mode, Map.Key.ColumnName);
        WriteResult result;
        try
        {
            result = await WritePipeline<T>.RunAsync(NewWriteTarget(), ToAsync(rows), sink, inMemory, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (WriteFailedException failed) when (!sink.Created && failed.InnerException is { } cause)
        {
            // Nothing was created: the create's own error (the table exists, a bad row, …) is the answer.
            ExceptionDispatchInfo.Capture(cause).Throw();
            throw;
        }
        finally
        {
            if (sink.Created)
            {
                _validation = Task.CompletedTask;
            }
        }

        if (!sink.Created)
        {
            await CreateTableAsync(mode, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
