namespace LanceOrm.Protocol;

/// <summary>
/// A namespace path (<c>["ns1", "ns2"]</c>; empty = the root namespace) and the identifiers the protocol builds from it
/// (§1): namespace parts and the table name joined by <c>$</c> (<c>ns1$ns2$table</c>), the root namespace's identifier
/// being <c>$</c> itself. Each part follows the table-name rule, so none can contain the delimiter.
/// </summary>
internal sealed class NamespacePath
{
    public const char Delimiter = '$';

    public static readonly NamespacePath Root = new([]);

    private NamespacePath(string[] parts) => Parts = parts;

    /// <summary>The namespace names from the root down.</summary>
    public IReadOnlyList<string> Parts { get; }

    public bool IsRoot => Parts.Count == 0;

    /// <summary>The namespace identifier in paths: the parts joined by <c>$</c>, or <c>$</c> for the root.</summary>
    public string Identifier => IsRoot ? Delimiter.ToString() : string.Join(Delimiter, Parts);

    /// <summary>The path one level down (the child namespace <paramref name="name"/>, validated).</summary>
    public NamespacePath Child(string name)
    {
        Validate(name);
        return new NamespacePath([.. Parts, name]);
    }

    /// <summary>The path <paramref name="names"/> further down (each validated).</summary>
    public NamespacePath Descend(IEnumerable<string> names) => names.Aggregate(this, static (path, name) => path.Child(name));

    /// <summary>The identifier of table <paramref name="table"/> in this namespace: <c>ns1$ns2$table</c>, or the bare name at the root.</summary>
    public string TableIdentifier(string table) => IsRoot ? table : Identifier + Delimiter + table;

    /// <summary>A namespace name follows the table-name rule (letters, digits, <c>_</c>, <c>-</c>, <c>.</c>), so it never holds the delimiter.</summary>
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!TableNames.IsValid(name))
        {
            throw new ArgumentException($"Namespace name '{name}' is invalid: use only letters, digits, '_', '-' and '.' (never '{Delimiter}', the namespace delimiter).", nameof(name));
        }
    }

    /// <inheritdoc />
    public override string ToString() => Identifier;
}
