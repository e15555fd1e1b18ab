using System.Runtime.CompilerServices;
using Microsoft.Extensions.VectorData;

namespace LanceOrm.VectorData;

/// <summary>Which failures are the store's (wrapped in <see cref="VectorStoreException"/>), and how they are wrapped.</summary>
internal static class StoreErrors
{
    /// <summary>A failure of the server, the network or the table's state; not a caller error (argument, unsupported input) nor a cancellation.</summary>
    public static bool IsStoreFailure(Exception ex) => ex is LanceDbException or HttpRequestException or System.Text.Json.JsonException;

    /// <summary>The wrapped failure, naming the operation and the collection; the original is the inner exception.</summary>
    public static VectorStoreException Wrap(Exception ex, VectorStoreCollectionMetadata metadata, string operation) =>
        new($"Call to vector store failed: {operation} on LanceDB table '{metadata.CollectionName}': {ex.Message}", ex)
        {
            VectorStoreSystemName = metadata.VectorStoreSystemName,
            VectorStoreName = metadata.VectorStoreName,
            CollectionName = metadata.CollectionName,
            OperationName = operation,
        };

    /// <summary>The same for a store-level operation.</summary>
    public static VectorStoreException Wrap(Exception ex, VectorStoreMetadata metadata, string operation, string? collection = null) =>
        new($"Call to vector store failed: {operation}{(collection is null ? "" : $" on LanceDB table '{collection}'")}: {ex.Message}", ex)
        {
            VectorStoreSystemName = metadata.VectorStoreSystemName,
            VectorStoreName = metadata.VectorStoreName,
            CollectionName = collection,
            OperationName = operation,
        };

    /// <summary>Enumerates <paramref name="source"/>, reporting a store failure as <paramref name="wrap"/> makes it.</summary>
    public static async IAsyncEnumerable<T> Enumerate<T>(IAsyncEnumerable<T> source, Func<Exception, VectorStoreException> wrap, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var enumerator = source.GetAsyncEnumerator(cancellationToken);
        await using (enumerator.ConfigureAwait(false))
        {
            while (true)
            {
                T item;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }

                    item = enumerator.Current;
                }
                catch (Exception ex) when (IsStoreFailure(ex))
                {
                    throw wrap(ex);
                }

                yield return item;
            }
        }
    }
}
