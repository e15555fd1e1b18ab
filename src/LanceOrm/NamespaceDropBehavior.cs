namespace LanceOrm;

/// <summary>What dropping a namespace that still holds tables or namespaces does.</summary>
public enum NamespaceDropBehavior
{
    /// <summary>Refuse with <see cref="NamespaceNotEmptyException"/>; nothing is dropped.</summary>
    Restrict,
    /// <summary>Drop its tables and child namespaces (all their rows are lost), then the namespace.</summary>
    Cascade,
}
