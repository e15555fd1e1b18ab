using Apache.Arrow;
using LanceOrm.Mapping;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData.ProviderServices;

namespace LanceOrm.VectorData.Mapping;

/// <summary>Writes one column of records through an MEVD property model, with LanceOrm's column writers (same storage and checks as generated mappers).</summary>
internal static class ColumnWriter
{
    /// <summary>The column of a data or key property.</summary>
    public static IArrowArray Data<TRecord>(IReadOnlyList<TRecord> rows, LanceColumnInfo column, PropertyModel property, string table)
    {
        object? V(TRecord r) => property.GetValueAsObject(r!);
        var type = Nullable.GetUnderlyingType(property.Type) ?? property.Type;
        return column.Kind switch
        {
            LanceValueKind.String => ArrowColumnWriter.String(rows, column, table, r => (string?)V(r)),
            LanceValueKind.Boolean => ArrowColumnWriter.Boolean(rows, r => (bool?)V(r)),
            LanceValueKind.Int8 => ArrowColumnWriter.Int8(rows, r => (sbyte?)V(r)),
            LanceValueKind.Int16 => ArrowColumnWriter.Int16(rows, r => (short?)V(r)),
            LanceValueKind.Int32 => ArrowColumnWriter.Int32(rows, r => (int?)V(r)),
            LanceValueKind.Int64 => ArrowColumnWriter.Int64(rows, r => (long?)V(r)),
            LanceValueKind.UInt8 => ArrowColumnWriter.UInt8(rows, r => (byte?)V(r)),
            LanceValueKind.UInt16 => ArrowColumnWriter.UInt16(rows, r => (ushort?)V(r)),
            LanceValueKind.UInt32 => ArrowColumnWriter.UInt32(rows, r => (uint?)V(r)),
            LanceValueKind.UInt64 => ArrowColumnWriter.UInt64(rows, r => (ulong?)V(r)),
            LanceValueKind.Float => ArrowColumnWriter.Float(rows, r => (float?)V(r)),
            LanceValueKind.Double => ArrowColumnWriter.Double(rows, r => (double?)V(r)),
            LanceValueKind.Decimal => ArrowColumnWriter.Decimal(rows, column, r => (decimal?)V(r)),
            LanceValueKind.Timestamp when type == typeof(DateTimeOffset) => ArrowColumnWriter.Timestamp(rows, r => (DateTimeOffset?)V(r)),
            LanceValueKind.Timestamp => ArrowColumnWriter.Timestamp(rows, r => (DateTime?)V(r)),
            LanceValueKind.Date => ArrowColumnWriter.Date(rows, r => (DateOnly?)V(r)),
            LanceValueKind.Guid => ArrowColumnWriter.Guid(rows, r => (Guid?)V(r)),
            LanceValueKind.Binary => ArrowColumnWriter.Binary(rows, column, table, r => (byte[]?)V(r)),
            LanceValueKind.StringList => ArrowColumnWriter.StringList(rows, column, table, r => (IEnumerable<string?>?)V(r)),
            _ => throw new NotSupportedException($"Column '{column.ColumnName}' of kind {column.Kind} cannot be written."),
        };
    }

    /// <summary>The column of a vector property: the record's vector, or the one generated for it.</summary>
    public static IArrowArray Vector<TRecord>(IReadOnlyList<TRecord> rows, LanceColumnInfo column, VectorPropertyModel property, Func<TRecord, ReadOnlyMemory<float>?>? generated)
    {
        ReadOnlyMemory<float>? Get(TRecord r)
        {
            if (generated is not null)
            {
                return generated(r);
            }

            var vector = property.GetValueAsObject(r!) switch
            {
                ReadOnlyMemory<float> m => m,
                float[] a => a,
                Embedding<float> e => e.Vector,
                null => (ReadOnlyMemory<float>?)null,
                var other => throw new ArgumentException($"Vector property '{property.ModelName}' holds a {other.GetType().Name}, not a vector.", "records"),
            };
            return vector is { Length: 0 } ? null : vector;
        }

        return ArrowColumnWriter.Vector(rows, column, Get);
    }
}
