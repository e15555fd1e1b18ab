using System.Linq.Expressions;
using LanceOrm.Mapping;
using LanceOrm.VectorData.Querying;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace LanceOrm.VectorData.Model;

/// <summary>
/// The shape of a LanceOrm entity, from its generated mapping (no reflection): each <see cref="EmbedAttribute"/>
/// property is a vector property searched by its text (embedded locally with its embedding function), each
/// <see cref="VectorAttribute"/> property a vector property searched by vector. The distance function is the one of the
/// column's declared <see cref="VectorIndexAttribute"/>, else LanceDB's default (<c>l2</c>, Euclidean squared).
/// </summary>
/// <typeparam name="TRecord">The entity type.</typeparam>
internal sealed class MappedShape<TRecord> : IRecordShape<TRecord>
{
    private readonly Func<EmbeddingBinding<TRecord>, string, CancellationToken, Task<float[]>> _embed;
    private readonly Dictionary<string, SearchTarget> _vectorsByProperty = new(StringComparer.Ordinal);
    private readonly List<SearchTarget> _vectors = [];
    private readonly Dictionary<string, LanceColumnInfo> _columnsByProperty;

    public MappedShape(ILanceEntityMap<TRecord> map, Func<EmbeddingBinding<TRecord>, string, CancellationToken, Task<float[]>> embed)
    {
        Map = map;
        _embed = embed;
        _columnsByProperty = map.Columns.Where(c => c.PropertyName.Length > 0).ToDictionary(c => c.PropertyName, StringComparer.Ordinal);
        foreach (var binding in map.Embeddings)
        {
            var target = new SearchTarget(binding.VectorColumn, DistanceOf(map, binding.VectorColumn, binding.SourcePropertyName), binding);
            _vectors.Add(target);
            _vectorsByProperty[binding.SourcePropertyName] = target;
        }

        foreach (var column in map.Columns.Where(c => c.Kind == LanceValueKind.Vector && c.PropertyName.Length > 0))
        {
            if (_vectors.FirstOrDefault(v => v.Column == column.ColumnName) is { } embedded)
            {
                _vectorsByProperty[column.PropertyName] = embedded;
                continue;
            }

            var target = new SearchTarget(column.ColumnName, DistanceOf(map, column.ColumnName, column.PropertyName), column);
            _vectors.Add(target);
            _vectorsByProperty[column.PropertyName] = target;
        }
    }

    public ILanceEntityMap<TRecord> Map { get; }

    public bool EmbeddingGenerationRequired => false;

    public SearchTarget Vector(Expression<Func<TRecord, object?>>? selector)
    {
        if (selector is not null)
        {
            var name = PropertyName(selector);
            return _vectorsByProperty.TryGetValue(name, out var target)
                ? target
                : throw new InvalidOperationException($"Property '{name}' of {typeof(TRecord).Name} is neither an [Embed] nor a [Vector] property.");
        }

        return _vectors switch
        {
            [var single] => single,
            [] => throw new InvalidOperationException($"The '{typeof(TRecord).Name}' type does not have any vector properties."),
            _ => throw new InvalidOperationException($"The '{typeof(TRecord).Name}' type has multiple vector properties, please specify your chosen property via options."),
        };
    }

    public string FullTextColumn(Expression<Func<TRecord, object?>>? selector)
    {
        var indexed = Map.Columns.Where(c => c.Kind == LanceValueKind.String && (c.HasFullTextIndex || Map.Indices.Any(i => i is FullTextIndexDeclaration && i.ColumnName == c.ColumnName))).ToList();
        if (selector is not null)
        {
            var name = PropertyName(selector);
            return indexed.FirstOrDefault(c => c.PropertyName == name)?.ColumnName
                ?? throw new InvalidOperationException($"The property '{name}' on '{typeof(TRecord).Name}' must have full text search indexing enabled ([FullTextIndex]).");
        }

        return indexed switch
        {
            [var single] => single.ColumnName,
            [] => throw new InvalidOperationException($"The '{typeof(TRecord).Name}' type does not have any text data properties that have full text indexing enabled."),
            _ => throw new InvalidOperationException($"The '{typeof(TRecord).Name}' type has multiple text data properties that have full text indexing enabled, please specify your chosen property via options."),
        };
    }

    public string Column(Expression<Func<TRecord, object?>> selector)
    {
        var name = PropertyName(selector);
        return _columnsByProperty.TryGetValue(name, out var column) && column.Kind != LanceValueKind.Vector
            ? column.ColumnName
            : throw new InvalidOperationException($"Property '{name}' of {typeof(TRecord).Name} is not a mapped data or key property.");
    }

    public async ValueTask<float[]> QueryVectorAsync<TInput>(SearchTarget target, TInput value, CancellationToken cancellationToken) => value switch
    {
        ReadOnlyMemory<float> m => m.ToArray(),
        float[] a => a,
        Embedding<float> e => e.Vector.ToArray(),
        string text when target.Source is EmbeddingBinding<TRecord> binding => await _embed(binding, text, cancellationToken).ConfigureAwait(false),
        string => throw new NotSupportedException($"Vector column '{target.Column}' of {typeof(TRecord).Name} has no embedding function ([Embed]); search it with a vector."),
        _ => throw new NotSupportedException($"A {value!.GetType().Name} cannot be searched: pass a vector (ReadOnlyMemory<float>, float[], Embedding<float>) or, for an [Embed] property, its text."),
    };

    public Task<IReadOnlyList<TRecord>> PrepareAsync(IEnumerable<TRecord> records, CancellationToken cancellationToken) =>
        Task.FromResult(records as IReadOnlyList<TRecord> ?? records.ToList());

    public void Release(IReadOnlyList<TRecord> records)
    {
    }

    private static Distance DistanceOf(ILanceEntityMap<TRecord> map, string column, string property)
    {
        var declared = map.Indices.OfType<VectorIndexDeclaration>().FirstOrDefault(i => i.ColumnName == column)?.DistanceType ?? DistanceType.L2;
        return Distances.For(
            declared switch
            {
                DistanceType.Cosine => DistanceFunction.CosineDistance,
                DistanceType.Dot => DistanceFunction.DotProductSimilarity,
                DistanceType.L2 => DistanceFunction.EuclideanSquaredDistance,
                _ => throw new NotSupportedException($"The distance {declared} of vector column '{column}' has no Microsoft.Extensions.VectorData distance function."),
            },
            property);
    }

    private static string PropertyName(Expression<Func<TRecord, object?>> selector)
    {
        var body = selector.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            body = convert.Operand;
        }

        return body is MemberExpression { Expression: ParameterExpression parameter } member && parameter == selector.Parameters[0]
            ? member.Member.Name
            : throw new InvalidOperationException($"'{selector}' is not a property access such as x => x.Body.");
    }
}
