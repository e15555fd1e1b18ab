namespace LanceOrm;

/// <summary>What to do when creating a namespace whose name is taken (the lance-namespace create modes).</summary>
public enum NamespaceCreateMode
{
    /// <summary>Fail with <see cref="NamespaceAlreadyExistsException"/>.</summary>
    Create,
    /// <summary>Keep the existing namespace and its properties.</summary>
    ExistOk,
    /// <summary>Drop the existing namespace with everything in it, and create a new, empty one.</summary>
    Overwrite,
}
