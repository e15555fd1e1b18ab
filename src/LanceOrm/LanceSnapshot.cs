using System.Linq.Expressions;
using LanceOrm.Embeddings;
using LanceOrm.Querying;

namespace LanceOrm;

/// <summary>
/// A read-only view of a table at one version (time travel), from <see cref="LanceRepository{T, TKey}.AtVersionAsync"/>
/// or <see cref="LanceRepository{T, TKey}.AtTagAsync"/>. Its queries, searches, counts and lookups read that version
/// whatever is written later (every request names the version); it has no write methods. Cheap to keep; thread-safe.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <typeparam name="TKey">The type of the entity's <c>[Key]</c> property.</typeparam>
public sealed class LanceSnapshot<T, TKey>
    where TKey : notnull
{
    private readonly LanceRepository<T, TKey> _repository;
    private readonly QuerySource<T> _source;

    internal LanceSnapshot(LanceRepository<T, TKey> repository, QuerySource<T> source, string? tag)
    {
        _repository = repository;
        _source = source;
        Tag = tag;
    }

    /// <summary>The table name.</summary>
    public string TableName => _repository.TableName;

    /// <summary>The version this view reads.</summary>
    public long Version => _source.Table.Version!.Value;

    /// <summary>The tag the view was opened by, or <c>null</c> when it was opened by version number.</summary>
    public string? Tag { get; }

    /// <summary>A plain scan (filter, projection, limit) over this version.</summary>
    public LanceQuery<T> Query() => new(_source);

    /// <inheritdoc cref="LanceRepository{T, TKey}.Search(Expression{Func{T, string}}, string)"/>
    public LanceQuery<T> Search(Expression<Func<T, string>> property, string text) => _repository.SearchIn(_source, property, text);

    /// <inheritdoc cref="LanceRepository{T, TKey}.Search(ReadOnlyMemory{float}, string?)"/>
    public LanceQuery<T> Search(ReadOnlyMemory<float> vector, string? vectorColumn = null) => _repository.SearchIn(_source, vector, vectorColumn);

    /// <inheritdoc cref="LanceRepository{T, TKey}.Search{TImage}(Expression{Func{T, TImage}}, ImageInput)"/>
    public LanceQuery<T> Search<TImage>(Expression<Func<T, TImage>> property, ImageInput image) => _repository.SearchIn(_source, property, image);

    /// <summary>Full-text search over this version (see <see cref="LanceRepository{T, TKey}.FullTextSearch(string, Expression{Func{T, string}}[])"/>); the columns need a full-text index in this version.</summary>
    /// <exception cref="IndexNotFoundException">(When run) a searched column has no full-text index in this version.</exception>
    public LanceQuery<T> FullTextSearch(string text, params Expression<Func<T, string>>[] columns) => _repository.FullTextSearchIn(_source, text, columns);

    /// <summary>Hybrid search over this version (see <see cref="LanceRepository{T, TKey}.HybridSearch(Expression{Func{T, string}}, string)"/>).</summary>
    /// <exception cref="IndexNotFoundException">(When run) the column has no full-text index in this version.</exception>
    public LanceQuery<T> HybridSearch(Expression<Func<T, string>> property, string text) => _repository.HybridSearchIn(_source, property, text);

    /// <summary>Full-text search with a structured query over this version (see <see cref="LanceRepository{T, TKey}.FullTextSearch(FullTextQuery{T})"/>).</summary>
    /// <exception cref="IndexNotFoundException">(When run) a searched column has no full-text index in this version.</exception>
    public LanceQuery<T> FullTextSearch(FullTextQuery<T> query) => _repository.FullTextSearchIn(_source, query);

    /// <summary>Hybrid search with a structured full-text side over this version (see <see cref="LanceRepository{T, TKey}.HybridSearch(Expression{Func{T, string}}, string, FullTextQuery{T})"/>).</summary>
    /// <exception cref="IndexNotFoundException">(When run) a column of <paramref name="fullText"/> has no full-text index in this version.</exception>
    public LanceQuery<T> HybridSearch(Expression<Func<T, string>> property, string text, FullTextQuery<T> fullText) => _repository.HybridSearchIn(_source, property, text, fullText);

    /// <summary>The row with that key in this version, or <c>null</c>.</summary>
    public Task<T?> GetAsync(TKey key, CancellationToken cancellationToken = default) => _repository.GetInAsync(_source, key, cancellationToken);

    /// <summary>Counts the rows of this version, optionally those matching <paramref name="where"/>.</summary>
    public Task<long> CountAsync(Expression<Func<T, bool>>? where = null, CancellationToken cancellationToken = default) =>
        _repository.CountInAsync(_source, where, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"LanceSnapshot<{typeof(T).Name}> {{ Table = {TableName}, Version = {Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}{(Tag is null ? "" : $", Tag = {Tag}")} }}";
}
