namespace LanceOrm;

/// <summary>What to do when creating a table whose name is taken.</summary>
public enum CreateMode
{
    /// <summary>Fail with <see cref="TableAlreadyExistsException"/>.</summary>
    Create,
    /// <summary>Keep the existing table (its schema is then validated like <c>OpenAsync</c>).</summary>
    ExistOk,
    /// <summary>Replace the existing table (all rows are lost).</summary>
    Overwrite,
}
