namespace LanceOrm;

/// <summary>
/// An embedding function failed to embed texts for a table: its generator threw (a remote endpoint answered an error,
/// a model could not run) or returned something unusable. <see cref="Exception.InnerException"/> is the generator's own
/// error. The message names the function and the table and never carries a credential of the generator.
/// A write that meets it stops as <see cref="WriteFailedException"/> with this as its cause, before the batch is sent.
/// </summary>
public class EmbeddingFailedException : LanceDbException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="function">The embedding function's registry name.</param>
    /// <param name="table">The table the texts were embedded for, or <see langword="null"/> outside a table.</param>
    /// <param name="innerException">The generator's error.</param>
    public EmbeddingFailedException(string function, string? table, Exception innerException)
        : this(
            function,
            table,
            $"Embedding function '{function}' failed{ForTable(table)} on {innerException?.GetType().Name} (the inner exception says why).",
            innerException)
    {
    }

    /// <summary>Creates the exception with a message of the caller's.</summary>
    /// <param name="function">The embedding function's registry name.</param>
    /// <param name="table">The table the texts were embedded for, or <see langword="null"/> outside a table.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The generator's error, if any.</param>
    protected EmbeddingFailedException(string function, string? table, string message, Exception? innerException)
        : base(message, innerException: innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        Function = function;
        Table = table;
    }

    /// <summary>The embedding function's registry name.</summary>
    public string Function { get; }

    /// <summary>The table the texts were embedded for, or <see langword="null"/> outside a table.</summary>
    public string? Table { get; }

    /// <summary>The words " for table '<paramref name="table"/>'", or nothing without a table.</summary>
    private protected static string ForTable(string? table) => table is null ? "" : $" for table '{table}'";
}
