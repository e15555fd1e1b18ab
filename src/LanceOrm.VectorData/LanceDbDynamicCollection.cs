using LanceOrm.VectorData.Model;
using Microsoft.Extensions.VectorData;

namespace LanceOrm.VectorData;

/// <summary>
/// A LanceDB table as a collection of <c>Dictionary&lt;string, object?&gt;</c> records, described by a
/// <see cref="VectorStoreCollectionDefinition"/> (no record type, no reflection). Filters address properties as
/// <c>r =&gt; (int)r["Year"] &gt; 2020</c>.
/// </summary>
public sealed class LanceDbDynamicCollection : LanceDbCollection<object, Dictionary<string, object?>>
{
    /// <summary>Creates a dynamic collection over the table <paramref name="name"/>.</summary>
    /// <param name="connection">The LanceDB connection (not owned).</param>
    /// <param name="name">The table name.</param>
    /// <param name="options">The record definition (required) and embedding generator, if any.</param>
    /// <exception cref="ArgumentException">No definition is given.</exception>
    public LanceDbDynamicCollection(LanceDbConnection connection, string name, LanceDbCollectionOptions options)
        : base(
            connection,
            name,
            static options => new LanceDbModelBuilder().BuildDynamic(
                options.Definition ?? throw new ArgumentException("A dynamic collection needs a record definition (LanceDbCollectionOptions.Definition).", nameof(options)),
                options.EmbeddingGenerator),
            options ?? throw new ArgumentNullException(nameof(options)))
    {
    }
}
