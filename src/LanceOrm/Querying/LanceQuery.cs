namespace LanceOrm;

/// <summary>A query over a table: vector, full-text, hybrid or plain filtered scan. (Contract stub: issue 5 implements it.)</summary>
/// <typeparam name="T">The entity type.</typeparam>
public sealed class LanceQuery<T>
{
}
