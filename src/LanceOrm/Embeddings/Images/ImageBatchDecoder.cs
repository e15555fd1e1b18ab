using System.Runtime.ExceptionServices;

namespace LanceOrm.Embeddings.Images;

/// <summary>
/// Decodes the images of one inference batch in parallel, each straight into its slice of the batch tensor
/// (<see cref="SquareImageDecoder"/> then <see cref="BgrMeanWriter"/>).
/// </summary>
internal static class ImageBatchDecoder
{
    /// <summary>
    /// Fills <paramref name="tensor"/> ([count, 3, side, side]) from <paramref name="images"/>[start..start+count].
    /// When several images are bad, the one of the lowest index is reported.
    /// </summary>
    /// <exception cref="InvalidImageException">An image cannot be decoded; its index is its position in <paramref name="images"/>.</exception>
    public static void Decode(IReadOnlyList<ReadOnlyMemory<byte>> images, int start, int count, int side, float[] mean, float[] tensor, CancellationToken cancellationToken)
    {
        var plane = side * side;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, count, options, () => new byte[plane * 4], (i, _, rgba) =>
            {
                SquareImageDecoder.Decode(images[start + i].Span, side, rgba, start + i);
                BgrMeanWriter.Write(rgba, mean, tensor.AsSpan(i * 3 * plane, 3 * plane));
                return rgba;
            }, static _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.All(x => x is InvalidImageException))
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions.Cast<InvalidImageException>().MinBy(x => x.Index)!);
        }
    }
}
