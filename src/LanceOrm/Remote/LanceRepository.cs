using System.Linq.Expressions;
using LanceOrm.Mapping;

namespace LanceOrm;

/// <summary>
/// The typed repository over one table; generated repositories (for example <c>ArticleRepository</c>) derive from it.
/// (Contract stub: issue 5 implements it.)
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
public class LanceRepository<T>
{
    /// <summary>Creates a repository.</summary>
    public LanceRepository(LanceDbConnection connection, ILanceEntityMap<T> map)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(map);
        Connection = connection;
        Map = map;
    }

    /// <summary>The connection.</summary>
    public LanceDbConnection Connection { get; }

    /// <summary>The generated mapping.</summary>
    public ILanceEntityMap<T> Map { get; }

    /// <summary>Semantic search: embeds <paramref name="text"/> locally with the property's embedding function.</summary>
    /// <param name="property">An <see cref="EmbedAttribute"/> property (checked at compile time by analyzer LANCE012).</param>
    /// <param name="text">The query text.</param>
    public LanceQuery<T> Search(Expression<Func<T, string>> property, string text) => throw new NotImplementedException();
}
