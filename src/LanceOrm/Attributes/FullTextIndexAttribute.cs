namespace LanceOrm;

/// <summary>Asks for a full-text (FTS) index on a text column when indices are created for the table.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class FullTextIndexAttribute : Attribute
{
}
