namespace LanceOrm;

/// <summary>
/// Marks a <c>partial</c> class or record as a LanceDB table. The LanceOrm source generator emits its Arrow schema,
/// a reflection-free mapper and a typed repository. On a struct it reports LANCE014 (entities are classes or record classes).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class LanceTableAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The table name on the server (alphanumerics, <c>_</c>, <c>-</c>, <c>.</c>).</param>
    public LanceTableAttribute(string name) => Name = name;

    /// <summary>The table name on the server.</summary>
    public string Name { get; }
}
