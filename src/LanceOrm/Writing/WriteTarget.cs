using LanceOrm.Embeddings;
using LanceOrm.Mapping;
using LanceOrm.Protocol;
using Microsoft.Extensions.Logging;

namespace LanceOrm.Writing;

/// <summary>What a write needs, handed to it explicitly by its repository: the table client, the mapping, the embedding functions, the wire batch size, the pipeline depth, the request body limit and the logger.</summary>
internal sealed record WriteTarget<T>(RemoteTable Table, ILanceEntityMap<T> Map, EmbeddingRegistry Embeddings, int BatchSize, int Depth, long MaxBodyBytes, ILogger Logger)
{
    /// <summary>An embedding whose vectors are computed for every row, ignoring those the rows carry (a re-embed); none by default.</summary>
    public EmbeddingBinding<T>? Recompute { get; init; }
}
