using LanceOrm.Embeddings;
using LanceOrm.Mapping;
using LanceOrm.Protocol;

namespace LanceOrm.Writing;

/// <summary>What a write needs, handed to it explicitly by its repository: the table client, the mapping, the embedding functions, the wire batch size and the pipeline depth.</summary>
internal sealed record WriteTarget<T>(RemoteTable Table, ILanceEntityMap<T> Map, EmbeddingRegistry Embeddings, int BatchSize, int Depth);
