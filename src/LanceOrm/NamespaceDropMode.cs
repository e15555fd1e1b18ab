namespace LanceOrm;

/// <summary>What dropping a namespace that does not exist does.</summary>
public enum NamespaceDropMode
{
    /// <summary>Fail with <see cref="NamespaceNotFoundException"/>.</summary>
    Fail,
    /// <summary>Succeed without doing anything.</summary>
    Skip,
}
