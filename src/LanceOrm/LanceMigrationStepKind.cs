namespace LanceOrm;

/// <summary>What a <see cref="LanceMigrationStep"/> does to the table.</summary>
public enum LanceMigrationStepKind
{
    /// <summary>Adds a nullable column the entity maps and the table lacks, empty (null) in every existing row. Safe.</summary>
    AddColumn,

    /// <summary>
    /// Adds the vector column of a new <see cref="EmbedAttribute"/> property and computes its vectors locally from the
    /// existing rows' text, as a write would. Safe.
    /// </summary>
    AddEmbeddingVector,

    /// <summary>
    /// Adds a non-nullable column: existing rows need a value, so it is refused unless the caller gives a default
    /// (<see cref="LanceMigrationOptions.AddWithDefault"/>).
    /// </summary>
    AddRequiredColumn,

    /// <summary>Computes the vectors an existing <see cref="EmbedAttribute"/> vector column lacks for rows that have text (a migration that stopped part-way). Safe.</summary>
    ComputeMissingVectors,

    /// <summary>Renames a column, as asked with <see cref="LanceMigrationOptions.Rename"/>; its data is kept. Safe.</summary>
    RenameColumn,

    /// <summary>Makes a non-nullable column nullable, as the entity now maps it. Safe.</summary>
    RelaxNullability,

    /// <summary>Casts a column to a wider type of its family (<c>int32</c> → <c>int64</c>, <c>float</c> → <c>double</c>); every value is kept. Safe.</summary>
    WidenType,

    /// <summary>Casts a column to a narrower or another type: values may not survive, so it is refused unless allowed (<see cref="LanceMigrationOptions.AllowTypeChange"/>).</summary>
    ChangeType,

    /// <summary>
    /// Replaces a vector column whose dimension changed (its vectors are lost; an <see cref="EmbedAttribute"/> column's are
    /// computed again): refused unless allowed (<see cref="LanceMigrationOptions.AllowTypeChange"/>).
    /// </summary>
    RecreateVectorColumn,

    /// <summary>Drops a column the entity no longer maps (its data is lost): refused unless allowed (<see cref="LanceMigrationOptions.AllowDrop"/>).</summary>
    DropColumn,
}
