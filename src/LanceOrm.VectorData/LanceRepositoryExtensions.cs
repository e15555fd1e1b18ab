using LanceOrm.VectorData.Model;

namespace LanceOrm.VectorData;

/// <summary>LanceOrm entities as Microsoft.Extensions.VectorData collections.</summary>
public static class LanceRepositoryExtensions
{
    /// <summary>
    /// The repository's table as a <see cref="LanceDbCollection{TKey, TRecord}"/>, through the entity's generated mapper
    /// (no reflection): the same entity works with both APIs. Upserts embed locally like the repository's writes; an
    /// <see cref="EmbedAttribute"/> property is a vector property searched by its text
    /// (<c>collection.SearchAsync("text", 5, new() { VectorProperty = x =&gt; x.Body })</c>), a <see cref="VectorAttribute"/>
    /// property one searched by vector; full-text-indexed properties take part in hybrid search.
    /// </summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <param name="repository">The repository (for example <c>connection.Articles()</c>).</param>
    public static LanceDbCollection<TKey, T> AsVectorStoreCollection<T, TKey>(this LanceRepository<T, TKey> repository)
        where T : class
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(repository);
        var shape = new MappedShape<T>(repository.Map, (binding, text, cancellationToken) => repository.Source.EmbedQueryAsync(binding, text, cancellationToken));
        return new LanceDbCollection<TKey, T>(repository, shape);
    }
}
