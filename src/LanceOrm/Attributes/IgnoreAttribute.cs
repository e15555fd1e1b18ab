namespace LanceOrm;

/// <summary>Excludes a property from the table.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class IgnoreAttribute : Attribute
{
}
