namespace LanceOrm;

/// <summary>
/// An image could not be embedded: its bytes are not an image in a supported format (JPEG, PNG, GIF, BMP, TIFF, TGA,
/// PBM or WebP), are truncated or corrupt, or its file cannot be read. Raised before anything is sent, so nothing of the
/// write is stored. <see cref="Index"/> is the image's position in the call (the row of the batch); on a write,
/// <see cref="Table"/>, <see cref="Property"/> and <see cref="Key"/> name the row.
/// </summary>
public sealed class InvalidImageException : LanceDbException
{
    /// <summary>Creates the exception for the image at <paramref name="index"/> of a call.</summary>
    public InvalidImageException(string message, int index, Exception? innerException = null)
        : base(message, innerException: innerException)
    {
        Index = index;
        Problem = message;
    }

    /// <summary>The image's position among the images of the call (for a write: the row's position in the batch).</summary>
    public int Index { get; }

    /// <summary>The table written, when known.</summary>
    public string? Table { get; init; }

    /// <summary>The <c>[Embed]</c> property holding the image, when known.</summary>
    public string? Property { get; init; }

    /// <summary>The row's key, when known.</summary>
    public object? Key { get; init; }

    /// <summary>
    /// What is wrong with the image, without where it stands (for example "it is a truncated or corrupt JPEG: …"): each
    /// layer that raises it again (the function, the write, the search) names the place in its own words around this.
    /// </summary>
    internal string Problem { get; init; }
}
