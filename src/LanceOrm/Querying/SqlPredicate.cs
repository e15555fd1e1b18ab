namespace LanceOrm.Querying;

/// <summary>
/// A translated boolean sub-expression. It is TRUE exactly for the rows where the C# predicate is true; where the C#
/// predicate is false it is FALSE, or NULL when <see cref="MayBeNull"/> (SQL three-valued logic on a nullable column).
/// A NULL filter drops the row just like FALSE, and AND/OR keep the rule, so only NOT needs the two-valued form
/// (<c>IS NOT TRUE</c>) — the compensation EF Core's relational null semantics performs.
/// </summary>
/// <param name="Text">The SQL text.</param>
/// <param name="MayBeNull">Whether the SQL can evaluate to NULL (always meaning "false").</param>
internal readonly record struct SqlPredicate(string Text, bool MayBeNull)
{
    /// <summary>Always true.</summary>
    public static SqlPredicate True { get; } = new("TRUE", false);

    /// <summary>Always false.</summary>
    public static SqlPredicate False { get; } = new("FALSE", false);

    /// <summary>Whether this is the constant <see cref="True"/>.</summary>
    public bool IsTrue => Text == "TRUE";

    /// <summary>Whether this is the constant <see cref="False"/>.</summary>
    public bool IsFalse => Text == "FALSE";

    /// <summary>A constant.</summary>
    public static SqlPredicate Constant(bool value) => value ? True : False;

    /// <summary><c>a &amp;&amp; b</c>: NULL AND x is NULL or FALSE, both "false".</summary>
    public static SqlPredicate And(SqlPredicate a, SqlPredicate b) =>
        a.IsFalse || b.IsFalse ? False
        : a.IsTrue ? b
        : b.IsTrue ? a
        : new($"({a.Text}) AND ({b.Text})", a.MayBeNull || b.MayBeNull);

    /// <summary><c>a || b</c>: NULL OR x is TRUE exactly when x is.</summary>
    public static SqlPredicate Or(SqlPredicate a, SqlPredicate b) =>
        a.IsTrue || b.IsTrue ? True
        : a.IsFalse ? b
        : b.IsFalse ? a
        : new($"({a.Text}) OR ({b.Text})", a.MayBeNull || b.MayBeNull);

    /// <summary><c>!a</c>: where <paramref name="a"/> may be NULL, <c>IS NOT TRUE</c> turns its NULL ("false") into TRUE.</summary>
    public static SqlPredicate Not(SqlPredicate a) =>
        a.IsTrue ? False
        : a.IsFalse ? True
        : a.MayBeNull ? new($"({a.Text}) IS NOT TRUE", false)
        : new($"NOT ({a.Text})", false);

    /// <inheritdoc />
    public override string ToString() => Text;
}
