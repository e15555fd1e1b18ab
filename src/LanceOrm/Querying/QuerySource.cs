using Apache.Arrow;
using LanceOrm.Embeddings;
using LanceOrm.Mapping;
using LanceOrm.Protocol;

namespace LanceOrm.Querying;

/// <summary>What a query runs against, handed to it explicitly by its repository: the table client, the mapping, the filter translator and the embedding functions.</summary>
internal sealed record QuerySource<T>(RemoteTable Table, ILanceEntityMap<T> Map, FilterTranslator<T> Translator, EmbeddingRegistry Embeddings)
{
    /// <summary>
    /// The one place entities are made from a query's record batch (through the generated <see cref="ILanceEntityMap{T}.ReadBatch"/>).
    /// </summary>
    public IReadOnlyList<T> Read(RecordBatch batch) => Map.ReadBatch(batch);

    /// <summary>Embeds a query text with the function of <paramref name="binding"/>.</summary>
    public async Task<float[]> EmbedAsync(EmbeddingBinding<T> binding, string text, CancellationToken cancellationToken)
    {
        var function = Embeddings.Resolve(binding.FunctionName, binding.Dimensions, binding.SourcePropertyName, binding.VectorColumn);
        var vector = new float[function.Dimensions];
        await function.EmbedForTableAsync([text], vector, Table.Name, cancellationToken).ConfigureAwait(false);
        return vector;
    }
}
