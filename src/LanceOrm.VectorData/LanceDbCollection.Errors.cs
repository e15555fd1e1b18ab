using Microsoft.Extensions.VectorData;

namespace LanceOrm.VectorData;

public partial class LanceDbCollection<TKey, TRecord>
{
    /// <summary>Runs an operation, reporting a failure of the database or the network as <see cref="VectorStoreException"/> (MEVD's contract).</summary>
    private async Task<T> RunAsync<T>(string operation, Func<Task<T>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (StoreErrors.IsStoreFailure(ex))
        {
            throw StoreErrors.Wrap(ex, _metadata, operation);
        }
    }

    private Task RunAsync(string operation, Func<Task> action) =>
        RunAsync(operation, async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        });

    /// <summary>Enumerates <paramref name="source"/>, reporting store failures as <see cref="RunAsync{T}"/> does.</summary>
    private IAsyncEnumerable<T> WrapAsync<T>(IAsyncEnumerable<T> source, string operation, CancellationToken cancellationToken) =>
        StoreErrors.Enumerate(source, ex => StoreErrors.Wrap(ex, _metadata, operation), cancellationToken);
}
