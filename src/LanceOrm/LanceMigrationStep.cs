using Apache.Arrow.Types;

namespace LanceOrm;

/// <summary>One step of a <see cref="LanceMigrationPlan"/>: what it does to which column, whether it is safe, and whether it will run.</summary>
public sealed class LanceMigrationStep
{
    internal LanceMigrationStep(LanceMigrationStepKind kind, string column, bool isSafe, bool isAllowed, string description)
    {
        Kind = kind;
        Column = column;
        IsSafe = isSafe;
        IsAllowed = isAllowed;
        Description = description;
    }

    /// <summary>What the step does.</summary>
    public LanceMigrationStepKind Kind { get; }

    /// <summary>The column concerned (for a rename, the new name).</summary>
    public string Column { get; }

    /// <summary>Whether the step keeps every value of every row (adding, computing vectors, renaming, relaxing, widening).</summary>
    public bool IsSafe { get; }

    /// <summary>Whether <see cref="LanceRepository{T, TKey}.MigrateAsync"/> will run it: it is safe, or the caller opted in for this column.</summary>
    public bool IsAllowed { get; }

    /// <summary>A human-readable description naming the column, the types, and for a refused step how to allow it.</summary>
    public string Description { get; }

    /// <summary>For a rename, the column's current name.</summary>
    internal string? PreviousName { get; init; }

    /// <summary>For an add or a cast, the column's type (as the entity maps it).</summary>
    internal IArrowType? Type { get; init; }

    /// <summary>For an add, the SQL expression giving every existing row its value.</summary>
    internal string? Expression { get; init; }

    /// <summary>For a step that computes vectors, the [Embed] property's name.</summary>
    internal string? EmbeddedProperty { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"[{(IsSafe ? "safe" : IsAllowed ? "allowed" : "refused")}] {Description}";
}
