namespace LanceOrm;

/// <summary>Marks the property that identifies a row; upserts (merge_insert) match on this column.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class KeyAttribute : Attribute
{
}
