using System.Numerics.Tensors;

namespace LanceOrm.Embeddings;

/// <summary>
/// sentence-transformers' pooling: the mean of the token vectors whose attention mask is 1 (divided by
/// max(mask sum, 1e-9)), then L2 normalisation (divided by max(norm, 1e-12)).
/// </summary>
internal static class MeanPooling
{
    /// <param name="hidden">One row of <c>last_hidden_state</c>: <c>mask.Length * destination.Length</c> floats.</param>
    /// <param name="mask">The row's attention mask.</param>
    /// <param name="destination">The sentence vector (its length is the hidden size).</param>
    public static void PoolAndNormalize(ReadOnlySpan<float> hidden, ReadOnlySpan<long> mask, Span<float> destination)
    {
        var size = destination.Length;
        destination.Clear();
        long count = 0;
        for (var t = 0; t < mask.Length; t++)
        {
            if (mask[t] == 0)
            {
                continue;
            }

            count++;
            TensorPrimitives.Add(destination, hidden.Slice(t * size, size), destination);
        }

        TensorPrimitives.Divide(destination, (float)Math.Max(count, 1e-9), destination);
        var norm = TensorPrimitives.Norm(destination);
        TensorPrimitives.Divide(destination, MathF.Max(norm, 1e-12f), destination);
    }
}
